import { api } from "@baara/core";
import type { FastifyInstance } from "fastify";
import { pageOf } from "../http/pagination.ts";
import { route } from "../http/route.ts";
import {
  createActivity,
  createBudgetLine,
  deleteActivity,
  deleteBudgetLine,
  editLines,
  moveActivity,
  moveBudgetLine,
  updateActivity,
  updateBudgetLine,
} from "./operations.ts";
import { listActivities, readActivity } from "./queries.ts";

export async function activityRoutes(app: FastifyInstance): Promise<void> {
  const { routes } = api;
  route(app, routes.listActivities, async ({ ctx, params, query }) => {
    const { items, total } = await listActivities(ctx, params.id, query);
    return pageOf(items, query, total);
  });
  route(app, routes.createActivity, ({ ctx, params, body }) => createActivity(ctx, params.id, body));
  route(app, routes.getActivity, ({ ctx, params }) => readActivity(ctx, params.id));
  route(app, routes.updateActivity, ({ ctx, params, body }) => updateActivity(ctx, params.id, body));
  route(app, routes.moveActivity, ({ ctx, params, body }) => moveActivity(ctx, params.id, body));
  route(app, routes.deleteActivity, ({ ctx, params }) => deleteActivity(ctx, params.id));
  route(app, routes.createBudgetLine, ({ ctx, params, body }) => createBudgetLine(ctx, params.id, body));
  route(app, routes.updateBudgetLine, ({ ctx, params, body }) => updateBudgetLine(ctx, params.id, body));
  route(app, routes.moveBudgetLine, ({ ctx, params, body }) => moveBudgetLine(ctx, params.id, body));
  route(app, routes.deleteBudgetLine, ({ ctx, params }) => deleteBudgetLine(ctx, params.id));
  route(app, routes.editLines, async ({ ctx, params, body }) => ({ lines: await editLines(ctx, params.id, body) }));
}
