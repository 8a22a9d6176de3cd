// Reports people sign: a project's annual report, progress report or AWP for
// a year (and period), the text they write in it, its status and the
// documents generated from it.
import * as z from "zod";
import { REPORT_ACTIONS, REPORT_FORMATS, REPORT_STATUSES, STORED_REPORT_TEMPLATES } from "../reports/templates.ts";
import { id, version } from "./common.ts";
import { jobState } from "./imports.ts";

export const reportTemplate = z.enum(STORED_REPORT_TEMPLATES);
export const reportStatus = z.enum(REPORT_STATUSES);
export const reportFormat = z.enum(REPORT_FORMATS);

export const reportField = z.object({
  key: z.string(),
  kind: z.enum(["text", "line", "amount"]),
  /** Characters at most. */
  limit: z.int(),
  label: z.string(),
  /** A field repeated per outcome names it. */
  outcome: z.object({ code: z.string(), title: z.string() }).nullable(),
});

export const reportFile = z.object({
  id,
  format: reportFormat,
  jobId: id.nullable(),
  state: jobState,
  progress: z.number(),
  stage: z.string().nullable(),
  error: z.string().nullable(),
  fileName: z.string().nullable(),
  size: z.int().nullable(),
  /** The report's status when the file was written. */
  reportStatus,
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export type ReportFile = z.infer<typeof reportFile>;

export const reportSummary = z.object({
  id,
  projectId: id,
  template: reportTemplate,
  year: z.int(),
  period: z.string(),
  title: z.string(),
  status: reportStatus,
  /** When its figures were taken (its submission); null while a draft follows the data. */
  snapshotAt: z.string().nullable(),
  submittedByName: z.string().nullable(),
  submittedAt: z.string().nullable(),
  approvedByName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.int(),
});
export type ReportSummary = z.infer<typeof reportSummary>;

export const report = reportSummary.extend({
  fields: z.array(reportField),
  narrative: z.record(z.string(), z.string()),
  files: z.array(reportFile),
  /** What the report's document holds now: its sections and blocks (core's ReportDocument). */
  preview: z.unknown(),
});
export type Report = z.infer<typeof report>;

export const createReport = z.object({
  template: reportTemplate,
  year: z.int().min(2000).max(2100),
  /** The PBF's semiannual, annual or final report; a year otherwise. */
  period: z.enum(["year", "semiannual", "annual", "final"]).default("year"),
});

export const updateReport = z.object({
  /** Fields to change, by key; the others stay. An empty string clears a field. */
  narrative: z.record(z.string().max(100), z.string().max(100_000)),
  version,
});

export const reportTransition = z.object({ action: z.enum(REPORT_ACTIONS), version });
export const generateReport = z.object({ format: reportFormat });
export const reportFileParams = z.object({ id, fileId: id });
