import { api, comparePlans, type CurrencyCode, formatAmountDecimal } from "@baara/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { invalidFields } from "../http/errors.ts";
import { requireWorkplan } from "./access.ts";
import { loadPlanInput } from "./load-plan.ts";
import { presentWorkplan } from "./present.ts";

/** Two versions (or years) of one project's plan side by side: lines added, removed, changed, and budget per node. */
export async function compareRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.database;

  r.get(
    "/workplans/:id/comparison",
    {
      schema: {
        tags: ["work plans"],
        params: api.idParams,
        querystring: api.compareQuery,
        response: { 200: api.workplanComparison },
      },
    },
    async (request) => {
      const base = await requireWorkplan(db, request.actor, request.params.id, "project.read");
      const other = await requireWorkplan(db, request.actor, request.query.with, "project.read");
      if (other.workplan.projectId !== base.workplan.projectId) {
        throw invalidFields([{ field: "with", code: "PLAN_OTHER_PROJECT", message: "PLAN_OTHER_PROJECT" }]);
      }
      const currency = base.access.project.currency as CurrencyCode;
      const result = comparePlans(
        await loadPlanInput(db, base.workplan, base.access.project),
        await loadPlanInput(db, other.workplan, other.access.project),
      );
      const money = (n: number) => formatAmountDecimal(n, currency);
      const moneyOrNull = (n: number | null) => (n === null ? null : money(n));
      return {
        base: presentWorkplan(base.workplan),
        other: presentWorkplan(other.workplan),
        currency,
        total: { base: money(result.total.base), other: money(result.total.other), difference: money(result.total.difference) },
        nodes: result.nodes.map((n) => ({ ...n, base: money(n.base), other: money(n.other), difference: money(n.difference) })),
        lines: result.lines.map((l) => ({ ...l, base: moneyOrNull(l.base), other: moneyOrNull(l.other) })),
      };
    },
  );
}
