import { api, type CurrencyCode } from "@baara/core";
import { and, asc, count, eq, inArray, max, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { recordAudit } from "../audit/record.ts";
import type { Actor } from "../auth/sessions.ts";
import type { Db } from "../db/client.ts";
import { activities, budgetLines, resultNodes, workplans } from "../db/schema.ts";
import { AppError, invalidFields, notFound, notFoundField, versionConflict } from "../http/errors.ts";
import { pageBounds, pageOf } from "../http/pagination.ts";
import { requireDraft, requireWorkplan } from "../workplans/access.ts";
import { canonicalAmounts, checkCurrency, checkLineProduct } from "../workplans/amounts.ts";
import { type ActivityRow, type BudgetLineRow, presentActivity, presentBudgetLine } from "./present.ts";
import { LINE_AMOUNTS, loadLine, updateBudgetLine } from "./update-line.ts";

export async function activityRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.database;
  const tags = ["activities"];

  /** The activity, its plan's access, and the plan's editability for writes. */
  async function loadActivity(actor: Actor | null, id: string, capability: "project.read" | "plan.edit") {
    const [activity] = await db.select().from(activities).where(eq(activities.id, id));
    if (!activity) throw notFound("activity");
    const { workplan, access } = await requireWorkplan(db, actor, activity.workplanId, capability);
    if (capability === "plan.edit") requireDraft(workplan);
    return { activity, workplan, project: access.project };
  }

  async function present(tx: Db, row: ActivityRow, currency: CurrencyCode, fiscalStart: number) {
    const lines = await tx
      .select()
      .from(budgetLines)
      .where(eq(budgetLines.activityId, row.id))
      .orderBy(asc(budgetLines.position));
    return presentActivity(row, lines, currency, fiscalStart);
  }

  /** The results node and the continued activity must exist, in this project. */
  async function checkLinks(
    tx: Db,
    projectId: string,
    links: { resultNodeId?: string | null; continuesActivityId?: string | null },
  ) {
    if (links.resultNodeId) {
      const [node] = await tx
        .select({ projectId: resultNodes.projectId })
        .from(resultNodes)
        .where(eq(resultNodes.id, links.resultNodeId));
      if (!node) throw invalidFields([notFoundField("resultNodeId", "resultNode")]);
      if (node.projectId !== projectId) {
        throw invalidFields([
          { field: "resultNodeId", code: "NODE_OTHER_PROJECT", message: "NODE_OTHER_PROJECT" },
        ]);
      }
    }
    if (links.continuesActivityId) {
      const [previous] = await tx
        .select({ projectId: workplans.projectId })
        .from(activities)
        .innerJoin(workplans, eq(workplans.id, activities.workplanId))
        .where(eq(activities.id, links.continuesActivityId));
      if (!previous || previous.projectId !== projectId) {
        throw invalidFields([notFoundField("continuesActivityId", "activity")]);
      }
    }
  }

  r.get(
    "/workplans/:id/activities",
    {
      schema: {
        tags,
        params: api.idParams,
        querystring: api.activityListQuery,
        response: { 200: api.page(api.activity) },
      },
    },
    async (request) => {
      const { workplan, access } = await requireWorkplan(
        db,
        request.actor,
        request.params.id,
        "project.read",
      );
      const where = and(
        eq(activities.workplanId, workplan.id),
        request.query.resultNodeId ? eq(activities.resultNodeId, request.query.resultNodeId) : undefined,
      );
      const { limit, offset } = pageBounds(request.query);
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(activities)
          .where(where)
          .orderBy(asc(activities.position))
          .limit(limit)
          .offset(offset),
        db.select({ n: count() }).from(activities).where(where),
      ]);
      const lines =
        rows.length === 0
          ? []
          : await db
              .select()
              .from(budgetLines)
              .where(
                inArray(
                  budgetLines.activityId,
                  rows.map((a) => a.id),
                ),
              )
              .orderBy(asc(budgetLines.position));
      const byActivity = new Map<string, BudgetLineRow[]>();
      for (const line of lines)
        byActivity.set(line.activityId, [...(byActivity.get(line.activityId) ?? []), line]);
      const currency = access.project.currency as CurrencyCode;
      return pageOf(
        rows.map((a) =>
          presentActivity(a, byActivity.get(a.id) ?? [], currency, access.project.fiscalYearStartMonth),
        ),
        request.query,
        total?.n ?? 0,
      );
    },
  );

  r.post(
    "/workplans/:id/activities",
    { schema: { tags, params: api.idParams, body: api.createActivity, response: { 201: api.activity } } },
    async (request, reply) => {
      const { workplan, access } = await requireWorkplan(db, request.actor, request.params.id, "plan.edit");
      requireDraft(workplan);
      const { project } = access;
      const currency = project.currency as CurrencyCode;
      const { budgetLines: lineInputs, ...fields } = request.body;
      const lines = lineInputs.map((line, i) => {
        const canonical = canonicalAmounts(line, LINE_AMOUNTS, currency, `budgetLines.${i}.`);
        checkCurrency(line, currency, `budgetLines.${i}.`);
        checkLineProduct(canonical, currency, `budgetLines.${i}.`);
        const { currency: _currency, ...values } = canonical;
        return values;
      });
      const created = await db.transaction(async (tx) => {
        await checkLinks(tx, project.id, fields);
        const position = fields.position ?? (await nextPosition(tx, workplan.id));
        const [row] = await tx
          .insert(activities)
          .values({
            ...fields,
            months: [...new Set(fields.months)].sort((a, b) => a - b),
            position,
            workplanId: workplan.id,
          })
          .returning();
        if (!row) throw new AppError(500, "INTERNAL");
        if (lines.length > 0) {
          await tx.insert(budgetLines).values(
            lines.map((line, i) => ({
              ...line,
              position: line.position ?? i,
              activityId: row.id,
              workplanId: workplan.id,
            })),
          );
        }
        const presented = await present(tx, row, currency, project.fiscalYearStartMonth);
        await recordAudit(tx, {
          actor: request.actor,
          projectId: project.id,
          entity: "activity",
          entityId: row.id,
          action: "create",
          after: presented,
        });
        return presented;
      });
      return reply.status(201).send(created);
    },
  );

  r.get(
    "/activities/:id",
    { schema: { tags, params: api.idParams, response: { 200: api.activity } } },
    async (request) => {
      const { activity, project } = await loadActivity(request.actor, request.params.id, "project.read");
      return present(db, activity, project.currency as CurrencyCode, project.fiscalYearStartMonth);
    },
  );

  r.patch(
    "/activities/:id",
    { schema: { tags, params: api.idParams, body: api.updateActivity, response: { 200: api.activity } } },
    async (request) => {
      const { activity, project } = await loadActivity(request.actor, request.params.id, "plan.edit");
      const { version, ...changes } = request.body;
      const currency = project.currency as CurrencyCode;
      return db.transaction(async (tx) => {
        await checkLinks(tx, project.id, changes);
        const months = changes.months ? [...new Set(changes.months)].sort((a, b) => a - b) : undefined;
        const [row] = await tx
          .update(activities)
          .set({
            ...changes,
            ...(months ? { months } : {}),
            version: sql`${activities.version} + 1`,
            updatedAt: new Date(),
          })
          .where(and(eq(activities.id, activity.id), eq(activities.version, version)))
          .returning();
        if (!row) {
          const [current] = await tx.select().from(activities).where(eq(activities.id, activity.id));
          throw versionConflict(
            current ? await present(tx, current, currency, project.fiscalYearStartMonth) : null,
          );
        }
        await recordAudit(tx, {
          actor: request.actor,
          projectId: project.id,
          entity: "activity",
          entityId: activity.id,
          action: "update",
          before: activity,
          after: row,
        });
        return present(tx, row, currency, project.fiscalYearStartMonth);
      });
    },
  );

  r.delete("/activities/:id", { schema: { tags, params: api.idParams } }, async (request, reply) => {
    const { activity, project } = await loadActivity(request.actor, request.params.id, "plan.edit");
    await db.transaction(async (tx) => {
      const before = await present(
        tx,
        activity,
        project.currency as CurrencyCode,
        project.fiscalYearStartMonth,
      );
      await tx.delete(activities).where(eq(activities.id, activity.id));
      await recordAudit(tx, {
        actor: request.actor,
        projectId: project.id,
        entity: "activity",
        entityId: activity.id,
        action: "delete",
        before,
      });
    });
    return reply.status(204).send();
  });

  r.post(
    "/activities/:id/budget-lines",
    { schema: { tags, params: api.idParams, body: api.createBudgetLine, response: { 201: api.budgetLine } } },
    async (request, reply) => {
      const { activity, project } = await loadActivity(request.actor, request.params.id, "plan.edit");
      const currency = project.currency as CurrencyCode;
      checkCurrency(request.body, currency);
      const { currency: _currency, ...line } = canonicalAmounts(request.body, LINE_AMOUNTS, currency);
      checkLineProduct(line, currency);
      const row = await db.transaction(async (tx) => {
        let position = line.position;
        if (position === undefined) {
          const [last] = await tx
            .select({ p: max(budgetLines.position) })
            .from(budgetLines)
            .where(eq(budgetLines.activityId, activity.id));
          position = (last?.p ?? -1) + 1;
        }
        const [created] = await tx
          .insert(budgetLines)
          .values({ ...line, position, activityId: activity.id, workplanId: activity.workplanId })
          .returning();
        if (!created) throw new AppError(500, "INTERNAL");
        await recordAudit(tx, {
          actor: request.actor,
          projectId: project.id,
          entity: "budgetLine",
          entityId: created.id,
          action: "create",
          after: created,
        });
        return created;
      });
      return reply.status(201).send(presentBudgetLine(row, currency));
    },
  );

  r.patch(
    "/budget-lines/:id",
    { schema: { tags, params: api.idParams, body: api.updateBudgetLine, response: { 200: api.budgetLine } } },
    async (request) => {
      const before = await loadLine(db, request.params.id);
      const { project } = await loadActivity(request.actor, before.activityId, "plan.edit");
      const currency = project.currency as CurrencyCode;
      const row = await db.transaction((tx) =>
        updateBudgetLine(tx, { actor: request.actor, projectId: project.id, currency, before, changes: request.body }),
      );
      return presentBudgetLine(row, currency);
    },
  );

  r.delete("/budget-lines/:id", { schema: { tags, params: api.idParams } }, async (request, reply) => {
    const before = await loadLine(db, request.params.id);
    const { project } = await loadActivity(request.actor, before.activityId, "plan.edit");
    await db.transaction(async (tx) => {
      await tx.delete(budgetLines).where(eq(budgetLines.id, before.id));
      await recordAudit(tx, {
        actor: request.actor,
        projectId: project.id,
        entity: "budgetLine",
        entityId: before.id,
        action: "delete",
        before,
      });
    });
    return reply.status(204).send();
  });
}

async function nextPosition(db: Db, workplanId: string): Promise<number> {
  const [last] = await db
    .select({ p: max(activities.position) })
    .from(activities)
    .where(eq(activities.workplanId, workplanId));
  return (last?.p ?? -1) + 1;
}
