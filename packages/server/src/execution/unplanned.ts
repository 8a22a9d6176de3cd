// Activities carried out without being planned (« autres activités
// réalisées »): recorded beside the plan, shown in its execution table, never
// counted in its rates.
import type { api } from "@baara/core";
import { and, eq, max, sql } from "drizzle-orm";
import type * as z from "zod";
import { recordAudit } from "../audit/record.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/transaction.ts";
import { resultNodes, unplannedActivities } from "../db/schema.ts";
import { invalidField, invalidFields, notFound, notFoundField, versionConflict } from "../http/errors.ts";
import { canonicalAmounts } from "../workplans/amounts.ts";
import { presentUnplanned } from "./present.ts";
import { openExecution } from "./state.ts";

type Unplanned = z.infer<typeof api.unplannedActivity>;

async function checkNode(tx: Context, projectId: string, nodeId: string | null | undefined) {
  if (!nodeId) return;
  const [node] = await tx.db
    .select({ projectId: resultNodes.projectId })
    .from(resultNodes)
    .where(eq(resultNodes.id, nodeId));
  if (!node) throw invalidFields([notFoundField("resultNodeId", "resultNode")]);
  if (node.projectId !== projectId) throw invalidField("resultNodeId", "NODE_OTHER_PROJECT");
}

export async function createUnplanned(
  ctx: Context,
  workplanId: string,
  input: z.output<typeof api.createUnplanned>,
): Promise<Unplanned> {
  return inTransaction(ctx, async (tx) => {
    const { workplan, project } = await openExecution(tx, workplanId);
    const values = canonicalAmounts(input, ["cost"], project.currency);
    await checkNode(tx, project.id, values.resultNodeId);
    const [last] = await tx.db
      .select({ n: max(unplannedActivities.position) })
      .from(unplannedActivities)
      .where(eq(unplannedActivities.workplanId, workplan.id));
    const [row] = await tx.db
      .insert(unplannedActivities)
      .values({
        ...values,
        position: values.position ?? (last?.n ?? -1) + 1,
        workplanId: workplan.id,
        createdById: tx.actor?.user.id ?? null,
      })
      .returning();
    if (!row) throw notFound("unplannedActivity");
    await recordAudit(tx, {
      projectId: project.id,
      entity: "unplannedActivity",
      entityId: row.id,
      action: "create",
      after: row,
    });
    return presentUnplanned(row);
  });
}

async function loadUnplanned(ctx: Context, id: string) {
  const [row] = await ctx.db.select().from(unplannedActivities).where(eq(unplannedActivities.id, id));
  if (!row) throw notFound("unplannedActivity");
  return row;
}

export async function updateUnplanned(
  ctx: Context,
  id: string,
  input: z.output<typeof api.updateUnplanned>,
): Promise<Unplanned> {
  const before = await loadUnplanned(ctx, id);
  return inTransaction(ctx, async (tx) => {
    const { project } = await openExecution(tx, before.workplanId);
    const { version, ...changes } = canonicalAmounts(input, ["cost"], project.currency);
    await checkNode(tx, project.id, changes.resultNodeId);
    const [row] = await tx.db
      .update(unplannedActivities)
      .set({ ...changes, version: sql`${unplannedActivities.version} + 1`, updatedAt: new Date() })
      .where(and(eq(unplannedActivities.id, id), eq(unplannedActivities.version, version)))
      .returning();
    if (!row) throw versionConflict(presentUnplanned(await loadUnplanned(tx, id)));
    await recordAudit(tx, {
      projectId: project.id,
      entity: "unplannedActivity",
      entityId: id,
      action: "update",
      before,
      after: row,
    });
    return presentUnplanned(row);
  });
}

export async function deleteUnplanned(ctx: Context, id: string): Promise<void> {
  const before = await loadUnplanned(ctx, id);
  await inTransaction(ctx, async (tx) => {
    const { project } = await openExecution(tx, before.workplanId);
    await tx.db.delete(unplannedActivities).where(eq(unplannedActivities.id, id));
    await recordAudit(tx, { projectId: project.id, entity: "unplannedActivity", entityId: id, action: "delete", before });
  });
}
