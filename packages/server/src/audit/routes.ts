import { api } from "@baara/core";
import { and, count, desc, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { requirePlatformAdmin, requireProject } from "../access/access.ts";
import { auditLog } from "../db/schema.ts";
import { pageBounds, pageOf } from "../http/pagination.ts";

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.database;

  r.get(
    "/audit",
    { schema: { tags: ["audit"], querystring: api.auditQuery, response: { 200: api.page(api.auditEntry) } } },
    async (request) => {
      const { projectId, entity, entityId } = request.query;
      // A project's history is for its managers; the whole log for platform admins.
      if (projectId) await requireProject(db, request.actor, projectId, "audit.read");
      else requirePlatformAdmin(request.actor);
      const where = and(
        projectId ? eq(auditLog.projectId, projectId) : undefined,
        entity ? eq(auditLog.entity, entity) : undefined,
        entityId ? eq(auditLog.entityId, entityId) : undefined,
      );
      const { limit, offset } = pageBounds(request.query);
      const [rows, [total]] = await Promise.all([
        db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(limit).offset(offset),
        db.select({ n: count() }).from(auditLog).where(where),
      ]);
      return pageOf(
        rows.map((row) => ({ ...row, at: row.at.toISOString() })),
        request.query,
        total?.n ?? 0,
      );
    },
  );
}
