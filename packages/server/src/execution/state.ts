// Whether a plan's execution may be recorded now: the plan is approved (or
// endorsed), it is the current version of its year (the latest approved one),
// and its year is not closed. Writes lock the plan's execution row first, so
// that closing the year and a write cannot cross.
import type { Capability } from "@baara/core";
import { and, desc, eq, inArray } from "drizzle-orm";
import { authorizeWorkplan, type WorkplanAccess, type WorkplanRow } from "../access/policy.ts";
import type { Context } from "../context.ts";
import type { Db } from "../db/client.ts";
import { planExecutions, workplans } from "../db/schema.ts";
import { AppError } from "../http/errors.ts";

export type PlanExecutionRow = typeof planExecutions.$inferSelect;
export type ExecutionLock = "PLAN_NOT_APPROVED" | "PLAN_SUPERSEDED" | "EXECUTION_CLOSED";

const APPROVED = ["approved", "endorsed"] as const;

/** The latest approved version of a project's year: the plan whose execution is followed. */
export async function currentApprovedPlan(db: Db, projectId: string, year: number): Promise<WorkplanRow | undefined> {
  const [row] = await db
    .select()
    .from(workplans)
    .where(and(eq(workplans.projectId, projectId), eq(workplans.year, year), inArray(workplans.status, [...APPROVED])))
    .orderBy(desc(workplans.planVersion))
    .limit(1);
  return row;
}

/** Why execution may not be recorded on this plan now, or null when it may. */
export async function executionLock(
  db: Db,
  workplan: WorkplanRow,
  settings: PlanExecutionRow | undefined,
): Promise<{ lock: ExecutionLock | null; current: WorkplanRow | undefined }> {
  if (!(APPROVED as readonly string[]).includes(workplan.status)) return { lock: "PLAN_NOT_APPROVED", current: undefined };
  const current = await currentApprovedPlan(db, workplan.projectId, workplan.year);
  if (current && current.id !== workplan.id) return { lock: "PLAN_SUPERSEDED", current };
  if (settings?.closedAt) return { lock: "EXECUTION_CLOSED", current };
  return { lock: null, current };
}

export function lockError(lock: ExecutionLock, workplan: WorkplanRow, current: WorkplanRow | undefined): AppError {
  if (lock === "PLAN_NOT_APPROVED") return new AppError("PLAN_NOT_APPROVED", { status: workplan.status });
  if (lock === "PLAN_SUPERSEDED") return new AppError("PLAN_SUPERSEDED", { version: current?.planVersion ?? "" });
  return new AppError("EXECUTION_CLOSED", { year: workplan.year });
}

/** The plan's execution row, created on first use and locked for the rest of the transaction. */
export async function lockPlanExecution(db: Db, workplanId: string): Promise<PlanExecutionRow> {
  await db.insert(planExecutions).values({ workplanId }).onConflictDoNothing();
  const [row] = await db.select().from(planExecutions).where(eq(planExecutions.workplanId, workplanId)).for("update");
  if (!row) throw new Error(`plan execution ${workplanId} missing after insert`);
  return row;
}

export async function readPlanExecution(db: Db, workplanId: string): Promise<PlanExecutionRow | undefined> {
  const [row] = await db.select().from(planExecutions).where(eq(planExecutions.workplanId, workplanId));
  return row;
}

/**
 * Inside a write's transaction (`tx`): the plan may be read and written by the
 * actor, and its execution is open. Answers the locked execution row.
 */
export async function openExecution(
  tx: Context,
  workplanOrId: string | WorkplanRow,
  capability: Capability = "execution.record",
): Promise<WorkplanAccess & { settings: PlanExecutionRow }> {
  const access = await authorizeWorkplan(tx, workplanOrId, capability);
  const settings = await lockPlanExecution(tx.db, access.workplan.id);
  const { lock, current } = await executionLock(tx.db, access.workplan, settings);
  if (lock) throw lockError(lock, access.workplan, current);
  return { ...access, settings };
}
