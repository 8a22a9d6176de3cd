import { api } from "@baara/core";
import type { FastifyInstance } from "fastify";
import { pageOf } from "../http/pagination.ts";
import { route } from "../http/route.ts";
import { createUser, endUserSessions, updateUser } from "./operations.ts";
import { presentUser } from "./present.ts";
import { listUsers, readUser } from "./queries.ts";

export async function userRoutes(app: FastifyInstance): Promise<void> {
  const { routes } = api;
  route(app, routes.listUsers, async ({ ctx, query }) => {
    const { rows, total } = await listUsers(ctx, query);
    return pageOf(rows.map(presentUser), query, total);
  });
  route(app, routes.getUser, async ({ ctx, params }) => presentUser(await readUser(ctx, params.id)));
  route(app, routes.createUser, async ({ ctx, body }) => presentUser(await createUser(ctx, body)));
  route(app, routes.endUserSessions, async ({ ctx, params }) => {
    await endUserSessions(ctx, params.id);
  });
  route(app, routes.updateUser, async ({ ctx, params, body }) => presentUser(await updateUser(ctx, params.id, body)));
}
