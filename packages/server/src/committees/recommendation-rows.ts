// The one loader of recommendations into their API shape: a fixed number of
// statements for any number of them (the rows with their session and body,
// their responsibles, their links, and their renewals and latest comments).
import type { api } from "@baara/core";
import { isOpen } from "@baara/core";
import { and, asc, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import {
  activities,
  committeeBodies,
  meetings,
  recommendationFollowUps,
  recommendationLinks,
  recommendationResponsibles,
  recommendations,
  workplans,
} from "../db/schema.ts";

export type RecommendationRow = typeof recommendations.$inferSelect;

/** Today in UTC, as the due dates are written. */
export const today = () => new Date().toISOString().slice(0, 10);

export async function presentRecommendations(db: Db, rows: readonly RecommendationRow[]): Promise<api.Recommendation[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const meetingIds = [...new Set(rows.flatMap((r) => (r.meetingId ? [r.meetingId] : [])))];
  const [sessions, responsibles, links, renewals, comments] = await Promise.all([
    meetingIds.length === 0
      ? []
      : db
          .select({
            id: meetings.id,
            title: meetings.title,
            date: meetings.date,
            bodyId: meetings.bodyId,
            bodyName: committeeBodies.name,
          })
          .from(meetings)
          .innerJoin(committeeBodies, eq(committeeBodies.id, meetings.bodyId))
          .where(inArray(meetings.id, meetingIds)),
    db
      .select()
      .from(recommendationResponsibles)
      .where(inArray(recommendationResponsibles.recommendationId, ids))
      .orderBy(asc(recommendationResponsibles.position)),
    db
      .select({
        recommendationId: recommendationLinks.recommendationId,
        activityId: recommendationLinks.activityId,
        workplanId: recommendationLinks.workplanId,
        activityCode: activities.code,
        activityTitle: activities.title,
        activityPlan: activities.workplanId,
        planTitle: workplans.title,
        planVersion: workplans.planVersion,
        planYear: workplans.year,
        projectId: workplans.projectId,
      })
      .from(recommendationLinks)
      .leftJoin(activities, eq(activities.id, recommendationLinks.activityId))
      .innerJoin(workplans, eq(workplans.id, sqlCoalescePlan()))
      .where(inArray(recommendationLinks.recommendationId, ids)),
    db
      .select({ id: recommendations.id, renewedFromId: recommendations.renewedFromId })
      .from(recommendations)
      .where(and(inArray(recommendations.renewedFromId, ids), isNotNull(recommendations.renewedFromId))),
    db
      .selectDistinctOn([recommendationFollowUps.recommendationId], {
        recommendationId: recommendationFollowUps.recommendationId,
        comment: recommendationFollowUps.comment,
      })
      .from(recommendationFollowUps)
      .where(inArray(recommendationFollowUps.recommendationId, ids))
      .orderBy(
        asc(recommendationFollowUps.recommendationId),
        desc(recommendationFollowUps.date),
        desc(recommendationFollowUps.recordedAt),
      ),
  ]);
  const sessionOf = new Map(sessions.map((m) => [m.id, m]));
  const renewedInto = new Map(renewals.map((r) => [r.renewedFromId, r.id]));
  const lastComment = new Map(comments.map((c) => [c.recommendationId, c.comment]));
  const now = today();
  return rows.map((row) => {
    const mine = responsibles.filter((r) => r.recommendationId === row.id);
    return {
      id: row.id,
      number: row.number,
      text: row.text,
      status: row.status,
      origin: row.origin,
      originReference: row.originReference,
      organisationId: row.organisationId,
      projectId: row.projectId,
      meeting: row.meetingId ? (sessionOf.get(row.meetingId) ?? null) : null,
      responsibles: mine.map((r) => ({ name: r.name, organisationId: r.organisationId, userId: r.userId })),
      responsibleStructures: mine.map((r) => r.name),
      dueDate: row.dueDate,
      priority: row.priority,
      overdue: row.dueDate !== null && row.dueDate < now && isOpen(row.status),
      renewedFromId: row.renewedFromId,
      renewedIntoId: renewedInto.get(row.id) ?? null,
      lastComment: lastComment.get(row.id) ?? null,
      links: links
        .filter((l) => l.recommendationId === row.id)
        .map((l) => ({
          activityId: l.activityId,
          workplanId: l.activityId ? null : l.workplanId,
          label: l.activityId
            ? [l.activityCode, l.activityTitle].filter(Boolean).join(" ")
            : `${l.planTitle} (${l.planYear}, v${l.planVersion})`,
          projectId: l.projectId,
        })),
      version: row.version,
    };
  });
}

/** A link's plan: the one it names, or its activity's. */
const sqlCoalescePlan = () => sql<string>`coalesce(${recommendationLinks.workplanId}, ${activities.workplanId})`;
