// Committee rows → API shapes.
import type { api, RecommendationRates } from "@baara/core";
import type {
  agendaItems,
  bodyMembers,
  committeeBodies,
  meetingParticipants,
  meetings,
  recommendationFollowUps,
} from "../db/schema.ts";

type BodyRow = typeof committeeBodies.$inferSelect;
type MemberRow = typeof bodyMembers.$inferSelect;
type MeetingRow = typeof meetings.$inferSelect;
type AgendaRow = typeof agendaItems.$inferSelect;
type ParticipantRow = typeof meetingParticipants.$inferSelect;
type FollowUpRow = typeof recommendationFollowUps.$inferSelect;

const person = (row: MemberRow | ParticipantRow) => ({
  id: row.id,
  name: row.name,
  function: row.function,
  structure: row.structure,
  phone: row.phone,
  email: row.email,
});

export function presentBody(
  row: BodyRow,
  extra: { members: MemberRow[]; organisationName: string; projectCode: string | null; meetingCount: number },
): api.Body {
  return {
    id: row.id,
    organisationId: row.organisationId,
    organisationName: extra.organisationName,
    projectId: row.projectId,
    projectCode: extra.projectCode,
    kind: row.kind,
    name: row.name,
    sessionsPerYear: row.sessionsPerYear,
    rules: row.rules,
    members: extra.members.map((m) => ({ ...person(m), role: m.role, userId: m.userId })),
    meetingCount: extra.meetingCount,
    version: row.version,
  };
}

export function presentAgendaItem(row: AgendaRow) {
  return {
    id: row.id,
    position: row.position,
    kind: row.kind,
    title: row.title,
    minutes: row.minutes,
    decisions: row.decisions,
    version: row.version,
  };
}

export function presentFollowUp(row: FollowUpRow, meetingTitle: string | null, recordedBy: string | null) {
  return {
    id: row.id,
    date: row.date,
    status: row.status,
    comment: row.comment,
    meetingId: row.meetingId,
    meetingTitle,
    recordedBy,
  };
}

export function presentMeeting(
  row: MeetingRow,
  body: BodyRow,
  parts: {
    agenda: AgendaRow[];
    participants: ParticipantRow[];
    approvedBy: string | null;
    recommendations: api.Recommendation[];
    followUps: api.Meeting["followUps"];
    followUpRates: RecommendationRates;
  },
): api.Meeting {
  return {
    id: row.id,
    bodyId: body.id,
    bodyName: body.name,
    bodyKind: body.kind,
    organisationId: body.organisationId,
    projectId: body.projectId,
    title: row.title,
    date: row.date,
    status: row.status,
    place: row.place,
    link: row.link,
    context: row.context,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    approvedBy: parts.approvedBy,
    recommendationCount: parts.recommendations.length,
    version: row.version,
    agenda: parts.agenda.map(presentAgendaItem),
    participants: parts.participants.map((p) => ({ ...person(p), status: p.status, representedBy: p.representedBy })),
    recommendations: parts.recommendations,
    followUps: parts.followUps,
    followUpRates: parts.followUpRates,
  };
}
