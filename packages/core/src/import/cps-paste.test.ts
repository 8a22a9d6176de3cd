// The 2024 action plan of a ministry's planning cell (CPS), pasted as text from
// its Word table: objectives > results > activities, costs in thousands of F CFA
// or "PM", headers repeated at page breaks, and rows whose cells came out one
// column to the left, as Word tables often do when copied.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Grid } from "./grid.ts";
import { interpretGrid } from "./interpret.ts";
import { reportImport } from "./report.ts";

const TEXT = readFileSync(new URL("./fixtures/cps-plan-action-2024.txt", import.meta.url), "utf8");
const grid: Grid = { name: "Plan d'action 2024", rows: TEXT.split(/\r?\n/).map((line) => line.split("\t")) };

describe("the CPS 2024 action plan pasted from Word", () => {
  it("gives its 20 activities, PM ones without cost, and a total of 71 500 000 equal to the declared one", () => {
    const plan = interpretGrid(grid, { year: 2024 });
    const report = reportImport(plan, "fr");
    const codes = plan.activities.map((a) => a.code);
    expect(codes).toHaveLength(20);
    expect(codes[0]).toBe("1.1.2");
    expect(codes.at(-1)).toBe("6.1.2");
    expect(codes).toContain("2.2.2");
    expect(codes).toContain("2.2.3");
    const byCode = new Map(plan.activities.map((a) => [a.code, a]));
    expect(byCode.get("2.2.2")).toMatchObject({ title: "Organisation de la revue des projets/programmes du secteur", noCost: true });
    const revue = byCode.get("2.2.3");
    expect(plan.lines.filter((l) => l.activityKey === revue?.key).map((l) => l.amount)).toEqual(["4000000"]);
    expect(report.total).toEqual({ computed: "71500000", declared: "71500000" });
    expect(report.issues.filter((i) => i.code === "MISSING_AMOUNT")).toEqual([]);
    // The two rows whose cells came out one column to the left are read back, and said so.
    expect(report.issues.filter((i) => i.code === "SHIFTED_ROW").map((i) => [i.row, i.severity])).toEqual([
      [17, "info"],
      [18, "info"],
    ]);
    expect(report.issues.filter((i) => i.severity !== "info")).toEqual([]);
  });
});
