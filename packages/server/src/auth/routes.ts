import { api } from "@baara/core";
import type { FastifyInstance } from "fastify";
import { route } from "../http/route.ts";
import { currentSession, login, logout } from "./operations.ts";
import { DEVICE_COOKIE, DEVICE_DAYS } from "./rate-limit.ts";
import { SESSION_COOKIE } from "./sessions.ts";

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const { routes } = api;
  route(app, routes.login, async ({ ctx, body, request }, reply) => {
    // A device token is ours only if it looks like one: anything else is ignored.
    const device = /^[\w-]{32}$/.test(request.cookies[DEVICE_COOKIE] ?? "") ? request.cookies[DEVICE_COOKIE] : undefined;
    const signedIn = await login(ctx, body, { ip: request.ip, device });
    reply.setCookie(SESSION_COOKIE, signedIn.token, {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      secure: app.httpSecurity.https,
      expires: signedIn.expiresAt,
    });
    reply.setCookie(DEVICE_COOKIE, signedIn.device, {
      path: "/api/v1/auth",
      httpOnly: true,
      sameSite: "lax",
      secure: app.httpSecurity.https,
      maxAge: DEVICE_DAYS * 86_400,
    });
    return signedIn.session;
  });
  route(app, routes.session, ({ ctx }) => currentSession(ctx));
  route(app, routes.logout, async ({ ctx }, reply) => {
    await logout(ctx);
    reply.clearCookie(SESSION_COOKIE, { path: "/", secure: app.httpSecurity.https });
  });
}
