// The longest text each field accepts, in characters. The request schemas
// (api/) refuse longer text with these numbers, and the web app shows the
// same numbers beside its fields with a live counter, so that a user learns
// the limit while typing rather than from an error after sending.
export const TEXT_LIMITS = {
  organisationCode: 40,
  organisationName: 300,
  personName: 200,
  email: 200,
  password: 200,
  nodeCode: 40,
  nodeTitle: 1000,
  planTitle: 300,
  workflowComment: 2000,
  activityTitle: 2000,
  indicatorCode: 40,
  indicatorName: 1000,
  indicatorUnit: 40,
  indicatorMetadata: 2000,
  indicatorComment: 1000,
  indicatorTextValue: 2000,
  bodyName: 300,
  meetingTitle: 300,
  place: 300,
  agendaTitle: 1000,
  minutes: 20000,
  participantField: 200,
  recommendationText: 2000,
  followUpComment: 2000,
} as const;
export type LimitedField = keyof typeof TEXT_LIMITS;

/** The shortest password an account accepts. */
export const PASSWORD_MIN_LENGTH = 10;
