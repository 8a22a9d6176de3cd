// How a job's failure is kept and shown: a message code with its parameters.
// Failures the user can act on (a file that is not a work plan, a refused
// value) are expected: no retry, just the reason.
import { isMessageCode, NotAWorkPlanError } from "@baara/core";
import { AppError } from "../http/errors.ts";
import { UnreadableFileError } from "../imports/file-limits.ts";

export interface JobFailure {
  code: string;
  params: Record<string, string | number>;
}

export function isExpectedFailure(error: unknown): boolean {
  return error instanceof AppError || error instanceof UnreadableFileError || error instanceof NotAWorkPlanError;
}

export function failureOf(error: unknown): JobFailure {
  if (error instanceof AppError) return { code: error.code, params: error.params };
  if (error instanceof UnreadableFileError) return { code: error.reason, params: error.params };
  if (error instanceof NotAWorkPlanError && isMessageCode(error.reason)) return { code: error.reason, params: {} };
  return { code: "JOB_FAILED", params: {} };
}
