// Reads the official UNDP AWP template (awp-template.test-helpers.ts).
import { describe, expect, it } from "vitest";
import { ACTIVITIES_PER_OUTPUT, officialAwp } from "./awp-template.test-helpers.ts";
import { interpretGrid } from "./interpret.ts";
import { reportImport } from "./report.ts";

describe("the official UNDP AWP template", () => {
  it("gives 5 outputs with their sub-totals, 37 activities, 57 lines and the missing amount, and only the real mismatch", () => {
    const built = officialAwp();
    const plan = interpretGrid(built.grid, { currency: "USD", year: 2024 });
    const report = reportImport(plan, "en");
    expect(report.groups.map((g) => g.code)).toEqual(["1", "2", "3", "4", "5"]);
    expect(report.groups[0]?.title).toBe("Local institutions deliver service 1");
    expect(report.groups.every((g) => g.declared !== null)).toBe(true);
    expect(report.activities).toBe(37);
    expect(plan.activities.map((a) => a.nodeKey && plan.nodes.find((n) => n.key === a.nodeKey)?.code)).toEqual(
      ACTIVITIES_PER_OUTPUT.flatMap((n, o) => Array.from({ length: n }, () => String(o + 1))),
    );
    // 58 lines on the sheet, one without an amount: a line with a MISSING_AMOUNT.
    expect(built.lines).toBe(58);
    expect(report.budgetLines).toBe(58);
    expect(plan.lines.filter((l) => l.amount === null).map((l) => l.row)).toEqual([built.missingRow]);
    expect(plan.lines[0]).toMatchObject({ fundCode: "11888", accountCode: "71300", accountLabel: "Local Consultants" });
    const total = (built.totalCents / 100).toFixed(2);
    expect(report.total).toEqual({ computed: total, declared: total });

    const findings = report.issues.filter((i) => i.severity !== "info");
    expect(findings.map((i) => [i.code, i.row])).toEqual([
      ["MISSING_AMOUNT", built.missingRow],
      ["SUBTOTAL_MISMATCH", built.mismatch.row],
    ]);
    // Declared with its cents, 0,24 above its lines.
    expect(findings[1]).toMatchObject({ declared: built.mismatch.declared, computed: built.mismatch.computed });
    expect(Math.round(Number(built.mismatch.declared) * 100) - Math.round(Number(built.mismatch.computed) * 100)).toBe(24);
    expect(report.issues.some((i) => i.code === "QTY_PRICE_MISMATCH")).toBe(false);
    expect(plan.activities[0]).toMatchObject({ months: [1, 2, 3], responsible: "Ministère de l'Administration Territoriale" });
  });

  it("reports a Grand TOTAL that disagrees with the lines", () => {
    const plan = interpretGrid(officialAwp({ grandTotalDelta: 100_00 }).grid, { currency: "USD", year: 2024 });
    const codes = reportImport(plan, "fr").issues.map((i) => i.code);
    expect(codes).toContain("TOTAL_MISMATCH");
  });
});
