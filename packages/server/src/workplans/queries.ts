// Reads of work plans, each asking the policy first; bounded SQL whatever the
// size of the plan or the project.
import { type api, comparePlans, isPlanPublic, PLAN_STATUSES } from "@baara/core";
import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import type * as z from "zod";
import { authorizeWorkplan, projectAccess, type WorkplanAccess, type WorkplanRow } from "../access/policy.ts";
import type { Context } from "../context.ts";
import { imports, storedFiles, users, workplanSteps, workplans } from "../db/schema.ts";
import { invalidField } from "../http/errors.ts";
import { pageBounds } from "../http/pagination.ts";
import { readPlanFigures } from "./plan-cache.ts";
import {
  loadPlan,
  loadPlanTree,
  type PlanFiguresTree,
  type PlanRows,
  type PlanRowsTree,
} from "./plan-tree.ts";
import { withVersionInForce, type WorkplanStanding } from "./versions.ts";
import { planTree } from "@baara/core";

export async function listWorkplans(
  ctx: Context,
  projectId: string,
  query: z.output<typeof api.workplanListQuery>,
): Promise<{ rows: WorkplanStanding[]; total: number }> {
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
  return { rows: await withVersionInForce(ctx, rows), total: total?.n ?? 0 };
}

/** A plan as the API shows it: with the version of its year in force. */
export async function standingOf(ctx: Context, row: WorkplanRow): Promise<WorkplanStanding> {
  const [standing] = await withVersionInForce(ctx, [row]);
  return standing ?? { ...row, versionInForce: null };
}

export function readWorkplan(ctx: Context, workplanId: string): Promise<WorkplanAccess> {
  return authorizeWorkplan(ctx, workplanId, "project.read");
}

/** The plan's history: how the version came to be (created, imported from a file, copied), then its workflow steps. */
export async function workplanHistory(ctx: Context, workplanId: string): Promise<HistoryEntry[]> {
  const { workplan } = await readWorkplan(ctx, workplanId);
  const [steps, origin] = await Promise.all([
    ctx.db
      .select({ step: workplanSteps, userName: users.name })
      .from(workplanSteps)
      .innerJoin(users, eq(users.id, workplanSteps.userId))
      .where(eq(workplanSteps.workplanId, workplan.id))
      .orderBy(asc(workplanSteps.at)),
    planOrigin(ctx, workplan),
  ]);
  return [origin, ...steps.map(({ step, userName }) => ({ ...step, userName, fileName: null, copiedFrom: null }))];
}

export type HistoryEntry = Omit<api.WorkplanStep, "at"> & { at: Date };

async function planOrigin(ctx: Context, workplan: WorkplanRow): Promise<HistoryEntry> {
  const [[imported], [copied], [creator]] = await Promise.all([
    ctx.db
      .select({ fileName: storedFiles.name })
      .from(imports)
      .innerJoin(storedFiles, eq(storedFiles.id, imports.fileId))
      .where(eq(imports.workplanId, workplan.id))
      .limit(1),
    workplan.copiedFromId
      ? ctx.db
          .select({ planVersion: workplans.planVersion, year: workplans.year })
          .from(workplans)
          .where(eq(workplans.id, workplan.copiedFromId))
      : [undefined],
    workplan.createdById
      ? ctx.db.select({ name: users.name }).from(users).where(eq(users.id, workplan.createdById))
      : [undefined],
  ]);
  return {
    id: workplan.id,
    action: imported ? "import" : copied ? "copy" : "create",
    fromStatus: null,
    toStatus: "draft",
    userId: creator ? workplan.createdById : null,
    userName: creator?.name ?? null,
    comment: null,
    at: workplan.createdAt,
    fileName: imported?.fileName ?? null,
    copiedFrom: !imported && copied ? copied : null,
  };
}

/** The plan and its tree, for the summary, the exports and the editor. */
export async function workplanTree(
  ctx: Context,
  workplanId: string,
): Promise<WorkplanAccess & { plan: PlanRows; tree: PlanRowsTree; standing: WorkplanStanding }> {
  const access = await readWorkplan(ctx, workplanId);
  const [plan, standing] = await Promise.all([
    loadPlan(ctx.db, access.workplan, access.project),
    standingOf(ctx, access.workplan),
  ]);
  return { ...access, plan, tree: planTree(plan), standing };
}

/** The plan's figures and their tree (no more than the rules read, kept between reads), for the summary. */
export async function workplanFigures(
  ctx: Context,
  workplanId: string,
): Promise<WorkplanAccess & { tree: PlanFiguresTree; standing: WorkplanStanding }> {
  const access = await readWorkplan(ctx, workplanId);
  const [plan, standing] = await Promise.all([
    readPlanFigures(ctx.db, access.workplan, access.project),
    standingOf(ctx, access.workplan),
  ]);
  return { ...access, tree: plan.tree, standing };
}

/** Two versions (or years) of one project's plan side by side. */
export async function compareWorkplans(ctx: Context, workplanId: string, otherId: string) {
  const base = await readWorkplan(ctx, workplanId);
  const other = await readWorkplan(ctx, otherId);
  if (other.workplan.projectId !== base.workplan.projectId) throw invalidField("with", "PLAN_OTHER_PROJECT");
  const [baseTree, otherTree, [baseStanding, otherStanding]] = await Promise.all([
    loadPlanTree(ctx.db, base.workplan, base.project),
    loadPlanTree(ctx.db, other.workplan, other.project),
    withVersionInForce(ctx, [base.workplan, other.workplan]),
  ]);
  if (!baseStanding || !otherStanding) throw new Error("work plans without standing");
  return {
    base: { ...base, workplan: baseStanding },
    other: { ...other, workplan: otherStanding },
    comparison: comparePlans(baseTree, otherTree),
  };
}
