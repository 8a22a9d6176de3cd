// Report rows → API shapes.
import type { api, Locale } from "@baara/core";
import type { jobs, reportFiles, storedFiles } from "../db/schema.ts";
import { presentFailure } from "../jobs/present.ts";
import type { ReportRow } from "./access.ts";

export interface ReportNames {
  submittedByName: string | null;
  approvedByName: string | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentReportSummary(row: ReportRow, names: ReportNames): api.ReportSummary {
  return {
    id: row.id,
    projectId: row.projectId,
    template: row.template,
    year: row.year,
    period: row.period,
    title: row.title,
    status: row.status,
    snapshotAt: iso(row.snapshotAt),
    submittedByName: names.submittedByName,
    submittedAt: iso(row.submittedAt),
    approvedByName: names.approvedByName,
    approvedAt: iso(row.approvedAt),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export function presentReportFile(
  f: {
    file: typeof reportFiles.$inferSelect;
    job: typeof jobs.$inferSelect | null;
    stored: typeof storedFiles.$inferSelect | null;
    createdByName: string | null;
  },
  locale: Locale,
): api.ReportFile {
  return {
    id: f.file.id,
    format: f.file.format,
    jobId: f.file.jobId,
    // The file exists once the job has kept it: until then the job's state says where it is.
    state: f.stored ? "completed" : (f.job?.state ?? "failed"),
    progress: f.stored ? 1 : (f.job?.progress ?? 0),
    stage: f.job?.stage ?? null,
    error: f.stored ? null : (presentFailure(f.job?.error ?? null, locale)?.message ?? null),
    fileName: f.stored?.name ?? null,
    size: f.stored?.size ?? null,
    reportStatus: f.file.reportStatus,
    createdAt: f.file.createdAt.toISOString(),
    createdByName: f.createdByName,
  };
}
