import { api } from "@baara/core";
import type { FastifyInstance } from "fastify";
import { pageOf } from "../http/pagination.ts";
import { route } from "../http/route.ts";
import { readAudit } from "./queries.ts";

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  route(app, api.routes.auditLog, async ({ ctx, query }) => {
    const { rows, total } = await readAudit(ctx, query);
    return pageOf(rows.map((row) => ({ ...row, at: row.at.toISOString() })), query, total);
  });
}
