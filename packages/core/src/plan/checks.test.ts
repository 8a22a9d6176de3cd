import { describe, expect, it } from "vitest";
import { amountFollowsProduct } from "./amounts.ts";
import { activity, line, node, plan } from "./fixtures.test-helpers.ts";
import { planTree } from "./rollup.ts";
import type { PlanInput } from "./types.ts";

const check = (input: PlanInput) => planTree(input).findings;

describe("checkPlan", () => {
  it("flags a declared amount that is not quantity × unit cost, keeping both figures and the location", () => {
    const findings = check(
      plan({
        nodes: [node("B", null, 0), node("B.2.1", "B", 1)],
        activities: [activity("study", "B.2.1", { code: null, title: "Étude sur l'emploi" })],
        lines: [line("l", "study", { quantity: "1", unitCost: "50000", amount: "50000000" })],
      }),
    );
    expect(findings).toEqual([
      {
        code: "QTY_PRICE_MISMATCH",
        severity: "warning",
        location: { entity: "budgetLine", id: "l", path: ["B", "B.2.1", "Étude sur l'emploi", "#1"] },
        declared: 50_000_000,
        computed: 50_000,
        params: { quantity: "1", unitCost: "50000" },
      },
    ]);
  });

  it("accepts a declared amount equal to quantity × unit cost", () => {
    const findings = check(
      plan({ activities: [activity("a", null)], lines: [line("l", "a", { quantity: "3000", unitCost: "4000", amount: "12000000" })] }),
    );
    expect(findings).toEqual([]);
  });

  it("flags declared sub-totals and totals that differ from the sum of their lines", () => {
    const findings = check(
      plan({
        nodes: [node("R1", null, 0)],
        activities: [activity("a", "R1")],
        lines: [line("l", "a", { amount: "900" })],
        declaredTotals: [{ nodeId: "R1", amount: "1000" }],
        declaredTotal: "1200",
      }),
    );
    expect(findings.map((f) => [f.code, f.location.entity, f.declared, f.computed])).toEqual([
      ["SUBTOTAL_MISMATCH", "node", 1000, 900],
      ["TOTAL_MISMATCH", "workplan", 1200, 900],
    ]);
  });

  it("flags missing amounts, but not on PM (no-cost) activities", () => {
    const findings = check(
      plan({
        activities: [activity("a", null), activity("pm", null, { noCost: true }), activity("empty", null)],
        lines: [line("l", "a", { quantity: "2" })],
      }),
    );
    expect(findings.map((f) => [f.code, f.location.id, f.severity])).toEqual([
      ["MISSING_AMOUNT", "l", "error"],
      ["MISSING_AMOUNT", "empty", "warning"],
    ]);
  });

  it("flags deadlines outside the fiscal year and months scheduled after the deadline", () => {
    const findings = check(
      plan({
        activities: [
          activity("late", null, { deadline: "2023-01-15", noCost: true }),
          activity("after", null, { deadline: "2022-03-31", months: [2, 3, 5], noCost: true }),
          activity("fine", null, { deadline: "2022-03-31", months: [1, 3], noCost: true }),
        ],
      }),
    );
    expect(findings.map((f) => [f.code, f.location.id, f.params])).toEqual([
      ["DEADLINE_OUTSIDE_YEAR", "late", { deadline: "2023-01-15", start: "2022-01-01", end: "2022-12-31" }],
      ["TIMEFRAME_AFTER_DEADLINE", "after", { deadline: "2022-03-31", lastMonth: 5 }],
    ]);
  });

  it("reads months in fiscal order when the year starts in July", () => {
    const findings = check(
      plan({
        fiscalYearStartMonth: 7,
        activities: [activity("a", null, { deadline: "2023-02-28", months: [8, 12, 2], noCost: true })],
      }),
    );
    expect(findings).toEqual([]);
  });
});

describe("amountFollowsProduct", () => {
  it("lets an amount equal to quantity × unit cost follow, and keeps a real override", () => {
    expect(amountFollowsProduct(line("a", "x", { quantity: "3000", unitCost: "4000", amount: "12000000" }), "XOF")).toBe(true);
    expect(amountFollowsProduct(line("b", "x", { quantity: "1", unitCost: "50000", amount: "50000000" }), "XOF")).toBe(false);
    expect(amountFollowsProduct(line("c", "x", { quantity: "2", unitCost: "10" }), "XOF")).toBe(true);
    expect(amountFollowsProduct(line("d", "x", { amount: "500" }), "XOF")).toBe(false);
  });
});
