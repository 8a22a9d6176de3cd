// Committees (bodies), their sessions (agenda, attendance, minutes) and the
// recommendations they make, followed from one session to the next.
import * as z from "zod";
import {
  AGENDA_ITEM_KINDS,
  ATTENDANCE_STATUSES,
  BODY_KINDS,
  MEETING_STATUSES,
  MEMBER_ROLES,
  PRIORITIES,
  RECOMMENDATION_ORIGINS,
  RECOMMENDATION_STATUSES,
} from "../domain.ts";
import { TEXT_LIMITS } from "../limits.ts";
import { id, isoDate, pageQuery, patchOf, percentString, requiredText, text, version } from "./common.ts";

export const bodyKind = z.enum(BODY_KINDS);
export const memberRole = z.enum(MEMBER_ROLES);
export const meetingStatus = z.enum(MEETING_STATUSES);
export const agendaItemKind = z.enum(AGENDA_ITEM_KINDS);
export const attendanceStatus = z.enum(ATTENDANCE_STATUSES);
export const recommendationOrigin = z.enum(RECOMMENDATION_ORIGINS);
export const recommendationStatus = z.enum(RECOMMENDATION_STATUSES);
export const priority = z.enum(PRIORITIES);

const short = () => text(TEXT_LIMITS.participantField).nullable().default(null);
const email = z.string().trim().max(TEXT_LIMITS.email).nullable().default(null);

/** A person on a body or at a session, as the participant list of the minutes gives them. */
const personFields = {
  name: requiredText(TEXT_LIMITS.personName),
  function: short(),
  structure: short(),
  phone: short(),
  email,
};

export const bodyMemberInput = z.object({
  ...personFields,
  role: memberRole.default("member"),
  /** The member's Baara account, when they have one. */
  userId: id.nullable().default(null),
});
export const bodyMember = z.object({
  id,
  name: z.string(),
  function: z.string().nullable(),
  structure: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  role: memberRole,
  userId: id.nullable(),
});

const bodyFields = {
  kind: bodyKind,
  name: requiredText(TEXT_LIMITS.bodyName),
  /** How often it meets, as its founding text says. */
  sessionsPerYear: z.int().min(0).max(52).nullable().default(null),
  /** The rules it carries (founding decision, quorum…). */
  rules: text(TEXT_LIMITS.minutes).nullable().default(null),
};
export const createBody = z.object({
  organisationId: id,
  /** A project's committee; none for an organisation's (a CPS's coordination committee). */
  projectId: id.nullable().default(null),
  ...bodyFields,
  members: z.array(bodyMemberInput).max(200).default([]),
});
export const updateBody = patchOf(bodyFields).extend({ version });
export const replaceMembers = z.object({ members: z.array(bodyMemberInput).max(200), version });
export const bodyListQuery = pageQuery.extend({ organisationId: id.optional(), projectId: id.optional() });

export const body = z.object({
  id,
  organisationId: id,
  organisationName: z.string(),
  projectId: id.nullable(),
  projectCode: z.string().nullable(),
  kind: bodyKind,
  name: z.string(),
  sessionsPerYear: z.int().nullable(),
  rules: z.string().nullable(),
  members: z.array(bodyMember),
  meetingCount: z.int(),
  version: z.int(),
});
export type Body = z.infer<typeof body>;

const meetingFields = {
  title: requiredText(TEXT_LIMITS.meetingTitle),
  date: isoDate,
  place: text(TEXT_LIMITS.place).nullable().default(null),
  /** A video-conference link. */
  link: z
    .url({ protocol: /^https?$/ })
    .max(TEXT_LIMITS.place)
    .nullable()
    .default(null),
  /** The opening paragraph of the minutes: why the session met, under which decision. */
  context: text(TEXT_LIMITS.minutes).nullable().default(null),
};
export const createMeeting = z.object({
  ...meetingFields,
  /** The agenda's regular points, in order; the follow-up of open recommendations is added first by itself. */
  agenda: z.array(requiredText(TEXT_LIMITS.agendaTitle)).max(100).default([]),
});
export const updateMeeting = patchOf(meetingFields).extend({
  /** planned → held (or back); approving the minutes has its own route. */
  status: z.enum(["planned", "held"]).optional(),
  version,
});
export const approveMinutes = z.object({ version });

export const agendaInput = z.object({
  items: z
    .array(z.object({ id: id.optional(), title: requiredText(TEXT_LIMITS.agendaTitle) }))
    .max(100)
    .meta({
      description:
        "The whole agenda in order: items with an id are kept (renamed, moved), new ones added, missing ones removed",
    }),
  version,
});
export const updateAgendaItem = z.object({
  title: requiredText(TEXT_LIMITS.agendaTitle).optional(),
  /** Discussion points, one paragraph per line. */
  minutes: text(TEXT_LIMITS.minutes).nullable().optional(),
  decisions: text(TEXT_LIMITS.minutes).nullable().optional(),
  version,
});
export const agendaItem = z.object({
  id,
  position: z.int(),
  kind: agendaItemKind,
  title: z.string(),
  minutes: z.string().nullable(),
  decisions: z.string().nullable(),
  version: z.int(),
});

export const participantInput = z.object({
  ...personFields,
  status: attendanceStatus.default("present"),
  /** Who came in their place, for a represented member. */
  representedBy: short(),
});
export const attendanceInput = z.object({ participants: z.array(participantInput).max(500), version });
export const participant = z.object({
  id,
  name: z.string(),
  function: z.string().nullable(),
  structure: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  status: attendanceStatus,
  representedBy: z.string().nullable(),
});

const responsibleInput = z.object({
  /** The structure or person as the minutes name them (« DRH/MAECI et MMEIA »). */
  name: requiredText(TEXT_LIMITS.participantField),
  /** The structure in Baara, so that its people see the item on their home screen. */
  organisationId: id.nullable().default(null),
  /** The person in Baara. */
  userId: id.nullable().default(null),
});
const responsible = z.object({ name: z.string(), organisationId: id.nullable(), userId: id.nullable() });

const linkInput = z.object({ activityId: id.nullable().default(null), workplanId: id.nullable().default(null) });
const link = z.object({
  activityId: id.nullable(),
  workplanId: id.nullable(),
  /** The activity's code and title, or the plan's title and version. */
  label: z.string(),
  projectId: id,
});

const recommendationFields = {
  text: requiredText(TEXT_LIMITS.recommendationText),
  origin: recommendationOrigin.default("meeting"),
  /** The review, mission, audit or report it comes from (« 22e revue des projets 2022 »). */
  originReference: text(TEXT_LIMITS.meetingTitle).nullable().default(null),
  dueDate: isoDate.nullable().default(null),
  priority: priority.default("medium"),
  responsibles: z.array(responsibleInput).max(20).default([]),
  links: z.array(linkInput).max(50).default([]),
};
export const createRecommendation = z.object({
  /** The session that made it (the body's follow-up picks it up); none for a review, mission, audit or report. */
  meetingId: id.nullable().default(null),
  /** Without a session: the organisation (and project) whose follow-up it joins. */
  organisationId: id.nullable().default(null),
  projectId: id.nullable().default(null),
  ...recommendationFields,
});
export const updateRecommendation = patchOf(recommendationFields).extend({ version });

export const followUpInput = z.object({
  status: recommendationStatus,
  comment: text(TEXT_LIMITS.followUpComment).nullable().default(null),
  /** The day of the follow-up; today by default, the session's day in a session. */
  date: isoDate.optional(),
  version,
});
export const meetingFollowUps = z.object({
  items: z
    .array(followUpInput.omit({ date: true }).extend({ recommendationId: id }))
    .min(1)
    .max(500),
});
export const renewRecommendation = z.object({
  /** The later session of the same body that takes it into its new recommendations. */
  meetingId: id,
  text: requiredText(TEXT_LIMITS.recommendationText).optional(),
  dueDate: isoDate.nullable().optional(),
  version,
});

export const followUp = z.object({
  id,
  date: z.string(),
  status: recommendationStatus,
  comment: z.string().nullable(),
  meetingId: id.nullable(),
  meetingTitle: z.string().nullable(),
  recordedBy: z.string().nullable(),
});

const meetingRef = z.object({ id, title: z.string(), date: z.string(), bodyId: id, bodyName: z.string() }).nullable();

export const recommendation = z.object({
  id,
  number: z
    .int()
    .meta({ description: "Its n° among its session's recommendations (or its organisation's, without a session)" }),
  text: z.string(),
  status: recommendationStatus,
  origin: recommendationOrigin,
  originReference: z.string().nullable(),
  organisationId: id,
  projectId: id.nullable(),
  meeting: meetingRef,
  responsibles: z.array(responsible),
  /** The names of the responsible structures, as the follow-up table prints them. */
  responsibleStructures: z.array(z.string()),
  dueDate: z.string().nullable(),
  priority,
  overdue: z.boolean(),
  renewedFromId: id.nullable(),
  renewedIntoId: id.nullable(),
  /** The latest follow-up's comment. */
  lastComment: z.string().nullable(),
  links: z.array(link),
  version: z.int(),
});
export type Recommendation = z.infer<typeof recommendation>;

export const recommendationDetail = recommendation.extend({
  history: z.array(followUp),
  /** The renewal thread, oldest first (itself included). */
  thread: z.array(recommendation.pick({ id: true, text: true, status: true, meeting: true, number: true })),
});

export const recommendationQuery = pageQuery.extend({
  organisationId: id.optional(),
  bodyId: id.optional(),
  meetingId: id.optional(),
  /** A responsible structure or person: matches the name as written, or the organisation or user in Baara. */
  responsible: z.string().trim().min(1).max(TEXT_LIMITS.participantField).optional(),
  status: recommendationStatus.optional(),
  dueBefore: isoDate.optional(),
});
export type RecommendationQuery = z.infer<typeof recommendationQuery>;

const rates = z.object({
  total: z.int(),
  executed: z.int(),
  inProgress: z.int(),
  notExecuted: z.int(),
  dropped: z.int(),
  executedRate: z.string().nullable(),
  inProgressRate: z.string().nullable(),
  notExecutedRate: z.string().nullable(),
});
export const recommendationRates = z.object({
  overall: rates,
  byMeeting: z.array(z.object({ meetingId: id, title: z.string(), date: z.string(), rates })),
  byBody: z.array(z.object({ bodyId: id, name: z.string(), rates })),
  byResponsible: z.array(z.object({ responsible: z.string(), rates })),
});
export const ratesQuery = recommendationQuery.omit({ page: true, pageSize: true });

export const meetingSummary = z.object({
  id,
  bodyId: id,
  title: z.string(),
  date: z.string(),
  status: meetingStatus,
  place: z.string().nullable(),
  recommendationCount: z.int(),
  version: z.int(),
});

export const meeting = meetingSummary.extend({
  bodyName: z.string(),
  bodyKind,
  organisationId: id,
  projectId: id.nullable(),
  link: z.string().nullable(),
  context: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  agenda: z.array(agendaItem),
  participants: z.array(participant),
  /** Made in this session. */
  recommendations: z.array(recommendation),
  /** The previous sessions' recommendations this one follows up, with their status now. */
  followUps: z.array(recommendation.extend({ followedHere: followUp.nullable() })),
  followUpRates: rates,
});
export type Meeting = z.infer<typeof meeting>;

export const meetingExportQuery = z.object({ format: z.enum(["docx", "pdf"]).default("docx") });
export const followUpExportQuery = z.object({ format: z.enum(["docx", "xlsx"]).default("xlsx") });

export const revisionCheckQuery = z.object({
  /** The earlier version the revision starts from. */
  with: id,
  threshold: percentString
    .default("15")
    .meta({ description: "Share of a category a revision may move without the steering committee (UN PBF: 15)" }),
});
export const revisionCheck = z.object({
  threshold: z.string(),
  needsSteeringCommittee: z.boolean(),
  categories: z.array(
    z.object({
      key: z.string().nullable(),
      label: z.string().nullable(),
      before: z.string(),
      after: z.string(),
      moved: z.string(),
      share: z.string().nullable(),
      needsSteeringCommittee: z.boolean(),
    }),
  ),
  /** The steering committee's session that approved the revision, once it did. */
  decidedAt: meetingRef,
});
export type RevisionCheck = z.infer<typeof revisionCheck>;
