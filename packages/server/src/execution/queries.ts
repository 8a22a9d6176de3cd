// Reads of a plan's execution: the whole of it (rates, activities, credits,
// flags, last year's rates), an activity's progress by period, the
// transactions, the unplanned activities. Each asks the policy first.
import { comparePeriods, type ExecutionSums, planExecution, type api } from "@baara/core";
import { and, asc, count, desc, eq } from "drizzle-orm";
import type * as z from "zod";
import { authorizeWorkplan, type ProjectRow, type WorkplanRow } from "../access/policy.ts";
import { loadActivity } from "../activities/queries.ts";
import type { Context } from "../context.ts";
import type { Db } from "../db/client.ts";
import { activityProgress, executionTransactions, unplannedActivities, users } from "../db/schema.ts";
import { pageBounds } from "../http/pagination.ts";
import { readPlanFigures } from "../workplans/plan-cache.ts";
import { type LoadedExecution, loadExecutionRecords, loadExecutionWith, type ProgressEntry, type ProgressRow } from "./load.ts";
import { sumsOfStored } from "./sums.ts";
import {
  currentApprovedPlan,
  executionLock,
  type ExecutionLock,
  type PlanExecutionRow,
  readPlanExecution,
} from "./state.ts";

export interface ExecutionView {
  workplan: WorkplanRow;
  project: ProjectRow;
  settings: PlanExecutionRow | undefined;
  loaded: LoadedExecution;
  lock: ExecutionLock | null;
  previous: { workplan: WorkplanRow; sums: ExecutionSums } | null;
  unplannedCount: number;
}

/** A plan's execution as the screens and the API show it. */
export async function workplanExecution(ctx: Context, workplanId: string): Promise<ExecutionView> {
  const { workplan, project } = await authorizeWorkplan(ctx, workplanId, "project.read");
  return executionView(ctx.db, workplan, project);
}

export async function executionView(db: Db, workplan: WorkplanRow, project: ProjectRow): Promise<ExecutionView> {
  const settings = await readPlanExecution(db, workplan.id);
  // A read outside any transaction: the plan's tree may come from the cache.
  const loaded = await loadExecutionWith(readPlanFigures, db, workplan, project, settings);
  const { lock } = await executionLock(db, workplan, settings);
  const [unplanned] = await db
    .select({ n: count() })
    .from(unplannedActivities)
    .where(eq(unplannedActivities.workplanId, workplan.id));
  return {
    workplan,
    project,
    settings,
    loaded,
    lock,
    previous: await previousYear(db, workplan, project),
    unplannedCount: unplanned?.n ?? 0,
  };
}

/**
 * The project's current plan of the year before, with its execution sums: the
 * stored ones (one row), recomputed from its records only when it has none yet.
 */
async function previousYear(db: Db, workplan: WorkplanRow, project: ProjectRow): Promise<ExecutionView["previous"]> {
  const previous = await currentApprovedPlan(db, project.id, workplan.year - 1);
  if (!previous) return null;
  const settings = await readPlanExecution(db, previous.id);
  if (settings) return { workplan: previous, sums: sumsOfStored(settings, project.currency) };
  const { tree } = await readPlanFigures(db, previous, project);
  const { progress, transactions, credits } = await loadExecutionRecords(db, previous.id);
  const sums = planExecution(tree, { progress, transactions, credits, excludeCancelled: true }).plan;
  return { workplan: previous, sums };
}

/** A progress record with the name of who recorded it. */
export async function progressRecordOf(ctx: Context, row: ProgressRow): Promise<ProgressEntry> {
  const [person] = row.recordedById
    ? await ctx.db.select({ name: users.name }).from(users).where(eq(users.id, row.recordedById))
    : [];
  return { ...row, recordedAt: row.recordedAt.toISOString(), recordedByName: person?.name ?? null };
}

/** An activity's progress, period by period (the plan's fiscal year orders them). */
export async function activityProgressHistory(ctx: Context, activityId: string): Promise<ProgressEntry[]> {
  const activity = await loadActivity(ctx, activityId);
  const { project } = await authorizeWorkplan(ctx, activity.workplanId, "project.read");
  const rows = await ctx.db
    .select({ record: activityProgress, name: users.name })
    .from(activityProgress)
    .leftJoin(users, eq(users.id, activityProgress.recordedById))
    .where(eq(activityProgress.activityId, activity.id));
  return rows
    .map(({ record, name }) => ({ ...record, recordedAt: record.recordedAt.toISOString(), recordedByName: name }))
    .sort((a, b) => comparePeriods(a, b, project.fiscalYearStartMonth));
}

export async function listTransactions(ctx: Context, workplanId: string, query: z.output<typeof api.transactionListQuery>) {
  const { workplan } = await authorizeWorkplan(ctx, workplanId, "project.read");
  const where = and(
    eq(executionTransactions.workplanId, workplan.id),
    query.activityId ? eq(executionTransactions.activityId, query.activityId) : undefined,
    query.stage ? eq(executionTransactions.stage, query.stage) : undefined,
  );
  const { limit, offset } = pageBounds(query);
  const rows = await ctx.db
    .select()
    .from(executionTransactions)
    .where(where)
    .orderBy(desc(executionTransactions.date), desc(executionTransactions.createdAt))
    .limit(limit)
    .offset(offset);
  const [total] = await ctx.db.select({ n: count() }).from(executionTransactions).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function listUnplanned(ctx: Context, workplanId: string) {
  const { workplan } = await authorizeWorkplan(ctx, workplanId, "project.read");
  return ctx.db
    .select()
    .from(unplannedActivities)
    .where(eq(unplannedActivities.workplanId, workplan.id))
    .orderBy(asc(unplannedActivities.position));
}
