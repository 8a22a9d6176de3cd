import { api } from "@baara/core";
import { and, asc, count, eq, ilike, or, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { requireOrganisation, requireProject, visibleProjectsCondition } from "../access/access.ts";
import { recordAudit } from "../audit/record.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { budgetLines, projects } from "../db/schema.ts";
import { AppError, duplicate, invalidFields, versionConflict } from "../http/errors.ts";
import { pageBounds, pageOf } from "../http/pagination.ts";
import { presentProject, presentProjects, replacePartners } from "./queries.ts";

export async function projectRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.database;
  const tags = ["projects"];

  r.get(
    "/projects",
    { schema: { tags, querystring: api.projectListQuery, response: { 200: api.page(api.project) } } },
    async (request) => {
      const { q, organisationId, status } = request.query;
      const where = and(
        visibleProjectsCondition(request.actor),
        q ? or(ilike(projects.title, `%${q}%`), ilike(projects.code, `%${q}%`)) : undefined,
        organisationId ? eq(projects.organisationId, organisationId) : undefined,
        status ? eq(projects.status, status) : undefined,
      );
      const { limit, offset } = pageBounds(request.query);
      const [rows, [total]] = await Promise.all([
        db.select().from(projects).where(where).orderBy(asc(projects.code)).limit(limit).offset(offset),
        db.select({ n: count() }).from(projects).where(where),
      ]);
      return pageOf(await presentProjects(db, rows), request.query, total?.n ?? 0);
    },
  );

  r.get(
    "/projects/:id",
    { schema: { tags, params: api.idParams, response: { 200: api.project } } },
    async (request) => {
      const { project } = await requireProject(db, request.actor, request.params.id, "project.read");
      return presentProject(db, project);
    },
  );

  r.get(
    "/projects/:id/access",
    { schema: { tags, params: api.idParams, response: { 200: api.projectAccess } } },
    async (request) => {
      const { capabilities, publicOnly } = await requireProject(db, request.actor, request.params.id, "project.read");
      return { capabilities: [...capabilities].sort(), publicOnly };
    },
  );

  r.post(
    "/projects",
    { schema: { tags, body: api.createProject, response: { 201: api.project } } },
    async (request, reply) => {
      const { partners, ...fields } = request.body;
      await requireOrganisation(db, request.actor, fields.organisationId, "project.manage");
      const created = await db
        .transaction(async (tx) => {
          const [row] = await tx.insert(projects).values(fields).returning();
          if (!row) throw new AppError(500, "INTERNAL");
          await replacePartners(tx, row.id, partners);
          await recordAudit(tx, {
            actor: request.actor,
            projectId: row.id,
            entity: "project",
            entityId: row.id,
            action: "create",
            after: { ...row, partners },
          });
          return row;
        })
        .catch((error: unknown) => {
          if (isUniqueViolation(error)) throw duplicate("code", fields.code);
          throw error;
        });
      return reply.status(201).send(await presentProject(db, created));
    },
  );

  r.patch(
    "/projects/:id",
    { schema: { tags, params: api.idParams, body: api.updateProject, response: { 200: api.project } } },
    async (request) => {
      const { id } = request.params;
      const { version, partners, ...changes } = request.body;
      const { project: before } = await requireProject(db, request.actor, id, "project.manage");
      if (changes.organisationId && changes.organisationId !== before.organisationId) {
        await requireOrganisation(db, request.actor, changes.organisationId, "project.manage");
      }
      const startDate = changes.startDate === undefined ? before.startDate : changes.startDate;
      const endDate = changes.endDate === undefined ? before.endDate : changes.endDate;
      if (startDate && endDate && startDate > endDate) {
        throw invalidFields([{ field: "endDate", code: "DATE_ORDER", message: "DATE_ORDER" }]);
      }
      const updated = await db
        .transaction(async (tx) => {
          if (changes.currency && changes.currency !== before.currency) {
            // Amounts already entered were entered in the old currency.
            const [lines] = await tx
              .select({ n: count() })
              .from(budgetLines)
              .where(sql`${budgetLines.workplanId} in (select id from workplans where project_id = ${id})`);
            if ((lines?.n ?? 0) > 0) {
              throw invalidFields([
                {
                  field: "currency",
                  code: "CURRENCY_LOCKED",
                  message: "CURRENCY_LOCKED",
                  params: { count: lines?.n ?? 0 },
                },
              ]);
            }
          }
          const [row] = await tx
            .update(projects)
            .set({ ...changes, version: sql`${projects.version} + 1`, updatedAt: new Date() })
            .where(and(eq(projects.id, id), eq(projects.version, version)))
            .returning();
          if (!row) {
            const [current] = await tx.select().from(projects).where(eq(projects.id, id));
            throw versionConflict(current ? await presentProject(tx, current) : null);
          }
          if (partners) await replacePartners(tx, id, partners);
          await recordAudit(tx, {
            actor: request.actor,
            projectId: id,
            entity: "project",
            entityId: id,
            action: "update",
            before,
            after: partners ? { ...row, partners } : row,
          });
          return row;
        })
        .catch((error: unknown) => {
          if (isUniqueViolation(error)) throw duplicate("code", changes.code ?? "");
          throw error;
        });
      return presentProject(db, updated);
    },
  );

  r.delete("/projects/:id", { schema: { tags, params: api.idParams } }, async (request, reply) => {
    const { id } = request.params;
    const { project } = await requireProject(db, request.actor, id, "project.read");
    await requireOrganisation(db, request.actor, project.organisationId, "organisation.manage");
    await db.transaction(async (tx) => {
      await tx.delete(projects).where(eq(projects.id, id));
      await recordAudit(tx, {
        actor: request.actor,
        projectId: id,
        entity: "project",
        entityId: id,
        action: "delete",
        before: project,
      });
    });
    return reply.status(204).send();
  });
}
