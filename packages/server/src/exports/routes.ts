import { api } from "@baara/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import * as z from "zod";
import { requireWorkplan } from "../workplans/access.ts";
import { EXPORT_TYPES, exportFileName, exportPlan } from "./export-plan.ts";

export async function exportRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.database;
  r.get(
    "/workplans/:id/export",
    {
      schema: {
        tags: ["export"],
        params: api.idParams,
        querystring: z.object({ format: z.enum(["xlsx", "awp", "csv"]).default("xlsx") }),
        description: "The plan as an Excel file in the PTBA layout (xlsx), the UNDP AWP layout (awp), or CSV.",
      },
    },
    async (request, reply) => {
      const { workplan, access } = await requireWorkplan(db, request.actor, request.params.id, "project.read");
      const { format } = request.query;
      const body = await exportPlan(db, access.project, workplan, format);
      const name = exportFileName(access.project, workplan, format);
      return reply
        .header("content-type", EXPORT_TYPES[format].mime)
        .header("content-disposition", `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(body);
    },
  );
}
