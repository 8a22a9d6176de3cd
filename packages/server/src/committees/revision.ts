// The budget-revision rule on a plan version: each budget category (account)
// before and after, flagged when the revision moves more than the threshold
// share of it (UN PBF: 15 %) and so needs the steering committee; and the
// session whose decision approved the revision, once one did.
import { type api, checkBudgetRevision, formatAmountDecimal } from "@baara/core";
import { and, desc, eq, isNotNull } from "drizzle-orm";
import type { ProjectRow } from "../access/policy.ts";
import type { Context } from "../context.ts";
import { committeeBodies, meetings, workplanSteps } from "../db/schema.ts";
import { ancestorIds } from "../db/trees.ts";
import { invalidField, invalidFields, notFoundField } from "../http/errors.ts";
import { loadPlanTree } from "../workplans/plan-tree.ts";
import { readWorkplan } from "../workplans/queries.ts";

export async function revisionCheck(
  ctx: Context,
  workplanId: string,
  query: { with: string; threshold: string },
): Promise<api.RevisionCheck> {
  const revised = await readWorkplan(ctx, workplanId);
  const earlier = await readWorkplan(ctx, query.with);
  if (earlier.workplan.projectId !== revised.workplan.projectId) throw invalidField("with", "PLAN_OTHER_PROJECT");
  const [before, after, [decision]] = await Promise.all([
    loadPlanTree(ctx.db, earlier.workplan, earlier.project),
    loadPlanTree(ctx.db, revised.workplan, revised.project),
    ctx.db
      .select({
        id: meetings.id,
        title: meetings.title,
        date: meetings.date,
        bodyId: committeeBodies.id,
        bodyName: committeeBodies.name,
      })
      .from(workplanSteps)
      .innerJoin(meetings, eq(meetings.id, workplanSteps.meetingId))
      .innerJoin(committeeBodies, eq(committeeBodies.id, meetings.bodyId))
      .where(and(eq(workplanSteps.workplanId, workplanId), isNotNull(workplanSteps.meetingId)))
      .orderBy(desc(workplanSteps.at))
      .limit(1),
  ]);
  const check = checkBudgetRevision(before.byAccount, after.byAccount, query.threshold);
  const money = (minor: number) => formatAmountDecimal(minor, revised.project.currency);
  return {
    threshold: check.threshold,
    needsSteeringCommittee: check.needsSteeringCommittee,
    categories: check.categories.map((c) => ({
      ...c,
      before: money(c.before),
      after: money(c.after),
      moved: money(c.moved),
    })),
    decidedAt: decision ?? null,
  };
}

/** A workflow step may record the committee session that decided it: one of the project's bodies, or of its organisation's. */
export async function checkDecidingMeeting(ctx: Context, meetingId: string, project: ProjectRow): Promise<void> {
  const [row] = await ctx.db
    .select({ organisationId: committeeBodies.organisationId, projectId: committeeBodies.projectId })
    .from(meetings)
    .innerJoin(committeeBodies, eq(committeeBodies.id, meetings.bodyId))
    .where(eq(meetings.id, meetingId));
  if (!row) throw invalidFields([notFoundField("meetingId", "meeting")]);
  const ofProject = row.projectId === project.id;
  const ofOrganisation =
    row.projectId === null
    && (await ancestorIds(ctx.db, "organisations", project.organisationId)).includes(row.organisationId);
  if (!ofProject && !ofOrganisation) throw invalidField("meetingId", "MEETING_OTHER_PROJECT");
}
