import { api } from "@baara/core";
import type { FastifyInstance } from "fastify";
import { requestLocale } from "../http/locale.ts";
import { route } from "../http/route.ts";
import { presentJob } from "./present.ts";
import { readJob } from "./queries.ts";

export async function jobRoutes(app: FastifyInstance): Promise<void> {
  route(app, api.routes.getJob, async ({ ctx, params, request }) =>
    presentJob(await readJob(ctx, params.id), requestLocale(request)),
  );
}
