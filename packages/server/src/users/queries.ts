import type { api } from "@baara/core";
import { and, asc, count, eq, ilike, or } from "drizzle-orm";
import type * as z from "zod";
import { authorizePlatform, visibleUsers } from "../access/policy.ts";
import type { Context } from "../context.ts";
import { users } from "../db/schema.ts";
import { notFound } from "../http/errors.ts";
import { pageBounds } from "../http/pagination.ts";
import type { UserRow } from "./present.ts";

export async function listUsers(
  ctx: Context,
  query: z.output<typeof api.userListQuery>,
): Promise<{ rows: UserRow[]; total: number }> {
  authorizePlatform(ctx, "users.invite");
  const { q } = query;
  const where = and(visibleUsers(ctx), q ? or(ilike(users.name, `%${q}%`), ilike(users.email, `%${q}%`)) : undefined);
  const { limit, offset } = pageBounds(query);
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(users).where(where).orderBy(asc(users.name)).limit(limit).offset(offset),
    ctx.db.select({ n: count() }).from(users).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Oneself, or someone the actor may see; anyone else is not found. */
export async function readUser(ctx: Context, id: string): Promise<UserRow> {
  const [row] = await ctx.db.select().from(users).where(and(eq(users.id, id), visibleUsers(ctx)));
  if (!row) throw notFound("user");
  return row;
}
