import { activityTotalOf, type api } from "@baara/core";
import { and, asc, count, eq, inArray } from "drizzle-orm";
import type * as z from "zod";
import { authorizeWorkplan, type ProjectRow, type WorkplanAccess } from "../access/policy.ts";
import type { Context } from "../context.ts";
import { activities, budgetLines } from "../db/schema.ts";
import { notFound } from "../http/errors.ts";
import { pageBounds } from "../http/pagination.ts";
import type { ActivityRow, BudgetLineRow } from "../workplans/plan-tree.ts";
import { presentActivity } from "./present.ts";

export async function loadActivity(ctx: Context, id: string): Promise<ActivityRow> {
  const [activity] = await ctx.db.select().from(activities).where(eq(activities.id, id));
  if (!activity) throw notFound("activity");
  return activity;
}

export async function loadLine(ctx: Context, id: string): Promise<BudgetLineRow> {
  const [line] = await ctx.db.select().from(budgetLines).where(eq(budgetLines.id, id));
  if (!line) throw notFound("budgetLine");
  return line;
}

/** An activity as the API shows it, with its lines. */
export async function activityWithLines(ctx: Context, row: ActivityRow, project: ProjectRow): Promise<api.Activity> {
  const lines = await ctx.db
    .select()
    .from(budgetLines)
    .where(eq(budgetLines.activityId, row.id))
    .orderBy(asc(budgetLines.position));
  return presentActivity(activityTotalOf(row, lines, project.currency), project.currency, project.fiscalYearStartMonth);
}

export async function readActivity(ctx: Context, id: string): Promise<api.Activity> {
  const activity = await loadActivity(ctx, id);
  const { project } = await authorizeWorkplan(ctx, activity.workplanId, "project.read");
  return activityWithLines(ctx, activity, project);
}

/** A page of a plan's activities with their lines: two queries for the page, one for its lines. */
export async function listActivities(
  ctx: Context,
  workplanId: string,
  query: z.output<typeof api.activityListQuery>,
): Promise<{ items: api.Activity[]; total: number }> {
  const { workplan, project }: WorkplanAccess = await authorizeWorkplan(ctx, workplanId, "project.read");
  const where = and(
    eq(activities.workplanId, workplan.id),
    query.resultNodeId ? eq(activities.resultNodeId, query.resultNodeId) : undefined,
  );
  const { limit, offset } = pageBounds(query);
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(activities).where(where).orderBy(asc(activities.position)).limit(limit).offset(offset),
    ctx.db.select({ n: count() }).from(activities).where(where),
  ]);
  const lines =
    rows.length === 0
      ? []
      : await ctx.db.select().from(budgetLines).where(inArray(budgetLines.activityId, rows.map((a) => a.id)));
  const byActivity = new Map<string, BudgetLineRow[]>();
  for (const line of lines) byActivity.set(line.activityId, [...(byActivity.get(line.activityId) ?? []), line]);
  return {
    items: rows.map((a) =>
      presentActivity(
        activityTotalOf(a, byActivity.get(a.id) ?? [], project.currency),
        project.currency,
        project.fiscalYearStartMonth,
      ),
    ),
    total: total?.n ?? 0,
  };
}
