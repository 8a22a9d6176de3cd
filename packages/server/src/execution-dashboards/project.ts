// A project's execution over the years: each year's current plan (its latest
// approved version) with its stored sums, in one query; and one year quarter
// by quarter, from that plan's records (core's quarterlyExecution).
import { emptySums, type ExecutionSums, type QuarterExecution, quarterlyExecution } from "@baara/core";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { authorizeProject, type ProjectRow, type WorkplanRow } from "../access/policy.ts";
import type { Context } from "../context.ts";
import type { Db } from "../db/client.ts";
import { planExecutions, workplans } from "../db/schema.ts";
import { loadExecutionRecords } from "../execution/load.ts";
import type { PlanExecutionRow } from "../execution/state.ts";
import { sumsOfStored } from "../execution/sums.ts";
import { readPlanFigures } from "../workplans/plan-cache.ts";
import type { PlanFiguresTree } from "../workplans/plan-tree.ts";

const APPROVED = ["approved", "endorsed"] as const;

export interface PlanYear {
  workplan: WorkplanRow;
  /** The plan's execution row (settings and stored sums); null for a plan that has none yet. */
  settings: PlanExecutionRow | null;
  sums: ExecutionSums;
}

export interface ProjectExecutionView {
  project: ProjectRow;
  years: PlanYear[];
  timeline: { year: PlanYear; tree: PlanFiguresTree; quarters: QuarterExecution[] } | null;
}

export async function projectExecution(ctx: Context, projectId: string, year: number | undefined): Promise<ProjectExecutionView> {
  const { project } = await authorizeProject(ctx, projectId, "project.read");
  const rows = await ctx.db
    .selectDistinctOn([workplans.year], { workplan: workplans, settings: planExecutions })
    .from(workplans)
    .leftJoin(planExecutions, eq(planExecutions.workplanId, workplans.id))
    .where(and(eq(workplans.projectId, project.id), inArray(workplans.status, [...APPROVED])))
    .orderBy(asc(workplans.year), desc(workplans.planVersion));
  const years = rows.map(({ workplan, settings }) => ({
    workplan,
    settings,
    // Plans get their sums when approved (older ones at start-up); until then nothing is counted.
    sums: settings ? sumsOfStored(settings, project.currency) : emptySums(),
  }));
  const chosen = year === undefined ? years.at(-1) : years.find((y) => y.workplan.year === year);
  return { project, years, timeline: chosen ? await timelineOf(ctx.db, project, chosen) : null };
}

async function timelineOf(db: Db, project: ProjectRow, year: PlanYear): Promise<ProjectExecutionView["timeline"]> {
  const { tree } = await readPlanFigures(db, year.workplan, project);
  const { progress, transactions, credits } = await loadExecutionRecords(db, year.workplan.id);
  const excludeCancelled = year.settings?.excludeCancelled ?? true;
  return { year, tree, quarters: quarterlyExecution(tree, { progress, transactions, credits, excludeCancelled }) };
}
