// The enumerations of the domain, once: the API's schemas and the database's
// enum types are both built from these lists.
import { CURRENCIES, type CurrencyCode } from "./money.ts";

export const ORGANISATION_KINDS = ["ministry", "agency", "unit", "partner", "donor", "other"] as const;
export const PROJECT_STATUSES = ["pipeline", "active", "suspended", "closed"] as const;
export const GENDER_MARKERS = ["GEN0", "GEN1", "GEN2", "GEN3"] as const;
export const RISK_MARKERS = ["0", "1", "2", "3"] as const;
export const PARTNER_ROLES = ["funder", "implementer", "responsible", "other"] as const;
export const IMPORT_STATUSES = ["reading", "ready", "failed", "committing", "committed"] as const;
export const JOB_STATES = ["created", "retry", "active", "completed", "cancelled", "failed"] as const;
export const AUDIT_ACTIONS = ["create", "update", "delete", "move", "submit", "approve", "endorse", "return", "login", "logout"] as const;
export const AUDIT_ENTITIES = [
  "organisation",
  "user",
  "membership",
  "project",
  "resultNode",
  "workplan",
  "declaredTotal",
  "activity",
  "budgetLine",
  "import",
  "activityProgress",
  "transaction",
  "planExecution",
  "unplannedActivity",
  "indicator",
  "indicatorValue",
  "committeeBody",
  "meeting",
  "recommendation",
  "report",
] as const;
/** Where an activity of an approved plan stands. « Reprogrammed »: moved to next year's plan, not done this year. */
export const ACTIVITY_STATUSES = ["not_started", "in_progress", "done", "postponed", "cancelled", "reprogrammed"] as const;
/** The public-expenditure chain after the credits: engagement → liquidation → mandat / décaissement. */
export const TRANSACTION_STAGES = ["commitment", "liquidation", "payment"] as const;
/**
 * A plan's credits: allocated at budget arbitration, notified, the payment credit (crédit de paiement);
 * for a donor-funded project, the funds the donor disbursed to it.
 */
export const CREDIT_KINDS = ["allocated", "notified", "payment", "disbursed"] as const;
/** The level of the results chain an indicator measures. */
export const INDICATOR_LEVELS = ["impact", "outcome", "output"] as const;
/** What an indicator's values are: a count or amount, a percentage, yes or no (1 or 0), or words. */
export const INDICATOR_MEASURES = ["number", "percentage", "yes_no", "text"] as const;
/** Whether more is better (people trained) or less is (incidents, delays). */
export const INDICATOR_DIRECTIONS = ["increase", "decrease"] as const;
export const COLLECTION_FREQUENCIES = ["monthly", "quarterly", "semiannual", "annual", "end_of_project"] as const;
/** A reported value: entered by the team, then validated by an approver or returned with a comment. */
export const INDICATOR_VALUE_STATUSES = ["entered", "validated", "returned"] as const;
/** Where an indicator stands against its milestone for the period (thresholds set by the project). */
export const INDICATOR_STATUSES = ["on_track", "at_risk", "off_track", "no_data", "no_milestone", "not_measured"] as const;
/** Committees: steering (comité de pilotage), technical, coordination (a CPS's), local (regional, communal). */
export const BODY_KINDS = ["steering", "technical", "coordination", "local", "other"] as const;
export const MEMBER_ROLES = ["chair", "secretary", "member"] as const;
/** A session is planned, then held, and its minutes are approved (they then no longer change). */
export const MEETING_STATUSES = ["planned", "held", "minutes_approved"] as const;
/** A regular point of the agenda, or the follow-up of the previous session's recommendations. */
export const AGENDA_ITEM_KINDS = ["regular", "follow_up"] as const;
export const ATTENDANCE_STATUSES = ["present", "absent", "excused", "represented"] as const;
/** Where a recommendation comes from: a committee session, a review, a supervision mission, an audit, a report. */
export const RECOMMENDATION_ORIGINS = ["meeting", "review", "mission", "audit", "report"] as const;
export const RECOMMENDATION_STATUSES = ["not_started", "in_progress", "done", "dropped"] as const;
export const PRIORITIES = ["low", "medium", "high"] as const;
export const CURRENCY_CODES = Object.keys(CURRENCIES) as [CurrencyCode, ...CurrencyCode[]];

export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export type GenderMarker = (typeof GENDER_MARKERS)[number];
export type RiskMarker = (typeof RISK_MARKERS)[number];
export type PartnerRole = (typeof PARTNER_ROLES)[number];
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export type JobState = (typeof JOB_STATES)[number];
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
export type TransactionStage = (typeof TRANSACTION_STAGES)[number];
export type CreditKind = (typeof CREDIT_KINDS)[number];
export type IndicatorLevel = (typeof INDICATOR_LEVELS)[number];
export type IndicatorMeasure = (typeof INDICATOR_MEASURES)[number];
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];
export type CollectionFrequency = (typeof COLLECTION_FREQUENCIES)[number];
export type IndicatorValueStatus = (typeof INDICATOR_VALUE_STATUSES)[number];
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];
export type BodyKind = (typeof BODY_KINDS)[number];
export type MemberRole = (typeof MEMBER_ROLES)[number];
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export type RecommendationOrigin = (typeof RECOMMENDATION_ORIGINS)[number];
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];
export type Priority = (typeof PRIORITIES)[number];
