// Writing reports: start one, write its fields, submit (its figures are taken
// then and kept), approve or return it, delete a draft, and ask for its
// document in a format (a background job writes the file).
import {
  api,
  catalogue,
  checkReportFields,
  fieldLabelKey,
  type Locale,
  type ReportAction,
  type ReportStatus,
} from "@baara/core";
import { and, eq } from "drizzle-orm";
import type * as z from "zod";
import { recordAudit } from "../audit/record.ts";
import type { Context } from "../context.ts";
import { reportFiles, reports } from "../db/schema.ts";
import { inTransaction } from "../db/transaction.ts";
import { AppError, duplicate, forbidden, invalidFields, versionConflict } from "../http/errors.ts";
import { authorizeReport, reportProjectAccess, type ReportRow } from "./access.ts";
import { gatherReportData } from "./build.ts";
import { fieldsOfReport } from "./fields.ts";
import { GENERATE_REPORT, type GenerateJob } from "./job.ts";

type CreateInput = z.output<typeof api.createReport>;

export async function createReport(ctx: Context, projectId: string, input: CreateInput, locale: Locale): Promise<ReportRow> {
  const { project, capabilities } = await reportProjectAccess(ctx, projectId);
  if (!capabilities.has("report.write")) throw forbidden();
  const periods: readonly string[] = input.template === "pbf-progress" ? ["semiannual", "annual", "final"] : ["year"];
  const period = input.template === "pbf-progress" && input.period === "year" ? "annual" : input.period;
  if (!periods.includes(period))
    throw invalidFields([{ field: "period", code: "REPORT_PERIOD_INVALID", message: "REPORT_PERIOD_INVALID" }]);
  const words = catalogue[locale];
  const title =
    input.template === "pbf-progress"
      ? `${words.reportTemplate[input.template]} — ${words.reportPeriod[period as "annual"]} ${input.year}`
      : `${words.reportTemplate[input.template]} ${input.year}`;
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(reports)
      .values({
        projectId: project.id,
        template: input.template,
        year: input.year,
        period,
        title,
        createdById: tx.actor?.user.id ?? null,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw duplicate("report", title);
    await recordAudit(tx, { projectId: project.id, entity: "report", entityId: row.id, action: "create", after: row });
    return row;
  });
}

/** A draft's fields, changed by key; every refusal names its field and, for text, the limit. */
export async function updateReport(
  ctx: Context,
  reportId: string,
  input: z.output<typeof api.updateReport>,
  locale: Locale,
): Promise<ReportRow> {
  const { report, project } = await authorizeReport(ctx, reportId, "report.write");
  if (report.version !== input.version) throw versionConflict(report);
  requireDraft(report, locale);
  const fields = await fieldsOfReport(ctx.db, report);
  const problems = checkReportFields(fields, input.narrative, project.currency);
  if (problems.length > 0) {
    const words = catalogue[locale].reportField as Record<string, string>;
    const byKey = new Map(fields.map((f) => [f.key, f]));
    throw invalidFields(
      problems.map((p) => {
        const field = byKey.get(p.field);
        const label = field ? (words[fieldLabelKey(field)] ?? p.field) : p.field;
        return { field: `narrative.${p.field}`, code: p.code, message: p.code, params: { ...p.params, label } };
      }),
    );
  }
  return inTransaction(ctx, async (tx) => {
    const narrative = { ...report.narrative };
    for (const [key, value] of Object.entries(input.narrative)) {
      if (value.trim() === "") delete narrative[key];
      else narrative[key] = value;
    }
    const [row] = await tx.db
      .update(reports)
      .set({ narrative, updatedAt: new Date(), version: report.version + 1 })
      .where(and(eq(reports.id, report.id), eq(reports.version, report.version)))
      .returning();
    if (!row) throw versionConflict(report);
    await recordAudit(tx, {
      projectId: project.id,
      entity: "report",
      entityId: report.id,
      action: "update",
      before: { narrative: report.narrative },
      after: { narrative },
    });
    return row;
  });
}

export async function deleteReport(ctx: Context, reportId: string, locale: Locale): Promise<void> {
  const { report } = await authorizeReport(ctx, reportId, "report.write");
  requireDraft(report, locale);
  await inTransaction(ctx, async (tx) => {
    await tx.db.delete(reports).where(eq(reports.id, report.id));
    await recordAudit(tx, {
      projectId: report.projectId,
      entity: "report",
      entityId: report.id,
      action: "delete",
      before: report,
    });
  });
}

const NEXT: Record<ReportAction, { from: ReportStatus; to: ReportStatus; capability: "report.write" | "report.approve" }> = {
  submit: { from: "draft", to: "submitted", capability: "report.write" },
  approve: { from: "submitted", to: "approved", capability: "report.approve" },
  return: { from: "submitted", to: "draft", capability: "report.approve" },
};

/**
 * Submitting takes the figures the report is written on and keeps them:
 * what the approver reads and approves no longer moves with the plan.
 * Returning to draft lets the report follow the data again.
 */
export async function transitionReport(
  ctx: Context,
  reportId: string,
  input: z.output<typeof api.reportTransition>,
  locale: Locale,
): Promise<ReportRow> {
  const step = NEXT[input.action];
  const { report, project } = await authorizeReport(ctx, reportId, step.capability);
  if (report.version !== input.version) throw versionConflict(report);
  if (report.status !== step.from)
    throw new AppError("INVALID_TRANSITION", {
      from: catalogue[locale].reportStatus[report.status],
      action: catalogue[locale].reportAction[input.action],
    });
  const snapshot = input.action === "submit" ? await gatherReportData(ctx.db, project, report, locale) : null;
  return inTransaction(ctx, async (tx) => {
    const now = new Date();
    const userId = tx.actor?.user.id ?? null;
    const values: Partial<typeof reports.$inferInsert> =
      input.action === "submit"
        ? { snapshot, snapshotAt: now, submittedById: userId, submittedAt: now }
        : input.action === "approve"
          ? { approvedById: userId, approvedAt: now }
          : { snapshot: null, snapshotAt: null, submittedById: null, submittedAt: null };
    const [row] = await tx.db
      .update(reports)
      .set({ ...values, status: step.to, updatedAt: now, version: report.version + 1 })
      .where(and(eq(reports.id, report.id), eq(reports.version, report.version)))
      .returning();
    if (!row) throw versionConflict(report);
    await recordAudit(tx, {
      projectId: project.id,
      entity: "report",
      entityId: report.id,
      action: input.action,
      before: { status: report.status },
      after: { status: row.status },
    });
    return row;
  });
}

/** Queues the writing of the report's document in a format; the file row follows the job. */
export async function generateReport(
  ctx: Context,
  reportId: string,
  input: z.output<typeof api.generateReport>,
  locale: Locale,
): Promise<typeof reportFiles.$inferSelect> {
  const { report } = await authorizeReport(ctx, reportId, "report.write");
  const { row, job } = await inTransaction(ctx, async (tx) => {
    const [file] = await tx.db
      .insert(reportFiles)
      .values({
        reportId: report.id,
        format: input.format,
        reportStatus: report.status,
        createdById: tx.actor?.user.id ?? null,
      })
      .returning();
    if (!file) throw new Error("report file not recorded");
    const data: GenerateJob = { reportFileId: file.id, locale };
    const job = await tx.services.jobs.enqueue(tx.db, GENERATE_REPORT, data, {
      projectId: report.projectId,
      createdById: tx.actor?.user.id ?? null,
    });
    const [withJob] = await tx.db.update(reportFiles).set({ jobId: job.id }).where(eq(reportFiles.id, file.id)).returning();
    return { row: withJob ?? file, job };
  });
  await job.dispatch();
  return row;
}

function requireDraft(report: ReportRow, locale: Locale): void {
  if (report.status !== "draft")
    throw new AppError("REPORT_NOT_EDITABLE", {
      status: catalogue[locale].reportStatus[report.status].toLocaleLowerCase(locale),
    });
}
