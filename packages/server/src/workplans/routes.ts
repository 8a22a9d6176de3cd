// The work-plan routes: each takes its schema and action from core's route
// table, calls one operation or query, and answers through a presenter.
import { api } from "@baara/core";
import type { FastifyInstance } from "fastify";
import { requestLocale } from "../http/locale.ts";
import { pageOf } from "../http/pagination.ts";
import { route } from "../http/route.ts";
import { createWorkplan, deleteWorkplan, setDeclaredTotal, transitionWorkplan, updateWorkplan } from "./operations.ts";
import { presentComparison, presentContent, presentStep, presentSummary, presentWorkplan } from "./present.ts";
import {
  compareWorkplans,
  listWorkplans,
  readWorkplan,
  standingOf,
  workplanFigures,
  workplanHistory,
  workplanTree,
} from "./queries.ts";

export async function workplanRoutes(app: FastifyInstance): Promise<void> {
  const { routes } = api;

  route(app, routes.listWorkplans, async ({ ctx, params, query }) => {
    const { rows, total } = await listWorkplans(ctx, params.id, query);
    return pageOf(rows.map(presentWorkplan), query, total);
  });

  route(app, routes.createWorkplan, async ({ ctx, params, body }) =>
    presentWorkplan(await standingOf(ctx, await createWorkplan(ctx, params.id, body))),
  );

  route(app, routes.getWorkplan, async ({ ctx, params }) =>
    presentWorkplan(await standingOf(ctx, (await readWorkplan(ctx, params.id)).workplan)),
  );

  route(app, routes.updateWorkplan, async ({ ctx, params, body }) =>
    presentWorkplan(await standingOf(ctx, await updateWorkplan(ctx, params.id, body))),
  );

  route(app, routes.deleteWorkplan, async ({ ctx, params }) => deleteWorkplan(ctx, params.id));

  route(app, routes.transitionWorkplan, async ({ ctx, params, body }) =>
    presentWorkplan(await standingOf(ctx, await transitionWorkplan(ctx, params.id, body))),
  );

  route(app, routes.workplanHistory, async ({ ctx, params }) => (await workplanHistory(ctx, params.id)).map(presentStep));

  route(app, routes.setDeclaredTotal, async ({ ctx, params, body, request }) => {
    await setDeclaredTotal(ctx, params.id, body);
    const { standing, tree } = await workplanFigures(ctx, params.id);
    return presentSummary(standing, tree, requestLocale(request));
  });

  route(app, routes.workplanSummary, async ({ ctx, params, request }) => {
    const { standing, tree } = await workplanFigures(ctx, params.id);
    return presentSummary(standing, tree, requestLocale(request));
  });

  route(app, routes.workplanContent, async ({ ctx, params }) => {
    const { standing, project, plan, tree } = await workplanTree(ctx, params.id);
    return presentContent(standing, project, tree, plan.nodeRows);
  });

  route(app, routes.compareWorkplans, async ({ ctx, params, query }) => {
    const { base, other, comparison } = await compareWorkplans(ctx, params.id, query.with);
    return presentComparison(base.workplan, other.workplan, base.project.currency, comparison);
  });
}
