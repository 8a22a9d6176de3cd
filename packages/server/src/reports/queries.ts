// Reading reports: a project's list, one report whole (fields, text, files,
// and a preview of its document), a generated file.
import { type api, type Locale } from "@baara/core";
import { aliasedTable, and, desc, eq } from "drizzle-orm";
import type { Context } from "../context.ts";
import { jobs, reportFiles, reports, storedFiles, users } from "../db/schema.ts";
import { fileBytes } from "../files/records.ts";
import { notFound } from "../http/errors.ts";
import type { FileAnswer } from "../http/route.ts";
import { authorizeReport, reportProjectAccess, type ReportRow } from "./access.ts";
import { buildReportDocument, gatherReportData, type ReportData } from "./build.ts";
import { presentFields } from "./fields.ts";
import { presentReportFile, presentReportSummary, type ReportNames } from "./present.ts";

const submitters = aliasedTable(users, "submitters");
const approvers = aliasedTable(users, "approvers");

async function namesOf(ctx: Context, where: ReturnType<typeof eq>) {
  return ctx.db
    .select({ report: reports, submittedByName: submitters.name, approvedByName: approvers.name })
    .from(reports)
    .leftJoin(submitters, eq(submitters.id, reports.submittedById))
    .leftJoin(approvers, eq(approvers.id, reports.approvedById))
    .where(where)
    .orderBy(desc(reports.year), reports.template, reports.period);
}

export async function listReports(ctx: Context, projectId: string): Promise<api.ReportSummary[]> {
  const { project } = await reportProjectAccess(ctx, projectId);
  const rows = await namesOf(ctx, eq(reports.projectId, project.id));
  return rows.map((r) => presentReportSummary(r.report, r));
}

export async function getReport(ctx: Context, reportId: string, locale: Locale): Promise<api.Report> {
  const { report, project } = await authorizeReport(ctx, reportId, "project.read");
  const [named] = await namesOf(ctx, eq(reports.id, report.id));
  const names: ReportNames = named ?? { submittedByName: null, approvedByName: null };
  const files = await filesOf(ctx, report.id, locale);
  const data = (report.snapshot as ReportData | null) ?? (await gatherReportData(ctx.db, project, report, locale));
  return {
    ...presentReportSummary(report, names),
    fields: await presentFields(ctx.db, report, locale),
    narrative: report.narrative,
    files,
    preview: buildReportDocument(data, report.narrative, locale),
  };
}

export async function readReport(ctx: Context, reportId: string): Promise<ReportRow> {
  return (await authorizeReport(ctx, reportId, "project.read")).report;
}

export async function reportFileAnswer(ctx: Context, reportId: string, fileId: string): Promise<FileAnswer> {
  const { report } = await authorizeReport(ctx, reportId, "project.read");
  const [row] = await ctx.db
    .select({ stored: storedFiles })
    .from(reportFiles)
    .innerJoin(storedFiles, eq(storedFiles.id, reportFiles.fileId))
    .where(and(eq(reportFiles.id, fileId), eq(reportFiles.reportId, report.id)));
  if (!row) throw notFound("report");
  return { body: await fileBytes(ctx, row.stored), mimeType: row.stored.mimeType, fileName: row.stored.name };
}

/** The report's latest generated files (or the one asked for), with their jobs' progress. */
export async function filesOf(ctx: Context, reportId: string, locale: Locale, fileId?: string): Promise<api.ReportFile[]> {
  const rows = await ctx.db
    .select({ file: reportFiles, job: jobs, stored: storedFiles, createdByName: users.name })
    .from(reportFiles)
    .leftJoin(jobs, eq(jobs.id, reportFiles.jobId))
    .leftJoin(storedFiles, eq(storedFiles.id, reportFiles.fileId))
    .leftJoin(users, eq(users.id, reportFiles.createdById))
    .where(fileId ? and(eq(reportFiles.reportId, reportId), eq(reportFiles.id, fileId)) : eq(reportFiles.reportId, reportId))
    .orderBy(desc(reportFiles.createdAt))
    .limit(20);
  return rows.map((f) => presentReportFile(f, locale));
}
