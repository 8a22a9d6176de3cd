import type { api } from "@baara/core";
import { and, asc, count, eq, ilike, inArray, or } from "drizzle-orm";
import type * as z from "zod";
import { type ProjectRow, readableProjects } from "../access/policy.ts";
import type { Context } from "../context.ts";
import { organisations, projectPartners, projects } from "../db/schema.ts";
import { pageBounds } from "../http/pagination.ts";

/** Projects as the API shows them, with their organisation's name and partners: two queries for any number. */
export async function presentProjects(ctx: Context, rows: ProjectRow[]): Promise<api.Project[]> {
  if (rows.length === 0) return [];
  const [orgs, partners] = await Promise.all([
    ctx.db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(inArray(organisations.id, [...new Set(rows.map((p) => p.organisationId))])),
    ctx.db
      .select()
      .from(projectPartners)
      .where(inArray(projectPartners.projectId, rows.map((p) => p.id)))
      .orderBy(asc(projectPartners.position)),
  ]);
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    title: row.title,
    organisationId: row.organisationId,
    organisationName: orgName.get(row.organisationId) ?? "",
    currency: row.currency,
    startDate: row.startDate,
    endDate: row.endDate,
    status: row.status,
    genderMarker: row.genderMarker,
    riskMarker: row.riskMarker,
    sector: row.sector,
    locations: row.locations,
    levelLabels: row.levelLabels,
    fiscalYearStartMonth: row.fiscalYearStartMonth,
    published: row.published,
    partners: partners
      .filter((p) => p.projectId === row.id)
      .map((p) => ({ organisationId: p.organisationId, name: p.name, role: p.role })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  }));
}

export async function presentProject(ctx: Context, row: ProjectRow): Promise<api.Project> {
  const [presented] = await presentProjects(ctx, [row]);
  if (!presented) throw new Error("unreachable: one row in, one project out");
  return presented;
}

/** The filters of the project lists (projects and portfolio), on what the actor may read. */
export function projectFilter(ctx: Context, query: { q?: string | undefined; organisationId?: string | undefined; status?: ProjectRow["status"] | undefined }) {
  const { q, organisationId, status } = query;
  return and(
    readableProjects(ctx),
    q ? or(ilike(projects.title, `%${q}%`), ilike(projects.code, `%${q}%`)) : undefined,
    organisationId ? eq(projects.organisationId, organisationId) : undefined,
    status ? eq(projects.status, status) : undefined,
  );
}

export async function listProjects(ctx: Context, query: z.output<typeof api.projectListQuery>) {
  const where = projectFilter(ctx, query);
  const { limit, offset } = pageBounds(query);
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(projects).where(where).orderBy(asc(projects.code)).limit(limit).offset(offset),
    ctx.db.select({ n: count() }).from(projects).where(where),
  ]);
  return { items: await presentProjects(ctx, rows), total: total?.n ?? 0 };
}
