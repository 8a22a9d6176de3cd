// Changes to a project's results framework. A node that a submitted, approved
// or endorsed plan uses (its activities or declared sub-total hang on it or
// below it) is frozen: that plan keeps the framework it was approved with, and
// a change reaches the plans through a new node used by a new plan version.
import type { api } from "@baara/core";
import { and, asc, count, eq, inArray, max, ne, or, sql } from "drizzle-orm";
import type * as z from "zod";
import { authorizeProject, type ProjectRow } from "../access/policy.ts";
import { recordAudit } from "../audit/record.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/transaction.ts";
import { activities, declaredTotals, resultNodes, workplans } from "../db/schema.ts";
import { ancestorIds, descendantsOf } from "../db/trees.ts";
import { AppError, invalidField, notFound, versionConflict } from "../http/errors.ts";
import type { NodeRow } from "../workplans/plan-tree.ts";
import { refreshProjectPlans } from "../workplans/totals.ts";
import { presentNode } from "./present.ts";

export async function loadNode(ctx: Context, id: string): Promise<NodeRow> {
  const [row] = await ctx.db.select().from(resultNodes).where(eq(resultNodes.id, id));
  if (!row) throw notFound("resultNode");
  return row;
}

const subtree = (id: string) => descendantsOf("result_nodes", sql`select ${id}::uuid`);

/** Refuses to change a node that a plan past its draft uses, naming that plan. */
async function requireUnlocked(ctx: Context, node: NodeRow): Promise<void> {
  const [used] = await ctx.db
    .select({ title: workplans.title, year: workplans.year, planVersion: workplans.planVersion, status: workplans.status })
    .from(workplans)
    .where(
      and(
        eq(workplans.projectId, node.projectId),
        ne(workplans.status, "draft"),
        or(
          sql`exists (select 1 from ${activities} where ${activities.workplanId} = ${workplans.id} and ${activities.resultNodeId} in ${subtree(node.id)})`,
          sql`exists (select 1 from ${declaredTotals} where ${declaredTotals.workplanId} = ${workplans.id} and ${declaredTotals.resultNodeId} in ${subtree(node.id)})`,
        ),
      ),
    )
    .limit(1);
  if (used) throw new AppError("NODE_LOCKED", { status: used.status, plan: `${used.title} · ${used.year} v${used.planVersion}` });
}

/** The level a node takes under `parentId`: same project, not under itself, within the framework's levels. */
async function levelUnder(ctx: Context, project: ProjectRow, parentId: string | null, movingId?: string): Promise<number> {
  if (parentId === null) return 0;
  const [parent] = await ctx.db.select().from(resultNodes).where(eq(resultNodes.id, parentId));
  if (!parent || parent.projectId !== project.id) throw invalidField("parentId", "NODE_OTHER_PROJECT");
  if (movingId && (await ancestorIds(ctx.db, "result_nodes", parentId)).includes(movingId)) throw invalidField("parentId", "NODE_CYCLE");
  const levels = project.levelLabels.length;
  if (parent.level + 1 >= levels) throw invalidField("parentId", "NODE_TOO_DEEP", { levels });
  return parent.level + 1;
}

export async function createNode(
  ctx: Context,
  projectId: string,
  input: z.output<typeof api.createResultNode>,
): Promise<api.ResultNode> {
  const { project } = await authorizeProject(ctx, projectId, "project.manage");
  const { parentId, code, title } = input;
  return inTransaction(ctx, async (tx) => {
    const level = await levelUnder(tx, project, parentId);
    let position = input.position;
    if (position === undefined) {
      const [last] = await tx.db
        .select({ p: max(resultNodes.position) })
        .from(resultNodes)
        .where(eq(resultNodes.projectId, project.id));
      position = (last?.p ?? -1) + 1;
    }
    const [created] = await tx.db
      .insert(resultNodes)
      .values({ projectId: project.id, parentId, level, code, title, position })
      .returning();
    if (!created) throw notFound("resultNode");
    await recordAudit(tx, { projectId: project.id, entity: "resultNode", entityId: created.id, action: "create", after: created });
    return presentNode(created, project.levelLabels);
  });
}

export async function updateNode(
  ctx: Context,
  nodeId: string,
  input: z.output<typeof api.updateResultNode>,
): Promise<api.ResultNode> {
  const before = await loadNode(ctx, nodeId);
  const { project } = await authorizeProject(ctx, before.projectId, "project.manage");
  const { version, ...changes } = input;
  return inTransaction(ctx, async (tx) => {
    await requireUnlocked(tx, before);
    const moving = changes.parentId !== undefined && changes.parentId !== before.parentId;
    const level = moving ? await levelUnder(tx, project, changes.parentId ?? null, before.id) : before.level;
    const [updated] = await tx.db
      .update(resultNodes)
      .set({ ...changes, level, version: sql`${resultNodes.version} + 1`, updatedAt: new Date() })
      .where(and(eq(resultNodes.id, before.id), eq(resultNodes.version, version)))
      .returning();
    if (!updated) throw versionConflict(presentNode(await loadNode(tx, before.id), project.levelLabels));
    if (level !== before.level) {
      // A moved branch keeps its shape: every descendant shifts by the same number of levels.
      await tx.db
        .update(resultNodes)
        .set({ level: sql`${resultNodes.level} + ${level - before.level}` })
        .where(and(inArray(resultNodes.id, sql`${subtree(before.id)}`), ne(resultNodes.id, before.id)));
    }
    if (moving) await refreshProjectPlans(tx, project.id);
    await recordAudit(tx, { projectId: project.id, entity: "resultNode", entityId: before.id, action: "update", before, after: updated });
    return presentNode(updated, project.levelLabels);
  });
}

/** Puts a node at `position` among its siblings, renumbering them in one request. */
export async function moveNode(ctx: Context, nodeId: string, input: z.output<typeof api.moveRequest>): Promise<api.ResultNode[]> {
  const node = await loadNode(ctx, nodeId);
  const { project } = await authorizeProject(ctx, node.projectId, "project.manage");
  return inTransaction(ctx, async (tx) => {
    const siblings = await tx.db
      .select()
      .from(resultNodes)
      .where(and(eq(resultNodes.projectId, node.projectId), node.parentId === null ? sql`${resultNodes.parentId} is null` : eq(resultNodes.parentId, node.parentId)))
      .orderBy(asc(resultNodes.position), asc(resultNodes.createdAt));
    const current = siblings.find((s) => s.id === node.id);
    if (!current || current.version !== input.version)
      throw versionConflict(current ? presentNode(current, project.levelLabels) : null);
    const order = siblings.filter((s) => s.id !== node.id);
    order.splice(Math.min(input.position, order.length), 0, current);
    const changed = order.filter((sibling, position) => sibling.position !== position || sibling.id === node.id);
    // The order of an approved plan's framework is part of it too.
    for (const sibling of changed) await requireUnlocked(tx, sibling);
    const written: NodeRow[] = [];
    for (const sibling of changed) {
      const [row] = await tx.db
        .update(resultNodes)
        .set({ position: order.indexOf(sibling), version: sql`${resultNodes.version} + 1`, updatedAt: new Date() })
        .where(eq(resultNodes.id, sibling.id))
        .returning();
      if (row) written.push(row);
    }
    await recordAudit(tx, { projectId: project.id, entity: "resultNode", entityId: node.id, action: "move", before: { position: node.position }, after: { position: input.position } });
    return written.map((row) => presentNode(row, project.levelLabels));
  });
}

export async function deleteNode(ctx: Context, nodeId: string): Promise<void> {
  const before = await loadNode(ctx, nodeId);
  await authorizeProject(ctx, before.projectId, "project.manage");
  await inTransaction(ctx, async (tx) => {
    // A locked node first: its activities cannot be moved away, so "move them first" would mislead.
    await requireUnlocked(tx, before);
    const [used] = await tx.db.select({ n: count() }).from(activities).where(inArray(activities.resultNodeId, sql`${subtree(before.id)}`));
    if ((used?.n ?? 0) > 0) throw new AppError("NODE_IN_USE", { count: used?.n ?? 0 });
    await tx.db.delete(resultNodes).where(eq(resultNodes.id, before.id));
    await refreshProjectPlans(tx, before.projectId);
    await recordAudit(tx, { projectId: before.projectId, entity: "resultNode", entityId: before.id, action: "delete", before });
  });
}
