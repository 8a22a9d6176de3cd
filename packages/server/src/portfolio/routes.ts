import { api } from "@baara/core";
import type { FastifyInstance } from "fastify";
import { pageOf } from "../http/pagination.ts";
import { route } from "../http/route.ts";
import { listPortfolio } from "./queries.ts";

export async function portfolioRoutes(app: FastifyInstance): Promise<void> {
  route(app, api.routes.portfolio, async ({ ctx, query }) => {
    const { items, total } = await listPortfolio(ctx, query);
    return pageOf(items, query, total);
  });
}
