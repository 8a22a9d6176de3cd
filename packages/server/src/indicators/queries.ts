// Reads of indicators: a project's framework with where each indicator
// stands, one indicator with its values and trend, an organisation's library.
import type { api, Capability, PeriodRef } from "@baara/core";
import { asc, eq, inArray } from "drizzle-orm";
import type * as z from "zod";
import { authorizeProject, type ProjectRow, requireSignedIn } from "../access/policy.ts";
import type { Context } from "../context.ts";
import { indicators, indicatorValues, libraryIndicators } from "../db/schema.ts";
import { ancestorIds } from "../db/trees.ts";
import { notFound } from "../http/errors.ts";
import { type IndicatorRow, loadIndicators } from "./load.ts";
import { presentDetail, presentProjectIndicators } from "./present.ts";

export function asOfOf(query: { year?: number; period?: string }): PeriodRef | undefined {
  return query.year ? { year: query.year, period: query.period ?? "Y" } : undefined;
}

export async function listIndicators(ctx: Context, projectId: string, query: z.output<typeof api.indicatorListQuery>) {
  const { project } = await authorizeProject(ctx, projectId, "project.read");
  return presentProjectIndicators(await loadIndicators(ctx.db, project), asOfOf(query));
}

/** An indicator and its project, once the actor holds `capability` there (not found when it may not even read it). */
export async function authorizeIndicator(
  ctx: Context,
  id: string,
  capability: Capability = "project.read",
): Promise<{ row: IndicatorRow; project: ProjectRow }> {
  const [row] = await ctx.db.select().from(indicators).where(eq(indicators.id, id));
  if (!row) throw notFound("indicator");
  const { project } = await authorizeProject(ctx, row.projectId, capability);
  return { row, project };
}

export async function getIndicator(ctx: Context, id: string) {
  const { row, project } = await authorizeIndicator(ctx, id);
  return presentDetail(await loadIndicators(ctx.db, project, row.id), row);
}

/** A value with its indicator and project, once the actor holds `capability` there. */
export async function authorizeValue(ctx: Context, valueId: string, capability: Capability) {
  const [value] = await ctx.db.select().from(indicatorValues).where(eq(indicatorValues.id, valueId));
  if (!value) throw notFound("indicatorValue");
  return { value, ...(await authorizeIndicator(ctx, value.indicatorId, capability)) };
}

/** An organisation's standard indicators, with those of the organisations above it (nearest first). */
export async function listLibrary(ctx: Context, organisationId: string) {
  requireSignedIn(ctx);
  const chain = await ancestorIds(ctx.db, "organisations", organisationId);
  if (chain.length === 0) throw notFound("organisation");
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
