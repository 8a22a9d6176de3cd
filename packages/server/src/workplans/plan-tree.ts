// The one way a plan is read: its framework, activities, lines and declared
// figures, as core's plan model; core's `planTree` then computes every total,
// count and finding, once, for whoever reads it (summary, editor, exports,
// comparison, stored totals).
import { type PlanInput, type PlanTree, planTree } from "@baara/core";
import { asc, eq } from "drizzle-orm";
import type { ProjectRow, WorkplanRow } from "../access/policy.ts";
import type { Db } from "../db/client.ts";
import { activities, budgetLines, declaredTotals, resultNodes } from "../db/schema.ts";

export type ActivityRow = typeof activities.$inferSelect;
export type BudgetLineRow = typeof budgetLines.$inferSelect;
export type NodeRow = typeof resultNodes.$inferSelect;
export type PlanRows = PlanInput<ActivityRow, BudgetLineRow> & { nodeRows: NodeRow[] };
export type PlanRowsTree = PlanTree<ActivityRow, BudgetLineRow>;

/**
 * Four bounded queries, whatever the size of the plan. One after the other:
 * `db` is often a transaction, whose one connection takes one query at a time.
 */
export async function loadPlan(db: Db, workplan: WorkplanRow, project: ProjectRow): Promise<PlanRows> {
  const nodes = await db.select().from(resultNodes)
    .where(eq(resultNodes.projectId, project.id)).orderBy(asc(resultNodes.position));
  const acts = await db.select().from(activities)
    .where(eq(activities.workplanId, workplan.id)).orderBy(asc(activities.position));
  const lines = await db.select().from(budgetLines)
    .where(eq(budgetLines.workplanId, workplan.id)).orderBy(asc(budgetLines.position));
  const declared = await db.select().from(declaredTotals).where(eq(declaredTotals.workplanId, workplan.id));
  return {
    currency: project.currency,
    year: workplan.year,
    fiscalYearStartMonth: project.fiscalYearStartMonth,
    levelLabels: project.levelLabels,
    nodes,
    nodeRows: nodes,
    activities: acts,
    lines,
    declaredTotals: declared.map((d) => ({ nodeId: d.resultNodeId, amount: d.amount })),
    declaredTotal: workplan.declaredTotal,
  };
}

export async function loadPlanTree(db: Db, workplan: WorkplanRow, project: ProjectRow): Promise<PlanRowsTree> {
  return planTree(await loadPlan(db, workplan, project));
}
