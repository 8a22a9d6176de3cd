// The sums that lists read (a project's years, an organisation, the
// portfolio), stored on the plan's execution row and written in the
// transaction of every execution write, the row locked (state.ts), so that two
// writes committed at once cannot each store sums missing the other's change.
import { type ExecutionSums, formatAmountDecimal, storedAmount } from "@baara/core";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { ProjectRow, WorkplanRow } from "../access/policy.ts";
import type { Db } from "../db/client.ts";
import { planExecutions, projects, workplans } from "../db/schema.ts";
import { AppError } from "../http/errors.ts";
import { type LoadedExecution, loadExecution } from "./load.ts";
import { lockPlanExecution, type PlanExecutionRow } from "./state.ts";

export function storedSums(sums: ExecutionSums, currency: ProjectRow["currency"]) {
  const money = (minor: number) => formatAmountDecimal(minor, currency);
  const credit = (minor: number | null) => (minor === null ? null : money(minor));
  return {
    planned: sums.physical.planned,
    done: sums.physical.done,
    cancelled: sums.physical.cancelled,
    progressSum: sums.physical.progressSum,
    weighted: sums.physical.weighted.toString(),
    weightBase: sums.physical.weightBase.toString(),
    budget: money(sums.money.budget),
    committed: money(sums.money.committed),
    liquidated: money(sums.money.liquidated),
    paid: money(sums.money.paid),
    allocated: credit(sums.credits.allocated),
    notified: credit(sums.credits.notified),
    paymentCredit: credit(sums.credits.paymentCredit),
    disbursed: credit(sums.credits.disbursed),
  };
}

/** The stored sums of a plan, as core adds them up (the other way from `storedSums`). */
export function sumsOfStored(row: PlanExecutionRow, currency: ProjectRow["currency"]): ExecutionSums {
  const money = (text: string) => storedAmount(text, currency);
  const credit = (text: string | null) => (text === null ? null : money(text));
  return {
    physical: {
      planned: row.planned,
      done: row.done,
      cancelled: row.cancelled,
      progressSum: row.progressSum,
      weighted: BigInt(row.weighted),
      weightBase: BigInt(row.weightBase),
    },
    money: {
      budget: money(row.budget),
      committed: money(row.committed),
      liquidated: money(row.liquidated),
      paid: money(row.paid),
    },
    credits: {
      allocated: credit(row.allocated),
      notified: credit(row.notified),
      paymentCredit: credit(row.paymentCredit),
      disbursed: credit(row.disbursed),
    },
  };
}

/** Recomputes and stores the plan's execution sums (the row is locked by the write); answers what it loaded. */
export async function refreshExecutionSums(
  db: Db,
  workplan: WorkplanRow,
  project: ProjectRow,
  settings: PlanExecutionRow,
): Promise<LoadedExecution> {
  let loaded: LoadedExecution;
  try {
    loaded = await loadExecution(db, workplan, project, settings);
  } catch (error) {
    // Amounts that no longer add up exactly (past nine million billion) refuse the write that made them so.
    if (error instanceof RangeError) throw new AppError("AMOUNTS_TOO_LARGE");
    throw error;
  }
  await db
    .update(planExecutions)
    .set({ ...storedSums(loaded.execution.plan, project.currency), updatedAt: new Date() })
    .where(eq(planExecutions.workplanId, workplan.id));
  return loaded;
}

/**
 * Approved plans without execution sums (approved before execution was
 * followed, or loaded by the demo) get them: lists count their activities as
 * planned from the start. Run at start-up, after the migrations.
 */
export async function refreshMissingExecutionSums(db: Db): Promise<number> {
  const missing = await db
    .select({ workplan: workplans, project: projects })
    .from(workplans)
    .innerJoin(projects, eq(projects.id, workplans.projectId))
    .leftJoin(planExecutions, eq(planExecutions.workplanId, workplans.id))
    .where(and(inArray(workplans.status, ["approved", "endorsed"]), isNull(planExecutions.workplanId)));
  for (const { workplan, project } of missing) {
    await db.transaction(async (tx) =>
      refreshExecutionSums(tx, workplan, project, await lockPlanExecution(tx, workplan.id)),
    );
  }
  return missing.length;
}
