// The figures of a planning cell's annual report for a year: the year's plan
// in force and its execution (rates, credits, spending, the execution table),
// the activities done without being planned, the recommendations of the last
// session of its committee before the year's end as they stand, and next
// year's plan. Read straight from the database: the caller has authorized.
import { type CpsAnnualData, formatAmountDecimal, type Locale } from "@baara/core";
import { and, asc, desc, eq, inArray, isNull, lte, or } from "drizzle-orm";
import type { ProjectRow } from "../access/policy.ts";
import { presentRecommendations } from "../committees/recommendation-rows.ts";
import type { Db } from "../db/client.ts";
import { committeeBodies, meetings, recommendations, unplannedActivities } from "../db/schema.ts";
import { executionTableOf } from "../execution/export.ts";
import { presentExecution } from "../execution/present.ts";
import { executionView } from "../execution/queries.ts";
import { currentApprovedPlan } from "../execution/state.ts";
import { planOfYear } from "./plan-of-year.ts";
import { reportProject } from "./project.ts";

export async function gatherCpsAnnual(db: Db, project: ProjectRow, year: number, locale: Locale): Promise<CpsAnnualData> {
  const plan = await currentApprovedPlan(db, project.id, year);
  const view = plan ? await executionView(db, plan, project) : null;
  const unplanned = plan
    ? await db
        .select()
        .from(unplannedActivities)
        .where(eq(unplannedActivities.workplanId, plan.id))
        .orderBy(asc(unplannedActivities.position))
    : [];
  return {
    template: "cps-annual",
    project: await reportProject(db, project),
    year,
    execution: view ? presentExecution(view, locale) : null,
    executionTable: view ? executionTableOf(view) : [],
    unplanned: unplanned.map((u) => ({ title: u.title, period: u.periodText ?? "", observations: u.observations ?? "" })),
    recommendations: await lastSessionRecommendations(db, project, year),
    nextPlan: await nextYearPlan(db, project, year + 1),
  };
}

/** The recommendations of the latest session held by the end of `year` of a committee of the project or of its organisation. */
async function lastSessionRecommendations(
  db: Db,
  project: ProjectRow,
  year: number,
): Promise<CpsAnnualData["recommendations"]> {
  const [session] = await db
    .select({ id: meetings.id, title: meetings.title, date: meetings.date })
    .from(meetings)
    .innerJoin(committeeBodies, eq(committeeBodies.id, meetings.bodyId))
    .where(
      and(
        lte(meetings.date, `${year}-12-31`),
        inArray(meetings.status, ["held", "minutes_approved"]),
        or(
          eq(committeeBodies.projectId, project.id),
          and(isNull(committeeBodies.projectId), eq(committeeBodies.organisationId, project.organisationId)),
        ),
      ),
    )
    .orderBy(desc(meetings.date))
    .limit(1);
  if (!session) return { session: null, items: [] };
  const rows = await db
    .select()
    .from(recommendations)
    .where(eq(recommendations.meetingId, session.id))
    .orderBy(asc(recommendations.number));
  return { session: { title: session.title, date: session.date }, items: await presentRecommendations(db, rows) };
}

/** Next year's plan (in force, else its latest version) with its total from core's roll-up. */
async function nextYearPlan(db: Db, project: ProjectRow, year: number): Promise<CpsAnnualData["nextPlan"]> {
  const plan = await planOfYear(db, project, year);
  return plan && { ...plan.content, total: formatAmountDecimal(plan.tree.total.computed, project.currency) };
}
