import { describe, expect, it } from "vitest";
import { planTree } from "../plan/rollup.ts";
import { activity, line, node, plan } from "../plan/fixtures.test-helpers.ts";
import type { ActivityStatus } from "../domain.ts";
import { planExecution } from "./rollup.ts";
import { ratesOf } from "./sums.ts";
import type { CreditInput, ProgressInput, TransactionInput } from "./types.ts";

// Table 3 of the CPS/SCI 2023 report: 22 activities under 4 objectives, 14 executed (1 = oui, 2 = non);
// planned costs (a fictitious split of the 143 035 000 allocated: BSI 127 000 000, FONCT 16 035 000; 0 = PM).
const TABLE_3: [code: string, node: string, done: 1 | 2, cost: number, fund: "BSI" | "FONCT"][] = [
  ["1.1.1", "1.1", 1, 0, "FONCT"],
  ["1.1.2", "1.1", 1, 2_000_000, "FONCT"],
  ["1.1.3", "1.1", 1, 3_000_000, "FONCT"],
  ["1.1.4", "1.1", 1, 0, "FONCT"],
  ["1.1.5", "1.1", 1, 4_000_000, "BSI"],
  ["1.1.6", "1.1", 1, 0, "FONCT"],
  ["1.1.7", "1.1", 1, 3_500_000, "FONCT"],
  ["1.2.1", "1.2", 1, 0, "FONCT"],
  ["1.2.2", "1.2", 1, 2_000_000, "BSI"],
  ["1.2.3", "1.2", 1, 4_000_000, "BSI"],
  ["1.3.1", "1.3", 1, 22_000_000, "BSI"],
  ["1.3.2", "1.3", 2, 5_000_000, "BSI"],
  ["2.1.1", "2.1", 2, 3_535_000, "FONCT"],
  ["2.1.2", "2.1", 2, 4_000_000, "FONCT"],
  ["2.1.3", "2.1", 1, 10_000_000, "BSI"],
  ["2.1.4", "2.1", 2, 5_000_000, "BSI"],
  ["2.1.5", "2.1", 2, 8_000_000, "BSI"],
  ["2.1.6", "2.1", 1, 6_000_000, "BSI"],
  ["3.1.1", "3.1", 2, 7_000_000, "BSI"],
  ["3.1.2", "3.1", 2, 4_000_000, "BSI"],
  ["3.1.3", "3.1", 2, 6_000_000, "BSI"],
  ["4.1.1", "4.1", 1, 44_000_000, "BSI"],
];
const nodes = [
  node("1", null, 0, 0),
  node("1.1", "1", 1, 1),
  node("1.2", "1", 1, 2),
  node("1.3", "1", 1, 3),
  node("2", null, 0, 4),
  node("2.1", "2", 1, 5),
  node("3", null, 0, 6),
  node("3.1", "3", 1, 7),
  node("4", null, 0, 8),
  node("4.1", "4", 1, 9),
];
const cps = plan({
  year: 2023,
  nodes,
  activities: TABLE_3.map(([code, parent, , cost], position) => activity(code, parent, { position, noCost: cost === 0 })),
  lines: TABLE_3.filter(([, , , cost]) => cost > 0).map(([code, , , cost, fund]) =>
    line(`L${code}`, code, { amount: String(cost), fundCode: fund }),
  ),
});
const progress = (activityId: string, status: ActivityStatus, extra: Partial<ProgressInput> = {}): ProgressInput => ({
  activityId,
  period: "Y",
  status,
  percent: null,
  recordedAt: "2024-01-15T09:00:00.000Z",
  ...extra,
});
const tx = (code: string, stage: TransactionInput["stage"], amount: number, category: string): TransactionInput => ({
  activityId: code,
  lineId: `L${code}`,
  stage,
  amount: String(amount),
  category,
});
// Committed BSI 90 402 501 + FONCT 8 113 130; all liquidated and paid but the 44 000 000 vehicle;
// the missions liquidated 80 above their commitment, as the report's 54 515 711 implies.
const commitments: [string, number, string][] = [
  ["1.1.2", 2_000_000, "FONCT"],
  ["1.1.3", 3_000_000, "FONCT"],
  ["1.1.7", 3_113_130, "FONCT"],
  ["1.1.5", 4_000_000, "BSI"],
  ["1.2.2", 2_000_000, "BSI"],
  ["1.2.3", 4_000_000, "BSI"],
  ["1.3.1", 20_402_501, "BSI"],
  ["2.1.3", 10_000_000, "BSI"],
  ["2.1.6", 6_000_000, "BSI"],
  ["4.1.1", 44_000_000, "BSI"],
];
const transactions = commitments.flatMap(([code, amount, category]) => {
  if (code === "4.1.1") return [tx(code, "commitment", amount, category)];
  const spent = code === "1.3.1" ? amount + 80 : amount;
  return [
    tx(code, "commitment", amount, category),
    tx(code, "liquidation", spent, category),
    tx(code, "payment", spent, category),
  ];
});
const credits: CreditInput[] = [
  { kind: "allocated", category: "BSI", amount: "127000000" },
  { kind: "allocated", category: "FONCT", amount: "16035000" },
  { kind: "notified", category: "BSI", amount: "120650000" },
  { kind: "notified", category: "FONCT", amount: "8147500" },
  { kind: "payment", category: "BSI", amount: "120650000" },
  { kind: "payment", category: "FONCT", amount: "8149000" },
];
const cpsExecution = () =>
  planExecution(planTree(cps), {
    progress: TABLE_3.map(([code, , done]) => progress(code, done === 1 ? "done" : "not_started")),
    transactions,
    credits,
    excludeCancelled: true,
  });

describe("planExecution, the CPS/SCI 2023 plan", () => {
  const execution = cpsExecution();
  const rates = ratesOf(execution.plan);

  it("counts 14 of 22 activities executed: 63,64 %", () => {
    expect(rates.physical).toMatchObject({ planned: 22, done: 14, byCount: "63.64" });
  });

  it("gives the rate of each objective that Table 3 implies", () => {
    const byObjective = execution.nodes.filter((n) => n.level === 0).map((n) => [n.code, ratesOf(n.sums).physical.byCount]);
    expect(byObjective).toEqual([
      ["1", "91.67"],
      ["2", "33.33"],
      ["3", "0.00"],
      ["4", "100.00"],
    ]);
  });

  it("divides committed and liquidated by the payment credit: 76,49 % and 42,33 %", () => {
    expect(execution.plan.money).toEqual({
      budget: 143_035_000,
      committed: 98_515_631,
      liquidated: 54_515_711,
      paid: 54_515_711,
    });
    expect(execution.plan.credits).toEqual({
      allocated: 143_035_000,
      notified: 128_797_500,
      paymentCredit: 128_799_000,
      disbursed: null,
    });
    expect(rates.financial.committedOfPaymentCredit).toBe("76.49");
    expect(rates.financial.liquidatedOfPaymentCredit).toBe("42.33");
  });

  it("splits credits and spending by budget category (BSI, fonctionnement)", () => {
    expect(execution.byCategory.map((c) => [c.category, c.notified, c.paymentCredit, c.committed])).toEqual([
      ["BSI", 120_650_000, 120_650_000, 90_402_501],
      ["FONCT", 8_147_500, 8_149_000, 8_113_130],
    ]);
  });

  it("flags the missions liquidated above their commitment, on their line, without refusing them", () => {
    expect(execution.flags).toEqual([
      {
        code: "LIQUIDATION_ABOVE_COMMITMENT",
        location: { entity: "budgetLine", id: "L1.3.1", path: ["1", "1.3", "1.3.1", "1"] },
        amount: 20_402_581,
        limit: 20_402_501,
      },
      {
        code: "PAYMENT_ABOVE_COMMITMENT",
        location: { entity: "budgetLine", id: "L1.3.1", path: ["1", "1.3", "1.3.1", "1"] },
        amount: 20_402_581,
        limit: 20_402_501,
      },
    ]);
  });

  it("weighs activities by budget: PM activities weigh nothing", () => {
    // Done: 2+3+4+3,5+2+4+22+10+6+44 = 100,5 M of 143,035 M.
    expect(rates.physical.byBudget).toBe("70.26");
    expect(rates.physical.averageProgress).toBe("63.64");
  });
});

describe("planExecution, the rules at their edges", () => {
  const twoActivities = plan({
    nodes: [node("N", null, 0)],
    activities: [
      activity("a", "N", { position: 0 }),
      activity("b", "N", { position: 1 }),
      activity("c", "N", { position: 2, noCost: true }),
    ],
    lines: [line("la", "a", { amount: "300" }), line("lb", "b", { amount: "100" })],
  });
  const run = (
    progressRecords: ProgressInput[],
    excludeCancelled = true,
    txs: TransactionInput[] = [],
    creditList: CreditInput[] = [],
  ) =>
    planExecution(planTree(twoActivities), {
      progress: progressRecords,
      transactions: txs,
      credits: creditList,
      excludeCancelled,
    });

  it("has no rate for an empty plan, and zero of nothing", () => {
    const execution = planExecution(planTree(plan({})), {
      progress: [],
      transactions: [],
      credits: [],
      excludeCancelled: true,
    });
    expect(ratesOf(execution.plan).physical).toEqual({
      planned: 0,
      done: 0,
      cancelled: 0,
      byCount: null,
      byBudget: null,
      averageProgress: null,
    });
    expect(Object.values(ratesOf(execution.plan).financial).every((r) => r === null)).toBe(true);
    expect(execution.flags).toEqual([]);
  });

  it("counts an activity with nothing recorded as planned and not started", () => {
    const rates = ratesOf(run([]).plan).physical;
    expect(rates).toMatchObject({ planned: 3, done: 0, byCount: "0.00", byBudget: "0.00", averageProgress: "0.00" });
    expect(run([]).activities.get("a")?.status).toBe("not_started");
  });

  it("leaves cancelled activities out of the rates when the plan says so, and counts them otherwise", () => {
    const records = [progress("a", "done"), progress("b", "cancelled")];
    expect(ratesOf(run(records, true).plan).physical).toMatchObject({
      planned: 2,
      done: 1,
      cancelled: 1,
      byCount: "50.00",
      byBudget: "100.00",
    });
    expect(ratesOf(run(records, false).plan).physical).toMatchObject({
      planned: 3,
      done: 1,
      cancelled: 1,
      byCount: "33.33",
      byBudget: "75.00",
    });
  });

  it("does not count a reprogrammed or postponed activity as done", () => {
    const rates = ratesOf(
      run([progress("a", "reprogrammed"), progress("b", "postponed"), progress("c", "done")]).plan,
    ).physical;
    expect(rates).toMatchObject({ planned: 3, done: 1, byCount: "33.33", byBudget: "0.00" });
  });

  it("weighs percent complete by budget and averages it", () => {
    const rates = ratesOf(
      run([progress("a", "in_progress", { percent: "50" }), progress("b", "in_progress", { percent: "20" })]).plan,
    ).physical;
    // (300 × 50 + 100 × 20) ÷ 400 = 42,5 ; (50 + 20 + 0) ÷ 3 = 23,33.
    expect(rates).toMatchObject({ byCount: "0.00", byBudget: "42.50", averageProgress: "23.33" });
  });

  it("has no budget-weighted rate when every activity is PM", () => {
    const pm = plan({ nodes: [node("N", null, 0)], activities: [activity("p", "N", { noCost: true })] });
    const execution = planExecution(planTree(pm), {
      progress: [progress("p", "done")],
      transactions: [],
      credits: [],
      excludeCancelled: true,
    });
    expect(ratesOf(execution.plan).physical).toMatchObject({ byCount: "100.00", byBudget: null, averageProgress: "100.00" });
  });

  it("takes the latest period's record, and the later one within a period", () => {
    const records = [
      progress("a", "in_progress", { period: "Q3", percent: "80" }),
      progress("a", "done", { period: "M04" }),
      progress("b", "in_progress", { period: "Q1", percent: "10", recordedAt: "2023-04-02T00:00:00.000Z" }),
      progress("b", "in_progress", { period: "Q1", percent: "30", recordedAt: "2023-04-09T00:00:00.000Z" }),
    ];
    const execution = run(records);
    expect(execution.activities.get("a")).toMatchObject({ status: "in_progress", progress: 8000 });
    expect(execution.activities.get("b")?.progress).toBe(3000);
  });

  it("flags a commitment above the line's budget and a payment above its commitment, and keeps the amounts", () => {
    const execution = run([], true, [
      { activityId: "a", lineId: "la", stage: "commitment", amount: "350", category: null },
      { activityId: "b", lineId: null, stage: "commitment", amount: "50", category: null },
      { activityId: "b", lineId: null, stage: "payment", amount: "60", category: null },
    ]);
    expect(execution.flags.map((f) => [f.code, f.location.entity, f.location.id, f.amount, f.limit])).toEqual([
      ["COMMITMENT_ABOVE_BUDGET", "budgetLine", "la", 350, 300],
      ["PAYMENT_ABOVE_COMMITMENT", "activity", "b", 60, 50],
    ]);
    expect(execution.plan.money).toEqual({ budget: 400, committed: 400, liquidated: 0, paid: 60 });
    expect(ratesOf(execution.plan).financial.committedOfBudget).toBe("100.00");
  });

  it("groups budget categories whatever their case or spaces", () => {
    const execution = run([], true, [
      { activityId: "a", lineId: "la", stage: "commitment", amount: "100", category: "BSI" },
      { activityId: "b", lineId: "lb", stage: "commitment", amount: "50", category: " bsi " },
      { activityId: "b", lineId: "lb", stage: "payment", amount: "20", category: "" },
    ]);
    expect(execution.byCategory.map((c) => [c.category, c.committed, c.paid])).toEqual([
      ["BSI", 150, 0],
      [null, 0, 20],
    ]);
  });

  it("flags commitments above the plan's credit", () => {
    const execution = run(
      [],
      true,
      [{ activityId: "a", lineId: "la", stage: "commitment", amount: "250", category: null }],
      [{ kind: "payment", category: null, amount: "200" }],
    );
    expect(execution.flags.map((f) => f.code)).toEqual(["COMMITMENT_ABOVE_CREDIT"]);
    expect(ratesOf(execution.plan).financial.committedOfPaymentCredit).toBe("125.00");
  });
});
