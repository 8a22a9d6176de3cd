import { describe, expect, it } from "vitest";
import { activity, line, node, plan } from "../plan/fixtures.test-helpers.ts";
import { planTree } from "../plan/rollup.ts";
import type { ActivityStatus } from "../domain.ts";
import { quarterEnd, quarterlyExecution } from "./quarters.ts";
import { planExecution } from "./rollup.ts";
import { ratesOf } from "./sums.ts";
import type { ExecutionInput, ProgressInput, TransactionInput } from "./types.ts";

const record = (activityId: string, period: string, status: ActivityStatus, percent: string | null = null): ProgressInput => ({
  activityId,
  period,
  status,
  percent,
  recordedAt: "2023-01-01T00:00:00.000Z",
});
const tx = (activityId: string, stage: TransactionInput["stage"], amount: number, date?: string): TransactionInput => ({
  activityId,
  lineId: `L${activityId}`,
  stage,
  amount: String(amount),
  category: null,
  ...(date === undefined ? {} : { date }),
});
const input = (extra: Partial<ExecutionInput>): ExecutionInput => ({
  progress: [],
  transactions: [],
  credits: [],
  excludeCancelled: true,
  ...extra,
});

// Two objectives: A (activities a1 400 000, a2 100 000, under A.1) and B (b1, no cost).
const twoObjectives = (year = 2023, fiscalYearStartMonth = 1) =>
  planTree(
    plan({
      year,
      fiscalYearStartMonth,
      nodes: [node("A", null, 0, 0), node("A.1", "A", 1, 1), node("B", null, 0, 2)],
      activities: [activity("a1", "A.1", { position: 0 }), activity("a2", "A.1", { position: 1 }), activity("b1", "B", { position: 2, noCost: true })],
      lines: [line("La1", "a1", { amount: "400000" }), line("La2", "a2", { amount: "100000" })],
    }),
  );

const physicalRates = (quarters: ReturnType<typeof quarterlyExecution>) => quarters.map((q) => ratesOf(q.plan).physical.byCount);

describe("quarterEnd", () => {
  it("ends a calendar year's quarters in March, June, September and December", () => {
    expect([1, 2, 3, 4].map((q) => quarterEnd(2023, q as 1 | 2 | 3 | 4, 1))).toEqual(["2023-03-31", "2023-06-30", "2023-09-30", "2023-12-31"]);
  });
  it("ends a fiscal year starting in July in the next calendar year", () => {
    expect([1, 2, 3, 4].map((q) => quarterEnd(2024, q as 1 | 2 | 3 | 4, 7))).toEqual(["2024-09-30", "2024-12-31", "2025-03-31", "2025-06-30"]);
  });
});

describe("quarterlyExecution", () => {
  it("gives an empty plan four quarters with nothing planned and no rate", () => {
    const quarters = quarterlyExecution(planTree(plan({ year: 2023 })), input({}));
    expect(quarters.map((q) => [q.quarter, q.end, q.plan.physical.planned, q.nodes.length])).toEqual([
      [1, "2023-03-31", 0, 0],
      [2, "2023-06-30", 0, 0],
      [3, "2023-09-30", 0, 0],
      [4, "2023-12-31", 0, 0],
    ]);
    expect(physicalRates(quarters)).toEqual([null, null, null, null]);
  });

  it("counts every activity as planned and none done when nothing was recorded", () => {
    const quarters = quarterlyExecution(twoObjectives(), input({}));
    expect(quarters.map((q) => [q.plan.physical.planned, q.plan.physical.done, q.plan.money.committed])).toEqual([
      [3, 0, 0],
      [3, 0, 0],
      [3, 0, 0],
      [3, 0, 0],
    ]);
    expect(physicalRates(quarters)).toEqual(["0.00", "0.00", "0.00", "0.00"]);
  });

  it("counts a record from the end of its period on: Q2 and May in the second quarter, the whole year in the fourth", () => {
    const quarters = quarterlyExecution(
      twoObjectives(),
      input({ progress: [record("a1", "Q2", "done"), record("a2", "M05", "in_progress", "50"), record("b1", "Y", "done")] }),
    );
    expect(quarters.map((q) => q.plan.physical.done)).toEqual([0, 1, 1, 2]);
    expect(physicalRates(quarters)).toEqual(["0.00", "33.33", "33.33", "66.67"]);
    expect(quarters.map((q) => ratesOf(q.plan).physical.averageProgress)).toEqual(["0.00", "50.00", "50.00", "83.33"]);
    // By element: A holds a1 and a2, B holds b1 (done for the year only).
    expect(quarters.map((q) => q.nodes.map((n) => `${n.code} ${n.sums.physical.done}/${n.sums.physical.planned}`))).toEqual([
      ["A 0/2", "B 0/1"],
      ["A 1/2", "B 0/1"],
      ["A 1/2", "B 0/1"],
      ["A 1/2", "B 1/1"],
    ]);
  });

  it("lets a later period's record replace an earlier one from its own quarter on", () => {
    const quarters = quarterlyExecution(
      twoObjectives(),
      input({ progress: [record("a1", "Q1", "in_progress", "30"), record("a1", "Q3", "cancelled")] }),
    );
    // Cancelled activities leave the count from the third quarter.
    expect(quarters.map((q) => [q.plan.physical.planned, q.plan.physical.cancelled])).toEqual([
      [3, 0],
      [3, 0],
      [2, 1],
      [2, 1],
    ]);
  });

  it("adds commitments and payments up by their date, those after the year's end or undated in the last quarter", () => {
    const transactions = [
      tx("a1", "commitment", 300_000, "2023-02-10"),
      tx("a1", "payment", 100_000, "2023-03-31"),
      tx("a1", "payment", 150_000, "2023-04-01"),
      tx("a2", "commitment", 100_000, "2022-12-20"),
      tx("a2", "payment", 50_000, "2023-12-31"),
      tx("a2", "payment", 20_000, "2024-01-15"),
      tx("a1", "liquidation", 10_000),
    ];
    const credits = [{ kind: "payment" as const, category: null, amount: "500000" }];
    const tree = twoObjectives();
    const quarters = quarterlyExecution(tree, input({ transactions, credits }));
    expect(quarters.map((q) => [q.plan.money.committed, q.plan.money.liquidated, q.plan.money.paid])).toEqual([
      [400_000, 0, 100_000],
      [400_000, 0, 250_000],
      [400_000, 0, 250_000],
      [400_000, 10_000, 320_000],
    ]);
    expect(quarters.map((q) => ratesOf(q.plan).financial.paidOfPaymentCredit)).toEqual(["20.00", "50.00", "50.00", "64.00"]);
    // The credits stand from the first quarter; a node is read against its budget.
    expect(quarters[0]?.plan.credits.paymentCredit).toBe(500_000);
    expect(quarters.map((q) => ratesOf(q.nodes[0]?.sums ?? q.plan).financial.paidOfBudget)).toEqual(["20.00", "50.00", "50.00", "64.00"]);
    // The fourth quarter is the plan's execution.
    expect(quarters[3]?.plan).toEqual(planExecution(tree, input({ transactions, credits })).plan);
  });

  it("follows a fiscal year starting in July: August in the first quarter, January in the third", () => {
    const quarters = quarterlyExecution(
      twoObjectives(2024, 7),
      input({
        progress: [record("a1", "M08", "done"), record("a2", "M01", "done")],
        transactions: [
          tx("a1", "commitment", 400_000, "2024-06-30"),
          tx("a1", "payment", 400_000, "2024-12-31"),
          tx("a2", "payment", 100_000, "2025-02-01"),
        ],
      }),
    );
    expect(quarters.map((q) => q.end)).toEqual(["2024-09-30", "2024-12-31", "2025-03-31", "2025-06-30"]);
    expect(quarters.map((q) => q.plan.physical.done)).toEqual([1, 1, 2, 2]);
    expect(quarters.map((q) => [q.plan.money.committed, q.plan.money.paid])).toEqual([
      [400_000, 0],
      [400_000, 400_000],
      [400_000, 500_000],
      [400_000, 500_000],
    ]);
  });
});
