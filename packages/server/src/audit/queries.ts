import type { api } from "@baara/core";
import { and, count, desc, eq } from "drizzle-orm";
import type * as z from "zod";
import { authorizePlatform, authorizeProject } from "../access/policy.ts";
import type { Context } from "../context.ts";
import { auditLog } from "../db/schema.ts";
import { pageBounds } from "../http/pagination.ts";

/** A project's history is for its managers; the whole log for platform administrators. */
export async function readAudit(ctx: Context, query: z.output<typeof api.auditQuery>) {
  const { projectId, entity, entityId } = query;
  if (projectId) await authorizeProject(ctx, projectId, "audit.read");
  else authorizePlatform(ctx, "audit.readAll");
  const where = and(
    projectId ? eq(auditLog.projectId, projectId) : undefined,
    entity ? eq(auditLog.entity, entity) : undefined,
    entityId ? eq(auditLog.entityId, entityId) : undefined,
  );
  const { limit, offset } = pageBounds(query);
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(limit).offset(offset),
    ctx.db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
