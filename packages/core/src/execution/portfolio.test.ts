import { describe, expect, it } from "vitest";
import { addRollUps, emptyRollUp, planRollUp, rolledUpSums, rollUpTree } from "./portfolio.ts";
import { emptySums, ratesOf } from "./sums.ts";
import type { ExecutionSums } from "./types.ts";

/** A plan's sums: `done` of `planned` activities, budget and amounts in minor units, credits where given. */
function sums(
  planned: number,
  done: number,
  money: Partial<ExecutionSums["money"]> = {},
  paymentCredit: number | null = null,
): ExecutionSums {
  const base = emptySums();
  const budget = money.budget ?? 0;
  return {
    physical: {
      ...base.physical,
      planned,
      done,
      progressSum: done * 10000,
      // As if every activity cost the same: done activities weigh their share of the budget.
      weighted: planned === 0 ? 0n : (BigInt(budget) * BigInt(done * 10000)) / BigInt(planned),
      weightBase: BigInt(budget),
    },
    money: { ...base.money, ...money },
    credits: { ...base.credits, paymentCredit },
  };
}

describe("execution roll-ups", () => {
  it("adds activity counts across plans and amounts within one currency", () => {
    // CPS 2023 (14 of 22) and another XOF project (3 of 8): 17 of 30.
    const cps = planRollUp("XOF", sums(22, 14, { budget: 143_035_000, committed: 98_515_631, paid: 54_515_711 }, 128_799_000));
    const other = planRollUp("XOF", sums(8, 3, { budget: 10_000_000, committed: 5_000_000, paid: 1_000_000 }, 9_000_000));
    const total = rolledUpSums(addRollUps(cps, other));
    expect(total.plans).toBe(2);
    expect(ratesOf(total.physical).physical).toMatchObject({ planned: 30, done: 17, byCount: "56.67" });
    expect(total.byCurrency).toHaveLength(1);
    expect(total.byCurrency[0]?.sums.money).toMatchObject({ budget: 153_035_000, committed: 103_515_631, paid: 55_515_711 });
    expect(ratesOf(total.byCurrency[0]!.sums).financial.committedOfPaymentCredit).toBe("75.12");
  });

  it("keeps currencies apart, and gives no budget-weighted rate across them", () => {
    const xof = planRollUp("XOF", sums(2, 1, { budget: 1_000_000 }));
    const usd = planRollUp("USD", sums(2, 2, { budget: 50_000 }));
    const total = rolledUpSums(addRollUps(xof, usd));
    expect(total.byCurrency.map((c) => [c.currency, c.plans, c.sums.money.budget])).toEqual([
      ["USD", 1, 50_000],
      ["XOF", 1, 1_000_000],
    ]);
    expect(ratesOf(total.physical).physical).toMatchObject({ byCount: "75.00", byBudget: null, averageProgress: "75.00" });
    // Within one currency the weights add.
    expect(ratesOf(rolledUpSums(xof).physical).physical.byBudget).toBe("50.00");
  });

  it("reads a credit rate only when every plan of the currency recorded that credit", () => {
    const withCredit = planRollUp("XOF", sums(1, 1, { budget: 100, committed: 80 }, 100));
    const without = planRollUp("XOF", sums(1, 0, { budget: 100, committed: 50 }));
    const both = rolledUpSums(addRollUps(withCredit, without)).byCurrency[0]!.sums;
    expect(both.credits.paymentCredit).toBeNull();
    expect(ratesOf(both).financial.committedOfPaymentCredit).toBeNull();
    expect(ratesOf(both).financial.committedOfBudget).toBe("65.00");
  });

  it("adds nothing from an empty roll-up", () => {
    const one = planRollUp("XOF", sums(3, 1, { budget: 30 }));
    expect(addRollUps(emptyRollUp(), one)).toEqual(one);
    expect(rolledUpSums(emptyRollUp())).toMatchObject({ plans: 0, byCurrency: [] });
  });
});

describe("rollUpTree", () => {
  it("gives each organisation its own plans and its sub-organisations', depth first", () => {
    const organisations = [
      { id: "MLI", parentId: null },
      { id: "MAECI", parentId: "MLI" },
      { id: "CPS", parentId: "MAECI" },
      { id: "MMG", parentId: "MLI" },
      { id: "DONOR", parentId: "elsewhere" },
    ];
    const own = new Map([
      ["CPS", planRollUp("XOF", sums(22, 14))],
      ["MAECI", planRollUp("XOF", sums(4, 4))],
      ["MMG", addRollUps(planRollUp("XOF", sums(10, 5)), planRollUp("XOF", sums(10, 0)))],
      ["DONOR", planRollUp("USD", sums(6, 3))],
    ]);
    const rows = rollUpTree(organisations, own);
    expect(rows.map((r) => [r.node.id, r.level, r.rollUp.plans, r.rollUp.physical.done, r.rollUp.physical.planned])).toEqual([
      ["MLI", 0, 4, 23, 46],
      ["MAECI", 1, 2, 18, 26],
      ["CPS", 2, 1, 14, 22],
      ["MMG", 1, 2, 5, 20],
      ["DONOR", 0, 1, 3, 6],
    ]);
  });
});
