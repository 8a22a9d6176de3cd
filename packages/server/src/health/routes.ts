import { api } from "@baara/core";
import type { FastifyInstance } from "fastify";
import { route } from "../http/route.ts";

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  route(app, api.routes.health, async () => {
    await app.database.ping();
    return { status: "ok" as const, database: app.database.kind };
  });
}
