// The one way a plan is read: its framework, activities, lines and declared
// figures, as core's plan model; core's `planTree` then computes every total,
// count and finding, once, for whoever reads it (summary, editor, exports,
// comparison, stored totals).
import { type PlanActivityInput, type PlanInput, type PlanLineInput, type PlanTree, planTree } from "@baara/core";
import { asc, eq } from "drizzle-orm";
import type { ProjectRow, WorkplanRow } from "../access/policy.ts";
import type { Db } from "../db/client.ts";
import { activities, budgetLines, declaredTotals, resultNodes } from "../db/schema.ts";

export type ActivityRow = typeof activities.$inferSelect;
export type BudgetLineRow = typeof budgetLines.$inferSelect;
export type NodeRow = typeof resultNodes.$inferSelect;
export type PlanRows = PlanInput<ActivityRow, BudgetLineRow> & { nodeRows: NodeRow[] };
export type PlanRowsTree = PlanTree<ActivityRow, BudgetLineRow>;
/** A plan with only the fields of core's plan model: what reads that show figures need. */
export type PlanFigures = PlanInput & { nodeRows: NodeRow[] };
export type PlanFiguresTree = PlanTree;

/** The columns of core's plan model: no timestamps, versions or free text the rules never read. */
const activityFigures = {
  id: activities.id,
  resultNodeId: activities.resultNodeId,
  code: activities.code,
  title: activities.title,
  deadline: activities.deadline,
  months: activities.months,
  responsible: activities.responsible,
  noCost: activities.noCost,
  position: activities.position,
} satisfies Record<keyof PlanActivityInput, unknown>;

const lineFigures = {
  id: budgetLines.id,
  activityId: budgetLines.activityId,
  description: budgetLines.description,
  accountCode: budgetLines.accountCode,
  accountLabel: budgetLines.accountLabel,
  fundCode: budgetLines.fundCode,
  quantity: budgetLines.quantity,
  unitCost: budgetLines.unitCost,
  amount: budgetLines.amount,
  funded: budgetLines.funded,
  genderSharePercent: budgetLines.genderSharePercent,
  position: budgetLines.position,
} satisfies Record<keyof PlanLineInput, unknown>;

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
  return planOf(workplan, project, nodes, {
    activities: acts,
    lines,
    declaredTotals: declared.map((d) => ({ nodeId: d.resultNodeId, amount: d.amount })),
  });
}

/**
 * The plan as `loadPlan` reads it, its activities and lines narrowed to the
 * fields of the plan model: the same figures for a fraction of the bytes.
 * Four bounded queries, one after the other.
 */
export async function loadPlanFigures(db: Db, workplan: WorkplanRow, project: ProjectRow): Promise<PlanFigures> {
  const nodes = await db.select().from(resultNodes)
    .where(eq(resultNodes.projectId, project.id)).orderBy(asc(resultNodes.position));
  return loadPlanFiguresOf(db, workplan, project, nodes);
}

/** The same, the project's framework already read. */
export async function loadPlanFiguresOf(
  db: Db,
  workplan: WorkplanRow,
  project: ProjectRow,
  nodes: NodeRow[],
): Promise<PlanFigures> {
  const acts = await db.select(activityFigures).from(activities)
    .where(eq(activities.workplanId, workplan.id)).orderBy(asc(activities.position));
  const lines = await db.select(lineFigures).from(budgetLines)
    .where(eq(budgetLines.workplanId, workplan.id)).orderBy(asc(budgetLines.position));
  const declared = await db.select({ nodeId: declaredTotals.resultNodeId, amount: declaredTotals.amount })
    .from(declaredTotals).where(eq(declaredTotals.workplanId, workplan.id));
  return planOf(workplan, project, nodes, { activities: acts, lines, declaredTotals: declared });
}

/** A plan's figures with the settings its project and version give them. */
function planOf<A, L>(
  workplan: WorkplanRow,
  project: ProjectRow,
  nodes: NodeRow[],
  content: { activities: A[]; lines: L[]; declaredTotals: { nodeId: string; amount: string }[] },
) {
  return {
    currency: project.currency,
    year: workplan.year,
    fiscalYearStartMonth: project.fiscalYearStartMonth,
    levelLabels: project.levelLabels,
    nodes,
    nodeRows: nodes,
    ...content,
    declaredTotal: workplan.declaredTotal,
  };
}

export async function loadPlanFiguresTree(db: Db, workplan: WorkplanRow, project: ProjectRow): Promise<PlanFiguresTree> {
  return planTree(await loadPlanFigures(db, workplan, project));
}

export async function loadPlanTree(db: Db, workplan: WorkplanRow, project: ProjectRow): Promise<PlanRowsTree> {
  return planTree(await loadPlan(db, workplan, project));
}
