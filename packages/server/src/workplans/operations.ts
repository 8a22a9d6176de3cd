// Every change to a work plan itself, one function per use case: each asks
// the policy, runs in one transaction, writes its audit entry, holds its
// concurrency rule (the row version, the plan's status) and answers the row.
// Routes, the CLI and the demo loader call these and nothing else.
import { api, capabilityForAction, nextPlanStatus, withoutVersionMarker } from "@baara/core";
import { and, eq, sql } from "drizzle-orm";
import type * as z from "zod";
import { authorizeProject, authorizeWorkplan, type WorkplanRow } from "../access/policy.ts";
import { recordAudit } from "../audit/record.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/transaction.ts";
import { declaredTotals, projects, resultNodes, workplanSteps, workplans } from "../db/schema.ts";
import { AppError, invalidField, invalidFields, notFound, notFoundField, versionConflict } from "../http/errors.ts";
import { canonicalAmounts } from "./amounts.ts";
import { copyPlanContent } from "./copy.ts";
import { authorizeDraft, requireDraft } from "./editable.ts";
import { presentWorkplan } from "./present.ts";
import { refreshPlanTotals } from "./totals.ts";
import { carryExecutionOver } from "../execution/carry-over.ts";
import { checkDecidingMeeting } from "../committees/revision.ts";
import { lockPlanExecution } from "../execution/state.ts";
import { refreshExecutionSums } from "../execution/sums.ts";
import { createPlanVersion, requireNotSuperseded, withVersionInForce } from "./versions.ts";

/** A new version of a year's plan: a copy of `copyFromId`, else of the year's latest version, else empty. */
export async function createWorkplan(
  ctx: Context,
  projectId: string,
  input: z.output<typeof api.createWorkplan>,
): Promise<WorkplanRow> {
  const { project } = await authorizeProject(ctx, projectId, "plan.create");
  const body = canonicalAmounts(input, ["declaredTotal"], project.currency);
  let source: WorkplanRow | undefined;
  if (body.copyFromId) {
    [source] = await ctx.db.select().from(workplans).where(eq(workplans.id, body.copyFromId));
    if (!source || source.projectId !== project.id) throw invalidFields([notFoundField("copyFromId", "workplan")]);
  }
  return createPlanVersion(ctx, { project, year: body.year, title: body.title }, async (tx, row, latest) => {
    const from = source ?? latest;
    const sameYear = from?.year === body.year;
    const [created] = await tx.db
      .update(workplans)
      .set({
        // A revision of the same year keeps the plan's name; its version number is shown beside it.
        title: body.title || (sameYear && from ? withoutVersionMarker(from.title) : row.title),
        declaredTotal: body.declaredTotal ?? (sameYear ? (from?.declaredTotal ?? null) : null),
        copiedFromId: from?.id ?? null,
      })
      .where(eq(workplans.id, row.id))
      .returning();
    if (!created) throw notFound("workplan");
    if (from) await copyPlanContent(tx.db, from.id, created.id, sameYear);
    await refreshPlanTotals(tx, created.id);
    await recordAudit(tx, { projectId: project.id, entity: "workplan", entityId: created.id, action: "create", after: { ...created, copiedFrom: from?.id ?? null } });
    return created;
  });
}

export async function updateWorkplan(
  ctx: Context,
  workplanId: string,
  input: z.output<typeof api.updateWorkplan>,
): Promise<WorkplanRow> {
  const { workplan, project } = await authorizeDraft(ctx, workplanId);
  const { version, ...changes } = canonicalAmounts(input, ["declaredTotal"], project.currency);
  return inTransaction(ctx, async (tx) => {
    const [updated] = await tx.db
      .update(workplans)
      .set({ ...changes, version: sql`${workplans.version} + 1`, updatedAt: new Date() })
      .where(and(eq(workplans.id, workplan.id), eq(workplans.version, version), eq(workplans.status, "draft")))
      .returning();
    if (!updated) throw versionConflict(await presentedRow(tx, workplan.id));
    if (changes.declaredTotal !== undefined) await refreshPlanTotals(tx, workplan.id);
    await recordAudit(tx, { projectId: workplan.projectId, entity: "workplan", entityId: workplan.id, action: "update", before: workplan, after: updated });
    return (await currentRow(tx, workplan.id));
  });
}

export async function deleteWorkplan(ctx: Context, workplanId: string): Promise<void> {
  const { workplan } = await authorizeWorkplan(ctx, workplanId, "plan.create");
  requireDraft(workplan);
  await inTransaction(ctx, async (tx) => {
    const deleted = await tx.db.delete(workplans).where(and(eq(workplans.id, workplan.id), eq(workplans.status, "draft"))).returning({ id: workplans.id });
    if (deleted.length === 0) throw new AppError("PLAN_NOT_EDITABLE", { status: (await currentRow(tx, workplan.id)).status });
    await recordAudit(tx, { projectId: workplan.projectId, entity: "workplan", entityId: workplan.id, action: "delete", before: workplan });
  });
}

/** Submit, approve, endorse or return: the capability depends on the action, the step is recorded. */
export async function transitionWorkplan(
  ctx: Context,
  workplanId: string,
  input: z.output<typeof api.transitionRequest>,
): Promise<WorkplanRow> {
  const { action, comment, version, meetingId } = input;
  const { workplan, project } = await authorizeWorkplan(ctx, workplanId, capabilityForAction(action));
  if (meetingId) await checkDecidingMeeting(ctx, meetingId, project);
  const from = workplan.status;
  const to = nextPlanStatus(from, action);
  if (!to) throw new AppError("INVALID_TRANSITION", { from, action });
  return inTransaction(ctx, async (tx) => {
    // Steps of one project's plans take turns: two versions of a year approved at once would both be in force.
    await tx.db.execute(sql`select id from ${projects} where ${projects.id} = ${workplan.projectId} for update`);
    await requireNotSuperseded(tx, workplan);
    const [updated] = await tx.db
      .update(workplans)
      .set({ status: to, version: sql`${workplans.version} + 1`, updatedAt: new Date() })
      .where(and(eq(workplans.id, workplan.id), eq(workplans.version, version), eq(workplans.status, from)))
      .returning();
    if (!updated) throw versionConflict(await presentedRow(tx, workplan.id));
    const userId = ctx.actor?.user.id;
    if (userId) await tx.db.insert(workplanSteps).values({
      workplanId: workplan.id,
      action,
      fromStatus: from,
      toStatus: to,
      userId,
      comment: comment || null,
      meetingId: meetingId ?? null,
    });
    await recordAudit(tx, { projectId: workplan.projectId, entity: "workplan", entityId: workplan.id, action, before: { status: from }, after: { status: to, comment: comment ?? null } });
    // An approved plan is followed from now on: its activities count as planned in every list, and what was
    // recorded on the version it replaces carries over to it.
    if (to === "approved") {
      await carryExecutionOver(tx, updated, project);
      await refreshExecutionSums(tx.db, updated, project, await lockPlanExecution(tx.db, updated.id));
    }
    return updated;
  });
}

/** A results node's sub-total as the source document declared it (null clears it). */
export async function setDeclaredTotal(
  ctx: Context,
  workplanId: string,
  input: z.output<typeof api.declaredTotalRequest>,
): Promise<WorkplanRow> {
  const { workplan, project } = await authorizeDraft(ctx, workplanId);
  const { nodeId, amount } = canonicalAmounts(input, ["amount"], project.currency);
  const [node] = await ctx.db.select().from(resultNodes).where(eq(resultNodes.id, nodeId));
  if (!node) throw invalidFields([notFoundField("nodeId", "resultNode")]);
  if (node.projectId !== workplan.projectId) throw invalidField("nodeId", "NODE_OTHER_PROJECT");
  return inTransaction(ctx, async (tx) => {
    const key = and(eq(declaredTotals.workplanId, workplan.id), eq(declaredTotals.resultNodeId, nodeId));
    const [before] = await tx.db.select().from(declaredTotals).where(key);
    await tx.db.delete(declaredTotals).where(key);
    if (amount !== null) await tx.db.insert(declaredTotals).values({ workplanId: workplan.id, resultNodeId: nodeId, amount });
    await refreshPlanTotals(tx, workplan.id);
    await recordAudit(tx, {
      projectId: workplan.projectId,
      entity: "declaredTotal",
      entityId: `${workplan.id}:${nodeId}`,
      action: "update",
      before: before ?? null,
      after: amount === null ? null : { nodeId, amount },
    });
    return currentRow(tx, workplan.id);
  });
}

async function presentedRow(ctx: Context, id: string) {
  const [row] = await withVersionInForce(ctx, [await currentRow(ctx, id)]);
  if (!row) throw notFound("workplan");
  return presentWorkplan(row);
}

async function currentRow(ctx: Context, id: string): Promise<WorkplanRow> {
  const [row] = await ctx.db.select().from(workplans).where(eq(workplans.id, id));
  if (!row) throw notFound("workplan");
  return row;
}
