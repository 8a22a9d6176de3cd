import { api } from "@baara/core";
import { and, asc, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import * as z from "zod";
import { requireActor, requireOrganisation, requireProject } from "../access/access.ts";
import { recordAudit } from "../audit/record.ts";
import type { Actor } from "../auth/sessions.ts";
import type { Db } from "../db/client.ts";
import { memberships, users } from "../db/schema.ts";
import { AppError, forbidden, notFound } from "../http/errors.ts";
import { presentMembership } from "../users/present.ts";

async function requireScope(
  db: Db,
  actor: Actor | null,
  scope: { organisationId?: string | null; projectId?: string | null },
) {
  if (scope.projectId) await requireProject(db, actor, scope.projectId, "members.manage");
  else if (scope.organisationId) await requireOrganisation(db, actor, scope.organisationId, "members.manage");
  else throw forbidden();
}

export async function membershipRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.database;
  const tags = ["memberships"];

  r.get(
    "/memberships",
    { schema: { tags, querystring: api.membershipQuery, response: { 200: z.array(api.membership) } } },
    async (request) => {
      const actor = requireActor(request.actor);
      const { userId, organisationId, projectId } = request.query;
      if (organisationId || projectId) await requireScope(db, actor, { organisationId, projectId });
      else if (userId !== actor.user.id && !actor.user.isPlatformAdmin) throw forbidden();
      const rows = await db
        .select()
        .from(memberships)
        .where(
          and(
            userId ? eq(memberships.userId, userId) : undefined,
            organisationId ? eq(memberships.organisationId, organisationId) : undefined,
            projectId ? eq(memberships.projectId, projectId) : undefined,
          ),
        )
        .orderBy(asc(memberships.createdAt))
        .limit(1000);
      return rows.map(presentMembership);
    },
  );

  r.post(
    "/memberships",
    { schema: { tags, body: api.createMembership, response: { 201: api.membership } } },
    async (request, reply) => {
      const { userId, organisationId, projectId, role } = request.body;
      await requireScope(db, request.actor, { organisationId, projectId });
      const row = await db.transaction(async (tx) => {
        const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
        if (!user) throw notFound("user");
        const [created] = await tx
          .insert(memberships)
          .values({ userId, organisationId: organisationId ?? null, projectId: projectId ?? null, role })
          .returning();
        if (!created) throw new AppError(500, "INTERNAL");
        await recordAudit(tx, {
          actor: request.actor,
          projectId: projectId ?? null,
          entity: "membership",
          entityId: created.id,
          action: "create",
          after: created,
        });
        return created;
      });
      return reply.status(201).send(presentMembership(row));
    },
  );

  r.delete("/memberships/:id", { schema: { tags, params: api.idParams } }, async (request, reply) => {
    const [existing] = await db.select().from(memberships).where(eq(memberships.id, request.params.id));
    if (!existing) throw notFound("membership");
    await requireScope(db, request.actor, existing);
    await db.transaction(async (tx) => {
      await tx.delete(memberships).where(eq(memberships.id, existing.id));
      await recordAudit(tx, {
        actor: request.actor,
        projectId: existing.projectId,
        entity: "membership",
        entityId: existing.id,
        action: "delete",
        before: existing,
      });
    });
    return reply.status(204).send();
  });
}
