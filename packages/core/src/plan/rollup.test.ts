import { describe, expect, it } from "vitest";
import { activity, line, node, plan } from "./fixtures.test-helpers.ts";
import { planTree } from "./rollup.ts";

describe("planTree", () => {
  const tree = plan({
    nodes: [node("B", null, 0), node("B1", "B", 1, 1), node("B2", "B", 1, 2), node("B.2.1", "B2", 2, 3)],
    activities: [
      activity("a1", "B1", { months: [1, 2, 3], responsible: "ITIE" }),
      activity("a2", "B.2.1", { months: [10], responsible: "DNGM" }),
      activity("a3", "B.2.1", { months: [], responsible: "ITIE" }),
    ],
    lines: [
      line("l1", "a1", { quantity: "3000", unitCost: "4000", accountCode: "75700", fundCode: "IDA" }),
      line("l2", "a1", { amount: "35000000", accountCode: "71300", fundCode: "IDA", genderSharePercent: "25" }),
      line("l3", "a2", { quantity: "1", unitCost: "50000", amount: "50000000", funded: false, accountCode: "75700" }),
      line("l4", "a3", { quantity: "2.5", unitCost: "1001" }),
    ],
    declaredTotals: [{ nodeId: "B1", amount: "47000000" }],
    declaredTotal: "100000000",
  });
  const rollup = planTree(tree);

  it("uses the declared amount when there is one, else quantity × unit cost (rounded half up)", () => {
    expect(rollup.lineAmounts.get("l1")).toBe(12_000_000);
    expect(rollup.lineAmounts.get("l3")).toBe(50_000_000);
    expect(rollup.lineAmounts.get("l4")).toBe(2503); // 2.5 × 1001 = 2502.5
  });

  it("rolls activities up the results tree, each node the sum of its children", () => {
    const [b] = rollup.nodes;
    expect(b?.computed).toBe(97_002_503);
    expect(b?.children.map((c) => [c.code, c.computed, c.declared])).toEqual([
      ["B1", 47_000_000, 47_000_000],
      ["B2", 50_002_503, null],
    ]);
    expect(b?.levelLabel).toBe("Composante");
    expect(b?.activityCount).toBe(3);
    expect(rollup.total).toEqual({ computed: 97_002_503, declared: 100_000_000 });
  });

  it("breaks the total down by account, fund, responsible, funding and gender share", () => {
    expect(rollup.byAccount.map((b) => [b.key, b.amount])).toEqual([
      ["75700", 62_000_000],
      ["71300", 35_000_000],
      [null, 2503],
    ]);
    expect(rollup.byFund.map((b) => [b.key, b.amount])).toEqual([
      [null, 50_002_503],
      ["IDA", 47_000_000],
    ]);
    expect(rollup.byResponsible.map((b) => [b.key, b.amount])).toEqual([
      ["DNGM", 50_000_000],
      ["ITIE", 47_002_503],
    ]);
    expect(rollup.funded + rollup.unfunded).toBe(rollup.total.computed);
    expect(rollup.unfunded).toBe(50_000_000);
    expect(rollup.genderTagged).toBe(8_750_000);
  });

  it("spreads each activity over its months into quarters, exactly", () => {
    const q = rollup.byQuarter;
    expect(q).toEqual({ q1: 47_000_000, q2: 0, q3: 0, q4: 50_000_000, unscheduled: 2503 });
    const uneven = planTree(
      plan({ activities: [activity("a", null, { months: [3, 4, 5] })], lines: [line("l", "a", { amount: "100" })] }),
    );
    expect(uneven.byQuarter.q1 + uneven.byQuarter.q2).toBe(100);
    expect(uneven.byQuarter).toMatchObject({ q1: 34, q2: 66 });
    expect(uneven.unassigned).toBe(100);
  });

  it("follows a fiscal year that starts in July", () => {
    const julyYear = planTree(
      plan({
        fiscalYearStartMonth: 7,
        activities: [activity("a", null, { months: [7, 1] })],
        lines: [line("l", "a", { amount: "1000" })],
      }),
    );
    expect(julyYear.byQuarter).toMatchObject({ q1: 500, q3: 500 });
  });

  it("keeps cents exact in USD", () => {
    const usd = planTree(
      plan({
        currency: "USD",
        activities: [activity("a", null)],
        lines: [line("l1", "a", { amount: "0.10" }), line("l2", "a", { amount: "0.20" }), line("l3", "a", { amount: "1699285.76" })],
      }),
    );
    expect(usd.total.computed).toBe(169_928_606);
  });
});
