// Exports, uploads and readings cost a whole plan or file each: a person may
// ask for `signedIn` of them a minute, an anonymous reader (of a published
// plan) for `anonymous` a minute per address. Counted in the database, so
// that several servers behind one proxy share the counts.
import type { api } from "@baara/core";
import fastifyRateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest, RouteOptions } from "fastify";
import type { Db } from "../db/client.ts";
import { AppError } from "./errors.ts";
import { databaseRequestStore } from "./request-counts.ts";

export interface HeavyLimits {
  signedIn: number;
  anonymous: number;
}

/** BAARA_HEAVY_PER_MINUTE (30) and BAARA_ANONYMOUS_HEAVY_PER_MINUTE (6). */
export function heavyLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): HeavyLimits {
  return { signedIn: Number(env.BAARA_HEAVY_PER_MINUTE) || 30, anonymous: Number(env.BAARA_ANONYMOUS_HEAVY_PER_MINUTE) || 6 };
}

export async function registerHeavyLimit(app: FastifyInstance, limits: HeavyLimits, db: Db): Promise<void> {
  app.decorate("heavyLimits", limits);
  await app.register(fastifyRateLimit, {
    global: false,
    store: databaseRequestStore(db),
    errorResponseBuilder: (_request, context) => new AppError("TOO_MANY_REQUESTS", { seconds: Math.max(1, Math.ceil(context.ttl / 1000)) }),
  });
}

export function isHeavy(spec: api.RouteSpec): boolean {
  return spec.heavy === true || spec.kind === "file" || spec.kind === "multipart";
}

/** The route option that limits a heavy route. */
export function heavyLimit(): NonNullable<RouteOptions["config"]> {
  return {
    rateLimit: {
      max: (request: FastifyRequest) => {
        const limits = request.server.heavyLimits;
        return request.actor ? limits.signedIn : limits.anonymous;
      },
      timeWindow: 60_000,
      keyGenerator: (request: FastifyRequest) => (request.actor ? `user:${request.actor.user.id}` : `ip:${request.ip}`),
    },
  };
}
