import { api } from "@baara/core";
import { and, asc, count, eq, ilike, or, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import * as z from "zod";
import {
  organisationChain,
  requireActor,
  requireOrganisation,
  requirePlatformAdmin,
} from "../access/access.ts";
import { recordAudit } from "../audit/record.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { organisations, projects } from "../db/schema.ts";
import { AppError, duplicate, notFound, versionConflict } from "../http/errors.ts";
import { pageBounds, pageOf } from "../http/pagination.ts";

type Row = typeof organisations.$inferSelect;

export function presentOrganisation(row: Row): api.Organisation {
  return {
    id: row.id,
    parentId: row.parentId,
    code: row.code,
    name: row.name,
    kind: row.kind as api.Organisation["kind"],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

const listQuery = api.pageQuery.extend({
  q: z.string().trim().max(200).optional(),
  parentId: api.id.optional(),
});

export async function organisationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.database;
  const tags = ["organisations"];

  r.get(
    "/organisations",
    { schema: { tags, querystring: listQuery, response: { 200: api.page(api.organisation) } } },
    async (request) => {
      requireActor(request.actor);
      const { q, parentId } = request.query;
      const where = and(
        q ? or(ilike(organisations.name, `%${q}%`), ilike(organisations.code, `%${q}%`)) : undefined,
        parentId ? eq(organisations.parentId, parentId) : undefined,
      );
      const { limit, offset } = pageBounds(request.query);
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(organisations)
          .where(where)
          .orderBy(asc(organisations.name))
          .limit(limit)
          .offset(offset),
        db.select({ n: count() }).from(organisations).where(where),
      ]);
      return pageOf(rows.map(presentOrganisation), request.query, total?.n ?? 0);
    },
  );

  r.get(
    "/organisations/:id",
    { schema: { tags, params: api.idParams, response: { 200: api.organisation } } },
    async (request) => {
      requireActor(request.actor);
      const [row] = await db.select().from(organisations).where(eq(organisations.id, request.params.id));
      if (!row) throw notFound("organisation");
      return presentOrganisation(row);
    },
  );

  r.post(
    "/organisations",
    { schema: { tags, body: api.createOrganisation, response: { 201: api.organisation } } },
    async (request, reply) => {
      const { parentId } = request.body;
      if (parentId) await requireOrganisation(db, request.actor, parentId, "organisation.manage");
      else requirePlatformAdmin(request.actor);
      const created = await db
        .transaction(async (tx) => {
          const [row] = await tx.insert(organisations).values(request.body).returning();
          if (!row) throw new AppError(500, "INTERNAL");
          await recordAudit(tx, {
            actor: request.actor,
            entity: "organisation",
            entityId: row.id,
            action: "create",
            after: row,
          });
          return row;
        })
        .catch(rethrowDuplicate(request.body.code));
      return reply.status(201).send(presentOrganisation(created));
    },
  );

  r.patch(
    "/organisations/:id",
    {
      schema: {
        tags,
        params: api.idParams,
        body: api.updateOrganisation,
        response: { 200: api.organisation },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { version, ...changes } = request.body;
      await requireOrganisation(db, request.actor, id, "organisation.manage");
      // Moving needs the right on the new parent; a new root is for platform admins only.
      if (changes.parentId === null) requirePlatformAdmin(request.actor);
      if (changes.parentId) {
        await requireOrganisation(db, request.actor, changes.parentId, "organisation.manage");
        if ((await organisationChain(db, changes.parentId)).includes(id)) {
          throw new AppError(422, "VALIDATION_ERROR", {}, [
            { field: "parentId", code: "NODE_CYCLE", message: "NODE_CYCLE" },
          ]);
        }
      }
      const updated = await db
        .transaction(async (tx) => {
          const [before] = await tx.select().from(organisations).where(eq(organisations.id, id));
          if (!before) throw notFound("organisation");
          const [row] = await tx
            .update(organisations)
            .set({ ...changes, version: sql`${organisations.version} + 1`, updatedAt: new Date() })
            .where(and(eq(organisations.id, id), eq(organisations.version, version)))
            .returning();
          if (!row) throw versionConflict(presentOrganisation(before));
          await recordAudit(tx, {
            actor: request.actor,
            entity: "organisation",
            entityId: id,
            action: "update",
            before,
            after: row,
          });
          return row;
        })
        .catch(rethrowDuplicate(changes.code ?? ""));
      return presentOrganisation(updated);
    },
  );

  r.delete("/organisations/:id", { schema: { tags, params: api.idParams } }, async (request, reply) => {
    const { id } = request.params;
    await requireOrganisation(db, request.actor, id, "organisation.manage");
    await db.transaction(async (tx) => {
      const [children] = await tx
        .select({ n: count() })
        .from(organisations)
        .where(eq(organisations.parentId, id));
      const [owned] = await tx.select({ n: count() }).from(projects).where(eq(projects.organisationId, id));
      if ((children?.n ?? 0) > 0 || (owned?.n ?? 0) > 0) {
        throw new AppError(409, "ORGANISATION_IN_USE", {
          children: children?.n ?? 0,
          projects: owned?.n ?? 0,
        });
      }
      const [before] = await tx.delete(organisations).where(eq(organisations.id, id)).returning();
      await recordAudit(tx, {
        actor: request.actor,
        entity: "organisation",
        entityId: id,
        action: "delete",
        before,
      });
    });
    return reply.status(204).send();
  });
}

function rethrowDuplicate(code: string) {
  return (error: unknown): never => {
    if (isUniqueViolation(error)) throw duplicate("code", code);
    throw error;
  };
}
