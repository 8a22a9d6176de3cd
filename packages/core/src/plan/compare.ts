import { formatQuantity, type Minor, parseQuantity, sumMinor } from "../money.ts";
import type { NodeTotal, PlanActivityInput, PlanInput, PlanLineInput, PlanTree } from "./types.ts";

export type ChangeKind = "added" | "removed" | "changed";

/** One field of a line, before and after, as stored (decimal strings for numbers and amounts; "true"/"false" for funded). */
export interface FieldChange {
  field: ComparedField;
  before: string | null;
  after: string | null;
}

export interface LineChange {
  kind: ChangeKind;
  activityCode: string | null;
  activityTitle: string;
  /** The line's code (its budget account) and label, in the newer version when both have it. */
  accountCode: string | null;
  description: string | null;
  /** Each field whose value differs, with both values (changed lines only). */
  changes: FieldChange[];
  /** The line's amount in each version (null where it does not exist). */
  base: Minor | null;
  other: Minor | null;
}

export interface NodeDifference {
  nodeId: string;
  code: string;
  title: string;
  level: number;
  base: Minor;
  other: Minor;
  difference: Minor;
}

export interface PlanComparison {
  total: { base: Minor; other: Minor; difference: Minor };
  nodes: NodeDifference[];
  lines: LineChange[];
}

const COMPARED_FIELDS = ["description", "accountCode", "fundCode", "quantity", "unitCost", "amount", "funded"] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

/** A field's value as stored, quantities without the database's trailing zeros ("3000", not "3000.000"). */
function stored(line: PlanLineInput, field: ComparedField): string | null {
  if (field === "funded") return String(line.funded);
  const value = line[field];
  if (field !== "quantity" || value === null) return value;
  const quantity = parseQuantity(value);
  return quantity.ok ? formatQuantity(quantity.value) : value;
}

/** An activity is the same one across versions when it sits under the same node with the same code and title. */
function activityKey(a: PlanActivityInput): string {
  return JSON.stringify([a.resultNodeId, a.code ?? "", a.title.trim().toLowerCase()]);
}

function linesByActivity(plan: PlanInput): Map<string, PlanLineInput[]> {
  const map = new Map<string, PlanLineInput[]>();
  for (const line of [...plan.lines].sort((x, y) => x.position - y.position)) {
    map.set(line.activityId, [...(map.get(line.activityId) ?? []), line]);
  }
  return map;
}

function flatten(nodes: readonly NodeTotal[]): NodeTotal[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

/**
 * What changed from `base` to `other` (two versions of a plan of one project):
 * added, removed and changed budget lines, and the budget difference per
 * results node and in total. Lines of a matched activity pair up as `pairLines` says.
 */
export function comparePlans(baseRollup: PlanTree, otherRollup: PlanTree): PlanComparison {
  const base = baseRollup.input;
  const other = otherRollup.input;
  const otherNodes = new Map(flatten(otherRollup.nodes).map((n) => [n.id, n]));
  const baseNodes = flatten(baseRollup.nodes);
  const nodes = [...baseNodes, ...[...otherNodes.values()].filter((n) => !baseNodes.some((b) => b.id === n.id))].map(
    (n) => {
      const b = baseNodes.find((x) => x.id === n.id)?.computed ?? 0;
      const o = otherNodes.get(n.id)?.computed ?? 0;
      return { nodeId: n.id, code: n.code, title: n.title, level: n.level, base: b, other: o, difference: o - b };
    },
  );

  const baseLines = linesByActivity(base);
  const otherLines = linesByActivity(other);
  const otherByKey = new Map<string, PlanActivityInput[]>();
  for (const a of other.activities) otherByKey.set(activityKey(a), [...(otherByKey.get(activityKey(a)) ?? []), a]);

  const lines: LineChange[] = [];
  const amountIn = (rollup: typeof baseRollup, line: PlanLineInput) => rollup.lineAmounts.get(line.id) ?? 0;
  const matched = new Set<string>();
  for (const activity of base.activities) {
    const candidates = otherByKey.get(activityKey(activity)) ?? [];
    const twin = candidates.find((c) => !matched.has(c.id));
    const before = baseLines.get(activity.id) ?? [];
    if (!twin) {
      for (const line of before) lines.push(removed(activity, line, amountIn(baseRollup, line)));
      continue;
    }
    matched.add(twin.id);
    const after = otherLines.get(twin.id) ?? [];
    const twins = pairLines(before, after);
    for (const b of before) {
      const o = twins.get(b);
      if (!o) {
        lines.push(removed(activity, b, amountIn(baseRollup, b)));
        continue;
      }
      const changes = COMPARED_FIELDS.filter((f) => b[f] !== o[f]).map((field) => ({
        field,
        before: stored(b, field),
        after: stored(o, field),
      }));
      if (changes.length > 0) {
        lines.push({
          kind: "changed",
          activityCode: twin.code,
          activityTitle: twin.title,
          accountCode: o.accountCode ?? b.accountCode,
          description: o.description ?? b.description,
          changes,
          base: amountIn(baseRollup, b),
          other: amountIn(otherRollup, o),
        });
      }
    }
    const paired = new Set(twins.values());
    for (const o of after) if (!paired.has(o)) lines.push(added(twin, o, amountIn(otherRollup, o)));
  }
  for (const activity of other.activities) {
    if (matched.has(activity.id)) continue;
    for (const line of otherLines.get(activity.id) ?? []) lines.push(added(activity, line, amountIn(otherRollup, line)));
  }

  const baseTotal = baseRollup.total.computed;
  const otherTotal = otherRollup.total.computed;
  return {
    total: { base: baseTotal, other: otherTotal, difference: sumMinor([otherTotal, -baseTotal]) },
    nodes,
    lines,
  };
}

/**
 * Pairs the lines of one activity in two versions: identical lines first, then
 * lines with the same description, then the rest in order. So a line removed
 * from the middle is reported alone, not as every following line changed.
 */
function pairLines(before: readonly PlanLineInput[], after: readonly PlanLineInput[]): Map<PlanLineInput, PlanLineInput> {
  const twins = new Map<PlanLineInput, PlanLineInput>();
  const free = [...after];
  const pass = (same: (b: PlanLineInput, o: PlanLineInput) => boolean) => {
    for (const b of before) {
      if (twins.has(b)) continue;
      const index = free.findIndex((o) => same(b, o));
      const [o] = index < 0 ? [] : free.splice(index, 1);
      if (o) twins.set(b, o);
    }
  };
  pass((b, o) => COMPARED_FIELDS.every((f) => b[f] === o[f]));
  pass((b, o) => b.description !== null && b.description === o.description);
  pass(() => true);
  return twins;
}

function removed(activity: PlanActivityInput, line: PlanLineInput, amount: Minor): LineChange {
  return { kind: "removed", ...identity(activity, line), changes: [], base: amount, other: null };
}

function added(activity: PlanActivityInput, line: PlanLineInput, amount: Minor): LineChange {
  return { kind: "added", ...identity(activity, line), changes: [], base: null, other: amount };
}

function identity(activity: PlanActivityInput, line: PlanLineInput) {
  const { code: activityCode, title: activityTitle } = activity;
  return { activityCode, activityTitle, accountCode: line.accountCode, description: line.description };
}
