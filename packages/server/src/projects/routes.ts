import { api } from "@baara/core";
import type { FastifyInstance } from "fastify";
import { projectAccess } from "../access/policy.ts";
import { pageOf } from "../http/pagination.ts";
import { route } from "../http/route.ts";
import { createProject, deleteProject, updateProject } from "./operations.ts";
import { listProjects, presentProject } from "./queries.ts";

export async function projectRoutes(app: FastifyInstance): Promise<void> {
  const { routes } = api;
  route(app, routes.listProjects, async ({ ctx, query }) => {
    const { items, total } = await listProjects(ctx, query);
    return pageOf(items, query, total);
  });
  route(app, routes.getProject, async ({ ctx, params }) => presentProject(ctx, (await projectAccess(ctx, params.id)).project));
  route(app, routes.projectAccess, async ({ ctx, params }) => {
    const { capabilities, publicOnly } = await projectAccess(ctx, params.id);
    return { capabilities: [...capabilities].sort(), publicOnly };
  });
  route(app, routes.createProject, async ({ ctx, body }) => presentProject(ctx, await createProject(ctx, body)));
  route(app, routes.updateProject, async ({ ctx, params, body }) =>
    presentProject(ctx, await updateProject(ctx, params.id, body)),
  );
  route(app, routes.deleteProject, ({ ctx, params }) => deleteProject(ctx, params.id));
}
