import { api } from "@baara/core";
import type { FastifyInstance } from "fastify";
import { route } from "../http/route.ts";
import { currentSession, login, logout } from "./operations.ts";
import { SESSION_COOKIE } from "./sessions.ts";

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const { routes } = api;
  route(app, routes.login, async ({ ctx, body, request }, reply) => {
    const signedIn = await login(ctx, body, request.ip);
    reply.setCookie(SESSION_COOKIE, signedIn.token, {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      secure: request.protocol === "https",
      expires: signedIn.expiresAt,
    });
    return signedIn.session;
  });
  route(app, routes.session, ({ ctx }) => currentSession(ctx));
  route(app, routes.logout, async ({ ctx }, reply) => {
    await logout(ctx);
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
  });
}
