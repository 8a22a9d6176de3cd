import { type api, isMessageCode, type Locale, translate } from "@baara/core";
import type { jobs } from "../db/schema.ts";

export type JobRow = typeof jobs.$inferSelect;
type Failure = { code: string; params: Record<string, string | number> };

/** A kept failure as the reader reads it: its code and the message in their language. */
export function presentFailure(failure: Failure | null, locale: Locale): { code: string; message: string } | null {
  if (!failure) return null;
  const code = isMessageCode(failure.code) ? failure.code : "JOB_FAILED";
  return { code: failure.code, message: translate(code, locale, failure.params) };
}

export function presentJob(row: JobRow, locale: Locale): api.Job {
  return {
    id: row.id,
    name: row.name,
    state: row.state,
    progress: row.progress,
    stage: row.stage,
    error: presentFailure(row.error, locale),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
