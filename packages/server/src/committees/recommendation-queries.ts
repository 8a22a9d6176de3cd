// Reads of recommendations across committees: the list with its filters,
// its rates, the reminders, and one recommendation's history and thread.
// Each list is scoped by the policy (readableCommitteeRows) and bounded.
import { type api, ratesBy, recommendationRates, renewalThread } from "@baara/core";
import { and, asc, count, desc, eq, exists, ilike, inArray, lte, or, type SQL, sql } from "drizzle-orm";
import { requireSignedIn } from "../access/policy.ts";
import type { Context } from "../context.ts";
import {
  committeeBodies,
  meetings,
  recommendationFollowUps,
  recommendationResponsibles,
  recommendations,
  users,
} from "../db/schema.ts";
import { descendantsOf } from "../db/trees.ts";
import { notFound } from "../http/errors.ts";
import { pageBounds } from "../http/pagination.ts";
import { authorizeCommittee, readableCommitteeRows } from "./access.ts";
import { presentFollowUp } from "./present.ts";
import { loadRecommendationRow } from "./queries.ts";
import { presentRecommendations } from "./recommendation-rows.ts";

function recommendationWhere(ctx: Context, query: Omit<api.RecommendationQuery, "page" | "pageSize">): SQL | undefined {
  const responsible = query.responsible;
  const responsibleMatch = responsible
    ? exists(
        ctx.db
          .select({ one: sql`1` })
          .from(recommendationResponsibles)
          .where(
            and(
              eq(recommendationResponsibles.recommendationId, recommendations.id),
              /^[0-9a-f-]{36}$/i.test(responsible)
                ? or(
                    sql`${recommendationResponsibles.organisationId}::text = ${responsible}`,
                    sql`${recommendationResponsibles.userId}::text = ${responsible}`,
                  )
                : ilike(recommendationResponsibles.name, `%${responsible.replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
            ),
          ),
      )
    : undefined;
  return and(
    readableCommitteeRows(ctx, {
      organisationId: sql`${recommendations.organisationId}`,
      projectId: sql`${recommendations.projectId}`,
    }),
    query.organisationId
      ? sql`${recommendations.organisationId} in ${descendantsOf("organisations", sql`select ${query.organisationId}::uuid`)}`
      : undefined,
    query.bodyId ? eq(recommendations.bodyId, query.bodyId) : undefined,
    query.meetingId ? eq(recommendations.meetingId, query.meetingId) : undefined,
    query.status ? eq(recommendations.status, query.status) : undefined,
    query.dueBefore ? lte(recommendations.dueDate, query.dueBefore) : undefined,
    responsibleMatch,
  );
}

export async function listRecommendations(ctx: Context, query: api.RecommendationQuery) {
  requireSignedIn(ctx);
  const where = recommendationWhere(ctx, query);
  const { limit, offset } = pageBounds(query);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({ recommendation: recommendations })
      .from(recommendations)
      .leftJoin(meetings, eq(meetings.id, recommendations.meetingId))
      .where(where)
      .orderBy(
        desc(sql`coalesce(${meetings.date}, ${recommendations.createdAt}::date)`),
        asc(recommendations.number),
        asc(recommendations.id),
      )
      .limit(limit)
      .offset(offset),
    ctx.db.select({ n: count() }).from(recommendations).where(where),
  ]);
  return {
    items: await presentRecommendations(
      ctx.db,
      rows.map((r) => r.recommendation),
    ),
    total: total?.n ?? 0,
  };
}

/** The most recommendations the rates read at once: more is a portfolio the filters should narrow. */
const RATES_LIMIT = 20_000;

export async function recommendationRatesOf(ctx: Context, query: Omit<api.RecommendationQuery, "page" | "pageSize">) {
  requireSignedIn(ctx);
  const where = recommendationWhere(ctx, query);
  const rows = await ctx.db
    .select({
      id: recommendations.id,
      status: recommendations.status,
      meetingId: meetings.id,
      meetingTitle: meetings.title,
      meetingDate: meetings.date,
      bodyId: committeeBodies.id,
      bodyName: committeeBodies.name,
    })
    .from(recommendations)
    .leftJoin(meetings, eq(meetings.id, recommendations.meetingId))
    .leftJoin(committeeBodies, eq(committeeBodies.id, recommendations.bodyId))
    .where(where)
    .limit(RATES_LIMIT);
  const ids = rows.map((r) => r.id);
  const responsibles =
    ids.length === 0
      ? []
      : await ctx.db
          .select({ recommendationId: recommendationResponsibles.recommendationId, name: recommendationResponsibles.name })
          .from(recommendationResponsibles)
          .where(inArray(recommendationResponsibles.recommendationId, ids));
  const byMeeting = ratesBy(
    rows,
    (r) => (r.meetingId ? [r.meetingId] : []),
    (r) => r.status,
  );
  const byBody = ratesBy(
    rows,
    (r) => (r.bodyId ? [r.bodyId] : []),
    (r) => r.status,
  );
  const namesOf = new Map<string, string[]>();
  for (const r of responsibles) namesOf.set(r.recommendationId, [...(namesOf.get(r.recommendationId) ?? []), r.name]);
  const byResponsible = ratesBy(
    rows,
    (r) => namesOf.get(r.id) ?? [],
    (r) => r.status,
  );
  const first = <K extends keyof (typeof rows)[number]>(key: K, value: unknown) => rows.find((r) => r[key] === value);
  return {
    overall: recommendationRates(rows.map((r) => r.status)),
    byMeeting: [...byMeeting].map(([meetingId, rates]) => {
      const row = first("meetingId", meetingId);
      return { meetingId, title: row?.meetingTitle ?? "", date: row?.meetingDate ?? "", rates };
    }),
    byBody: [...byBody].map(([bodyId, rates]) => ({ bodyId, name: first("bodyId", bodyId)?.bodyName ?? "", rates })),
    byResponsible: [...byResponsible]
      .map(([responsible, rates]) => ({ responsible, rates }))
      .sort((a, b) => a.responsible.localeCompare(b.responsible, "fr")),
  };
}

/** How far ahead the reminders look. */
const DUE_WITHIN_DAYS = 30;
const DUE_LIMIT = 100;

/**
 * Open action items due within 30 days or overdue, of which the user is
 * responsible, or one of the organisations where they hold a role (or one
 * under it): their home screen's reminders.
 */
export async function dueRecommendations(ctx: Context): Promise<api.Recommendation[]> {
  const actor = requireSignedIn(ctx);
  const horizon = new Date(Date.now() + DUE_WITHIN_DAYS * 86_400_000).toISOString().slice(0, 10);
  const theirs = sql`select organisation_id from memberships where user_id = ${actor.user.id} and organisation_id is not null`;
  const mine = exists(
    ctx.db
      .select({ one: sql`1` })
      .from(recommendationResponsibles)
      .where(
        and(
          eq(recommendationResponsibles.recommendationId, recommendations.id),
          or(
            eq(recommendationResponsibles.userId, actor.user.id),
            sql`${recommendationResponsibles.organisationId} in ${descendantsOf("organisations", theirs)}`,
          ),
        ),
      ),
  );
  const rows = await ctx.db
    .select()
    .from(recommendations)
    .where(
      and(
        readableCommitteeRows(ctx, {
          organisationId: sql`${recommendations.organisationId}`,
          projectId: sql`${recommendations.projectId}`,
        }),
        inArray(recommendations.status, ["not_started", "in_progress"]),
        lte(recommendations.dueDate, horizon),
        sql`not exists (select 1 from ${recommendations} r2 where r2.renewed_from_id = ${recommendations.id})`,
        mine,
      ),
    )
    .orderBy(
      asc(recommendations.dueDate),
      asc(recommendations.meetingId),
      asc(recommendations.number),
      asc(recommendations.id),
    )
    .limit(DUE_LIMIT);
  return presentRecommendations(ctx.db, rows);
}

/** A recommendation with its dated follow-ups and its renewal thread. */
export async function getRecommendation(ctx: Context, id: string) {
  const row = await loadRecommendationRow(ctx.db, id);
  await authorizeCommittee(ctx, row, "project.read", "recommendation");
  // The thread stays within the body (or, without one, the recommendation itself).
  const kin = row.bodyId
    ? await ctx.db.select().from(recommendations).where(eq(recommendations.bodyId, row.bodyId)).limit(5000)
    : [row];
  const byId = new Map(kin.map((r) => [r.id, r]));
  const threadRows = renewalThread(row.id, byId);
  const [presented, history] = await Promise.all([
    presentRecommendations(ctx.db, threadRows),
    ctx.db
      .select({ followUp: recommendationFollowUps, meetingTitle: meetings.title, by: users.name })
      .from(recommendationFollowUps)
      .leftJoin(meetings, eq(meetings.id, recommendationFollowUps.meetingId))
      .leftJoin(users, eq(users.id, recommendationFollowUps.recordedById))
      .where(eq(recommendationFollowUps.recommendationId, id))
      .orderBy(asc(recommendationFollowUps.date), asc(recommendationFollowUps.recordedAt)),
  ]);
  const self = presented.find((r) => r.id === id);
  if (!self) throw notFound("recommendation");
  return {
    ...self,
    history: history.map((h) => presentFollowUp(h.followUp, h.meetingTitle, h.by)),
    thread: presented.map((r) => ({ id: r.id, text: r.text, status: r.status, meeting: r.meeting, number: r.number })),
  };
}
