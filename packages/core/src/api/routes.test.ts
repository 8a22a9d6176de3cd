import { describe, expect, it } from "vitest";
import { routePaths } from "./paths.ts";
import { routes } from "./routes.ts";

describe("the route table", () => {
  it("names each route where paths.ts places it, and places every route", () => {
    expect(Object.keys(routes).sort()).toEqual(Object.keys(routePaths).sort());
    for (const [name, route] of Object.entries(routes)) {
      expect({ method: route.method, path: route.path }, name).toEqual(routePaths[name as keyof typeof routePaths]);
    }
  });

  it("has one route per method and path", () => {
    const places = Object.values(routePaths).map((p) => `${p.method} ${p.path}`);
    expect(new Set(places).size).toBe(places.length);
  });
});
