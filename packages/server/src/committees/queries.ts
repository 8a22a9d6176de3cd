// Reads of committees and their sessions: each asks the policy, each list is
// one bounded statement (plus the batch loaders). Recommendations across
// committees are read in recommendation-queries.ts.
import { type api, openForFollowUp, recommendationRates } from "@baara/core";
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { requireSignedIn } from "../access/policy.ts";
import type { Context } from "../context.ts";
import type { Db } from "../db/client.ts";
import {
  agendaItems,
  bodyMembers,
  committeeBodies,
  meetingFollowUpItems,
  meetingParticipants,
  meetings,
  organisations,
  projects,
  recommendationFollowUps,
  recommendations,
  users,
} from "../db/schema.ts";
import { descendantsOf } from "../db/trees.ts";
import { notFound } from "../http/errors.ts";
import { pageBounds } from "../http/pagination.ts";
import { authorizeCommittee, readableCommitteeRows } from "./access.ts";
import { presentBody, presentFollowUp, presentMeeting } from "./present.ts";
import { presentRecommendations, type RecommendationRow } from "./recommendation-rows.ts";

export type BodyRow = typeof committeeBodies.$inferSelect;
export type MeetingRow = typeof meetings.$inferSelect;

export async function loadBodyRow(db: Db, id: string): Promise<BodyRow> {
  const [row] = await db.select().from(committeeBodies).where(eq(committeeBodies.id, id));
  if (!row) throw notFound("committeeBody");
  return row;
}

export async function loadMeetingRow(db: Db, id: string): Promise<{ meeting: MeetingRow; body: BodyRow }> {
  const [row] = await db
    .select({ meeting: meetings, body: committeeBodies })
    .from(meetings)
    .innerJoin(committeeBodies, eq(committeeBodies.id, meetings.bodyId))
    .where(eq(meetings.id, id));
  if (!row) throw notFound("meeting");
  return row;
}

export async function loadRecommendationRow(db: Db, id: string): Promise<RecommendationRow> {
  const [row] = await db.select().from(recommendations).where(eq(recommendations.id, id));
  if (!row) throw notFound("recommendation");
  return row;
}

/** Bodies with their members, organisation, project and session count (four statements for any number). */
async function bodiesOf(db: Db, rows: BodyRow[]): Promise<api.Body[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((b) => b.id);
  const [members, names, counts] = await Promise.all([
    db.select().from(bodyMembers).where(inArray(bodyMembers.bodyId, ids)).orderBy(asc(bodyMembers.position)),
    db
      .select({ id: committeeBodies.id, organisationName: organisations.name, projectCode: projects.code })
      .from(committeeBodies)
      .innerJoin(organisations, eq(organisations.id, committeeBodies.organisationId))
      .leftJoin(projects, eq(projects.id, committeeBodies.projectId))
      .where(inArray(committeeBodies.id, ids)),
    db
      .select({ bodyId: meetings.bodyId, n: count() })
      .from(meetings)
      .where(inArray(meetings.bodyId, ids))
      .groupBy(meetings.bodyId),
  ]);
  return rows.map((row) => {
    const name = names.find((n) => n.id === row.id);
    return presentBody(row, {
      members: members.filter((m) => m.bodyId === row.id),
      organisationName: name?.organisationName ?? "",
      projectCode: name?.projectCode ?? null,
      meetingCount: counts.find((c) => c.bodyId === row.id)?.n ?? 0,
    });
  });
}

export async function getBody(ctx: Context, id: string): Promise<api.Body> {
  const row = await loadBodyRow(ctx.db, id);
  await authorizeCommittee(ctx, row, "project.read", "committeeBody");
  const [presented] = await bodiesOf(ctx.db, [row]);
  if (!presented) throw notFound("committeeBody");
  return presented;
}

export async function listBodies(ctx: Context, query: api.PageQuery & { organisationId?: string; projectId?: string }) {
  requireSignedIn(ctx);
  const where = and(
    readableCommitteeRows(ctx, {
      organisationId: sql`${committeeBodies.organisationId}`,
      projectId: sql`${committeeBodies.projectId}`,
    }),
    query.organisationId
      ? sql`${committeeBodies.organisationId} in ${descendantsOf("organisations", sql`select ${query.organisationId}::uuid`)}`
      : undefined,
    query.projectId ? eq(committeeBodies.projectId, query.projectId) : undefined,
  );
  const { limit, offset } = pageBounds(query);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(committeeBodies)
      .where(where)
      .orderBy(asc(committeeBodies.name), asc(committeeBodies.id))
      .limit(limit)
      .offset(offset),
    ctx.db.select({ n: count() }).from(committeeBodies).where(where),
  ]);
  return { items: await bodiesOf(ctx.db, rows), total: total?.n ?? 0 };
}

export async function listMeetings(ctx: Context, bodyId: string) {
  const body = await loadBodyRow(ctx.db, bodyId);
  await authorizeCommittee(ctx, body, "project.read", "committeeBody");
  return summaries(ctx.db, bodyId);
}

async function summaries(db: Db, bodyId: string) {
  // Only the body's recommendations are counted (its index), not the whole table.
  const made = db
    .select({ meetingId: recommendations.meetingId, n: count().as("n") })
    .from(recommendations)
    .where(eq(recommendations.bodyId, bodyId))
    .groupBy(recommendations.meetingId)
    .as("made");
  const rows = await db
    .select({ meeting: meetings, n: made.n })
    .from(meetings)
    .leftJoin(made, eq(made.meetingId, meetings.id))
    .where(eq(meetings.bodyId, bodyId))
    .orderBy(desc(meetings.date), desc(meetings.createdAt))
    .limit(500);
  return rows.map(({ meeting, n }) => ({
    id: meeting.id,
    bodyId: meeting.bodyId,
    title: meeting.title,
    date: meeting.date,
    status: meeting.status,
    place: meeting.place,
    recommendationCount: Number(n ?? 0),
    version: meeting.version,
  }));
}

/** A whole session, as its screen and its minutes show it. */
export async function getMeeting(ctx: Context, id: string): Promise<api.Meeting> {
  const { meeting, body } = await loadMeetingRow(ctx.db, id);
  await authorizeCommittee(ctx, body, "project.read", "meeting");
  return readMeeting(ctx.db, meeting, body);
}

export async function readMeeting(db: Db, meeting: MeetingRow, body: BodyRow): Promise<api.Meeting> {
  const [agenda, participants, made, followed, followUps, approver] = await Promise.all([
    db.select().from(agendaItems).where(eq(agendaItems.meetingId, meeting.id)).orderBy(asc(agendaItems.position)),
    db
      .select()
      .from(meetingParticipants)
      .where(eq(meetingParticipants.meetingId, meeting.id))
      .orderBy(asc(meetingParticipants.position)),
    db.select().from(recommendations).where(eq(recommendations.meetingId, meeting.id)).orderBy(asc(recommendations.number)),
    db
      .select({ recommendation: recommendations })
      .from(meetingFollowUpItems)
      .innerJoin(recommendations, eq(recommendations.id, meetingFollowUpItems.recommendationId))
      .where(eq(meetingFollowUpItems.meetingId, meeting.id))
      .orderBy(asc(meetingFollowUpItems.position)),
    db
      .select({ followUp: recommendationFollowUps, by: users.name })
      .from(recommendationFollowUps)
      .leftJoin(users, eq(users.id, recommendationFollowUps.recordedById))
      .where(eq(recommendationFollowUps.meetingId, meeting.id)),
    meeting.approvedById ? db.select({ name: users.name }).from(users).where(eq(users.id, meeting.approvedById)) : [],
  ]);
  const [presentedMade, presentedFollowed] = await Promise.all([
    presentRecommendations(db, made),
    presentRecommendations(
      db,
      followed.map((f) => f.recommendation),
    ),
  ]);
  return presentMeeting(meeting, body, {
    agenda,
    participants,
    approvedBy: approver[0]?.name ?? null,
    recommendations: presentedMade,
    followUps: presentedFollowed.map((r) => {
      const here = followUps.find((f) => f.followUp.recommendationId === r.id);
      return { ...r, followedHere: here ? presentFollowUp(here.followUp, meeting.title, here.by) : null };
    }),
    followUpRates: recommendationRates(presentedFollowed.map((r) => r.status)),
  });
}

/** The open recommendations of a body made before `date` (or outside any session): what its session of that day follows up. */
export async function openRecommendationsOf(db: Db, bodyId: string, date: string): Promise<RecommendationRow[]> {
  const rows = await db
    .select({ recommendation: recommendations, date: meetings.date })
    .from(recommendations)
    .leftJoin(meetings, eq(meetings.id, recommendations.meetingId))
    .where(eq(recommendations.bodyId, bodyId))
    .orderBy(asc(meetings.date), asc(recommendations.number));
  const before = rows.filter((r) => r.date === null || r.date < date).map((r) => r.recommendation);
  return openForFollowUp(before);
}
