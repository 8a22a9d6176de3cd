import { api, type CurrencyCode, formatAmountDecimal, isPlanPublic, type PlanStatus, rollUpPlan } from "@baara/core";
import { and, asc, count, eq, exists, ilike, inArray, or, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { projectAccess, visibleProjectsCondition } from "../access/access.ts";
import { projectPartners, projects, workplans } from "../db/schema.ts";
import { pageBounds, pageOf } from "../http/pagination.ts";
import { presentProjects } from "../projects/queries.ts";
import { loadPlanInput } from "../workplans/load-plan.ts";

/** The home screen: every project the user may see with its current plan's status and budget. */
export async function portfolioRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.database;

  r.get(
    "/portfolio",
    {
      schema: {
        tags: ["projects"],
        querystring: api.portfolioQuery,
        response: { 200: api.page(api.portfolioItem) },
      },
    },
    async (request) => {
      const { q, organisationId, status, partner, year } = request.query;
      const where = and(
        visibleProjectsCondition(request.actor),
        q ? or(ilike(projects.title, `%${q}%`), ilike(projects.code, `%${q}%`)) : undefined,
        organisationId ? eq(projects.organisationId, organisationId) : undefined,
        status ? eq(projects.status, status) : undefined,
        partner
          ? exists(
              db
                .select({ one: sql`1` })
                .from(projectPartners)
                .where(
                  and(eq(projectPartners.projectId, projects.id), ilike(projectPartners.name, `%${partner}%`)),
                ),
            )
          : undefined,
      );
      const { limit, offset } = pageBounds(request.query);
      const [rows, [total]] = await Promise.all([
        db.select().from(projects).where(where).orderBy(asc(projects.code)).limit(limit).offset(offset),
        db.select({ n: count() }).from(projects).where(where),
      ]);
      const presented = await presentProjects(db, rows);
      const plans = rows.length
        ? await db
            .select()
            .from(workplans)
            .where(
              and(
                inArray(
                  workplans.projectId,
                  rows.map((p) => p.id),
                ),
                year ? eq(workplans.year, year) : undefined,
              ),
            )
        : [];
      const items = await Promise.all(
        rows.map(async (row, i) => {
          const { publicOnly } = await projectAccess(db, request.actor, row.id);
          const current = plans
            .filter((w) => w.projectId === row.id && (!publicOnly || isPlanPublic(w.status as PlanStatus)))
            .sort((a, b) => b.year - a.year || b.planVersion - a.planVersion)[0];
          const project = presented[i] as api.Project;
          if (!current) return { project, plan: null };
          const input = await loadPlanInput(db, current, row);
          const rollup = rollUpPlan(input);
          return {
            project,
            plan: {
              id: current.id,
              year: current.year,
              planVersion: current.planVersion,
              status: current.status as PlanStatus,
              total: formatAmountDecimal(rollup.total.computed, row.currency as CurrencyCode),
              activityCount: input.activities.length,
            },
          };
        }),
      );
      return pageOf(items, request.query, total?.n ?? 0);
    },
  );
}
