// The totals and counts that lists show, stored on the plan and written in the
// transaction of every write that changes them, so that no list reads budget
// lines. A test holds them equal to a fresh roll-up after every kind of edit.
import { formatAmountDecimal } from "@baara/core";
import { eq } from "drizzle-orm";
import type { Context } from "../context.ts";
import type { Db } from "../db/client.ts";
import { projects, workplans } from "../db/schema.ts";
import { loadPlanFiguresTree } from "./plan-tree.ts";

/**
 * Recomputes one plan's stored totals from its lines (call inside the write's
 * transaction). The plan's row is locked first: two edits of different lines
 * committed at once (from one server's pool or from two servers) would each
 * add up the lines without the other's change, and the last to commit would
 * store a total missing one of them. Locked, the second waits, then reads the
 * lines with the first one's change committed.
 *
 * Every write of a plan's content (activities, lines, their order, declared
 * totals) calls it: the update of the plan's row is also what tells the plan
 * cache (plan-cache.ts) that the content changed.
 */
export async function refreshPlanTotals(ctx: Context | { db: Db }, workplanId: string): Promise<void> {
  const { db } = ctx;
  const [row] = await db
    .select({ workplan: workplans, project: projects })
    .from(workplans)
    .innerJoin(projects, eq(projects.id, workplans.projectId))
    .where(eq(workplans.id, workplanId))
    .for("update", { of: workplans });
  if (!row) return;
  const { counts } = await loadPlanFiguresTree(db, row.workplan, row.project);
  await db
    .update(workplans)
    .set({
      totalComputed: formatAmountDecimal(counts.total, row.project.currency),
      activityCount: counts.activities,
      lineCount: counts.lines,
      findingCount: counts.findings,
      totalsStale: false,
    })
    .where(eq(workplans.id, workplanId));
}

/** Every plan of a project: what a change of its framework or fiscal year can move. */
export async function refreshProjectPlans(ctx: Context, projectId: string): Promise<void> {
  const plans = await ctx.db.select({ id: workplans.id }).from(workplans).where(eq(workplans.projectId, projectId));
  for (const plan of plans) await refreshPlanTotals(ctx, plan.id);
}

/** Plans a migration marked stale get their totals at start-up. */
export async function refreshStaleTotals(db: Db): Promise<number> {
  const stale = await db.select({ id: workplans.id }).from(workplans).where(eq(workplans.totalsStale, true));
  for (const plan of stale) await db.transaction((tx) => refreshPlanTotals({ db: tx }, plan.id));
  return stale.length;
}
