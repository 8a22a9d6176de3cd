import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { AppError } from "../http/errors.ts";
import { actorFromToken, SESSION_COOKIE } from "./sessions.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Loads the signed-in actor from the session cookie, and guards cookie-authenticated writes against CSRF. */
export function registerAuthHooks(app: FastifyInstance): void {
  app.addHook("onRequest", async (request) => {
    request.actor = null;
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.actor = await actorFromToken(app.database.db, token);
    request.ctx = { db: app.database.db, actor: request.actor, system: false, services: app.services };
  });

  app.addHook("preHandler", async (request) => {
    const session = request.actor?.session;
    if (!session || SAFE_METHODS.has(request.method)) return;
    const sent = request.headers["x-csrf-token"];
    if (typeof sent !== "string" || !sameToken(sent, session.csrfToken))
      throw new AppError("CSRF_INVALID");
  });
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
