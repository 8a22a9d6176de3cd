import { api, type CurrencyCode } from "@baara/core";
import { inArray } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { budgetLines } from "../db/schema.ts";
import { invalidFields, notFoundField } from "../http/errors.ts";
import { requireDraft, requireWorkplan } from "../workplans/access.ts";
import { presentBudgetLine } from "./present.ts";
import { updateBudgetLine } from "./update-line.ts";

/** A block of budget-line changes (a paste from Excel) in one transaction. */
export async function lineEditRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.database;

  r.post(
    "/workplans/:id/line-edits",
    {
      schema: {
        tags: ["activities"],
        params: api.idParams,
        body: api.lineEditsRequest,
        response: { 200: api.lineEditsResponse },
      },
    },
    async (request) => {
      const { workplan, access } = await requireWorkplan(db, request.actor, request.params.id, "plan.edit");
      requireDraft(workplan);
      const currency = access.project.currency as CurrencyCode;
      const edits = request.body.lines;
      const rows = await db
        .select()
        .from(budgetLines)
        .where(inArray(budgetLines.id, edits.map((e) => e.id)));
      const byId = new Map(rows.filter((row) => row.workplanId === workplan.id).map((row) => [row.id, row]));
      const missing = edits.flatMap((e, i) => (byId.has(e.id) ? [] : [notFoundField(`lines.${i}.id`, "budgetLine")]));
      if (missing.length > 0) throw invalidFields(missing);
      const updated = await db.transaction(async (tx) => {
        const result = [];
        for (const [i, { id, ...changes }] of edits.entries()) {
          const before = byId.get(id);
          if (!before) continue;
          result.push(
            await updateBudgetLine(tx, {
              actor: request.actor,
              projectId: access.project.id,
              currency,
              before,
              changes,
              prefix: `lines.${i}.`,
            }),
          );
        }
        return result;
      });
      return { lines: updated.map((row) => presentBudgetLine(row, currency)) };
    },
  );
}
