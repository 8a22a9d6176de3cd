// The home screen's list: every project the user may see with its current
// plan, in a bounded number of statements whatever the size of the portfolio,
// reading each plan's stored totals, never its budget lines.
import { type api, isPlanPublic } from "@baara/core";
import { and, asc, count, eq, exists, ilike, inArray, sql } from "drizzle-orm";
import type * as z from "zod";
import { memberProjects } from "../access/policy.ts";
import type { Context } from "../context.ts";
import { projectPartners, projects, workplans } from "../db/schema.ts";
import { pageBounds } from "../http/pagination.ts";
import { presentProjects, projectFilter } from "../projects/queries.ts";

/** The projects of the portfolio: those the actor may read, with the list's filters (its export's too). */
export function portfolioProjects(
  ctx: Context,
  query: Omit<z.output<typeof api.portfolioQuery>, "page" | "pageSize" | "year">,
) {
  const { partner } = query;
  return and(
    projectFilter(ctx, query),
    partner
      ? exists(ctx.db.select({ one: sql`1` }).from(projectPartners).where(and(eq(projectPartners.projectId, projects.id), ilike(projectPartners.name, `%${partner}%`))))
      : undefined,
  );
}

export async function listPortfolio(
  ctx: Context,
  query: z.output<typeof api.portfolioQuery>,
): Promise<{ items: api.PortfolioItem[]; total: number }> {
  const { year } = query;
  const where = portfolioProjects(ctx, query);
  const { limit, offset } = pageBounds(query);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({ project: projects, member: sql<boolean>`${memberProjects(ctx)}`.mapWith(Boolean) })
      .from(projects)
      .where(where)
      .orderBy(asc(projects.code))
      .limit(limit)
      .offset(offset),
    ctx.db.select({ n: count() }).from(projects).where(where),
  ]);
  const ids = rows.map((r) => r.project.id);
  const [presented, plans] = await Promise.all([
    presentProjects(ctx, rows.map((r) => r.project)),
    ids.length === 0
      ? []
      : ctx.db
          .select({
            id: workplans.id,
            projectId: workplans.projectId,
            year: workplans.year,
            planVersion: workplans.planVersion,
            status: workplans.status,
            total: workplans.totalComputed,
            activityCount: workplans.activityCount,
          })
          .from(workplans)
          .where(and(inArray(workplans.projectId, ids), year ? eq(workplans.year, year) : undefined)),
  ]);
  const items = rows.map(({ project, member }, i) => {
    // A visitor of a published project sees its approved plans only.
    const current = plans
      .filter((w) => w.projectId === project.id && (member || isPlanPublic(w.status)))
      .sort((a, b) => b.year - a.year || b.planVersion - a.planVersion)[0];
    const plan = current && {
      id: current.id,
      year: current.year,
      planVersion: current.planVersion,
      status: current.status,
      total: current.total,
      activityCount: current.activityCount,
    };
    return { project: presented[i] as api.Project, plan: plan ?? null };
  });
  return { items, total: total?.n ?? 0 };
}
