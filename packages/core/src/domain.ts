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
] as const;
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
