// The execution dashboards: a project's years and quarters, the portfolio's rates.
import { api } from "@baara/core";
import type { FastifyInstance } from "fastify";
import { route } from "../http/route.ts";
import { portfolioExecution } from "./portfolio.ts";
import { presentPortfolioExecution, presentProjectExecution } from "./present.ts";
import { projectExecution } from "./project.ts";

export async function executionDashboardRoutes(app: FastifyInstance): Promise<void> {
  route(app, api.routes.projectExecution, async ({ ctx, params, query }) =>
    presentProjectExecution(await projectExecution(ctx, params.id, query.year)),
  );
  route(app, api.routes.portfolioExecution, async ({ ctx, query }) =>
    presentPortfolioExecution(await portfolioExecution(ctx, query.year)),
  );
}
