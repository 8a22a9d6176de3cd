import type { api } from "@baara/core";
import type { Actor } from "../auth/sessions.ts";
import type { Context, Services } from "../context.ts";
import type { Database } from "../db/client.ts";
import type { HeavyLimits } from "./heavy-limit.ts";
import type { HttpSecurity } from "./security.ts";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
    /** The request's operation context (set after the session is read). */
    ctx: Context;
  }
  interface FastifyInstance {
    database: Database;
    services: Services;
    httpSecurity: HttpSecurity;
    heavyLimits: HeavyLimits;
  }
  interface FastifyContextConfig {
    /** What the route needs (core's route table); every route of /api/v1 declares it. */
    action?: api.RouteAction;
  }
}
