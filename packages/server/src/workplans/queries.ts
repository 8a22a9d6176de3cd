// Reads of work plans, each asking the policy first; bounded SQL whatever the
// size of the plan or the project.
import { type api, comparePlans, isPlanPublic, PLAN_STATUSES } from "@baara/core";
import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import type * as z from "zod";
import { authorizeWorkplan, projectAccess, type WorkplanAccess, type WorkplanRow } from "../access/policy.ts";
import type { Context } from "../context.ts";
import { users, workplanSteps, workplans } from "../db/schema.ts";
import { invalidField } from "../http/errors.ts";
import { pageBounds } from "../http/pagination.ts";
import { loadPlan, loadPlanTree, type PlanRows, type PlanRowsTree } from "./plan-tree.ts";
import { planTree } from "@baara/core";

export async function listWorkplans(
  ctx: Context,
  projectId: string,
  query: z.output<typeof api.workplanListQuery>,
): Promise<{ rows: WorkplanRow[]; total: number }> {
  const access = await projectAccess(ctx, projectId);
  const statuses = PLAN_STATUSES.filter((s) => !access.publicOnly || isPlanPublic(s));
  const where = and(
    eq(workplans.projectId, access.project.id),
    inArray(workplans.status, statuses),
    query.year ? eq(workplans.year, query.year) : undefined,
  );
  const { limit, offset } = pageBounds(query);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(workplans)
      .where(where)
      .orderBy(desc(workplans.year), desc(workplans.planVersion))
      .limit(limit)
      .offset(offset),
    ctx.db.select({ n: count() }).from(workplans).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export function readWorkplan(ctx: Context, workplanId: string): Promise<WorkplanAccess> {
  return authorizeWorkplan(ctx, workplanId, "project.read");
}

export async function workplanHistory(ctx: Context, workplanId: string) {
  const { workplan } = await readWorkplan(ctx, workplanId);
  const rows = await ctx.db
    .select({ step: workplanSteps, userName: users.name })
    .from(workplanSteps)
    .innerJoin(users, eq(users.id, workplanSteps.userId))
    .where(eq(workplanSteps.workplanId, workplan.id))
    .orderBy(asc(workplanSteps.at));
  return rows.map(({ step, userName }) => ({ ...step, userName }));
}

/** The plan and its tree, for the summary, the exports and the editor. */
export async function workplanTree(
  ctx: Context,
  workplanId: string,
): Promise<WorkplanAccess & { plan: PlanRows; tree: PlanRowsTree }> {
  const access = await readWorkplan(ctx, workplanId);
  const plan = await loadPlan(ctx.db, access.workplan, access.project);
  return { ...access, plan, tree: planTree(plan) };
}

/** Two versions (or years) of one project's plan side by side. */
export async function compareWorkplans(ctx: Context, workplanId: string, otherId: string) {
  const base = await readWorkplan(ctx, workplanId);
  const other = await readWorkplan(ctx, otherId);
  if (other.workplan.projectId !== base.workplan.projectId) throw invalidField("with", "PLAN_OTHER_PROJECT");
  const [baseTree, otherTree] = await Promise.all([
    loadPlanTree(ctx.db, base.workplan, base.project),
    loadPlanTree(ctx.db, other.workplan, other.project),
  ]);
  return { base, other, comparison: comparePlans(baseTree, otherTree) };
}
