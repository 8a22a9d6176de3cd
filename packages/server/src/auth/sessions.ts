// Server-side sessions, stored in the database so that any Baara server behind
// a load balancer can serve any request. The cookie holds a random token; the
// table holds only its SHA-256.
import { createHash, randomBytes } from "node:crypto";
import type { Locale, Role } from "@baara/core";
import { and, eq, gt, lt } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { memberships, sessions, users } from "../db/schema.ts";

export const SESSION_COOKIE = "baara_session";
export const SESSION_HOURS = 12;

export interface Actor {
  user: { id: string; email: string; name: string; locale: Locale; isPlatformAdmin: boolean };
  memberships: {
    id: string;
    organisationId: string | null;
    projectId: string | null;
    role: Role;
    createdAt: Date;
  }[];
  session: { tokenHash: string; csrfToken: string; expiresAt: Date } | null;
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createSession(db: Db, userId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    csrfToken: randomBytes(24).toString("base64url"),
    expiresAt,
  });
  return { token, expiresAt };
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** The signed-in actor for a cookie token, or null when the session is unknown, expired or the user inactive. */
export async function actorFromToken(db: Db, token: string): Promise<Actor | null> {
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, new Date()), eq(users.active, true)),
    );
  if (!row) return null;
  return {
    user: {
      id: row.user.id,
      email: row.user.email,
      name: row.user.name,
      locale: row.user.locale,
      isPlatformAdmin: row.user.isPlatformAdmin,
    },
    memberships: await membershipsOf(db, row.user.id),
    session: { tokenHash, csrfToken: row.session.csrfToken, expiresAt: row.session.expiresAt },
  };
}

/** The actor a background job acts for: the user who asked for it, if still active (no session). */
export async function actorOfUser(db: Db, userId: string): Promise<Actor | null> {
  const [user] = await db.select().from(users).where(and(eq(users.id, userId), eq(users.active, true)));
  if (!user) return null;
  return {
    user: { id: user.id, email: user.email, name: user.name, locale: user.locale, isPlatformAdmin: user.isPlatformAdmin },
    memberships: await membershipsOf(db, user.id),
    session: null,
  };
}

export async function membershipsOf(db: Db, userId: string): Promise<Actor["memberships"]> {
  const rows = await db.select().from(memberships).where(eq(memberships.userId, userId));
  return rows.map((m) => ({
    id: m.id,
    organisationId: m.organisationId,
    projectId: m.projectId,
    role: m.role,
    createdAt: m.createdAt,
  }));
}
