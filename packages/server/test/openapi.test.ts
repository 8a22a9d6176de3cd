import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestContext } from "./helpers/app.ts";

describe("OpenAPI", () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp("pglite");
  });
  afterAll(() => ctx.close());

  it("documents every route from its zod schemas at /api/docs", async () => {
    const ui = await ctx.app.inject({ method: "GET", url: "/api/docs" });
    expect([200, 302]).toContain(ui.statusCode);
    const spec = (await ctx.app.inject({ method: "GET", url: "/api/docs/json" })).json();
    expect(spec.openapi).toMatch(/^3\./);
    const paths = Object.keys(spec.paths);
    for (const path of [
      "/api/v1/health",
      "/api/v1/auth/login",
      "/api/v1/projects",
      "/api/v1/projects/{id}/nodes",
      "/api/v1/workplans/{id}/summary",
      "/api/v1/workplans/{id}/transitions",
      "/api/v1/activities/{id}/budget-lines",
      "/api/v1/budget-lines/{id}",
      "/api/v1/audit",
      "/api/v1/portfolio/export.csv",
      "/api/v1/documents/check",
    ]) {
      expect(paths).toContain(path);
    }
    // The portfolio's csv: its filters documented as query parameters, under the exports.
    const portfolioExport = spec.paths["/api/v1/portfolio/export.csv"].get;
    expect(portfolioExport.tags).toEqual(["export"]);
    const parameters = (portfolioExport.parameters as { name: string; in: string }[]).filter((p) => p.in === "query").map((p) => p.name);
    expect(parameters).toEqual(expect.arrayContaining(["year", "organisationId", "lang"]));
    expect(parameters).not.toContain("page");
    const createLine = spec.paths["/api/v1/activities/{id}/budget-lines"].post;
    const schema = createLine.requestBody.content["application/json"].schema;
    expect(schema.properties.amount).toBeDefined();
  });
});
