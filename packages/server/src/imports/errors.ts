import { NotAWorkPlanError } from "@baara/core";
import { AppError } from "../http/errors.ts";
import { UnreadableFileError } from "./read-file.ts";

/** A file that cannot be read as a work plan becomes a 422 with its reason, in the user's language. */
export function importError(error: unknown): unknown {
  if (error instanceof UnreadableFileError) {
    return new AppError(error.reason === "FILE_TOO_LARGE" ? 413 : 422, error.reason, error.params);
  }
  if (error instanceof NotAWorkPlanError) return new AppError(422, error.reason);
  return error;
}
