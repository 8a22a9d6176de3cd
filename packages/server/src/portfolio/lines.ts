// The budget lines of the portfolio, for its export: the plan in force of
// each project-year the actor may read, then their lines in bounded batches.
// The plans are read once (a few small rows per project); the lines never all
// at once: each batch is one statement, keyset-paginated on the plan order
// (plan, activity position, activity, line position, line) over a group of
// plans whose stored line counts fit in a batch, so that a statement reads
// about one batch of lines whatever the size of the portfolio. Short
// statements, no transaction held open: on PGlite, other requests go between
// two batches. A plan in force no longer changes (only a draft does), so the
// batches of one export agree with each other.
import { type api, type CurrencyCode, isInForceStatus, PLAN_STATUSES, type PlanStatus } from "@baara/core";
import { and, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type * as z from "zod";
import type { Context } from "../context.ts";
import { type Db, queryRows } from "../db/client.ts";
import { organisations, projects, workplans } from "../db/schema.ts";
import { portfolioProjects } from "./queries.ts";

/** Lines read per statement (BAARA_EXPORT_BATCH_LINES, default 2000). */
export function exportBatchLinesFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const lines = Number(env.BAARA_EXPORT_BATCH_LINES);
  return Number.isInteger(lines) && lines > 0 ? lines : 2000;
}

/** Plans per statement at most, whatever their line counts (empty plans add no lines but a parameter each). */
const MAX_PLANS_PER_BATCH = 500;
/** As in db/trees.ts: deep enough for any framework, and stops a cycle written by hand. */
const MAX_DEPTH = 50;

export interface ExportPlan {
  id: string;
  organisation: string;
  projectCode: string;
  projectTitle: string;
  currency: CurrencyCode;
  year: number;
  planVersion: number;
  status: PlanStatus;
  lineCount: number;
}

export interface ExportLine {
  plan: ExportPlan;
  /** The codes of the line's results node and of its ancestors, from the top; null outside the framework. */
  nodePath: string | null;
  activityCode: string | null;
  activityTitle: string;
  description: string | null;
  accountCode: string | null;
  fundCode: string | null;
  quantity: string | null;
  unitCost: string | null;
  /** As declared; null means quantity × unit cost. */
  amount: string | null;
  funded: boolean;
}

export type PortfolioExportQuery = Omit<z.output<typeof api.portfolioExportQuery>, "lang">;

const IN_FORCE = PLAN_STATUSES.filter(isInForceStatus);

/**
 * The plan in force (latest approved or endorsed version) of each project-year
 * of the portfolio the actor may read, by organisation, project and year. A
 * visitor reads a published project's approved plans: those in force are.
 */
export async function inForcePlans(ctx: Context, query: PortfolioExportQuery): Promise<ExportPlan[]> {
  const rows = await ctx.db
    .selectDistinctOn([workplans.projectId, workplans.year], {
      id: workplans.id,
      organisation: organisations.name,
      projectCode: projects.code,
      projectTitle: projects.title,
      currency: projects.currency,
      year: workplans.year,
      planVersion: workplans.planVersion,
      status: workplans.status,
      lineCount: workplans.lineCount,
    })
    .from(workplans)
    .innerJoin(projects, eq(projects.id, workplans.projectId))
    .innerJoin(organisations, eq(organisations.id, projects.organisationId))
    .where(
      and(
        portfolioProjects(ctx, query),
        inArray(workplans.status, IN_FORCE),
        query.year ? eq(workplans.year, query.year) : undefined,
      ),
    )
    .orderBy(workplans.projectId, workplans.year, desc(workplans.planVersion));
  return rows.sort(
    (a, b) =>
      a.organisation.localeCompare(b.organisation, "fr") || compareText(a.projectCode, b.projectCode) || a.year - b.year,
  );
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The lines of the portfolio's plans in force, in batches: the plans are read now, the lines as the batches are asked for. */
export async function portfolioLines(
  ctx: Context,
  query: PortfolioExportQuery,
  batchLines = exportBatchLinesFromEnv(),
): Promise<AsyncGenerator<ExportLine[]>> {
  return lineBatches(ctx.db, await inForcePlans(ctx, query), batchLines);
}

/** Consecutive plans whose stored line counts add up to a batch at most (a bigger plan goes alone). */
export function groupPlans(plans: readonly ExportPlan[], batchLines: number): ExportPlan[][] {
  const groups: ExportPlan[][] = [];
  let group: ExportPlan[] = [];
  let lines = 0;
  for (const plan of plans) {
    if (group.length > 0 && (lines + plan.lineCount > batchLines || group.length >= MAX_PLANS_PER_BATCH)) {
      groups.push(group);
      group = [];
      lines = 0;
    }
    group.push(plan);
    lines += plan.lineCount;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

/** Where the last batch stopped: the order key of its last line. */
interface Cursor {
  ord: number;
  activityPosition: number;
  activityId: string;
  position: number;
  id: string;
}

interface LineRow {
  ord: number;
  activity_position: number;
  activity_id: string;
  activity_code: string | null;
  activity_title: string;
  position: number;
  id: string;
  description: string | null;
  account_code: string | null;
  fund_code: string | null;
  quantity: string | null;
  unit_cost: string | null;
  amount: string | null;
  funded: boolean;
  node_path: string | null;
}

/**
 * The lines of `plans` in batches of at most `batchLines`, in plan order; one
 * statement per batch, the next one asked for only when the batch before is
 * consumed.
 */
export async function* lineBatches(db: Db, plans: readonly ExportPlan[], batchLines: number): AsyncGenerator<ExportLine[]> {
  for (const group of groupPlans(plans, batchLines)) {
    let after: Cursor | null = null;
    for (;;) {
      const rows = await lineBatch(db, group, after, batchLines);
      const last = rows.at(-1);
      if (!last) break;
      yield rows.map((row) => exportLine(row, group));
      if (rows.length < batchLines) break;
      after = {
        ord: Number(last.ord),
        activityPosition: last.activity_position,
        activityId: last.activity_id,
        position: last.position,
        id: last.id,
      };
    }
  }
}

function lineBatch(db: Db, group: readonly ExportPlan[], after: Cursor | null, limit: number): Promise<LineRow[]> {
  const ids = sql.join(
    group.map((p) => sql`${p.id}`),
    sql`, `,
  );
  const from: SQL = after
    ? sql`and (g.ord, a.position, a.id, bl.position, bl.id) > (${after.ord}::bigint, ${after.activityPosition}::int, ${after.activityId}::uuid, ${after.position}::int, ${after.id}::uuid)`
    : sql``;
  // The path of each results node of the batch: its code and its ancestors' codes, from the top.
  return queryRows<LineRow>(
    db,
    sql`with recursive batch as (
      select g.ord::int as ord, a.position as activity_position, a.id as activity_id, a.code as activity_code,
        a.title as activity_title, a.result_node_id, bl.position, bl.id, bl.description, bl.account_code, bl.fund_code,
        bl.quantity, bl.unit_cost, bl.amount, bl.funded
      from unnest(array[${ids}]::uuid[]) with ordinality as g(workplan_id, ord)
      join budget_lines bl on bl.workplan_id = g.workplan_id
      join activities a on a.id = bl.activity_id
      where true ${from}
      order by g.ord, a.position, a.id, bl.position, bl.id
      limit ${limit}
    ), up(start_id, parent_id, code, depth) as (
      select n.id, n.parent_id, n.code, 0 from result_nodes n where n.id in (select result_node_id from batch)
      union all
      select up.start_id, t.parent_id, t.code, up.depth + 1 from result_nodes t join up on t.id = up.parent_id
      where up.depth < ${MAX_DEPTH}
    ), paths as (
      select start_id, string_agg(code, ' > ' order by depth desc) as node_path from up group by start_id
    )
    select batch.*, paths.node_path from batch left join paths on paths.start_id = batch.result_node_id
    order by batch.ord, batch.activity_position, batch.activity_id, batch.position, batch.id`,
  );
}

function exportLine(row: LineRow, group: readonly ExportPlan[]): ExportLine {
  const plan = group[Number(row.ord) - 1];
  if (!plan) throw new Error(`a line of plan #${row.ord} of a group of ${group.length}`);
  return {
    plan,
    nodePath: row.node_path,
    activityCode: row.activity_code,
    activityTitle: row.activity_title,
    description: row.description,
    accountCode: row.account_code,
    fundCode: row.fund_code,
    quantity: row.quantity,
    unitCost: row.unit_cost,
    amount: row.amount,
    funded: row.funded,
  };
}
