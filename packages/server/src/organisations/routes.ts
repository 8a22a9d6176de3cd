import { api } from "@baara/core";
import type { FastifyInstance } from "fastify";
import { pageOf } from "../http/pagination.ts";
import { route } from "../http/route.ts";
import { createOrganisation, deleteOrganisation, updateOrganisation } from "./operations.ts";
import { presentOrganisation } from "./present.ts";
import { listOrganisations, readOrganisation } from "./queries.ts";

export async function organisationRoutes(app: FastifyInstance): Promise<void> {
  const { routes } = api;
  route(app, routes.listOrganisations, async ({ ctx, query }) => {
    const { rows, total } = await listOrganisations(ctx, query);
    return pageOf(rows.map(presentOrganisation), query, total);
  });
  route(app, routes.getOrganisation, async ({ ctx, params }) => presentOrganisation(await readOrganisation(ctx, params.id)));
  route(app, routes.createOrganisation, async ({ ctx, body }) => presentOrganisation(await createOrganisation(ctx, body)));
  route(app, routes.updateOrganisation, async ({ ctx, params, body }) =>
    presentOrganisation(await updateOrganisation(ctx, params.id, body)),
  );
  route(app, routes.deleteOrganisation, ({ ctx, params }) => deleteOrganisation(ctx, params.id));
}
