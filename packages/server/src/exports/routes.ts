import { api } from "@baara/core";
import type { FastifyInstance } from "fastify";
import { route } from "../http/route.ts";
import { workplanTree } from "../workplans/queries.ts";
import { exportInThread } from "./export-pool.ts";

export async function exportRoutes(app: FastifyInstance): Promise<void> {
  route(app, api.routes.exportWorkplan, async ({ ctx, params, query }) =>
    exportInThread(await workplanTree(ctx, params.id), query.format),
  );
}
