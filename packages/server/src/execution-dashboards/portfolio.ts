// The portfolio's execution for one year: the current approved plan of every
// project the actor may read (published ones for visitors), with its stored
// sums, in one query; the organisations above those projects in one recursive
// query; the roll-up per organisation and for the whole in JS (core).
import {
  addRollUps,
  emptyRollUp,
  emptySums,
  type ExecutionRollUp,
  type ExecutionSums,
  planRollUp,
  rollUpTree,
  type TreeRollUp,
} from "@baara/core";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { type ProjectRow, readableProjects } from "../access/policy.ts";
import type { Context } from "../context.ts";
import { organisations, planExecutions, projects, workplans } from "../db/schema.ts";
import { ancestorsOf } from "../db/trees.ts";
import { sumsOfStored } from "../execution/sums.ts";

const APPROVED = ["approved", "endorsed"] as const;

export interface PortfolioPlan {
  project: Pick<ProjectRow, "id" | "code" | "title" | "organisationId" | "currency">;
  organisationName: string;
  workplan: { id: string; year: number; planVersion: number; status: (typeof APPROVED)[number] };
  sums: ExecutionSums;
}

export interface OrganisationNode {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
}

export interface PortfolioExecutionView {
  year: number | null;
  years: number[];
  /** By project code. */
  plans: PortfolioPlan[];
  organisations: TreeRollUp<OrganisationNode>[];
  total: ExecutionRollUp;
}

export async function portfolioExecution(ctx: Context, year: number | undefined): Promise<PortfolioExecutionView> {
  const visible = and(readableProjects(ctx), inArray(workplans.status, [...APPROVED]));
  const years = (
    await ctx.db
      .selectDistinct({ year: workplans.year })
      .from(workplans)
      .innerJoin(projects, eq(projects.id, workplans.projectId))
      .where(visible)
      .orderBy(desc(workplans.year))
  ).map((r) => r.year);
  const chosen = year ?? years[0] ?? null;
  if (chosen === null) return { year: null, years, plans: [], organisations: [], total: emptyRollUp() };

  const rows = await ctx.db
    .selectDistinctOn([workplans.projectId], {
      project: {
        id: projects.id,
        code: projects.code,
        title: projects.title,
        organisationId: projects.organisationId,
        currency: projects.currency,
      },
      organisationName: organisations.name,
      workplan: { id: workplans.id, year: workplans.year, planVersion: workplans.planVersion, status: workplans.status },
      settings: planExecutions,
    })
    .from(workplans)
    .innerJoin(projects, eq(projects.id, workplans.projectId))
    .innerJoin(organisations, eq(organisations.id, projects.organisationId))
    .leftJoin(planExecutions, eq(planExecutions.workplanId, workplans.id))
    .where(and(visible, eq(workplans.year, chosen)))
    .orderBy(asc(workplans.projectId), desc(workplans.planVersion));
  const plans: PortfolioPlan[] = rows
    .map(({ project, organisationName, workplan, settings }) => ({
      project,
      organisationName,
      workplan: { ...workplan, status: workplan.status === "endorsed" ? ("endorsed" as const) : ("approved" as const) },
      sums: settings ? sumsOfStored(settings, project.currency) : emptySums(),
    }))
    .sort((a, b) => a.project.code.localeCompare(b.project.code));

  const own = new Map<string, ExecutionRollUp>();
  let total = emptyRollUp();
  for (const { project, sums } of plans) {
    const plan = planRollUp(project.currency, sums);
    own.set(project.organisationId, addRollUps(own.get(project.organisationId) ?? emptyRollUp(), plan));
    total = addRollUps(total, plan);
  }
  const ids = [...own.keys()];
  const tree =
    ids.length === 0
      ? []
      : await ctx.db
          .select({ id: organisations.id, parentId: organisations.parentId, code: organisations.code, name: organisations.name })
          .from(organisations)
          .where(sql`${organisations.id} in ${ancestorsOf("organisations", sql`values ${sql.join(ids.map((id) => sql`(${id}::uuid)`), sql`, `)}`)}`)
          .orderBy(asc(organisations.name));
  return { year: chosen, years, plans, organisations: rollUpTree(tree, own), total };
}
