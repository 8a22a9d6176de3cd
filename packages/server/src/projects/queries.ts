import type { api } from "@baara/core";
import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { organisations, projectPartners, type projects } from "../db/schema.ts";

type ProjectRow = typeof projects.$inferSelect;

/** Projects as the API shows them, with their organisation's name and partners. */
export async function presentProjects(db: Db, rows: ProjectRow[]): Promise<api.Project[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((p) => p.id);
  const [orgs, partners] = await Promise.all([
    db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(inArray(organisations.id, [...new Set(rows.map((p) => p.organisationId))])),
    db
      .select()
      .from(projectPartners)
      .where(inArray(projectPartners.projectId, ids))
      .orderBy(asc(projectPartners.position)),
  ]);
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    title: row.title,
    organisationId: row.organisationId,
    organisationName: orgName.get(row.organisationId) ?? "",
    currency: row.currency as api.Project["currency"],
    startDate: row.startDate,
    endDate: row.endDate,
    status: row.status as api.Project["status"],
    genderMarker: row.genderMarker as api.Project["genderMarker"],
    riskMarker: row.riskMarker as api.Project["riskMarker"],
    sector: row.sector,
    locations: row.locations,
    levelLabels: row.levelLabels,
    fiscalYearStartMonth: row.fiscalYearStartMonth,
    published: row.published,
    partners: partners
      .filter((p) => p.projectId === row.id)
      .map((p) => ({ organisationId: p.organisationId, name: p.name, role: p.role as "funder" })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  }));
}

export async function presentProject(db: Db, row: ProjectRow): Promise<api.Project> {
  const [presented] = await presentProjects(db, [row]);
  if (!presented) throw new Error("unreachable: one row in, one project out");
  return presented;
}

export async function replacePartners(
  db: Db,
  projectId: string,
  partners: { organisationId: string | null; name: string; role: string }[],
): Promise<void> {
  await db.delete(projectPartners).where(eq(projectPartners.projectId, projectId));
  if (partners.length === 0) return;
  await db.insert(projectPartners).values(partners.map((p, position) => ({ ...p, projectId, position })));
}
