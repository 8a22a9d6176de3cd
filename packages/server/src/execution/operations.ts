// Recording the execution of an approved plan, one function per use case:
// each runs in one transaction that first locks the plan's execution row and
// checks it is open (state.ts), writes its audit entry, holds its row version,
// and stores the plan's new execution sums before commit (sums.ts).
import type { api } from "@baara/core";
import { and, eq, sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type * as z from "zod";
import { authorizeWorkplan } from "../access/policy.ts";
import { loadActivity } from "../activities/queries.ts";
import { recordAudit } from "../audit/record.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/transaction.ts";
import { activityProgress, budgetLines, executionCredits, executionTransactions, planExecutions } from "../db/schema.ts";
import { invalidField, notFound, versionConflict } from "../http/errors.ts";
import { canonicalAmounts } from "../workplans/amounts.ts";
import type { LoadedExecution } from "./load.ts";
import { presentProgress, presentTransaction } from "./present.ts";
import { progressRecordOf } from "./queries.ts";
import { executionLock, lockError, lockPlanExecution, openExecution, type PlanExecutionRow } from "./state.ts";
import { refreshExecutionSums } from "./sums.ts";

type TransactionRow = typeof executionTransactions.$inferSelect;

/** Where an activity stood at the end of a period: one record per period, changed in place (its version guards it). */
export async function recordProgress(
  ctx: Context,
  activityId: string,
  input: z.output<typeof api.recordProgress>,
): Promise<api.ProgressRecord> {
  const activity = await loadActivity(ctx, activityId);
  const { version, ...fields } = input;
  if (fields.actualStart && fields.actualEnd && fields.actualEnd < fields.actualStart)
    throw invalidField("actualEnd", "DATE_ORDER");
  // Done is 100 %, not started is nothing yet: whatever was typed beside them.
  const percent = fields.status === "done" ? "100" : fields.status === "not_started" ? null : fields.percent;
  const values = { ...fields, percent };
  return inTransaction(ctx, async (tx) => {
    const { workplan, project, settings } = await openExecution(tx, activity.workplanId);
    const key = and(eq(activityProgress.activityId, activity.id), eq(activityProgress.period, values.period));
    const [existing] = await tx.db.select().from(activityProgress).where(key);
    const recorded = { recordedById: tx.actor?.user.id ?? null, recordedAt: new Date() };
    let row;
    if (existing) {
      if (version !== existing.version) throw versionConflict(await progressRecordOf(tx, existing));
      [row] = await tx.db
        .update(activityProgress)
        .set({ ...values, ...recorded, version: sql`${activityProgress.version} + 1` })
        .where(and(key, eq(activityProgress.version, existing.version)))
        .returning();
    } else {
      [row] = await tx.db
        .insert(activityProgress)
        .values({ ...values, ...recorded, activityId: activity.id, workplanId: workplan.id })
        .returning();
    }
    if (!row) throw versionConflict(existing ? await progressRecordOf(tx, existing) : null);
    await recordAudit(tx, {
      projectId: project.id,
      entity: "activityProgress",
      entityId: row.id,
      action: existing ? "update" : "create",
      before: existing ?? null,
      after: row,
    });
    await refreshExecutionSums(tx.db, workplan, project, settings);
    return presentProgress(await progressRecordOf(tx, row));
  });
}

/** The activity and line a transaction is on: a line brings its activity; both must be in the plan. */
async function transactionTarget(
  tx: Context,
  workplanId: string,
  target: { budgetLineId?: string | null; activityId?: string | null },
) {
  if (target.budgetLineId) {
    const [line] = await tx.db.select().from(budgetLines).where(eq(budgetLines.id, target.budgetLineId));
    if (!line || line.workplanId !== workplanId) throw invalidField("budgetLineId", "LINE_OTHER_PLAN");
    if (target.activityId && target.activityId !== line.activityId)
      throw invalidField("budgetLineId", "LINE_OTHER_ACTIVITY");
    return { activityId: line.activityId, budgetLineId: line.id, fundCode: line.fundCode };
  }
  if (target.activityId) {
    const activity = await loadActivity(tx, target.activityId).catch(() => undefined);
    if (!activity || activity.workplanId !== workplanId) throw invalidField("activityId", "ACTIVITY_OTHER_PLAN");
    return { activityId: activity.id, budgetLineId: null, fundCode: null };
  }
  throw invalidField("budgetLineId", "TRANSACTION_TARGET");
}

export async function createTransaction(
  ctx: Context,
  workplanId: string,
  input: z.output<typeof api.createTransaction>,
): Promise<api.Transaction> {
  return inTransaction(ctx, async (tx) => {
    const { workplan, project, settings } = await openExecution(tx, workplanId);
    const { amount, ...fields } = transactionFields(canonicalAmounts(input, ["amount"], project.currency));
    const target = await transactionTarget(tx, workplan.id, fields);
    const [row] = await tx.db
      .insert(executionTransactions)
      .values({
        ...fields,
        ...target,
        amount,
        category: fields.category ?? target.fundCode,
        workplanId: workplan.id,
        fingerprint: `manual:${randomUUID()}`,
        createdById: tx.actor?.user.id ?? null,
      })
      .returning();
    if (!row) throw notFound("transaction");
    await recordAudit(tx, { projectId: project.id, entity: "transaction", entityId: row.id, action: "create", after: row });
    await refreshExecutionSums(tx.db, workplan, project, settings);
    return presentTransaction(row);
  });
}

/** An amount is more than nothing; blank texts are no text (so « BSI » and « » are not two categories). */
function transactionFields<
  T extends { amount?: string; reference?: string | null; supplier?: string | null; category?: string | null },
>(values: T): T {
  if (values.amount !== undefined && /^0+(\.0+)?$/.test(values.amount)) throw invalidField("amount", "AMOUNT_ZERO");
  const blank = (text: string | null | undefined) => (text === undefined ? undefined : text?.trim() || null);
  const cleaned = { ...values };
  for (const field of ["reference", "supplier", "category"] as const) {
    if (field in values) (cleaned as Record<string, unknown>)[field] = blank(values[field]);
  }
  return cleaned;
}

async function loadTransaction(ctx: Context, id: string): Promise<TransactionRow> {
  const [row] = await ctx.db.select().from(executionTransactions).where(eq(executionTransactions.id, id));
  if (!row) throw notFound("transaction");
  return row;
}

export async function updateTransaction(
  ctx: Context,
  id: string,
  input: z.output<typeof api.updateTransaction>,
): Promise<api.Transaction> {
  const before = await loadTransaction(ctx, id);
  return inTransaction(ctx, async (tx) => {
    const { workplan, project, settings } = await openExecution(tx, before.workplanId);
    const {
      version,
      budgetLineId: _line,
      activityId: _activity,
      ...changes
    } = transactionFields(canonicalAmounts(input, ["amount"], project.currency));
    // A new line or activity moves the transaction; naming neither keeps it where it is.
    const moved = input.budgetLineId !== undefined || input.activityId !== undefined;
    const place = moved
      ? await transactionTarget(tx, workplan.id, {
          budgetLineId: input.budgetLineId ?? null,
          activityId: input.activityId ?? null,
        })
      : { activityId: before.activityId, budgetLineId: before.budgetLineId };
    const [row] = await tx.db
      .update(executionTransactions)
      .set({
        ...changes,
        activityId: place.activityId,
        budgetLineId: place.budgetLineId,
        version: sql`${executionTransactions.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(executionTransactions.id, id), eq(executionTransactions.version, version)))
      .returning();
    if (!row) throw versionConflict(presentTransaction(await loadTransaction(tx, id)));
    await recordAudit(tx, {
      projectId: project.id,
      entity: "transaction",
      entityId: id,
      action: "update",
      before,
      after: row,
    });
    await refreshExecutionSums(tx.db, workplan, project, settings);
    return presentTransaction(row);
  });
}

export async function deleteTransaction(ctx: Context, id: string): Promise<void> {
  const before = await loadTransaction(ctx, id);
  await inTransaction(ctx, async (tx) => {
    const { workplan, project, settings } = await openExecution(tx, before.workplanId);
    await tx.db.delete(executionTransactions).where(eq(executionTransactions.id, id));
    await recordAudit(tx, { projectId: project.id, entity: "transaction", entityId: id, action: "delete", before });
    await refreshExecutionSums(tx.db, workplan, project, settings);
  });
}

/** The plan's credits (replaced as a whole) and whether cancelled activities count. */
export async function setExecutionSettings(
  ctx: Context,
  workplanId: string,
  input: z.output<typeof api.executionSettings>,
): Promise<LoadedExecution & { settings: PlanExecutionRow }> {
  return inTransaction(ctx, async (tx) => {
    const { workplan, project, settings } = await openExecution(tx, workplanId);
    if (input.version !== settings.version) throw versionConflict({ version: settings.version });
    const credits = input.credits.map((credit, i) =>
      canonicalAmounts(credit, ["amount"], project.currency, `credits.${i}.`),
    );
    const before = await tx.db.select().from(executionCredits).where(eq(executionCredits.workplanId, workplan.id));
    await tx.db.delete(executionCredits).where(eq(executionCredits.workplanId, workplan.id));
    if (credits.length > 0) {
      await tx.db
        .insert(executionCredits)
        .values(credits.map((c, position) => ({ ...c, category: c.category || null, workplanId: workplan.id, position })));
    }
    const [updated] = await tx.db
      .update(planExecutions)
      .set({ excludeCancelled: input.excludeCancelled, version: sql`${planExecutions.version} + 1`, updatedAt: new Date() })
      .where(eq(planExecutions.workplanId, workplan.id))
      .returning();
    if (!updated) throw notFound("planExecution");
    await recordAudit(tx, {
      projectId: project.id,
      entity: "planExecution",
      entityId: workplan.id,
      action: "update",
      before: { excludeCancelled: settings.excludeCancelled, credits: before },
      after: { excludeCancelled: updated.excludeCancelled, credits },
    });
    return { ...(await refreshExecutionSums(tx.db, workplan, project, updated)), settings: updated };
  });
}

/** Closing a year freezes its execution; a manager may reopen it. */
export async function closeExecution(
  ctx: Context,
  workplanId: string,
  input: z.output<typeof api.closeExecution>,
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const { workplan, project } = await authorizeWorkplan(tx, workplanId, "execution.close");
    const settings = await lockPlanExecution(tx.db, workplan.id);
    const { lock, current } = await executionLock(tx.db, workplan, undefined);
    if (lock) throw lockError(lock, workplan, current);
    if (input.version !== settings.version) throw versionConflict({ version: settings.version });
    const [updated] = await tx.db
      .update(planExecutions)
      .set({
        closedAt: input.closed ? new Date() : null,
        closedById: input.closed ? (tx.actor?.user.id ?? null) : null,
        version: sql`${planExecutions.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(planExecutions.workplanId, workplan.id))
      .returning();
    await recordAudit(tx, {
      projectId: project.id,
      entity: "planExecution",
      entityId: workplan.id,
      action: "update",
      before: { closedAt: settings.closedAt },
      after: { closedAt: updated?.closedAt ?? null },
    });
  });
}
