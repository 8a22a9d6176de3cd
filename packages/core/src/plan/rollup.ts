import { allocate, type Minor, sumMinor } from "../money.ts";
import { effectiveLineAmount, storedAmount } from "./amounts.ts";
import { fiscalQuarter } from "./periods.ts";
import type { Breakdown, NodeTotal, PlanInput, PlanRollup } from "./types.ts";

/** Every total of a plan, computed from its budget lines only. */
export function rollUpPlan(plan: PlanInput): PlanRollup {
  const { currency } = plan;
  const lineAmounts = new Map<string, Minor>();
  const activityAmounts = new Map<string, Minor>(plan.activities.map((a) => [a.id, 0]));
  for (const line of plan.lines) {
    const amount = effectiveLineAmount(line, currency);
    lineAmounts.set(line.id, amount);
    activityAmounts.set(line.activityId, sumMinor([activityAmounts.get(line.activityId) ?? 0, amount]));
  }

  const nodes = buildNodeTree(plan, activityAmounts);
  const nodeIds = new Set(plan.nodes.map((n) => n.id));
  const unassigned = sumMinor(
    plan.activities
      .filter((a) => a.resultNodeId === null || !nodeIds.has(a.resultNodeId))
      .map((a) => activityAmounts.get(a.id) ?? 0),
  );
  const computedTotal = sumMinor([...activityAmounts.values()]);

  const activityById = new Map(plan.activities.map((a) => [a.id, a]));
  const byAccount = new Map<string | null, Breakdown>();
  const byFund = new Map<string | null, Breakdown>();
  const byResponsible = new Map<string | null, Breakdown>();
  let funded = 0;
  let unfunded = 0;
  let genderTagged = 0;
  for (const line of plan.lines) {
    const amount = lineAmounts.get(line.id) ?? 0;
    addTo(byAccount, line.accountCode, line.accountLabel, amount);
    addTo(byFund, line.fundCode, null, amount);
    addTo(byResponsible, activityById.get(line.activityId)?.responsible ?? null, null, amount);
    if (line.funded) funded = sumMinor([funded, amount]);
    else unfunded = sumMinor([unfunded, amount]);
    if (line.genderSharePercent !== null)
      genderTagged = sumMinor([genderTagged, share(amount, line.genderSharePercent)]);
  }

  const byQuarter = { q1: 0, q2: 0, q3: 0, q4: 0, unscheduled: 0 };
  for (const activity of plan.activities) {
    const amount = activityAmounts.get(activity.id) ?? 0;
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
    total: {
      computed: computedTotal,
      declared: plan.declaredTotal === null ? null : storedAmount(plan.declaredTotal, currency),
    },
    nodes,
    unassigned,
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

function buildNodeTree(plan: PlanInput, activityAmounts: Map<string, Minor>): NodeTotal[] {
  const declared = new Map(plan.declaredTotals.map((d) => [d.nodeId, storedAmount(d.amount, plan.currency)]));
  const byId = new Map<string, NodeTotal>();
  for (const node of [...plan.nodes].sort((a, b) => a.position - b.position)) {
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
      children: [],
    });
  }
  const roots: NodeTotal[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId === null ? undefined : byId.get(node.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const own = new Map<string, { amount: Minor; count: number }>();
  for (const activity of plan.activities) {
    if (activity.resultNodeId === null) continue;
    const entry = own.get(activity.resultNodeId) ?? { amount: 0, count: 0 };
    entry.amount = sumMinor([entry.amount, activityAmounts.get(activity.id) ?? 0]);
    entry.count += 1;
    own.set(activity.resultNodeId, entry);
  }
  const fill = (node: NodeTotal): void => {
    node.children.forEach(fill);
    const mine = own.get(node.id) ?? { amount: 0, count: 0 };
    node.computed = sumMinor([mine.amount, ...node.children.map((c) => c.computed)]);
    node.activityCount = mine.count + node.children.reduce((n, c) => n + c.activityCount, 0);
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

function addTo(
  map: Map<string | null, Breakdown>,
  key: string | null,
  label: string | null,
  amount: Minor,
): void {
  const normalised = key?.trim() || null;
  const entry = map.get(normalised) ?? { key: normalised, label, amount: 0 };
  entry.amount = sumMinor([entry.amount, amount]);
  entry.label ??= label;
  map.set(normalised, entry);
}

function sorted(map: Map<string | null, Breakdown>): Breakdown[] {
  return [...map.values()].sort((a, b) => b.amount - a.amount || String(a.key).localeCompare(String(b.key)));
}
