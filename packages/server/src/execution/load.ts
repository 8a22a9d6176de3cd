// The one loader of a plan's execution: the plan tree (workplans/plan-tree.ts)
// and its progress records, transactions and credits, into core's
// `planExecution`, which rolls everything up once.
import { type PlanExecution, planExecution, type PlanInput, planTree, type PlanTree, type ProgressInput } from "@baara/core";
import { asc, eq } from "drizzle-orm";
import type { ProjectRow, WorkplanRow } from "../access/policy.ts";
import type { Db } from "../db/client.ts";
import { activityProgress, executionCredits, executionTransactions, users } from "../db/schema.ts";
import { loadPlanFigures, type PlanFigures } from "../workplans/plan-tree.ts";
import type { PlanExecutionRow } from "./state.ts";

export type ProgressRow = typeof activityProgress.$inferSelect;
export type CreditRow = typeof executionCredits.$inferSelect;
/** A progress record as core reads it (its instant as ISO text), with who recorded it. */
export type ProgressEntry = Omit<ProgressRow, "recordedAt"> & ProgressInput & { recordedByName: string | null };

export interface LoadedExecution<P extends PlanInput = PlanFigures> {
  plan: P;
  tree: PlanTree<P["activities"][number], P["lines"][number]>;
  credits: CreditRow[];
  execution: PlanExecution<ProgressEntry>;
}

export async function loadProgress(db: Db, workplanId: string): Promise<ProgressEntry[]> {
  const rows = await db
    .select({ record: activityProgress, recordedByName: users.name })
    .from(activityProgress)
    .leftJoin(users, eq(users.id, activityProgress.recordedById))
    .where(eq(activityProgress.workplanId, workplanId));
  return rows.map(({ record, recordedByName }) => ({
    ...record,
    recordedAt: record.recordedAt.toISOString(),
    recordedByName,
  }));
}

/** A plan's progress records, transactions and credits: three bounded queries. */
export async function loadExecutionRecords(db: Db, workplanId: string) {
  const progress = await loadProgress(db, workplanId);
  const transactions = await db
    .select({
      activityId: executionTransactions.activityId,
      lineId: executionTransactions.budgetLineId,
      stage: executionTransactions.stage,
      amount: executionTransactions.amount,
      category: executionTransactions.category,
      date: executionTransactions.date,
    })
    .from(executionTransactions)
    .where(eq(executionTransactions.workplanId, workplanId));
  const credits = await db
    .select()
    .from(executionCredits)
    .where(eq(executionCredits.workplanId, workplanId))
    .orderBy(asc(executionCredits.position));
  return { progress, transactions, credits };
}

/** Plan and execution records, one query after the other (`db` may be a transaction), rolled up by core once. */
export function loadExecution(
  db: Db,
  workplan: WorkplanRow,
  project: ProjectRow,
  settings: PlanExecutionRow | undefined,
): Promise<LoadedExecution> {
  return loadExecutionWith(loadPlanFigures, db, workplan, project, settings);
}

/** The same, the plan read by `load` (whole rows, for who copies them; or kept between reads). */
export async function loadExecutionWith<P extends PlanInput>(
  load: (db: Db, workplan: WorkplanRow, project: ProjectRow) => Promise<P | { plan: P; tree: PlanTree<P["activities"][number], P["lines"][number]> }>,
  db: Db,
  workplan: WorkplanRow,
  project: ProjectRow,
  settings: PlanExecutionRow | undefined,
): Promise<LoadedExecution<P>> {
  const loaded = await load(db, workplan, project);
  const { plan, tree } = "tree" in loaded ? loaded : { plan: loaded, tree: planTree(loaded) };
  const { progress, transactions, credits } = await loadExecutionRecords(db, workplan.id);
  const execution = planExecution(tree, {
    progress,
    transactions,
    credits,
    excludeCancelled: settings?.excludeCancelled ?? true,
  });
  return { plan, tree, credits, execution };
}
