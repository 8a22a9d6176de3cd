// Pure helpers of the plan editor: the plan as core's rules see it, and the
// flat list of grid rows (groups, activities, budget lines) built from it.
import { type PlanInput, type PlanTree, planActivityOf, planLineOf, planNodeOf } from "@baara/core";
import type { Activity, BudgetLine, Finding, ResultNode, WorkplanContent } from "../api/types.ts";

/** The plan as core's rules see it, from the content the server sent (GET /workplans/:id/content). */
export function planInputOf(content: WorkplanContent): PlanInput {
  return {
    currency: content.currency,
    year: content.workplan.year,
    fiscalYearStartMonth: content.fiscalYearStartMonth,
    levelLabels: content.levelLabels,
    nodes: content.nodes.map(planNodeOf),
    activities: content.activities.map(planActivityOf),
    lines: content.activities.flatMap((a) => a.budgetLines.map((l) => planLineOf({ ...l, activityId: a.id }))),
    declaredTotals: content.declaredTotals,
    declaredTotal: content.declaredTotal,
  };
}

export type GridRow =
  | { kind: "node"; key: string; id: string; depth: number; node: ResultNode; computed: number; declared: number | null; hasChildren: boolean }
  | { kind: "activity"; key: string; id: string; depth: number; activity: Activity; total: number }
  | { kind: "line"; key: string; id: string; depth: number; activity: Activity; line: BudgetLine; amount: number; index: number };

/** Rows in reading order; children of collapsed groups are left out. */
export function buildRows(
  nodes: ResultNode[],
  activities: Activity[],
  rollup: PlanTree,
  collapsed: ReadonlySet<string>,
): GridRow[] {
  const totals = new Map<string, { computed: number; declared: number | null }>();
  const walk = (list: PlanTree["nodes"]) => {
    for (const n of list) {
      totals.set(n.id, { computed: n.computed, declared: n.declared });
      walk(n.children);
    }
  };
  walk(rollup.nodes);
  const byPosition = <T extends { position: number }>(a: T, b: T) => a.position - b.position;
  const childrenOf = (parentId: string | null) => nodes.filter((n) => n.parentId === parentId).sort(byPosition);
  const activitiesOf = (nodeId: string | null) =>
    activities.filter((a) => a.resultNodeId === nodeId).sort(byPosition);

  const rows: GridRow[] = [];
  const pushActivities = (list: Activity[], depth: number) => {
    for (const activity of list) {
      rows.push({
        kind: "activity",
        key: `a:${activity.id}`,
        id: activity.id,
        depth,
        activity,
        total: rollup.activityAmounts.get(activity.id) ?? 0,
      });
      [...activity.budgetLines].sort(byPosition).forEach((line, index) =>
        rows.push({
          kind: "line",
          key: `l:${line.id}`,
          id: line.id,
          depth: depth + 1,
          activity,
          line,
          amount: rollup.lineAmounts.get(line.id) ?? 0,
          index,
        }),
      );
    }
  };
  const pushNode = (node: ResultNode, depth: number) => {
    const children = childrenOf(node.id);
    const own = activitiesOf(node.id);
    const total = totals.get(node.id);
    rows.push({
      kind: "node",
      key: `n:${node.id}`,
      id: node.id,
      depth,
      node,
      computed: total?.computed ?? 0,
      declared: total?.declared ?? null,
      hasChildren: children.length + own.length > 0,
    });
    if (collapsed.has(node.id)) return;
    pushActivities(own, depth + 1);
    for (const child of children) pushNode(child, depth + 1);
  };
  for (const root of childrenOf(null)) pushNode(root, 0);
  const known = new Set(nodes.map((n) => n.id));
  pushActivities(
    activities.filter((a) => a.resultNodeId === null || !known.has(a.resultNodeId)).sort(byPosition),
    0,
  );
  return rows;
}

/** Findings by the entity they point at ("node:…", "activity:…", "budgetLine:…"). */
export function findingsByTarget(findings: Finding[]): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.location.id) continue;
    const key = `${f.location.entity}:${f.location.id}`;
    map.set(key, [...(map.get(key) ?? []), f]);
  }
  return map;
}

export function targetOf(row: GridRow): string {
  return row.kind === "node" ? `node:${row.id}` : row.kind === "activity" ? `activity:${row.id}` : `budgetLine:${row.id}`;
}

/** Ancestors of a node, so a finding deep in a collapsed group can be revealed. */
export function ancestorsOf(nodes: ResultNode[], nodeId: string | null): string[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const result: string[] = [];
  let current = nodeId ? byId.get(nodeId) : undefined;
  while (current) {
    result.push(current.id);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return result;
}

export interface PlacedActivity {
  activity: Activity;
  node: ResultNode | null;
}

/** The activities in the order of the plan's tree (framework order, then position), each with its results node. */
export function activitiesInTreeOrder(nodes: ResultNode[], activities: Activity[]): PlacedActivity[] {
  const byPosition = <T extends { position: number }>(a: T, b: T) => a.position - b.position;
  const ordered: PlacedActivity[] = [];
  const walk = (parentId: string | null) => {
    for (const node of nodes.filter((n) => n.parentId === parentId).sort(byPosition)) {
      const own = activities.filter((a) => a.resultNodeId === node.id).sort(byPosition);
      for (const activity of own) ordered.push({ activity, node });
      walk(node.id);
    }
  };
  walk(null);
  const placed = new Set(ordered.map((o) => o.activity.id));
  for (const activity of activities.filter((a) => !placed.has(a.id)).sort(byPosition)) ordered.push({ activity, node: null });
  return ordered;
}
