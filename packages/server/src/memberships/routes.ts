import { api } from "@baara/core";
import type { FastifyInstance } from "fastify";
import { route } from "../http/route.ts";
import { presentMembership, presentMembershipListItem } from "../users/present.ts";
import { createMembership, deleteMembership, listMemberships } from "./operations.ts";

export async function membershipRoutes(app: FastifyInstance): Promise<void> {
  const { routes } = api;
  route(app, routes.listMemberships, async ({ ctx, query }) =>
    (await listMemberships(ctx, query)).map(presentMembershipListItem),
  );
  route(app, routes.createMembership, async ({ ctx, body }) => presentMembership(await createMembership(ctx, body)));
  route(app, routes.deleteMembership, ({ ctx, params }) => deleteMembership(ctx, params.id));
}
