import { api } from "@baara/core";
import { eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { requireActor } from "../access/access.ts";
import { recordAudit } from "../audit/record.ts";
import { users } from "../db/schema.ts";
import { AppError } from "../http/errors.ts";
import { presentMembership, presentUser } from "../users/present.ts";
import { dummyHash, verifyPassword } from "./passwords.ts";
import { isLoginThrottled, LOGIN_WINDOW_MINUTES, recordLoginAttempt } from "./rate-limit.ts";
import { actorFromToken, createSession, deleteSession, SESSION_COOKIE } from "./sessions.ts";

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.database;

  r.post(
    "/auth/login",
    { schema: { tags: ["auth"], body: api.loginRequest, response: { 200: api.sessionResponse } } },
    async (request, reply) => {
      const email = request.body.email.toLowerCase();
      if (await isLoginThrottled(db, email, request.ip)) {
        throw new AppError(429, "RATE_LIMITED", { minutes: LOGIN_WINDOW_MINUTES });
      }
      const [user] = await db
        .select()
        .from(users)
        .where(eq(sql`lower(${users.email})`, email));
      // A missing user costs one hash too, so response time does not reveal who has an account.
      const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash()), request.body.password);
      const ok = valid && user?.active === true;
      await recordLoginAttempt(db, email, request.ip, ok);
      if (!ok || !user) throw new AppError(401, "INVALID_CREDENTIALS");
      const { token, expiresAt } = await createSession(db, user.id);
      reply.setCookie(SESSION_COOKIE, token, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: request.protocol === "https",
        expires: expiresAt,
      });
      const actor = await actorFromToken(db, token);
      if (!actor?.session) throw new AppError(500, "INTERNAL");
      await recordAudit(db, { actor, entity: "user", entityId: user.id, action: "login" });
      return {
        user: presentUser(user),
        csrfToken: actor.session.csrfToken,
        memberships: actor.memberships.map((m) => presentMembership({ ...m, userId: user.id })),
        expiresAt: expiresAt.toISOString(),
      };
    },
  );

  r.get(
    "/auth/session",
    { schema: { tags: ["auth"], response: { 200: api.sessionResponse } } },
    async (request) => {
      const actor = requireActor(request.actor);
      const [user] = await db.select().from(users).where(eq(users.id, actor.user.id));
      if (!user || !actor.session) throw new AppError(401, "UNAUTHENTICATED");
      return {
        user: presentUser(user),
        csrfToken: actor.session.csrfToken,
        memberships: actor.memberships.map((m) => presentMembership({ ...m, userId: user.id })),
        expiresAt: actor.session.expiresAt.toISOString(),
      };
    },
  );

  r.post("/auth/logout", { schema: { tags: ["auth"] } }, async (request, reply) => {
    const actor = requireActor(request.actor);
    if (actor.session) await deleteSession(db, actor.session.tokenHash);
    await recordAudit(db, { actor, entity: "user", entityId: actor.user.id, action: "logout" });
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return reply.status(204).send();
  });
}
