// The execution table of an annual activity report (the CPS report's Table 3):
// one column per level of the results framework (objectives, results…), the
// activity, executed 1 = yes / 2 = no, the period of execution and the
// observations, with each framework cell spanning its activities' rows.
import type { ActivityStatus } from "../domain.ts";

export interface ExecutionTableActivity {
  nodeId: string | null;
  code: string | null;
  title: string;
  status: ActivityStatus;
  periodText: string | null;
  observations: string | null;
  delayReason: string | null;
}

export interface ExecutionTableNode {
  id: string;
  parentId: string | null;
  level: number;
  code: string;
  title: string;
}

export interface ExecutionTableRow {
  /** One cell per framework level: the node's « code. title », or null where the cell above spans it. */
  levels: (string | null)[];
  /** How many rows each level's cell spans, on the row where it starts (0 on the rows it covers). */
  spans: number[];
  activity: string;
  /** 1 = executed, 2 = not executed, as the report's column reads. */
  executed: 1 | 2;
  period: string;
  observations: string;
}

const label = (code: string | null, title: string) => (code ? `${code}. ${title}` : title);

/**
 * The table's rows in framework order. Activities outside the framework come
 * last with empty framework cells. Observations fall back on the reason for
 * delay (« Contraintes budgétaires »), as the report writes it for activities
 * not executed; a period without text reads « - ».
 */
export function executionTableRows(
  levels: number,
  nodes: readonly ExecutionTableNode[],
  activities: readonly ExecutionTableActivity[],
): ExecutionTableRow[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const chain = (nodeId: string | null): ExecutionTableNode[] => {
    const path: ExecutionTableNode[] = [];
    for (let node = nodeId ? byId.get(nodeId) : undefined; node; node = node.parentId ? byId.get(node.parentId) : undefined)
      path.unshift(node);
    return path;
  };
  const order = new Map(nodes.map((n, i) => [n.id, i]));
  const placed = activities
    .map((activity, index) => ({ activity, index, path: chain(activity.nodeId) }))
    .sort((a, b) => {
      const pa = a.path.map((n) => order.get(n.id) ?? 0);
      const pb = b.path.map((n) => order.get(n.id) ?? 0);
      if ((pa.length === 0) !== (pb.length === 0)) return pa.length === 0 ? 1 : -1;
      for (let i = 0; i < Math.min(pa.length, pb.length); i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
      return pa.length - pb.length || a.index - b.index;
    });
  const rows: ExecutionTableRow[] = placed.map(({ activity, path }) => ({
    levels: Array.from({ length: levels }, (_, level) => {
      const node = path.find((n) => n.level === level);
      return node ? label(node.code, node.title) : "";
    }),
    spans: Array.from({ length: levels }, () => 1),
    activity: label(activity.code, activity.title),
    executed: activity.status === "done" ? 1 : 2,
    period: activity.periodText?.trim() || "-",
    observations: activity.observations?.trim() || activity.delayReason?.trim() || "",
  }));
  // Merge a level's equal cells down, within the cells of the level above.
  const keys = placed.map(({ path }) => path.map((n) => n.id));
  for (let level = 0; level < levels; level++) {
    let start = 0;
    for (let i = 1; i <= rows.length; i++) {
      const same =
        i < rows.length
        && keys[i]?.[level] !== undefined
        && keys[i]?.slice(0, level + 1).join() === keys[start]?.slice(0, level + 1).join();
      if (same) continue;
      const first = rows[start];
      if (first) first.spans[level] = i - start;
      for (let j = start + 1; j < i; j++) {
        const row = rows[j];
        if (!row) continue;
        row.spans[level] = 0;
        row.levels[level] = null;
      }
      start = i;
    }
  }
  return rows;
}
