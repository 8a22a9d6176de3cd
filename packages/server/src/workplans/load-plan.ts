import { type CurrencyCode, type PlanInput, planActivityOf, planLineOf, planNodeOf } from "@baara/core";
import { asc, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { activities, budgetLines, declaredTotals, type projects, resultNodes } from "../db/schema.ts";
import type { WorkplanRow } from "./access.ts";

/** Reads a whole plan into the shape the core rules compute on. */
export async function loadPlanInput(
  db: Db,
  workplan: WorkplanRow,
  project: typeof projects.$inferSelect,
): Promise<PlanInput> {
  const [nodes, acts, lines, declared] = await Promise.all([
    db
      .select()
      .from(resultNodes)
      .where(eq(resultNodes.projectId, project.id))
      .orderBy(asc(resultNodes.position)),
    db
      .select()
      .from(activities)
      .where(eq(activities.workplanId, workplan.id))
      .orderBy(asc(activities.position)),
    db
      .select()
      .from(budgetLines)
      .where(eq(budgetLines.workplanId, workplan.id))
      .orderBy(asc(budgetLines.position)),
    db.select().from(declaredTotals).where(eq(declaredTotals.workplanId, workplan.id)),
  ]);
  return {
    currency: project.currency as CurrencyCode,
    year: workplan.year,
    fiscalYearStartMonth: project.fiscalYearStartMonth,
    levelLabels: project.levelLabels,
    nodes: nodes.map(planNodeOf),
    activities: acts.map(planActivityOf),
    lines: lines.map(planLineOf),
    declaredTotals: declared.map((d) => ({ nodeId: d.resultNodeId, amount: d.amount })),
    declaredTotal: workplan.declaredTotal,
  };
}
