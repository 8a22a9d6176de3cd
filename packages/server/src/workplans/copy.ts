import { asc, eq } from "drizzle-orm";
import { chunks } from "../db/chunks.ts";
import type { Db } from "../db/client.ts";
import { activities, budgetLines, declaredTotals } from "../db/schema.ts";

/**
 * Copies activities, budget lines and declared sub-totals into another plan:
 * a revision of the same year, or next year's plan (whose activities then
 * record the activity they continue).
 */
export async function copyPlanContent(
  db: Db,
  fromId: string,
  toId: string,
  sameYear: boolean,
): Promise<void> {
  const sourceActivities = await db
    .select()
    .from(activities)
    .where(eq(activities.workplanId, fromId))
    .orderBy(asc(activities.position));
  if (sourceActivities.length === 0) return;
  const sourceLines = await db.select().from(budgetLines).where(eq(budgetLines.workplanId, fromId));

  const newId = new Map<string, string>();
  for (const [, chunk] of chunks(sourceActivities)) {
    const copies = await db
      .insert(activities)
      .values(
        chunk.map(({ id, createdAt: _c, updatedAt: _u, version: _v, ...a }) => ({
          ...a,
          workplanId: toId,
          continuesActivityId: sameYear ? a.continuesActivityId : id,
        })),
      )
      .returning({ id: activities.id });
    chunk.forEach((a, i) => {
      const copy = copies[i];
      if (copy) newId.set(a.id, copy.id);
    });
  }

  for (const [, chunk] of chunks(sourceLines)) {
    await db.insert(budgetLines).values(
      chunk.map(({ id: _id, createdAt: _c, updatedAt: _u, version: _v, ...line }) => ({
        ...line,
        workplanId: toId,
        activityId: newId.get(line.activityId) ?? line.activityId,
      })),
    );
  }
  if (sameYear) {
    const totals = await db.select().from(declaredTotals).where(eq(declaredTotals.workplanId, fromId));
    if (totals.length > 0)
      await db.insert(declaredTotals).values(totals.map((t) => ({ ...t, workplanId: toId })));
  }
}
