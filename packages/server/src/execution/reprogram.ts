// Year end: activities not done are carried into next year's draft plan in
// one step, each copy linked to its original (continuesActivityId) and the
// original recorded as « reprogrammée » for the year. Carrying twice copies
// nothing twice.
import type { api } from "@baara/core";
import { and, desc, eq, inArray, max, sql } from "drizzle-orm";
import type * as z from "zod";
import { authorizeWorkplan, type ProjectRow, type WorkplanRow } from "../access/policy.ts";
import { recordAudit } from "../audit/record.ts";
import type { Context } from "../context.ts";
import { chunks } from "../db/chunks.ts";
import { inTransaction } from "../db/transaction.ts";
import { activities, activityProgress, budgetLines, workplans } from "../db/schema.ts";
import { AppError, invalidField } from "../http/errors.ts";
import { copyPlanContent } from "../workplans/copy.ts";
import { loadPlan } from "../workplans/plan-tree.ts";
import { refreshPlanTotals } from "../workplans/totals.ts";
import { createPlanVersion } from "../workplans/versions.ts";
import { loadExecutionWith } from "./load.ts";
import { openExecution } from "./state.ts";
import { refreshExecutionSums } from "./sums.ts";

type Result = z.infer<typeof api.reprogramResult>;

export async function reprogramActivities(
  ctx: Context,
  workplanId: string,
  input: z.output<typeof api.reprogramRequest>,
): Promise<Result> {
  const { workplan, project } = await authorizeWorkplan(ctx, workplanId, "plan.create");
  const year = workplan.year + 1;
  const [latest] = await ctx.db
    .select()
    .from(workplans)
    .where(and(eq(workplans.projectId, project.id), eq(workplans.year, year)))
    .orderBy(desc(workplans.planVersion))
    .limit(1);
  if (latest?.status === "submitted") throw new AppError("NEXT_PLAN_SUBMITTED", { year, version: latest.planVersion });
  if (latest?.status === "draft")
    return inTransaction(ctx, (tx) => carry(tx, workplan, project, latest, false, input.activityIds));
  // No draft for next year: a new version, a copy of the approved one when there is one.
  return createPlanVersion(ctx, { project, year, copiedFromId: latest?.id ?? null }, async (tx, created, approved) => {
    if (approved) await copyPlanContent(tx.db, approved.id, created.id, true);
    await recordAudit(tx, {
      projectId: project.id,
      entity: "workplan",
      entityId: created.id,
      action: "create",
      after: { ...created, reprogrammedFrom: workplan.id },
    });
    return carry(tx, workplan, project, created, true, input.activityIds);
  });
}

async function carry(
  tx: Context,
  source: WorkplanRow,
  project: ProjectRow,
  target: WorkplanRow,
  created: boolean,
  only: string[] | undefined,
): Promise<Result> {
  const { settings } = await openExecution(tx, source.id);
  const { execution, plan } = await loadExecutionWith(loadPlan, tx.db, source, project, settings);
  const inPlan = new Set(plan.activities.map((a) => a.id));
  const unknown = (only ?? []).find((id) => !inPlan.has(id));
  if (unknown) throw invalidField("activityIds", "ACTIVITY_OTHER_PLAN");
  const wanted = new Set(only ?? plan.activities.map((a) => a.id));
  const candidates = plan.activities.filter((a) => {
    const status = execution.activities.get(a.id)?.status;
    return wanted.has(a.id) && status !== "done" && status !== "cancelled";
  });
  const ids = candidates.map((a) => a.id);
  const carried = new Set<string>();
  for (const [, chunk] of chunks(ids)) {
    const rows = await tx.db
      .select({ from: activities.continuesActivityId })
      .from(activities)
      .where(and(eq(activities.workplanId, target.id), inArray(activities.continuesActivityId, chunk)));
    for (const row of rows) if (row.from) carried.add(row.from);
  }
  const toCarry = candidates.filter((a) => !carried.has(a.id));
  const [last] = await tx.db
    .select({ n: max(activities.position) })
    .from(activities)
    .where(eq(activities.workplanId, target.id));
  let position = (last?.n ?? -1) + 1;
  const copyOf = new Map<string, string>();
  for (const [, chunk] of chunks(toCarry)) {
    const copies = await tx.db
      .insert(activities)
      .values(
        chunk.map(({ id, createdAt: _c, updatedAt: _u, version: _v, ...a }) => ({
          ...a,
          workplanId: target.id,
          continuesActivityId: id,
          // The old deadline is last year's; the months stay as the timeframe to plan again.
          deadline: null,
          deadlineText: null,
          position: position++,
        })),
      )
      .returning({ id: activities.id });
    chunk.forEach((a, i) => {
      const copy = copies[i];
      if (copy) copyOf.set(a.id, copy.id);
    });
  }
  const lines = plan.lines.filter((l) => copyOf.has(l.activityId));
  for (const [, chunk] of chunks(lines)) {
    await tx.db
      .insert(budgetLines)
      .values(
        chunk.map(({ id: _id, createdAt: _c, updatedAt: _u, version: _v, ...line }) => ({
          ...line,
          workplanId: target.id,
          activityId: copyOf.get(line.activityId) ?? line.activityId,
        })),
      );
  }
  // The originals end the year « reprogrammed », keeping their progress and observations.
  const recordedById = tx.actor?.user.id ?? null;
  for (const activity of candidates) {
    const current = execution.activities.get(activity.id)?.current;
    await tx.db
      .insert(activityProgress)
      .values({
        activityId: activity.id,
        workplanId: source.id,
        period: "Y",
        status: "reprogrammed",
        percent: current?.percent ?? null,
        observations: current?.observations ?? null,
        recordedById,
      })
      .onConflictDoUpdate({
        target: [activityProgress.activityId, activityProgress.period],
        set: { status: "reprogrammed", recordedById, recordedAt: new Date(), version: sql`${activityProgress.version} + 1` },
      });
  }
  await refreshPlanTotals(tx, target.id);
  await refreshExecutionSums(tx.db, source, project, settings);
  await recordAudit(tx, {
    projectId: project.id,
    entity: "workplan",
    entityId: target.id,
    action: "update",
    after: { reprogrammedFrom: source.id, activities: [...copyOf.entries()].map(([from, to]) => ({ from, to })) },
  });
  return {
    workplanId: target.id,
    year: target.year,
    planVersion: target.planVersion,
    created,
    carried: copyOf.size,
    alreadyCarried: candidates.length - toCarry.length,
  };
}
