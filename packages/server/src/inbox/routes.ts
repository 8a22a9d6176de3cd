// The home screen's inbox: what waits for the signed-in user.
import { api } from "@baara/core";
import type { FastifyInstance } from "fastify";
import { route } from "../http/route.ts";
import { presentInbox } from "./present.ts";
import { readInbox } from "./queries.ts";

export async function inboxRoutes(app: FastifyInstance): Promise<void> {
  route(app, api.routes.inbox, async ({ ctx }) => presentInbox(await readInbox(ctx)));
}
