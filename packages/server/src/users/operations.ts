import type { api } from "@baara/core";
import { and, eq, ne, sql } from "drizzle-orm";
import type * as z from "zod";
import { authorizePlatform, holdsOnPlatform, requireSignedIn } from "../access/policy.ts";
import { recordAudit } from "../audit/record.ts";
import { hashPassword, verifyPassword } from "../auth/passwords.ts";
import type { Context } from "../context.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { inTransaction } from "../db/transaction.ts";
import { sessions, users } from "../db/schema.ts";
import { authorizeMembershipScope, insertMembership } from "../memberships/operations.ts";
import { duplicate, forbidden, invalidField, notFound, versionConflict } from "../http/errors.ts";
import { auditableUser, presentUser, type UserRow } from "./present.ts";

/** An account, and its first role when one is given (both or neither). */
export async function createUser(ctx: Context, input: z.output<typeof api.createUser>): Promise<UserRow> {
  authorizePlatform(ctx, "users.invite");
  const { password, membership, ...fields } = input;
  if (membership) await authorizeMembershipScope(ctx, membership);
  const passwordHash = await hashPassword(password);
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db.insert(users).values({ ...fields, email: fields.email.toLowerCase(), passwordHash }).returning();
    if (!row) throw notFound("user");
    await recordAudit(tx, { entity: "user", entityId: row.id, action: "create", after: auditableUser(row) });
    if (membership) await insertMembership(tx, row.id, membership);
    return row;
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw duplicate("email", fields.email);
    throw error;
  });
}

/** One's own account (a new password needs the current one), or anyone's with users.manage; nobody deactivates themselves. */
export async function updateUser(ctx: Context, id: string, input: z.output<typeof api.updateUser>): Promise<UserRow> {
  const actor = requireSignedIn(ctx);
  const { version, password, currentPassword, active, ...changes } = input;
  const self = id === actor.user.id;
  const manager = holdsOnPlatform(ctx, "users.manage");
  if (!self && !manager) throw forbidden();
  if (active !== undefined && (self || !manager)) throw forbidden();
  if (self && password) {
    const [me] = await ctx.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, id));
    if (!me || !currentPassword || !(await verifyPassword(me.hash, currentPassword))) throw invalidField("currentPassword", "CURRENT_PASSWORD");
  }
  const passwordHash = password ? await hashPassword(password) : undefined;
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(users).where(eq(users.id, id));
    if (!before) throw notFound("user");
    const [row] = await tx.db
      .update(users)
      .set({
        ...changes,
        ...(active === undefined ? {} : { active }),
        ...(passwordHash ? { passwordHash } : {}),
        version: sql`${users.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(users.id, id), eq(users.version, version)))
      .returning();
    if (!row) throw versionConflict(presentUser(before));
    // A new password ends the account's other sessions: whoever knew the old one is signed out.
    if (passwordHash) await endSessionsOf(tx, id, self ? ctx.actor?.session?.tokenHash : undefined);
    await recordAudit(tx, { entity: "user", entityId: id, action: "update", before: auditableUser(before), after: auditableUser(row) });
    return row;
  });
}

/** Deletes a user's sessions, except the one kept (the caller's own). */
async function endSessionsOf(ctx: Context, userId: string, keep: string | undefined): Promise<void> {
  await ctx.db.delete(sessions).where(and(eq(sessions.userId, userId), keep ? ne(sessions.tokenHash, keep) : undefined));
}

/** Signs a person out everywhere: oneself from every other browser, anyone (with users.manage) from all. */
export async function endUserSessions(ctx: Context, id: string): Promise<void> {
  const actor = requireSignedIn(ctx);
  const self = id === actor.user.id;
  if (!self && !holdsOnPlatform(ctx, "users.manage")) throw forbidden();
  await inTransaction(ctx, async (tx) => {
    const [user] = await tx.db.select({ id: users.id }).from(users).where(eq(users.id, id));
    if (!user) throw notFound("user");
    await endSessionsOf(tx, id, self ? actor.session?.tokenHash : undefined);
    await recordAudit(tx, { entity: "user", entityId: id, action: "logout", after: { everywhere: true } });
  });
}
