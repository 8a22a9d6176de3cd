// The report routes: each takes its schema and action from core's route
// table, calls one operation or query, and answers through a presenter.
import { api } from "@baara/core";
import type { FastifyInstance } from "fastify";
import { requestLocale } from "../http/locale.ts";
import { route } from "../http/route.ts";
import { createReport, deleteReport, generateReport, transitionReport, updateReport } from "./operations.ts";
import { filesOf, getReport, listReports, reportFileAnswer } from "./queries.ts";

export async function reportRoutes(app: FastifyInstance): Promise<void> {
  const { routes } = api;
  route(app, routes.listReports, async ({ ctx, params }) => listReports(ctx, params.id));
  route(app, routes.createReport, async ({ ctx, params, body, request }) => {
    const locale = requestLocale(request);
    const row = await createReport(ctx, params.id, body, locale);
    return getReport(ctx, row.id, locale);
  });
  route(app, routes.getReport, async ({ ctx, params, request }) => getReport(ctx, params.id, requestLocale(request)));
  route(app, routes.updateReport, async ({ ctx, params, body, request }) => {
    const locale = requestLocale(request);
    await updateReport(ctx, params.id, body, locale);
    return getReport(ctx, params.id, locale);
  });
  route(app, routes.deleteReport, async ({ ctx, params, request }) => deleteReport(ctx, params.id, requestLocale(request)));
  route(app, routes.transitionReport, async ({ ctx, params, body, request }) => {
    const locale = requestLocale(request);
    await transitionReport(ctx, params.id, body, locale);
    return getReport(ctx, params.id, locale);
  });
  route(app, routes.generateReport, async ({ ctx, params, body, request }) => {
    const locale = requestLocale(request);
    const file = await generateReport(ctx, params.id, body, locale);
    const [presented] = await filesOf(ctx, params.id, locale, file.id);
    if (!presented) throw new Error("report file not found after it was recorded");
    return presented;
  });
  route(app, routes.reportFile, async ({ ctx, params }) => reportFileAnswer(ctx, params.id, params.fileId));
}
