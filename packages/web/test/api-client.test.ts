// One way to reach the API: every request and download link of the web app is
// built from the shared route table by api/client.ts.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { hrefOf, pathOf } from "../src/api/client.ts";

const SRC = fileURLToPath(new URL("../src", import.meta.url));
const CLIENT = join(SRC, "api/client.ts");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

describe("the API client", () => {
  it("is the only code that calls the network or writes an API address", () => {
    const offenders = sources(SRC)
      .filter((file) => file !== CLIENT)
      .flatMap((file) =>
        readFileSync(file, "utf8")
          .split("\n")
          .map((line, i) => ({ line, at: `${file.slice(SRC.length)}:${i + 1}` }))
          .filter(({ line }) => /\bfetch\(|XMLHttpRequest|\/api\/v1/.test(line))
          .map(({ at, line }) => `${at} ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });

  it("fills a route's parameters, escaped, and appends its query without empty values", () => {
    expect(pathOf("compareWorkplans", { id: "a/b" }, { with: "c d", skipped: undefined })).toBe("/workplans/a%2Fb/comparison?with=c+d");
    expect(hrefOf("exportWorkplan", { id: "p1" }, { format: "awp" })).toBe("/api/v1/workplans/p1/export?format=awp");
    expect(() => pathOf("getWorkplan")).toThrow(/no id/);
  });
});
