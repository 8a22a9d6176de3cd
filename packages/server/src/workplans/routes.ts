import {
  api,
  type CurrencyCode,
  capabilityForAction,
  isPlanPublic,
  nextPlanStatus,
  type PlanAction,
  type PlanStatus,
} from "@baara/core";
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import * as z from "zod";
import { requireProject } from "../access/access.ts";
import { recordAudit } from "../audit/record.ts";
import type { Db } from "../db/client.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { declaredTotals, resultNodes, users, workplanSteps, workplans } from "../db/schema.ts";
import { AppError, invalidFields, notFound, notFoundField, versionConflict } from "../http/errors.ts";
import { requestLocale } from "../http/locale.ts";
import { pageBounds, pageOf } from "../http/pagination.ts";
import { requireDraft, requireWorkplan } from "./access.ts";
import { canonicalAmounts } from "./amounts.ts";
import { copyPlanContent } from "./copy.ts";
import { loadPlanInput } from "./load-plan.ts";
import { presentWorkplan } from "./present.ts";
import { summarisePlan } from "./summary.ts";

export async function workplanRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.database;
  const tags = ["work plans"];

  r.get(
    "/projects/:id/workplans",
    {
      schema: {
        tags,
        params: api.idParams,
        querystring: api.pageQuery.extend({ year: z.coerce.number().int().optional() }),
        response: { 200: api.page(api.workplan) },
      },
    },
    async (request) => {
      const access = await requireProject(db, request.actor, request.params.id, "project.read");
      const visibleStatuses = (["draft", "submitted", "approved", "endorsed"] as PlanStatus[]).filter(
        (s) => !access.publicOnly || isPlanPublic(s),
      );
      const where = and(
        eq(workplans.projectId, access.project.id),
        inArray(workplans.status, visibleStatuses),
        request.query.year ? eq(workplans.year, request.query.year) : undefined,
      );
      const { limit, offset } = pageBounds(request.query);
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(workplans)
          .where(where)
          .orderBy(desc(workplans.year), desc(workplans.planVersion))
          .limit(limit)
          .offset(offset),
        db.select({ n: count() }).from(workplans).where(where),
      ]);
      return pageOf(rows.map(presentWorkplan), request.query, total?.n ?? 0);
    },
  );

  r.post(
    "/projects/:id/workplans",
    { schema: { tags, params: api.idParams, body: api.createWorkplan, response: { 201: api.workplan } } },
    async (request, reply) => {
      const { project } = await requireProject(db, request.actor, request.params.id, "plan.create");
      const body = canonicalAmounts(request.body, ["declaredTotal"], project.currency as CurrencyCode);
      // Two people creating the same year's next version at once: the loser retries with the next number.
      const created = await withVersionRetry(() =>
        db.transaction(async (tx) => {
          const [latest] = await tx
            .select()
            .from(workplans)
            .where(and(eq(workplans.projectId, project.id), eq(workplans.year, body.year)))
            .orderBy(desc(workplans.planVersion))
            .limit(1);
          // A new version of a year's plan starts as a copy of the latest one.
          let source = latest;
          if (body.copyFromId) {
            [source] = await tx.select().from(workplans).where(eq(workplans.id, body.copyFromId));
            if (!source || source.projectId !== project.id) {
              throw invalidFields([
                {
                  field: "copyFromId",
                  code: "NOT_FOUND",
                  message: "NOT_FOUND",
                  params: { entity: "workplan" },
                },
              ]);
            }
          }
          const planVersion = (latest?.planVersion ?? 0) + 1;
          const [row] = await tx
            .insert(workplans)
            .values({
              projectId: project.id,
              year: body.year,
              planVersion,
              title: body.title || `PTBA ${body.year}${planVersion > 1 ? ` v${planVersion}` : ""}`,
              declaredTotal: body.declaredTotal ?? (source?.year === body.year ? source.declaredTotal : null),
              copiedFromId: source?.id ?? null,
              createdById: request.actor?.user.id ?? null,
            })
            .returning();
          if (!row) throw new AppError(500, "INTERNAL");
          if (source) await copyPlanContent(tx, source.id, row.id, source.year === body.year);
          await recordAudit(tx, {
            actor: request.actor,
            projectId: project.id,
            entity: "workplan",
            entityId: row.id,
            action: "create",
            after: row,
          });
          return row;
        }),
      );
      return reply.status(201).send(presentWorkplan(created));
    },
  );

  r.get(
    "/workplans/:id",
    { schema: { tags, params: api.idParams, response: { 200: api.workplan } } },
    async (request) => {
      const { workplan } = await requireWorkplan(db, request.actor, request.params.id, "project.read");
      return presentWorkplan(workplan);
    },
  );

  r.patch(
    "/workplans/:id",
    { schema: { tags, params: api.idParams, body: api.updateWorkplan, response: { 200: api.workplan } } },
    async (request) => {
      const { workplan, access } = await requireWorkplan(db, request.actor, request.params.id, "plan.edit");
      requireDraft(workplan);
      const { version, ...changes } = canonicalAmounts(
        request.body,
        ["declaredTotal"],
        access.project.currency as CurrencyCode,
      );
      const row = await db.transaction(async (tx) => {
        const [updated] = await tx
          .update(workplans)
          .set({ ...changes, version: sql`${workplans.version} + 1`, updatedAt: new Date() })
          .where(
            and(eq(workplans.id, workplan.id), eq(workplans.version, version), eq(workplans.status, "draft")),
          )
          .returning();
        if (!updated) throw versionConflict(await currentWorkplan(tx, workplan.id));
        await recordAudit(tx, {
          actor: request.actor,
          projectId: workplan.projectId,
          entity: "workplan",
          entityId: workplan.id,
          action: "update",
          before: workplan,
          after: updated,
        });
        return updated;
      });
      return presentWorkplan(row);
    },
  );

  r.delete("/workplans/:id", { schema: { tags, params: api.idParams } }, async (request, reply) => {
    const { workplan } = await requireWorkplan(db, request.actor, request.params.id, "plan.create");
    if (workplan.status !== "draft") throw new AppError(409, "WORKPLAN_NOT_DRAFT");
    await db.transaction(async (tx) => {
      await tx.delete(workplans).where(eq(workplans.id, workplan.id));
      await recordAudit(tx, {
        actor: request.actor,
        projectId: workplan.projectId,
        entity: "workplan",
        entityId: workplan.id,
        action: "delete",
        before: workplan,
      });
    });
    return reply.status(204).send();
  });

  r.post(
    "/workplans/:id/transitions",
    { schema: { tags, params: api.idParams, body: api.transitionRequest, response: { 200: api.workplan } } },
    async (request) => {
      const { action, comment, version } = request.body;
      const { workplan } = await requireWorkplan(
        db,
        request.actor,
        request.params.id,
        capabilityForAction(action),
      );
      const from = workplan.status as PlanStatus;
      const to = nextPlanStatus(from, action);
      if (!to) throw new AppError(409, "INVALID_TRANSITION", { from, action });
      const row = await db.transaction(async (tx) => {
        const [updated] = await tx
          .update(workplans)
          .set({ status: to, version: sql`${workplans.version} + 1`, updatedAt: new Date() })
          .where(
            and(eq(workplans.id, workplan.id), eq(workplans.version, version), eq(workplans.status, from)),
          )
          .returning();
        if (!updated) throw versionConflict(await currentWorkplan(tx, workplan.id));
        await tx.insert(workplanSteps).values({
          workplanId: workplan.id,
          action,
          fromStatus: from,
          toStatus: to,
          userId: request.actor?.user.id ?? "",
          comment: comment || null,
        });
        await recordAudit(tx, {
          actor: request.actor,
          projectId: workplan.projectId,
          entity: "workplan",
          entityId: workplan.id,
          action,
          before: { status: from },
          after: { status: to, comment: comment ?? null },
        });
        return updated;
      });
      return presentWorkplan(row);
    },
  );

  r.get(
    "/workplans/:id/history",
    { schema: { tags, params: api.idParams, response: { 200: z.array(api.workplanStep) } } },
    async (request) => {
      const { workplan } = await requireWorkplan(db, request.actor, request.params.id, "project.read");
      const rows = await db
        .select({ step: workplanSteps, userName: users.name })
        .from(workplanSteps)
        .innerJoin(users, eq(users.id, workplanSteps.userId))
        .where(eq(workplanSteps.workplanId, workplan.id))
        .orderBy(asc(workplanSteps.at));
      return rows.map(({ step, userName }) => ({
        id: step.id,
        action: step.action as PlanAction,
        fromStatus: step.fromStatus as PlanStatus,
        toStatus: step.toStatus as PlanStatus,
        userId: step.userId,
        userName,
        comment: step.comment,
        at: step.at.toISOString(),
      }));
    },
  );

  r.put(
    "/workplans/:id/declared-totals",
    {
      schema: {
        tags,
        params: api.idParams,
        body: api.declaredTotalRequest,
        response: { 200: api.workplanSummary },
      },
    },
    async (request) => {
      const { workplan, access } = await requireWorkplan(db, request.actor, request.params.id, "plan.edit");
      requireDraft(workplan);
      const { nodeId, amount } = canonicalAmounts(
        request.body,
        ["amount"],
        access.project.currency as CurrencyCode,
      );
      const [node] = await db.select().from(resultNodes).where(eq(resultNodes.id, nodeId));
      if (!node) throw invalidFields([notFoundField("nodeId", "resultNode")]);
      if (node.projectId !== workplan.projectId) {
        throw invalidFields([{ field: "nodeId", code: "NODE_OTHER_PROJECT", message: "NODE_OTHER_PROJECT" }]);
      }
      await db.transaction(async (tx) => {
        const key = and(eq(declaredTotals.workplanId, workplan.id), eq(declaredTotals.resultNodeId, nodeId));
        const [before] = await tx.select().from(declaredTotals).where(key);
        await tx.delete(declaredTotals).where(key);
        if (amount !== null)
          await tx.insert(declaredTotals).values({ workplanId: workplan.id, resultNodeId: nodeId, amount });
        await recordAudit(tx, {
          actor: request.actor,
          projectId: workplan.projectId,
          entity: "declaredTotal",
          entityId: `${workplan.id}:${nodeId}`,
          action: "update",
          before: before ?? null,
          after: amount === null ? null : { nodeId, amount },
        });
      });
      return summarisePlan(
        workplan,
        await loadPlanInput(db, workplan, access.project),
        requestLocale(request),
      );
    },
  );

  r.get(
    "/workplans/:id/summary",
    { schema: { tags, params: api.idParams, response: { 200: api.workplanSummary } } },
    async (request) => {
      const { workplan, access } = await requireWorkplan(
        db,
        request.actor,
        request.params.id,
        "project.read",
      );
      return summarisePlan(
        workplan,
        await loadPlanInput(db, workplan, access.project),
        requestLocale(request),
      );
    },
  );
}

async function currentWorkplan(db: Db, id: string) {
  const [row] = await db.select().from(workplans).where(eq(workplans.id, id));
  if (!row) throw notFound("workplan");
  return presentWorkplan(row);
}

async function withVersionRetry<T>(create: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await create();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (attempt >= attempts) throw new AppError(409, "PLAN_VERSION_TAKEN");
    }
  }
}
