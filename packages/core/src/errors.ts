// Every error the API answers with, and its HTTP status: one table, so that a
// code always means the same status wherever it is thrown.
import type { MessageCode } from "./i18n/messages.ts";

export const ERROR_STATUS = {
  // The request does not match its schema.
  VALIDATION_ERROR: 400,
  INVALID_JSON: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_INVALID: 403,
  NOT_FOUND: 404,
  FILE_MISSING: 404,
  VERSION_CONFLICT: 409,
  DUPLICATE: 409,
  INVALID_TRANSITION: 409,
  PLAN_NOT_EDITABLE: 409,
  PLAN_SUPERSEDED: 409,
  PLAN_VERSION_TAKEN: 409,
  ORGANISATION_IN_USE: 409,
  NODE_IN_USE: 409,
  NODE_LOCKED: 409,
  IMPORT_NOT_READY: 409,
  PLAN_NOT_APPROVED: 409,
  EXECUTION_CLOSED: 409,
  NEXT_PLAN_SUBMITTED: 409,
  INDICATOR_VALUE_LOCKED: 409,
  INDICATOR_VALUE_STATE: 409,
  INDICATOR_HAS_VALIDATED: 409,
  MINUTES_APPROVED: 409,
  REPORT_NOT_EDITABLE: 409,
  RECOMMENDATION_CLOSED: 409,
  RECOMMENDATION_RENEWED: 409,
  FILE_TOO_LARGE: 413,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  // Well-formed, but the values break a rule (details name each field).
  INVALID_FIELDS: 422,
  // Files that cannot be read as a work plan.
  EMPTY_FILE: 422,
  ENCRYPTED_OR_OLD_EXCEL: 422,
  NOT_A_WORKBOOK: 422,
  ZIP_BOMB: 422,
  CORRUPT_WORKBOOK: 422,
  TOO_MANY_ROWS: 422,
  FILE_TOO_COMPLEX: 422,
  EXPORT_TOO_COMPLEX: 422,
  CORRUPT_TEXT: 422,
  AMOUNTS_TOO_LARGE: 422,
  SHEET_NOT_FOUND: 422,
  NO_HEADER: 422,
  NO_ACTIVITY: 422,
  NOT_A_FINANCE_EXPORT: 422,
  NOT_A_RESULTS_TABLE: 422,
  TABLE_TOO_LARGE: 422,
  // A document to check that is neither a .docx nor text.
  DOCUMENT_UNREADABLE: 422,
  RATE_LIMITED: 429,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
  // The server runs but should not be sent requests (readiness: database, migrations, storage).
  NOT_READY: 503,
  // The server has no LibreOffice to turn a document into PDF: the Word file is there.
  PDF_UNAVAILABLE: 503,
} as const satisfies Partial<Record<MessageCode, number>>;

export type ErrorCode = keyof typeof ERROR_STATUS;

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_STATUS, code);
}
