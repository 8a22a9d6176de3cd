import { api } from "@baara/core";
import { and, asc, count, eq, max, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import * as z from "zod";
import { requireProject } from "../access/access.ts";
import { recordAudit } from "../audit/record.ts";
import { type Db, queryRows } from "../db/client.ts";
import { activities, resultNodes } from "../db/schema.ts";
import { AppError, invalidFields, notFound, versionConflict } from "../http/errors.ts";

type NodeRow = typeof resultNodes.$inferSelect;

const present = (row: NodeRow, levelLabels: readonly string[]): api.ResultNode => ({
  id: row.id,
  projectId: row.projectId,
  parentId: row.parentId,
  level: row.level,
  levelLabel: levelLabels[row.level] ?? "",
  code: row.code,
  title: row.title,
  position: row.position,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
  version: row.version,
});

async function loadNode(db: Db, id: string): Promise<NodeRow> {
  const [row] = await db.select().from(resultNodes).where(eq(resultNodes.id, id));
  if (!row) throw notFound("resultNode");
  return row;
}

/** The parent a node may hang under: same project, not itself nor below itself, within the framework's levels. */
async function checkParent(
  db: Db,
  projectId: string,
  parentId: string | null,
  levels: number,
  movingId?: string,
) {
  if (parentId === null) return 0;
  const [parent] = await db.select().from(resultNodes).where(eq(resultNodes.id, parentId));
  if (!parent || parent.projectId !== projectId) {
    throw invalidFields([{ field: "parentId", code: "NODE_OTHER_PROJECT", message: "NODE_OTHER_PROJECT" }]);
  }
  if (movingId) {
    const ancestors = await queryRows<{ id: string }>(
      db,
      sql`
      with recursive up(id, parent_id, depth) as (
        select id, parent_id, 0 from result_nodes where id = ${parentId}
        union all select n.id, n.parent_id, u.depth + 1 from result_nodes n join up u on n.id = u.parent_id where u.depth < 50
      ) select id from up`,
    );
    if (ancestors.some((a) => a.id === movingId)) {
      throw invalidFields([{ field: "parentId", code: "NODE_CYCLE", message: "NODE_CYCLE" }]);
    }
  }
  if (parent.level + 1 >= levels) {
    throw invalidFields([
      { field: "parentId", code: "NODE_TOO_DEEP", message: "NODE_TOO_DEEP", params: { levels } },
    ]);
  }
  return parent.level + 1;
}

export async function frameworkRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.database;
  const tags = ["results framework"];

  r.get(
    "/projects/:id/nodes",
    { schema: { tags, params: api.idParams, response: { 200: z.array(api.resultNode) } } },
    async (request) => {
      const { project } = await requireProject(db, request.actor, request.params.id, "project.read");
      const rows = await db
        .select()
        .from(resultNodes)
        .where(eq(resultNodes.projectId, project.id))
        .orderBy(asc(resultNodes.level), asc(resultNodes.position))
        .limit(10_000);
      return rows.map((row) => present(row, project.levelLabels));
    },
  );

  r.post(
    "/projects/:id/nodes",
    { schema: { tags, params: api.idParams, body: api.createResultNode, response: { 201: api.resultNode } } },
    async (request, reply) => {
      const { project } = await requireProject(db, request.actor, request.params.id, "project.manage");
      const { parentId, code, title } = request.body;
      const row = await db.transaction(async (tx) => {
        const level = await checkParent(tx, project.id, parentId, project.levelLabels.length);
        let position = request.body.position;
        if (position === undefined) {
          const [last] = await tx
            .select({ p: max(resultNodes.position) })
            .from(resultNodes)
            .where(eq(resultNodes.projectId, project.id));
          position = (last?.p ?? -1) + 1;
        }
        const [created] = await tx
          .insert(resultNodes)
          .values({ projectId: project.id, parentId, level, code, title, position })
          .returning();
        if (!created) throw new AppError(500, "INTERNAL");
        await recordAudit(tx, {
          actor: request.actor,
          projectId: project.id,
          entity: "resultNode",
          entityId: created.id,
          action: "create",
          after: created,
        });
        return created;
      });
      return reply.status(201).send(present(row, project.levelLabels));
    },
  );

  r.patch(
    "/nodes/:id",
    { schema: { tags, params: api.idParams, body: api.updateResultNode, response: { 200: api.resultNode } } },
    async (request) => {
      const before = await loadNode(db, request.params.id);
      const { project } = await requireProject(db, request.actor, before.projectId, "project.manage");
      const { version, ...changes } = request.body;
      const row = await db.transaction(async (tx) => {
        let level = before.level;
        if (changes.parentId !== undefined && changes.parentId !== before.parentId) {
          level = await checkParent(tx, project.id, changes.parentId, project.levelLabels.length, before.id);
        }
        const [updated] = await tx
          .update(resultNodes)
          .set({ ...changes, level, version: sql`${resultNodes.version} + 1`, updatedAt: new Date() })
          .where(and(eq(resultNodes.id, before.id), eq(resultNodes.version, version)))
          .returning();
        if (!updated) throw versionConflict(present(await loadNode(tx, before.id), project.levelLabels));
        if (level !== before.level) {
          // A moved branch keeps its shape: every descendant shifts by the same number of levels.
          await tx.execute(sql`
            with recursive down(id, depth) as (
              select id, 0 from result_nodes where parent_id = ${before.id}
              union all select n.id, d.depth + 1 from result_nodes n join down d on n.parent_id = d.id where d.depth < 50
            ) update result_nodes set level = level + ${level - before.level} where id in (select id from down)`);
        }
        await recordAudit(tx, {
          actor: request.actor,
          projectId: project.id,
          entity: "resultNode",
          entityId: before.id,
          action: "update",
          before,
          after: updated,
        });
        return updated;
      });
      return present(row, project.levelLabels);
    },
  );

  r.delete("/nodes/:id", { schema: { tags, params: api.idParams } }, async (request, reply) => {
    const before = await loadNode(db, request.params.id);
    await requireProject(db, request.actor, before.projectId, "project.manage");
    await db.transaction(async (tx) => {
      const [used] = await tx
        .select({ n: count() })
        .from(activities)
        .where(sql`${activities.resultNodeId} in (
          with recursive down(id, depth) as (
            select id, 0 from result_nodes where id = ${before.id}
            union all select n.id, d.depth + 1 from result_nodes n join down d on n.parent_id = d.id where d.depth < 50
          ) select id from down)`);
      if ((used?.n ?? 0) > 0) throw new AppError(409, "NODE_IN_USE", { count: used?.n ?? 0 });
      await tx.delete(resultNodes).where(eq(resultNodes.id, before.id));
      await recordAudit(tx, {
        actor: request.actor,
        projectId: before.projectId,
        entity: "resultNode",
        entityId: before.id,
        action: "delete",
        before,
      });
    });
    return reply.status(204).send();
  });
}
