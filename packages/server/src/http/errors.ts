// Errors with a stable code and message parameters; the code decides the HTTP
// status (core's ERROR_STATUS). Rendered once, in the user's language, as
// {"error":{"code","message","details"}} (error-handler.ts).
import { type EntityName, ERROR_STATUS, type ErrorCode } from "@baara/core";

export interface FieldProblem {
  field: string;
  code: string;
  /** Message code or already-translated text. */
  message: string;
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly details?: unknown,
  ) {
    super(code);
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (entity: EntityName) => new AppError("NOT_FOUND", { entity });
export const forbidden = () => new AppError("FORBIDDEN");
export const unauthenticated = () => new AppError("UNAUTHENTICATED");
export const versionConflict = (current: unknown) => new AppError("VERSION_CONFLICT", {}, { current });
export const duplicate = (field: string, value: string) =>
  new AppError("DUPLICATE", { field, value }, [{ field, code: "DUPLICATE" }]);
export const invalidFields = (problems: FieldProblem[]) => new AppError("INVALID_FIELDS", {}, problems);
/** One field refused for a reason that is also its message code. */
export const invalidField = (field: string, code: string, params?: Record<string, string | number>) =>
  invalidFields([{ field, code, message: code, ...(params ? { params } : {}) }]);

/** A field naming something that does not exist. */
export const notFoundField = (field: string, entity: EntityName): FieldProblem => ({
  field,
  code: "NOT_FOUND",
  message: "NOT_FOUND",
  params: { entity },
});
