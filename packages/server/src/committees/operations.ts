// Committees and their sessions, one function per use case: each asks the
// policy, runs in one transaction, writes its audit entry and holds its row
// version. A session's version moves with every change of its agenda or
// attendance, so that two secretaries editing one session cannot overwrite
// each other; an approved session's minutes no longer change.
import { type api, catalogue, type Locale } from "@baara/core";
import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import type * as z from "zod";
import { recordAudit } from "../audit/record.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/transaction.ts";
import {
  agendaItems,
  bodyMembers,
  committeeBodies,
  meetingFollowUpItems,
  meetingParticipants,
  meetings,
  organisations,
} from "../db/schema.ts";
import { invalidField, invalidFields, notFound, notFoundField, versionConflict } from "../http/errors.ts";
import { authorizeCommittee, projectOfOrganisation } from "./access.ts";
import { checkPeopleAndStructures, requireMinutesOpen } from "./checks.ts";
import { presentAgendaItem } from "./present.ts";
import { getBody, loadBodyRow, loadMeetingRow, type MeetingRow, openRecommendationsOf, readMeeting } from "./queries.ts";

type MemberInput = z.output<typeof api.bodyMemberInput>;

async function writeMembers(tx: Context, bodyId: string, members: MemberInput[]): Promise<void> {
  await checkPeopleAndStructures(
    tx,
    members.map((m, i) => ({ field: `members.${i}.userId`, id: m.userId })),
    [],
  );
  await tx.db.delete(bodyMembers).where(eq(bodyMembers.bodyId, bodyId));
  if (members.length > 0) await tx.db.insert(bodyMembers).values(members.map((m, position) => ({ ...m, bodyId, position })));
}

export async function createBody(ctx: Context, input: z.output<typeof api.createBody>): Promise<api.Body> {
  const { members, ...fields } = input;
  const [organisation] = await ctx.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, fields.organisationId));
  if (!organisation) throw invalidFields([notFoundField("organisationId", "organisation")]);
  const project = await projectOfOrganisation(ctx, fields.projectId);
  if (fields.projectId && !project) throw invalidFields([notFoundField("projectId", "project")]);
  if (project && project.organisationId !== fields.organisationId) throw invalidField("projectId", "BODY_SCOPE");
  await authorizeCommittee(ctx, fields, "committee.manage", "committeeBody");
  const id = await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db.insert(committeeBodies).values(fields).returning();
    if (!row) throw notFound("committeeBody");
    await writeMembers(tx, row.id, members);
    await recordAudit(tx, {
      projectId: row.projectId,
      entity: "committeeBody",
      entityId: row.id,
      action: "create",
      after: { ...row, members },
    });
    return row.id;
  });
  return getBody(ctx, id);
}

async function changeBody(
  ctx: Context,
  id: string,
  version: number,
  change: (tx: Context) => Promise<Partial<typeof committeeBodies.$inferInsert>>,
): Promise<api.Body> {
  const before = await loadBodyRow(ctx.db, id);
  await authorizeCommittee(ctx, before, "committee.manage", "committeeBody");
  await inTransaction(ctx, async (tx) => {
    const fields = await change(tx);
    const [row] = await tx.db
      .update(committeeBodies)
      .set({ ...fields, version: sql`${committeeBodies.version} + 1`, updatedAt: new Date() })
      .where(and(eq(committeeBodies.id, id), eq(committeeBodies.version, version)))
      .returning();
    if (!row) throw versionConflict(await getBody(tx, id));
    await recordAudit(tx, {
      projectId: row.projectId,
      entity: "committeeBody",
      entityId: id,
      action: "update",
      before,
      after: row,
    });
  });
  return getBody(ctx, id);
}

export function updateBody(ctx: Context, id: string, input: z.output<typeof api.updateBody>): Promise<api.Body> {
  const { version, ...fields } = input;
  return changeBody(ctx, id, version, async () => fields);
}

export function replaceMembers(ctx: Context, id: string, input: z.output<typeof api.replaceMembers>): Promise<api.Body> {
  return changeBody(ctx, id, input.version, async (tx) => {
    await writeMembers(tx, id, input.members);
    return {};
  });
}

/**
 * A new session. When earlier sessions of the body (or its reviews) left
 * recommendations open, its agenda opens with their follow-up, and the
 * session keeps the list of what it follows up.
 */
export async function createMeeting(
  ctx: Context,
  bodyId: string,
  input: z.output<typeof api.createMeeting>,
  locale: Locale,
): Promise<api.Meeting> {
  const body = await loadBodyRow(ctx.db, bodyId);
  await authorizeCommittee(ctx, body, "committee.record", "committeeBody");
  const { agenda, ...fields } = input;
  return inTransaction(ctx, async (tx) => {
    const [meeting] = await tx.db
      .insert(meetings)
      .values({ ...fields, bodyId, createdById: tx.actor?.user.id ?? null })
      .returning();
    if (!meeting) throw notFound("meeting");
    const open = await openRecommendationsOf(tx.db, bodyId, meeting.date);
    const items = [
      ...(open.length > 0 ? [{ kind: "follow_up" as const, title: catalogue[locale].committeeExport.followUp }] : []),
      ...agenda.map((title) => ({ kind: "regular" as const, title })),
    ];
    if (items.length > 0)
      await tx.db.insert(agendaItems).values(items.map((item, position) => ({ ...item, position, meetingId: meeting.id })));
    if (open.length > 0) {
      await tx.db
        .insert(meetingFollowUpItems)
        .values(open.map((r, position) => ({ meetingId: meeting.id, recommendationId: r.id, position })));
    }
    await recordAudit(tx, {
      projectId: body.projectId,
      entity: "meeting",
      entityId: meeting.id,
      action: "create",
      after: { ...meeting, agenda, followUps: open.map((r) => r.id) },
    });
    return readMeeting(tx.db, meeting, body);
  });
}

/**
 * Inside a write's transaction: the session may be written by the actor, its
 * minutes are not approved, and it is still at `version` — which moves on.
 */
async function openMeeting(tx: Context, id: string, version: number, changes: Partial<typeof meetings.$inferInsert> = {}) {
  const { meeting, body } = await loadMeetingRow(tx.db, id);
  await authorizeCommittee(tx, body, "committee.record", "meeting");
  requireMinutesOpen(meeting);
  const [row] = await tx.db
    .update(meetings)
    .set({ ...changes, version: sql`${meetings.version} + 1`, updatedAt: new Date() })
    .where(and(eq(meetings.id, id), eq(meetings.version, version)))
    .returning();
  if (!row) throw versionConflict(await readMeeting(tx.db, meeting, body));
  return { before: meeting, meeting: row, body };
}

async function audited(
  tx: Context,
  change: { before: MeetingRow; meeting: MeetingRow; body: { projectId: string | null } },
  after?: unknown,
) {
  await recordAudit(tx, {
    projectId: change.body.projectId,
    entity: "meeting",
    entityId: change.meeting.id,
    action: "update",
    before: change.before,
    after: after ?? change.meeting,
  });
}

export async function updateMeeting(
  ctx: Context,
  id: string,
  input: z.output<typeof api.updateMeeting>,
): Promise<api.Meeting> {
  const { version, ...fields } = input;
  return inTransaction(ctx, async (tx) => {
    const change = await openMeeting(tx, id, version, fields);
    await audited(tx, change);
    return readMeeting(tx.db, change.meeting, change.body);
  });
}

/** Approving the minutes closes the session's record (a planned session is held by then). */
export async function approveMinutes(
  ctx: Context,
  id: string,
  input: z.output<typeof api.approveMinutes>,
): Promise<api.Meeting> {
  const { meeting, body } = await loadMeetingRow(ctx.db, id);
  await authorizeCommittee(ctx, body, "committee.approve", "meeting");
  return inTransaction(ctx, async (tx) => {
    requireMinutesOpen(meeting);
    const [row] = await tx.db
      .update(meetings)
      .set({
        status: "minutes_approved",
        approvedAt: new Date(),
        approvedById: tx.actor?.user.id ?? null,
        version: sql`${meetings.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(meetings.id, id), eq(meetings.version, input.version), inArray(meetings.status, ["planned", "held"])))
      .returning();
    if (!row) {
      const current = await loadMeetingRow(tx.db, id);
      requireMinutesOpen(current.meeting);
      throw versionConflict(await readMeeting(tx.db, current.meeting, current.body));
    }
    await recordAudit(tx, {
      projectId: body.projectId,
      entity: "meeting",
      entityId: id,
      action: "approve",
      before: meeting,
      after: row,
    });
    return readMeeting(tx.db, row, body);
  });
}

/** The whole agenda in order: items named by id are kept (renamed, moved), new ones added, the others removed. */
export async function setAgenda(ctx: Context, id: string, input: z.output<typeof api.agendaInput>): Promise<api.Meeting> {
  return inTransaction(ctx, async (tx) => {
    const change = await openMeeting(tx, id, input.version);
    const existing = await tx.db.select().from(agendaItems).where(eq(agendaItems.meetingId, id));
    const known = new Set(existing.map((a) => a.id));
    const unknown = input.items.flatMap((item, i) =>
      item.id && !known.has(item.id) ? [notFoundField(`items.${i}.id`, "agendaItem")] : [],
    );
    if (unknown.length > 0) throw invalidFields(unknown);
    const kept = input.items.flatMap((item) => (item.id ? [item.id] : []));
    if (new Set(kept).size !== kept.length) throw invalidField("items", "DUPLICATE", { field: "id", value: "" });
    await tx.db
      .delete(agendaItems)
      .where(and(eq(agendaItems.meetingId, id), kept.length > 0 ? notInArray(agendaItems.id, kept) : undefined));
    for (const [position, item] of input.items.entries()) {
      if (item.id) {
        await tx.db
          .update(agendaItems)
          .set({ position, title: item.title, version: sql`${agendaItems.version} + 1` })
          .where(eq(agendaItems.id, item.id));
      } else {
        await tx.db.insert(agendaItems).values({ meetingId: id, position, title: item.title });
      }
    }
    await audited(tx, change, { ...change.meeting, agenda: input.items });
    return readMeeting(tx.db, change.meeting, change.body);
  });
}

/** An agenda item's minutes: its discussion points and decisions. */
export async function updateAgendaItem(ctx: Context, id: string, input: z.output<typeof api.updateAgendaItem>) {
  const [item] = await ctx.db.select().from(agendaItems).where(eq(agendaItems.id, id));
  if (!item) throw notFound("agendaItem");
  const { meeting, body } = await loadMeetingRow(ctx.db, item.meetingId);
  await authorizeCommittee(ctx, body, "committee.record", "meeting");
  requireMinutesOpen(meeting);
  const { version, ...fields } = input;
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .update(agendaItems)
      .set({ ...fields, version: sql`${agendaItems.version} + 1` })
      .where(and(eq(agendaItems.id, id), eq(agendaItems.version, version)))
      .returning();
    if (!row) {
      const [current] = await tx.db.select().from(agendaItems).where(eq(agendaItems.id, id));
      throw versionConflict(current ? presentAgendaItem(current) : null);
    }
    await recordAudit(tx, {
      projectId: body.projectId,
      entity: "meeting",
      entityId: meeting.id,
      action: "update",
      before: item,
      after: row,
    });
    return presentAgendaItem(row);
  });
}

/** The participant list, the whole grid at once (typed, or pasted from the minutes' annex). */
export async function setAttendance(
  ctx: Context,
  id: string,
  input: z.output<typeof api.attendanceInput>,
): Promise<api.Meeting> {
  return inTransaction(ctx, async (tx) => {
    const change = await openMeeting(tx, id, input.version);
    await tx.db.delete(meetingParticipants).where(eq(meetingParticipants.meetingId, id));
    if (input.participants.length > 0) {
      await tx.db
        .insert(meetingParticipants)
        .values(input.participants.map((p, position) => ({ ...p, meetingId: id, position })));
    }
    await audited(tx, change, { ...change.meeting, participants: input.participants });
    return readMeeting(tx.db, change.meeting, change.body);
  });
}
