import { allocate, type CurrencyCode, type Minor, sumMinor } from "../money.ts";
import { expectedLineAmount, effectiveLineAmount, storedAmount } from "./amounts.ts";
import { checkPlan } from "./checks.ts";
import { fiscalQuarter } from "./periods.ts";
import type {
  ActivityTotal,
  Breakdown,
  LineTotal,
  NodeTotal,
  PlanActivityInput,
  PlanInput,
  PlanLineInput,
  PlanTree,
} from "./types.ts";

type Tree<A extends PlanActivityInput, L extends PlanLineInput> = Omit<PlanTree<A, L>, "findings" | "counts">;

/**
 * The plan tree: every node's computed and declared totals, counts, the
 * breakdowns, and every check finding, computed once from the budget lines.
 */
export function planTree<A extends PlanActivityInput, L extends PlanLineInput>(plan: PlanInput<A, L>): PlanTree<A, L> {
  const tree = rollUp(plan);
  const findings = checkPlan(plan, tree);
  return {
    ...tree,
    findings,
    counts: {
      total: tree.total.computed,
      activities: plan.activities.length,
      lines: plan.lines.length,
      findings: findings.length,
    },
  };
}

const byPosition = <T extends { position: number }>(a: T, b: T) => a.position - b.position;

/** A line with the amount it counts for and quantity × unit cost. */
export function lineTotalOf<L extends PlanLineInput>(line: L, currency: CurrencyCode): LineTotal<L> {
  return { line, amount: effectiveLineAmount(line, currency), expected: expectedLineAmount(line, currency) };
}

/** One activity with its lines' amounts and their sum (the lines in any order; they come back in position order). */
export function activityTotalOf<A extends PlanActivityInput, L extends PlanLineInput>(
  activity: A,
  lines: readonly L[],
  currency: CurrencyCode,
): ActivityTotal<A, L> {
  const totals = [...lines].sort(byPosition).map((line) => lineTotalOf(line, currency));
  return { activity, amount: sumMinor(totals.map((l) => l.amount)), lines: totals };
}

function rollUp<A extends PlanActivityInput, L extends PlanLineInput>(plan: PlanInput<A, L>): Tree<A, L> {
  const { currency } = plan;
  const linesOf = new Map<string, L[]>();
  for (const line of plan.lines) {
    const list = linesOf.get(line.activityId);
    if (list) list.push(line);
    else linesOf.set(line.activityId, [line]);
  }
  const lineAmounts = new Map<string, Minor>();
  const activityAmounts = new Map<string, Minor>();
  const activityTotals = [...plan.activities].sort(byPosition).map((activity) => {
    const total = activityTotalOf(activity, linesOf.get(activity.id) ?? [], currency);
    activityAmounts.set(activity.id, total.amount);
    for (const l of total.lines) lineAmounts.set(l.line.id, l.amount);
    return total;
  });

  const nodeIds = new Set(plan.nodes.map((n) => n.id));
  const loose = activityTotals.filter((a) => a.activity.resultNodeId === null || !nodeIds.has(a.activity.resultNodeId));
  const nodes = buildNodeTree(plan, activityTotals);
  const computedTotal = sumMinor(activityTotals.map((a) => a.amount));

  const byAccount = new Map<string | null, Breakdown>();
  const byFund = new Map<string | null, Breakdown>();
  const byResponsible = new Map<string | null, Breakdown>();
  let funded = 0;
  let unfunded = 0;
  let genderTagged = 0;
  for (const { activity, lines } of activityTotals) {
    for (const { line, amount } of lines) {
      addTo(byAccount, line.accountCode, line.accountLabel, amount);
      addTo(byFund, line.fundCode, null, amount);
      addTo(byResponsible, activity.responsible, null, amount);
      if (line.funded) funded = sumMinor([funded, amount]);
      else unfunded = sumMinor([unfunded, amount]);
      if (line.genderSharePercent !== null) genderTagged = sumMinor([genderTagged, share(amount, line.genderSharePercent)]);
    }
  }

  const byQuarter = { q1: 0, q2: 0, q3: 0, q4: 0, unscheduled: 0 };
  for (const { activity, amount } of activityTotals) {
    const months = [...new Set(activity.months)].sort((a, b) => a - b);
    if (months.length === 0) {
      byQuarter.unscheduled = sumMinor([byQuarter.unscheduled, amount]);
      continue;
    }
    // Spread evenly over the scheduled months; the parts sum exactly to the activity amount.
    const parts = allocate(
      amount,
      months.map(() => 1),
    );
    months.forEach((month, i) => {
      const key = `q${fiscalQuarter(month, plan.fiscalYearStartMonth)}` as const;
      byQuarter[key] = sumMinor([byQuarter[key], parts[i] ?? 0]);
    });
  }

  return {
    input: plan,
    total: {
      computed: computedTotal,
      declared: plan.declaredTotal === null ? null : storedAmount(plan.declaredTotal, currency),
    },
    nodes,
    loose,
    unassigned: sumMinor(loose.map((a) => a.amount)),
    activityAmounts,
    lineAmounts,
    byAccount: sorted(byAccount),
    byFund: sorted(byFund),
    byResponsible: sorted(byResponsible),
    byQuarter,
    funded,
    unfunded,
    genderTagged,
  };
}

function buildNodeTree<A extends PlanActivityInput, L extends PlanLineInput>(
  plan: PlanInput<A, L>,
  activities: ActivityTotal<A, L>[],
): NodeTotal<A, L>[] {
  const declared = new Map(plan.declaredTotals.map((d) => [d.nodeId, storedAmount(d.amount, plan.currency)]));
  const byId = new Map<string, NodeTotal<A, L>>();
  for (const node of [...plan.nodes].sort(byPosition)) {
    byId.set(node.id, {
      id: node.id,
      parentId: node.parentId,
      level: node.level,
      levelLabel: plan.levelLabels[node.level] ?? "",
      code: node.code,
      title: node.title,
      computed: 0,
      declared: declared.get(node.id) ?? null,
      activityCount: 0,
      lineCount: 0,
      activities: [],
      children: [],
    });
  }
  const roots: NodeTotal<A, L>[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId === null ? undefined : byId.get(node.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  for (const total of activities) {
    const node = total.activity.resultNodeId === null ? undefined : byId.get(total.activity.resultNodeId);
    node?.activities.push(total);
  }
  const fill = (node: NodeTotal<A, L>): void => {
    node.children.forEach(fill);
    node.computed = sumMinor([...node.activities.map((a) => a.amount), ...node.children.map((c) => c.computed)]);
    node.activityCount = node.activities.length + node.children.reduce((n, c) => n + c.activityCount, 0);
    node.lineCount = node.activities.reduce((n, a) => n + a.lines.length, 0) + node.children.reduce((n, c) => n + c.lineCount, 0);
  };
  roots.forEach(fill);
  return roots;
}

/** amount × percent / 100, rounded half away from zero, exact. */
function share(amount: Minor, percent: string): Minor {
  const [whole = "0", fraction = ""] = percent.split(".");
  const hundredths = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0").slice(0, 2) || "0");
  const scaled = BigInt(amount) * hundredths;
  const rounded = (scaled + (scaled >= 0n ? 5000n : -5000n)) / 10000n;
  return Number(rounded);
}

function addTo(map: Map<string | null, Breakdown>, key: string | null, label: string | null, amount: Minor): void {
  const normalised = key?.trim() || null;
  const entry = map.get(normalised) ?? { key: normalised, label, amount: 0 };
  entry.amount = sumMinor([entry.amount, amount]);
  entry.label ??= label;
  map.set(normalised, entry);
}

function sorted(map: Map<string | null, Breakdown>): Breakdown[] {
  return [...map.values()].sort((a, b) => b.amount - a.amount || String(a.key).localeCompare(String(b.key)));
}
