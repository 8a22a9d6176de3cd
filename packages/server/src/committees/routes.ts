// The committee routes: each takes its schema and action from core's route
// table, calls one operation or query, and answers through a presenter.
import { api } from "@baara/core";
import type { FastifyInstance } from "fastify";
import { requestLocale } from "../http/locale.ts";
import { pageOf } from "../http/pagination.ts";
import { route } from "../http/route.ts";
import { exportFollowUpTable, exportMinutes } from "./export.ts";
import {
  approveMinutes,
  createBody,
  createMeeting,
  replaceMembers,
  setAgenda,
  setAttendance,
  updateAgendaItem,
  updateBody,
  updateMeeting,
} from "./operations.ts";
import { getBody, getMeeting, listBodies, listMeetings } from "./queries.ts";
import {
  dueRecommendations,
  getRecommendation,
  listRecommendations,
  recommendationRatesOf,
} from "./recommendation-queries.ts";
import {
  addFollowUp,
  createRecommendation,
  deleteRecommendation,
  recordFollowUps,
  renewRecommendation,
  updateRecommendation,
} from "./recommendations.ts";
import { revisionCheck } from "./revision.ts";

export async function committeeRoutes(app: FastifyInstance): Promise<void> {
  const { routes } = api;

  route(app, routes.listBodies, async ({ ctx, query }) => {
    const { items, total } = await listBodies(ctx, query);
    return pageOf(items, query, total);
  });
  route(app, routes.createBody, async ({ ctx, body }) => createBody(ctx, body));
  route(app, routes.getBody, async ({ ctx, params }) => getBody(ctx, params.id));
  route(app, routes.updateBody, async ({ ctx, params, body }) => updateBody(ctx, params.id, body));
  route(app, routes.replaceMembers, async ({ ctx, params, body }) => replaceMembers(ctx, params.id, body));

  route(app, routes.listMeetings, async ({ ctx, params }) => listMeetings(ctx, params.id));
  route(app, routes.createMeeting, async ({ ctx, params, body, request }) =>
    createMeeting(ctx, params.id, body, requestLocale(request)),
  );
  route(app, routes.getMeeting, async ({ ctx, params }) => getMeeting(ctx, params.id));
  route(app, routes.updateMeeting, async ({ ctx, params, body }) => updateMeeting(ctx, params.id, body));
  route(app, routes.approveMinutes, async ({ ctx, params, body }) => approveMinutes(ctx, params.id, body));
  route(app, routes.setAgenda, async ({ ctx, params, body }) => setAgenda(ctx, params.id, body));
  route(app, routes.updateAgendaItem, async ({ ctx, params, body }) => updateAgendaItem(ctx, params.id, body));
  route(app, routes.setAttendance, async ({ ctx, params, body }) => setAttendance(ctx, params.id, body));
  route(app, routes.recordFollowUps, async ({ ctx, params, body }) => recordFollowUps(ctx, params.id, body));
  route(app, routes.exportMinutes, async ({ ctx, params, query, request }) =>
    exportMinutes(ctx, params.id, query.format, requestLocale(request)),
  );
  route(app, routes.exportFollowUpTable, async ({ ctx, params, query, request }) =>
    exportFollowUpTable(ctx, params.id, query.format, requestLocale(request)),
  );

  route(app, routes.listRecommendations, async ({ ctx, query }) => {
    const { items, total } = await listRecommendations(ctx, query);
    return pageOf(items, query, total);
  });
  route(app, routes.recommendationRates, async ({ ctx, query }) => recommendationRatesOf(ctx, query));
  route(app, routes.dueRecommendations, async ({ ctx }) => dueRecommendations(ctx));
  route(app, routes.createRecommendation, async ({ ctx, body }) => createRecommendation(ctx, body));
  route(app, routes.getRecommendation, async ({ ctx, params }) => getRecommendation(ctx, params.id));
  route(app, routes.updateRecommendation, async ({ ctx, params, body }) => updateRecommendation(ctx, params.id, body));
  route(app, routes.deleteRecommendation, async ({ ctx, params }) => deleteRecommendation(ctx, params.id));
  route(app, routes.addFollowUp, async ({ ctx, params, body }) => addFollowUp(ctx, params.id, body));
  route(app, routes.renewRecommendation, async ({ ctx, params, body }) => renewRecommendation(ctx, params.id, body));

  route(app, routes.revisionCheck, async ({ ctx, params, query }) => revisionCheck(ctx, params.id, query));
}
