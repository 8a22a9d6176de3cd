// A plan read for export: its framework tree, in order, with each activity's lines.
import type { CurrencyCode } from "@baara/core";
import { asc, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { activities, budgetLines, declaredTotals, type projects, resultNodes, type workplans } from "../db/schema.ts";

type LineRow = typeof budgetLines.$inferSelect;
type ActivityRow = typeof activities.$inferSelect;

export interface ExportActivity extends ActivityRow {
  lines: LineRow[];
}

export interface ExportNode {
  id: string;
  code: string;
  title: string;
  level: number;
  label: string;
  declared: string | null;
  activities: ExportActivity[];
  children: ExportNode[];
}

export interface ExportPlan {
  project: typeof projects.$inferSelect;
  workplan: typeof workplans.$inferSelect;
  currency: CurrencyCode;
  roots: ExportNode[];
  /** Activities with no results node. */
  loose: ExportActivity[];
}

export async function loadExportPlan(
  db: Db,
  project: typeof projects.$inferSelect,
  workplan: typeof workplans.$inferSelect,
): Promise<ExportPlan> {
  const [nodes, acts, lines, declared] = await Promise.all([
    db.select().from(resultNodes).where(eq(resultNodes.projectId, project.id)).orderBy(asc(resultNodes.position)),
    db.select().from(activities).where(eq(activities.workplanId, workplan.id)).orderBy(asc(activities.position)),
    db.select().from(budgetLines).where(eq(budgetLines.workplanId, workplan.id)).orderBy(asc(budgetLines.position)),
    db.select().from(declaredTotals).where(eq(declaredTotals.workplanId, workplan.id)),
  ]);
  const linesOf = new Map<string, LineRow[]>();
  for (const line of lines) linesOf.set(line.activityId, [...(linesOf.get(line.activityId) ?? []), line]);
  const withLines = acts.map((a) => ({ ...a, lines: linesOf.get(a.id) ?? [] }));
  const declaredOf = new Map(declared.map((d) => [d.resultNodeId, d.amount]));
  const byId = new Map<string, ExportNode>(
    nodes.map((n) => [
      n.id,
      {
        id: n.id,
        code: n.code,
        title: n.title,
        level: n.level,
        label: project.levelLabels[n.level] ?? "",
        declared: declaredOf.get(n.id) ?? null,
        activities: withLines.filter((a) => a.resultNodeId === n.id),
        children: [],
      },
    ]),
  );
  const roots: ExportNode[] = [];
  for (const n of nodes) {
    const node = byId.get(n.id);
    if (!node) continue;
    const parent = n.parentId ? byId.get(n.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return {
    project,
    workplan,
    currency: project.currency as CurrencyCode,
    roots: prune(roots),
    loose: withLines.filter((a) => a.resultNodeId === null || !byId.has(a.resultNodeId)),
  };
}

/** Branches of the framework with no activity in this plan are left out of the sheet. */
function prune(nodes: ExportNode[]): ExportNode[] {
  return nodes
    .map((n) => ({ ...n, children: prune(n.children) }))
    .filter((n) => n.activities.length > 0 || n.children.length > 0);
}
