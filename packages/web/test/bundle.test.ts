// The weight budget of the first visit, measured on the build the test run made
// (built from the current sources by web-build.ts).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { INITIAL_JS_BUDGET_BYTES } from "../vite.config.ts";
import { ensureWebBuild } from "../../server/test/helpers/web-build.ts";

interface BundleReport {
  initialJsGzip: number;
  budget: number;
  initialFiles: { name: string; gzip: number }[];
  lazyChunks: number;
}

await ensureWebBuild();
const report = JSON.parse(readFileSync(new URL("../dist/bundle-report.json", import.meta.url), "utf8")) as BundleReport;

describe("web bundle", () => {
  it(`keeps the initial JavaScript within ${INITIAL_JS_BUDGET_BYTES / 1024} KB gzip`, () => {
    console.info(`initial JavaScript: ${(report.initialJsGzip / 1024).toFixed(1)} KB gzip in ${report.initialFiles.length} files`);
    expect(report.budget).toBe(INITIAL_JS_BUDGET_BYTES);
    expect(report.initialJsGzip).toBeGreaterThan(0);
    expect(report.initialJsGzip).toBeLessThanOrEqual(INITIAL_JS_BUDGET_BYTES);
  });

  it("loads the screens, the grid and the charts on demand", () => {
    const initial = report.initialFiles.map((f) => f.name).join(" ");
    expect(initial).not.toMatch(/WorkplanPage|TotalsPanel|ImportWizard|PortfolioPage/);
    // React's development build is twice the size: the measured build must be the one users get.
    expect(initial).not.toMatch(/jsx-dev-runtime/);
    expect(report.lazyChunks).toBeGreaterThanOrEqual(5);
  });
});
