// Signing in and out. The login throttle and the sessions live in the
// database, so that any server behind a load balancer can answer.
import type { api } from "@baara/core";
import { eq, sql } from "drizzle-orm";
import type * as z from "zod";
import { requireSignedIn } from "../access/policy.ts";
import { recordAudit } from "../audit/record.ts";
import type { Context } from "../context.ts";
import { users } from "../db/schema.ts";
import { AppError } from "../http/errors.ts";
import { presentMembership, presentUser } from "../users/present.ts";
import { dummyHash, verifyPassword } from "./passwords.ts";
import { type LoginSource, loginWaitMs, newDeviceToken, recordLoginAttempt } from "./rate-limit.ts";
import { type Actor, actorFromToken, createSession, deleteSession } from "./sessions.ts";

export interface SignedIn {
  token: string;
  /** The device cookie to keep (or set) in the browser. */
  device: string;
  expiresAt: Date;
  session: api.SessionResponse;
}

function sessionResponse(user: typeof users.$inferSelect, actor: Actor): api.SessionResponse {
  if (!actor.session) throw new AppError("UNAUTHENTICATED");
  return {
    user: presentUser(user),
    csrfToken: actor.session.csrfToken,
    memberships: actor.memberships.map((m) => presentMembership({ ...m, userId: user.id })),
    expiresAt: actor.session.expiresAt.toISOString(),
  };
}

export async function login(
  ctx: Context,
  input: z.output<typeof api.loginRequest>,
  from: { ip: string; device: string | undefined },
): Promise<SignedIn> {
  const email = input.email.toLowerCase();
  const source: LoginSource = { email, ip: from.ip, device: from.device };
  const wait = await loginWaitMs(ctx.db, source);
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000);
    throw new AppError("RATE_LIMITED", { minutes: Math.ceil(seconds / 60), seconds });
  }
  const [user] = await ctx.db.select().from(users).where(eq(sql`lower(${users.email})`, email));
  // A missing user costs one hash too, so response time does not reveal who has an account.
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash()), input.password);
  const ok = valid && user?.active === true;
  const device = ok ? (source.device ?? newDeviceToken()) : source.device;
  await recordLoginAttempt(ctx.db, { ...source, device }, ok);
  if (!ok || !user || !device) throw new AppError("INVALID_CREDENTIALS");
  const { token, expiresAt } = await createSession(ctx.db, user.id);
  const actor = await actorFromToken(ctx.db, token);
  if (!actor) throw new AppError("UNAUTHENTICATED");
  await recordAudit({ ...ctx, actor }, { entity: "user", entityId: user.id, action: "login" });
  return { token, device, expiresAt, session: sessionResponse(user, actor) };
}

export async function currentSession(ctx: Context): Promise<api.SessionResponse> {
  const actor = requireSignedIn(ctx);
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.user.id));
  if (!user) throw new AppError("UNAUTHENTICATED");
  return sessionResponse(user, actor);
}

export async function logout(ctx: Context): Promise<void> {
  const actor = requireSignedIn(ctx);
  if (actor.session) await deleteSession(ctx.db, actor.session.tokenHash);
  await recordAudit(ctx, { entity: "user", entityId: actor.user.id, action: "logout" });
}
