// Execution views → API shapes: every figure through the plan presenter
// (amounts as decimals, rates as two-decimal percentages), roll-ups with their
// money per currency.
import { type api, creditBasis, type ExecutionRollUp, rolledUpSums } from "@baara/core";
import { presentFigures } from "../execution/present.ts";
import type { PortfolioExecutionView } from "./portfolio.ts";
import type { PlanYear, ProjectExecutionView } from "./project.ts";

const planOf = ({ workplan }: { workplan: Pick<PlanYear["workplan"], "id" | "year" | "planVersion" | "status"> }) => ({
  year: workplan.year,
  workplanId: workplan.id,
  planVersion: workplan.planVersion,
  status: workplan.status === "endorsed" ? ("endorsed" as const) : ("approved" as const),
});

export function presentProjectExecution(view: ProjectExecutionView): api.ProjectExecution {
  const { project, years, timeline } = view;
  const currency = project.currency;
  return {
    projectId: project.id,
    currency,
    fiscalYearStartMonth: project.fiscalYearStartMonth,
    years: years.map((y) => ({
      ...planOf(y),
      closed: Boolean(y.settings?.closedAt),
      excludeCancelled: y.settings?.excludeCancelled ?? true,
      ...presentFigures(y.sums, currency),
    })),
    timeline: timeline && {
      ...planOf(timeline.year),
      creditBasis: creditBasis(timeline.year.sums.credits),
      nodes: timeline.tree.nodes.map((n) => ({ nodeId: n.id, code: n.code, title: n.title })),
      quarters: timeline.quarters.map((q) => ({
        quarter: q.quarter,
        end: q.end,
        ...presentFigures(q.plan, currency),
        nodes: q.nodes.map((n) => ({ nodeId: n.id, ...presentFigures(n.sums, currency) })),
      })),
    },
  };
}

function presentRollUp(rollUp: ExecutionRollUp) {
  const { plans, physical, byCurrency } = rolledUpSums(rollUp);
  return {
    plans,
    // The physical figures do not depend on a currency; any one formats their (zero) amounts.
    physical: presentFigures(physical, "XOF").physical,
    financial: byCurrency.map(({ currency, plans, sums }) => ({ currency, plans, ...presentFigures(sums, currency).financial })),
  };
}

export function presentPortfolioExecution(view: PortfolioExecutionView): api.PortfolioExecution {
  return {
    year: view.year,
    years: view.years,
    projects: view.plans.map(({ project, organisationName, workplan, sums }) => ({
      ...planOf({ workplan }),
      projectId: project.id,
      code: project.code,
      title: project.title,
      organisationId: project.organisationId,
      organisationName,
      currency: project.currency,
      ...presentFigures(sums, project.currency),
    })),
    organisations: view.organisations.map(({ node, level, rollUp }) => ({
      organisationId: node.id,
      parentId: node.parentId,
      code: node.code,
      name: node.name,
      level,
      ...presentRollUp(rollUp),
    })),
    total: presentRollUp(view.total),
  };
}
