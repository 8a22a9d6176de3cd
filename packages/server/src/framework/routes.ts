import { api } from "@baara/core";
import type { FastifyInstance } from "fastify";
import { route } from "../http/route.ts";
import { createNode, deleteNode, moveNode, updateNode } from "./operations.ts";
import { listNodes } from "./queries.ts";

export async function frameworkRoutes(app: FastifyInstance): Promise<void> {
  const { routes } = api;
  route(app, routes.listNodes, ({ ctx, params }) => listNodes(ctx, params.id));
  route(app, routes.createNode, ({ ctx, params, body }) => createNode(ctx, params.id, body));
  route(app, routes.updateNode, ({ ctx, params, body }) => updateNode(ctx, params.id, body));
  route(app, routes.moveNode, ({ ctx, params, body }) => moveNode(ctx, params.id, body));
  route(app, routes.deleteNode, ({ ctx, params }) => deleteNode(ctx, params.id));
}
