import { api } from "@baara/core";
import { and, asc, count, eq, ilike, or, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import * as z from "zod";
import { requireActor } from "../access/access.ts";
import { recordAudit } from "../audit/record.ts";
import { hashPassword, verifyPassword } from "../auth/passwords.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { users } from "../db/schema.ts";
import { AppError, duplicate, forbidden, invalidFields, notFound, versionConflict } from "../http/errors.ts";
import { pageBounds, pageOf } from "../http/pagination.ts";
import { presentUser } from "./present.ts";
import { isAnyAdmin, visibleUsersCondition } from "./scope.ts";

const listQuery = api.pageQuery.extend({ q: z.string().trim().max(200).optional() });
/** The audit log never holds password hashes. */
const auditable = ({ passwordHash: _hash, ...rest }: typeof users.$inferSelect) => rest;

export async function userRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.database;
  const tags = ["users"];

  r.get(
    "/users",
    { schema: { tags, querystring: listQuery, response: { 200: api.page(api.user) } } },
    async (request) => {
      const actor = requireActor(request.actor);
      if (!isAnyAdmin(actor)) throw forbidden();
      const { q } = request.query;
      const where = and(
        visibleUsersCondition(actor),
        q ? or(ilike(users.name, `%${q}%`), ilike(users.email, `%${q}%`)) : undefined,
      );
      const { limit, offset } = pageBounds(request.query);
      const [rows, [total]] = await Promise.all([
        db.select().from(users).where(where).orderBy(asc(users.name)).limit(limit).offset(offset),
        db.select({ n: count() }).from(users).where(where),
      ]);
      return pageOf(rows.map(presentUser), request.query, total?.n ?? 0);
    },
  );

  r.get(
    "/users/:id",
    { schema: { tags, params: api.idParams, response: { 200: api.user } } },
    async (request) => {
      const actor = requireActor(request.actor);
      const [row] = await db
        .select()
        .from(users)
        .where(and(eq(users.id, request.params.id), visibleUsersCondition(actor)));
      if (!row) throw notFound("user");
      return presentUser(row);
    },
  );

  r.post(
    "/users",
    { schema: { tags, body: api.createUser, response: { 201: api.user } } },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      if (!isAnyAdmin(actor)) throw forbidden();
      const { password, ...fields } = request.body;
      const passwordHash = await hashPassword(password);
      const created = await db
        .transaction(async (tx) => {
          const [row] = await tx
            .insert(users)
            .values({ ...fields, email: fields.email.toLowerCase(), passwordHash })
            .returning();
          if (!row) throw new AppError(500, "INTERNAL");
          await recordAudit(tx, {
            actor,
            entity: "user",
            entityId: row.id,
            action: "create",
            after: auditable(row),
          });
          return row;
        })
        .catch((error: unknown) => {
          if (isUniqueViolation(error)) throw duplicate("email", fields.email);
          throw error;
        });
      return reply.status(201).send(presentUser(created));
    },
  );

  r.patch(
    "/users/:id",
    { schema: { tags, params: api.idParams, body: api.updateUser, response: { 200: api.user } } },
    async (request) => {
      const actor = requireActor(request.actor);
      const { id } = request.params;
      const { version, password, currentPassword, active, ...changes } = request.body;
      const self = id === actor.user.id;
      if (!self && !actor.user.isPlatformAdmin) throw forbidden();
      if (self && password) {
        const [me] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, id));
        if (!me || !currentPassword || !(await verifyPassword(me.hash, currentPassword))) {
          throw invalidFields([
            { field: "currentPassword", code: "CURRENT_PASSWORD", message: "CURRENT_PASSWORD" },
          ]);
        }
      }
      // Nobody locks themselves out; only a platform admin deactivates accounts.
      if (active !== undefined && (self || !actor.user.isPlatformAdmin)) throw forbidden();
      const passwordHash = password ? await hashPassword(password) : undefined;
      const updated = await db.transaction(async (tx) => {
        const [before] = await tx.select().from(users).where(eq(users.id, id));
        if (!before) throw notFound("user");
        const [row] = await tx
          .update(users)
          .set({
            ...changes,
            ...(active === undefined ? {} : { active }),
            ...(passwordHash ? { passwordHash } : {}),
            version: sql`${users.version} + 1`,
            updatedAt: new Date(),
          })
          .where(and(eq(users.id, id), eq(users.version, version)))
          .returning();
        if (!row) throw versionConflict(presentUser(before));
        await recordAudit(tx, {
          actor,
          entity: "user",
          entityId: id,
          action: "update",
          before: auditable(before),
          after: auditable(row),
        });
        return row;
      });
      return presentUser(updated);
    },
  );
}
