import type { CurrencyCode, PlanInput } from "@baara/core";
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
    nodes: nodes.map((n) => ({
      id: n.id,
      parentId: n.parentId,
      level: n.level,
      code: n.code,
      title: n.title,
      position: n.position,
    })),
    activities: acts.map((a) => ({
      id: a.id,
      resultNodeId: a.resultNodeId,
      code: a.code,
      title: a.title,
      deadline: a.deadline,
      months: a.months,
      responsible: a.responsible,
      noCost: a.noCost,
      position: a.position,
    })),
    lines: lines.map((l) => ({
      id: l.id,
      activityId: l.activityId,
      description: l.description,
      accountCode: l.accountCode,
      accountLabel: l.accountLabel,
      fundCode: l.fundCode,
      quantity: l.quantity,
      unitCost: l.unitCost,
      amount: l.amount,
      funded: l.funded,
      genderSharePercent: l.genderSharePercent,
      position: l.position,
    })),
    declaredTotals: declared.map((d) => ({ nodeId: d.resultNodeId, amount: d.amount })),
    declaredTotal: workplan.declaredTotal,
  };
}
