// Errors with a stable code, an HTTP status and message parameters; rendered
// once, in the user's language, as {"error":{"code","message","details"}}.
import type { EntityName, MessageCode } from "@baara/core";

export interface FieldProblem {
  field: string;
  code: string;
  /** Message code or already-translated text. */
  message: string;
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: MessageCode,
    readonly params: Record<string, string | number> = {},
    readonly details?: unknown,
  ) {
    super(code);
  }
}

export const notFound = (entity: EntityName) => new AppError(404, "NOT_FOUND", { entity });
export const forbidden = () => new AppError(403, "FORBIDDEN");
export const unauthenticated = () => new AppError(401, "UNAUTHENTICATED");
export const versionConflict = (current: unknown) => new AppError(409, "VERSION_CONFLICT", {}, { current });
export const duplicate = (field: string, value: string) =>
  new AppError(409, "DUPLICATE", { field, value }, [{ field, code: "DUPLICATE" }]);
export const invalidFields = (problems: FieldProblem[]) =>
  new AppError(422, "VALIDATION_ERROR", {}, problems);

/** A field naming something that does not exist. */
export const notFoundField = (field: string, entity: EntityName): FieldProblem => ({
  field,
  code: "NOT_FOUND",
  message: "NOT_FOUND",
  params: { entity },
});
