// Reads of indicators: a project's framework with where each indicator
// stands, one indicator with its values and trend, an organisation's library.
import type { api, Capability, PeriodRef } from "@baara/core";
import { asc, eq, inArray, sql } from "drizzle-orm";
import type * as z from "zod";
import { authorizeProject, type ProjectAccess, type ProjectRow, requireSignedIn } from "../access/policy.ts";
import type { Context } from "../context.ts";
import { indicators, indicatorValues, libraryIndicators } from "../db/schema.ts";
import { queryRows } from "../db/client.ts";
import { ancestorIds, ancestorsOf, descendantsOf } from "../db/trees.ts";
import { notFound } from "../http/errors.ts";
import { type IndicatorRow, type LoadedIndicators, loadIndicators } from "./load.ts";
import { presentDetail, presentProjectIndicators } from "./present.ts";

export function asOfOf(query: { year?: number; period?: string }): PeriodRef | undefined {
  return query.year ? { year: query.year, period: query.period ?? "Y" } : undefined;
}

export async function listIndicators(ctx: Context, projectId: string, query: z.output<typeof api.indicatorListQuery>) {
  const { project, publicOnly } = await authorizeProject(ctx, projectId, "project.read");
  return presentProjectIndicators(await loadFor(ctx, project, publicOnly), asOfOf(query));
}

/** What a reader sees: a visitor of a published project sees validated values only, without who entered them or their documents. */
async function loadFor(ctx: Context, project: ProjectRow, publicOnly: boolean, indicatorId?: string): Promise<LoadedIndicators> {
  const loaded = await loadIndicators(ctx.db, project, indicatorId);
  if (!publicOnly) return loaded;
  for (const [id, values] of loaded.values) {
    loaded.values.set(
      id,
      values
        .filter((v) => v.status === "validated")
        .map((v) => ({ ...v, enteredByName: null, reviewedByName: null, reviewComment: null, documents: [] })),
    );
  }
  return loaded;
}

/** An indicator and its project, once the actor holds `capability` there (not found when it may not even read it). */
export async function authorizeIndicator(
  ctx: Context,
  id: string,
  capability: Capability = "project.read",
): Promise<{ row: IndicatorRow } & ProjectAccess> {
  const [row] = await ctx.db.select().from(indicators).where(eq(indicators.id, id));
  if (!row) throw notFound("indicator");
  return { row, ...(await authorizeProject(ctx, row.projectId, capability)) };
}

export async function getIndicator(ctx: Context, id: string) {
  const { row, project, publicOnly } = await authorizeIndicator(ctx, id);
  return presentDetail(await loadFor(ctx, project, publicOnly, row.id), row);
}

/** A value with its indicator and project, once the actor holds `capability` there. */
export async function authorizeValue(ctx: Context, valueId: string, capability: Capability) {
  const [value] = await ctx.db.select().from(indicatorValues).where(eq(indicatorValues.id, valueId));
  if (!value) throw notFound("indicatorValue");
  return { value, ...(await authorizeIndicator(ctx, value.indicatorId, capability)) };
}

/**
 * Whether the actor may read an organisation's library: who holds a role on it
 * or above it, on its sub-organisations or on their projects (who pick from it).
 */
export async function mayReadLibrary(ctx: Context, organisationId: string): Promise<boolean> {
  const actor = requireSignedIn(ctx);
  if (ctx.system || actor.user.isPlatformAdmin) return true;
  const under = descendantsOf("organisations", sql`select ${organisationId}::uuid`);
  const above = ancestorsOf("organisations", sql`select ${organisationId}::uuid`);
  const rows = await queryRows(
    ctx.db,
    sql`select 1 from memberships m where m.user_id = ${actor.user.id}
        and (m.organisation_id in ${under} or m.organisation_id in ${above}
          or m.project_id in (select p.id from projects p where p.organisation_id in ${under})) limit 1`,
  );
  return rows.length > 0;
}

/** An organisation's standard indicators, with those of the organisations above it (nearest first). */
export async function listLibrary(ctx: Context, organisationId: string) {
  const chain = await ancestorIds(ctx.db, "organisations", organisationId);
  if (chain.length === 0 || !(await mayReadLibrary(ctx, organisationId))) throw notFound("organisation");
  const rows = await ctx.db
    .select()
    .from(libraryIndicators)
    .where(inArray(libraryIndicators.organisationId, chain))
    .orderBy(asc(libraryIndicators.code));
  return rows.sort((a, b) => chain.indexOf(a.organisationId) - chain.indexOf(b.organisationId)).map(presentLibraryIndicator);
}

export function presentLibraryIndicator(row: typeof libraryIndicators.$inferSelect): z.output<typeof api.libraryIndicator> {
  const { createdAt: _c, updatedAt: _u, ...rest } = row;
  return { ...rest, dimensions: rest.dimensions as z.output<typeof api.libraryIndicator>["dimensions"] };
}
