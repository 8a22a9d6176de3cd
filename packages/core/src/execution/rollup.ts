// The execution of a plan: each activity's latest progress and spending, rolled
// up through the results framework to the plan, once. The rates are derived
// from sums (sums.ts), so that plans add up into projects and portfolios.
import type { ActivityStatus, TransactionStage } from "../domain.ts";
import { sumMinor } from "../money.ts";
import { storedAmount } from "../plan/amounts.ts";
import type { ActivityTotal, NodeTotal, PlanActivityInput, PlanLineInput, PlanTree } from "../plan/types.ts";
import { comparePeriods } from "./periods.ts";
import { percentHundredths } from "./rates.ts";
import { addSums, emptySums } from "./sums.ts";
import type {
  ActivityExecution,
  CategorySums,
  CreditSums,
  ExecutionFlag,
  ExecutionInput,
  ExecutionSums,
  MoneySums,
  NodeExecution,
  PlanExecution,
  ProgressInput,
} from "./types.ts";

const STAGE_FIELD: Record<TransactionStage, "committed" | "liquidated" | "paid"> = {
  commitment: "committed",
  liquidation: "liquidated",
  payment: "paid",
};

const MONEY_FIELDS = ["committed", "liquidated", "paid"] as const;

const noMoney = (): MoneySums => ({ budget: 0, committed: 0, liquidated: 0, paid: 0 });

export function planExecution<A extends PlanActivityInput, L extends PlanLineInput, P extends ProgressInput>(
  tree: PlanTree<A, L>,
  input: ExecutionInput<P>,
): PlanExecution<P> {
  const { currency, fiscalYearStartMonth } = tree.input;
  const amount = (text: string) => storedAmount(text, currency);

  const records = new Map<string, P[]>();
  for (const record of input.progress) {
    const list = records.get(record.activityId);
    if (list) list.push(record);
    else records.set(record.activityId, [record]);
  }
  for (const list of records.values()) list.sort((a, b) => comparePeriods(a, b, fiscalYearStartMonth));

  const activities = new Map<string, ActivityExecution<P>>();
  for (const activity of tree.input.activities) {
    const history = records.get(activity.id) ?? [];
    const current = history.at(-1) ?? null;
    const status: ActivityStatus = current?.status ?? "not_started";
    const progress = status === "done" ? 10000 : current?.percent ? percentHundredths(current.percent) : 0;
    const money = { ...noMoney(), budget: tree.activityAmounts.get(activity.id) ?? 0 };
    const lines = new Map<string, MoneySums>();
    activities.set(activity.id, { activityId: activity.id, current, records: history, status, progress, money, lines });
  }
  const lineBudget = tree.lineAmounts;
  const categories = new Map<string | null, CategorySums>();
  // « BSI », « bsi » and « BSI » typed with a space are one category, named as first written.
  const category = (name: string | null) => {
    const label = name?.trim().replace(/\s+/g, " ") || null;
    const key = label?.toLocaleUpperCase("fr") ?? null;
    let entry = categories.get(key);
    if (!entry) {
      entry = {
        category: label,
        allocated: 0,
        notified: 0,
        paymentCredit: 0,
        disbursed: 0,
        committed: 0,
        liquidated: 0,
        paid: 0,
      };
      categories.set(key, entry);
    }
    return entry;
  };

  for (const t of input.transactions) {
    const execution = activities.get(t.activityId);
    if (!execution) continue;
    const field = STAGE_FIELD[t.stage];
    const value = amount(t.amount);
    execution.money[field] = sumMinor([execution.money[field], value]);
    if (t.lineId !== null) {
      let line = execution.lines.get(t.lineId);
      if (!line) {
        line = { ...noMoney(), budget: lineBudget.get(t.lineId) ?? 0 };
        execution.lines.set(t.lineId, line);
      }
      line[field] = sumMinor([line[field], value]);
    }
    const sums = category(t.category);
    sums[field] = sumMinor([sums[field], value]);
  }

  const credits: CreditSums = { allocated: null, notified: null, paymentCredit: null, disbursed: null };
  for (const c of input.credits) {
    const key = c.kind === "payment" ? "paymentCredit" : c.kind;
    const value = amount(c.amount);
    credits[key] = sumMinor([credits[key] ?? 0, value]);
    const sums = category(c.category);
    sums[key] = sumMinor([sums[key], value]);
  }

  const activitySums = (id: string): ExecutionSums => {
    const execution = activities.get(id);
    const sums = emptySums();
    if (!execution) return sums;
    sums.money = { ...execution.money };
    const counted = !(input.excludeCancelled && execution.status === "cancelled");
    sums.physical.cancelled = execution.status === "cancelled" ? 1 : 0;
    if (counted) {
      sums.physical.planned = 1;
      sums.physical.done = execution.status === "done" ? 1 : 0;
      sums.physical.progressSum = execution.progress;
      sums.physical.weighted = BigInt(execution.money.budget) * BigInt(execution.progress);
      sums.physical.weightBase = BigInt(execution.money.budget);
    }
    return sums;
  };

  const nodes: NodeExecution[] = [];
  const walk = (node: NodeTotal<A, L>): ExecutionSums => {
    const entry: NodeExecution = {
      id: node.id,
      parentId: node.parentId,
      level: node.level,
      code: node.code,
      title: node.title,
      sums: emptySums(),
    };
    nodes.push(entry);
    const parts = [...node.activities.map((a) => activitySums(a.activity.id)), ...node.children.map(walk)];
    entry.sums = parts.reduce(addSums, emptySums());
    return entry.sums;
  };
  const rootSums = tree.nodes.map(walk);
  const looseSums = tree.loose.map((a) => activitySums(a.activity.id));
  const plan = [...rootSums, ...looseSums].reduce(addSums, emptySums());
  plan.credits = credits;

  return {
    plan,
    nodes,
    activities,
    byCategory: [...categories.values()].sort(
      (a, b) =>
        b.paymentCredit - a.paymentCredit
        || b.allocated - a.allocated
        || String(a.category).localeCompare(String(b.category)),
    ),
    flags: flagsOf(tree, activities, plan),
  };
}

function flagsOf<A extends PlanActivityInput, L extends PlanLineInput, P extends ProgressInput>(
  tree: PlanTree<A, L>,
  activities: Map<string, ActivityExecution<P>>,
  plan: ExecutionSums,
): ExecutionFlag[] {
  const flags: ExecutionFlag[] = [];
  const check = (money: MoneySums, location: ExecutionFlag["location"]) => {
    if (money.committed > money.budget)
      flags.push({ code: "COMMITMENT_ABOVE_BUDGET", location, amount: money.committed, limit: money.budget });
    if (money.liquidated > money.committed)
      flags.push({ code: "LIQUIDATION_ABOVE_COMMITMENT", location, amount: money.liquidated, limit: money.committed });
    if (money.paid > money.committed)
      flags.push({ code: "PAYMENT_ABOVE_COMMITMENT", location, amount: money.paid, limit: money.committed });
  };
  const visit = (total: ActivityTotal<A, L>, nodePath: string[]) => {
    const execution = activities.get(total.activity.id);
    if (
      !execution
      || execution.lines.size + execution.money.committed + execution.money.paid + execution.money.liquidated === 0
    )
      return;
    const path = [...nodePath, total.activity.code ?? total.activity.title];
    // A line's amounts are checked against its own budget; the activity's as a whole only when
    // some of them name no line (otherwise its flags would repeat its lines').
    const onLines = noMoney();
    total.lines.forEach(({ line }, index) => {
      const money = execution.lines.get(line.id);
      if (!money) return;
      check(money, { entity: "budgetLine", id: line.id, path: [...path, String(index + 1)] });
      for (const field of MONEY_FIELDS) onLines[field] = sumMinor([onLines[field], money[field]]);
    });
    if (MONEY_FIELDS.some((field) => onLines[field] !== execution.money[field]))
      check(execution.money, { entity: "activity", id: total.activity.id, path });
  };
  const walk = (node: NodeTotal<A, L>, path: string[]) => {
    const here = [...path, node.code];
    for (const a of node.activities) visit(a, here);
    node.children.forEach((c) => walk(c, here));
  };
  tree.nodes.forEach((n) => walk(n, []));
  tree.loose.forEach((a) => visit(a, []));
  const credit = plan.credits.paymentCredit ?? plan.credits.notified ?? plan.credits.allocated;
  if (credit !== null && plan.money.committed > credit) {
    flags.push({
      code: "COMMITMENT_ABOVE_CREDIT",
      location: { entity: "workplan", id: null, path: [] },
      amount: plan.money.committed,
      limit: credit,
    });
  }
  return flags;
}
