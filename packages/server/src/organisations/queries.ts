import type { api } from "@baara/core";
import { and, asc, count, eq, ilike, or } from "drizzle-orm";
import type * as z from "zod";
import { requireSignedIn } from "../access/policy.ts";
import type { Context } from "../context.ts";
import { organisations } from "../db/schema.ts";
import { notFound } from "../http/errors.ts";
import { pageBounds } from "../http/pagination.ts";
import type { OrganisationRow } from "./present.ts";

/** Organisations are a shared directory (project partners point at them): every signed-in user reads them. */
export async function listOrganisations(
  ctx: Context,
  query: z.output<typeof api.organisationListQuery>,
): Promise<{ rows: OrganisationRow[]; total: number }> {
  requireSignedIn(ctx);
  const { q, parentId } = query;
  const where = and(
    q ? or(ilike(organisations.name, `%${q}%`), ilike(organisations.code, `%${q}%`)) : undefined,
    parentId ? eq(organisations.parentId, parentId) : undefined,
  );
  const { limit, offset } = pageBounds(query);
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(organisations).where(where).orderBy(asc(organisations.name)).limit(limit).offset(offset),
    ctx.db.select({ n: count() }).from(organisations).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function readOrganisation(ctx: Context, id: string): Promise<OrganisationRow> {
  requireSignedIn(ctx);
  const [row] = await ctx.db.select().from(organisations).where(eq(organisations.id, id));
  if (!row) throw notFound("organisation");
  return row;
}
