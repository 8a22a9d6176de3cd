// Recommendations and action items, and their follow-up: made in a session
// (or by a review, mission, audit, report), followed up in the body's later
// sessions all at once, renewed into a later session when not done.
import { type api, renewalRefusal } from "@baara/core";
import { and, eq, max, sql } from "drizzle-orm";
import type * as z from "zod";
import { recordAudit } from "../audit/record.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/transaction.ts";
import {
  meetingFollowUpItems,
  organisations,
  recommendationFollowUps,
  recommendationLinks,
  recommendationResponsibles,
  recommendations,
} from "../db/schema.ts";
import { AppError, invalidField, invalidFields, notFound, notFoundField, versionConflict } from "../http/errors.ts";
import { authorizeCommittee, type CommitteeScope, projectOfOrganisation } from "./access.ts";
import { checkLinks, checkPeopleAndStructures, requireMinutesOpen } from "./checks.ts";
import { loadMeetingRow, loadRecommendationRow, readMeeting } from "./queries.ts";
import { presentRecommendations, type RecommendationRow, today } from "./recommendation-rows.ts";

type Responsible = { name: string; organisationId: string | null; userId: string | null };
type Link = { activityId: string | null; workplanId: string | null };

async function presentOne(ctx: Context, row: RecommendationRow): Promise<api.Recommendation> {
  const [presented] = await presentRecommendations(ctx.db, [row]);
  if (!presented) throw notFound("recommendation");
  return presented;
}

async function checkTargets(ctx: Context, scope: CommitteeScope, responsibles?: Responsible[], links?: Link[]) {
  if (responsibles) {
    await checkPeopleAndStructures(
      ctx,
      responsibles.map((r, i) => ({ field: `responsibles.${i}.userId`, id: r.userId })),
      responsibles.map((r, i) => ({ field: `responsibles.${i}.organisationId`, id: r.organisationId })),
    );
  }
  if (links) await checkLinks(ctx, links, scope);
}

async function writeTargets(tx: Context, id: string, responsibles?: Responsible[], links?: Link[]) {
  if (responsibles) {
    await tx.db.delete(recommendationResponsibles).where(eq(recommendationResponsibles.recommendationId, id));
    if (responsibles.length > 0) {
      await tx.db
        .insert(recommendationResponsibles)
        .values(responsibles.map((r, position) => ({ ...r, recommendationId: id, position })));
    }
  }
  if (links) {
    await tx.db.delete(recommendationLinks).where(eq(recommendationLinks.recommendationId, id));
    if (links.length > 0) await tx.db.insert(recommendationLinks).values(links.map((l) => ({ ...l, recommendationId: id })));
  }
}

/** The next n° among the session's recommendations (or the organisation's, outside sessions). */
async function nextNumber(tx: Context, meetingId: string | null, organisationId: string): Promise<number> {
  const [last] = await tx.db
    .select({ n: max(recommendations.number) })
    .from(recommendations)
    .where(
      meetingId
        ? eq(recommendations.meetingId, meetingId)
        : and(sql`${recommendations.meetingId} is null`, eq(recommendations.organisationId, organisationId)),
    );
  return (last?.n ?? 0) + 1;
}

/** Where a new recommendation belongs: its session's body, or the organisation (and project) given. */
async function placeOf(ctx: Context, input: z.output<typeof api.createRecommendation>) {
  if (input.meetingId) {
    const { meeting, body } = await loadMeetingRow(ctx.db, input.meetingId).catch(() => {
      throw invalidFields([notFoundField("meetingId", "meeting")]);
    });
    return { scope: { organisationId: body.organisationId, projectId: body.projectId }, bodyId: body.id, meeting };
  }
  if (input.origin === "meeting") throw invalidField("meetingId", "RECOMMENDATION_SCOPE");
  if (!input.organisationId) throw invalidField("organisationId", "RECOMMENDATION_SCOPE");
  const [organisation] = await ctx.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, input.organisationId));
  if (!organisation) throw invalidFields([notFoundField("organisationId", "organisation")]);
  const project = await projectOfOrganisation(ctx, input.projectId);
  if (input.projectId && !project) throw invalidFields([notFoundField("projectId", "project")]);
  if (project && project.organisationId !== input.organisationId) throw invalidField("projectId", "BODY_SCOPE");
  return { scope: { organisationId: input.organisationId, projectId: input.projectId }, bodyId: null, meeting: null };
}

export async function createRecommendation(
  ctx: Context,
  input: z.output<typeof api.createRecommendation>,
): Promise<api.Recommendation> {
  const { scope, bodyId, meeting } = await placeOf(ctx, input);
  await authorizeCommittee(ctx, scope, "committee.record", "recommendation");
  if (meeting) requireMinutesOpen(meeting);
  const { responsibles, links, meetingId: _m, organisationId: _o, projectId: _p, ...fields } = input;
  await checkTargets(ctx, scope, responsibles, links);
  return inTransaction(ctx, async (tx) => {
    const number = await nextNumber(tx, meeting?.id ?? null, scope.organisationId);
    const [row] = await tx.db
      .insert(recommendations)
      .values({
        ...fields,
        ...scope,
        bodyId,
        meetingId: meeting?.id ?? null,
        number,
        createdById: tx.actor?.user.id ?? null,
      })
      .returning();
    if (!row) throw notFound("recommendation");
    await writeTargets(tx, row.id, responsibles, links);
    await recordAudit(tx, {
      projectId: row.projectId,
      entity: "recommendation",
      entityId: row.id,
      action: "create",
      after: { ...row, responsibles, links },
    });
    return presentOne(tx, row);
  });
}

export async function updateRecommendation(
  ctx: Context,
  id: string,
  input: z.output<typeof api.updateRecommendation>,
): Promise<api.Recommendation> {
  const before = await loadRecommendationRow(ctx.db, id);
  await authorizeCommittee(ctx, before, "committee.record", "recommendation");
  const { version, responsibles, links, ...fields } = input;
  // What an approved session recommended stays as worded; who follows it, by when and on what may still change.
  if (fields.text !== undefined && fields.text !== before.text && before.meetingId) {
    requireMinutesOpen((await loadMeetingRow(ctx.db, before.meetingId)).meeting);
  }
  if (fields.origin !== undefined && fields.origin !== "meeting" && before.meetingId)
    throw invalidField("origin", "RECOMMENDATION_SCOPE");
  if (fields.origin === "meeting" && !before.meetingId) throw invalidField("origin", "RECOMMENDATION_SCOPE");
  await checkTargets(ctx, before, responsibles, links);
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .update(recommendations)
      .set({ ...fields, version: sql`${recommendations.version} + 1`, updatedAt: new Date() })
      .where(and(eq(recommendations.id, id), eq(recommendations.version, version)))
      .returning();
    if (!row) throw versionConflict(await presentOne(tx, await loadRecommendationRow(tx.db, id)));
    await writeTargets(tx, id, responsibles, links);
    await recordAudit(tx, {
      projectId: row.projectId,
      entity: "recommendation",
      entityId: id,
      action: "update",
      before,
      after: { ...row, responsibles, links },
    });
    return presentOne(tx, row);
  });
}

/**
 * A recommendation entered by mistake goes, with its follow-ups. What an
 * approved session recommended stays, and so does one whose renewal carries it on.
 */
export async function deleteRecommendation(ctx: Context, id: string): Promise<void> {
  const before = await loadRecommendationRow(ctx.db, id);
  await authorizeCommittee(ctx, before, "committee.record", "recommendation");
  if (before.meetingId) requireMinutesOpen((await loadMeetingRow(ctx.db, before.meetingId)).meeting);
  await inTransaction(ctx, async (tx) => {
    const renewals = await tx.db
      .select({ id: recommendations.id })
      .from(recommendations)
      .where(eq(recommendations.renewedFromId, id));
    if (renewals.length > 0) throw new AppError("RECOMMENDATION_RENEWED");
    await tx.db.delete(recommendations).where(eq(recommendations.id, id));
    await recordAudit(tx, { projectId: before.projectId, entity: "recommendation", entityId: id, action: "delete", before });
  });
}

/** A new status, at `version`, with its dated entry in the history (one per session: recording again replaces it). */
async function followUpOne(
  tx: Context,
  id: string,
  entry: {
    status: api.Recommendation["status"];
    comment: string | null;
    version: number;
    date: string;
    meetingId: string | null;
  },
  field: string,
): Promise<RecommendationRow> {
  const before = await loadRecommendationRow(tx.db, id);
  const [row] = await tx.db
    .update(recommendations)
    .set({ status: entry.status, version: sql`${recommendations.version} + 1`, updatedAt: new Date() })
    .where(and(eq(recommendations.id, id), eq(recommendations.version, entry.version)))
    .returning();
  if (!row) throw new AppError("VERSION_CONFLICT", {}, { field, current: await presentOne(tx, before) });
  const values = {
    recommendationId: id,
    meetingId: entry.meetingId,
    date: entry.date,
    status: entry.status,
    comment: entry.comment,
    recordedById: tx.actor?.user.id ?? null,
    recordedAt: new Date(),
  };
  const updated = entry.meetingId
    ? await tx.db
        .update(recommendationFollowUps)
        .set(values)
        .where(and(eq(recommendationFollowUps.recommendationId, id), eq(recommendationFollowUps.meetingId, entry.meetingId)))
        .returning()
    : [];
  if (updated.length === 0) await tx.db.insert(recommendationFollowUps).values(values);
  await recordAudit(tx, {
    projectId: row.projectId,
    entity: "recommendation",
    entityId: id,
    action: "update",
    before,
    after: { ...row, followUp: values },
  });
  return row;
}

/** Where a recommendation stands, outside a session (from a report, a mission). */
export async function addFollowUp(
  ctx: Context,
  id: string,
  input: z.output<typeof api.followUpInput>,
): Promise<api.Recommendation> {
  const before = await loadRecommendationRow(ctx.db, id);
  await authorizeCommittee(ctx, before, "committee.record", "recommendation");
  return inTransaction(ctx, async (tx) => {
    const row = await followUpOne(tx, id, { ...input, date: input.date ?? today(), meetingId: null }, "version");
    return presentOne(tx, row);
  });
}

/** The secretary's one screen: the new status and comment of every recommendation the session follows up, all or none. */
export async function recordFollowUps(
  ctx: Context,
  meetingId: string,
  input: z.output<typeof api.meetingFollowUps>,
): Promise<api.Meeting> {
  const { meeting, body } = await loadMeetingRow(ctx.db, meetingId);
  await authorizeCommittee(ctx, body, "committee.record", "meeting");
  requireMinutesOpen(meeting);
  const followed = new Set(
    (await ctx.db.select().from(meetingFollowUpItems).where(eq(meetingFollowUpItems.meetingId, meetingId))).map(
      (f) => f.recommendationId,
    ),
  );
  const seen = new Set<string>();
  const problems = input.items.flatMap((item, i) => {
    const field = `items.${i}.recommendationId`;
    if (seen.has(item.recommendationId))
      return [{ field, code: "DUPLICATE", message: "DUPLICATE", params: { field, value: item.recommendationId } }];
    seen.add(item.recommendationId);
    return followed.has(item.recommendationId)
      ? []
      : [{ field, code: "RECOMMENDATION_NOT_FOLLOWED", message: "RECOMMENDATION_NOT_FOLLOWED" }];
  });
  if (problems.length > 0) throw invalidFields(problems);
  return inTransaction(ctx, async (tx) => {
    for (const [i, item] of input.items.entries()) {
      await followUpOne(tx, item.recommendationId, { ...item, date: meeting.date, meetingId }, `items.${i}.version`);
    }
    return readMeeting(tx.db, meeting, body);
  });
}

/**
 * A recommendation not done, carried into a later session of its body as one
 * of that session's recommendations, linked to it: its history then reads as
 * one thread, and the body's next follow-ups follow the renewal instead.
 */
export async function renewRecommendation(
  ctx: Context,
  id: string,
  input: z.output<typeof api.renewRecommendation>,
): Promise<api.Recommendation> {
  const original = await loadRecommendationRow(ctx.db, id);
  await authorizeCommittee(ctx, original, "committee.record", "recommendation");
  const target = await loadMeetingRow(ctx.db, input.meetingId).catch(() => {
    throw invalidFields([notFoundField("meetingId", "meeting")]);
  });
  const from = original.meetingId ? (await loadMeetingRow(ctx.db, original.meetingId)).meeting : null;
  if (
    !original.bodyId
    || target.body.id !== original.bodyId
    || target.meeting.id === from?.id
    || (from && target.meeting.date < from.date)
  )
    throw invalidField("meetingId", "RECOMMENDATION_SAME_SESSION");
  requireMinutesOpen(target.meeting);
  return inTransaction(ctx, async (tx) => {
    const renewals = await tx.db.select().from(recommendations).where(eq(recommendations.renewedFromId, id));
    const refusal = renewalRefusal(original, renewals);
    if (refusal) throw new AppError(refusal, { recommendationStatus: original.status });
    // The original's version moves: two renewals of it cannot cross.
    const [locked] = await tx.db
      .update(recommendations)
      .set({ version: sql`${recommendations.version} + 1`, updatedAt: new Date() })
      .where(and(eq(recommendations.id, id), eq(recommendations.version, input.version)))
      .returning();
    if (!locked) throw versionConflict(await presentOne(tx, original));
    const [responsibles, links] = await Promise.all([
      tx.db.select().from(recommendationResponsibles).where(eq(recommendationResponsibles.recommendationId, id)),
      tx.db.select().from(recommendationLinks).where(eq(recommendationLinks.recommendationId, id)),
    ]);
    const [row] = await tx.db
      .insert(recommendations)
      .values({
        organisationId: original.organisationId,
        projectId: original.projectId,
        bodyId: original.bodyId,
        meetingId: target.meeting.id,
        number: await nextNumber(tx, target.meeting.id, original.organisationId),
        text: input.text ?? original.text,
        origin: "meeting",
        status: original.status === "in_progress" ? "in_progress" : "not_started",
        dueDate: input.dueDate === undefined ? null : input.dueDate,
        priority: original.priority,
        renewedFromId: id,
        createdById: tx.actor?.user.id ?? null,
      })
      .returning();
    if (!row) throw notFound("recommendation");
    await writeTargets(
      tx,
      row.id,
      responsibles.map((r) => ({ name: r.name, organisationId: r.organisationId, userId: r.userId })),
      links.map((l) => ({ activityId: l.activityId, workplanId: l.workplanId })),
    );
    await recordAudit(tx, {
      projectId: row.projectId,
      entity: "recommendation",
      entityId: row.id,
      action: "create",
      after: { ...row, renews: id },
    });
    return presentOne(tx, row);
  });
}
