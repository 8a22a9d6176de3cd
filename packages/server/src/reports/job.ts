// The background writing of a report's document: its figures (kept since its
// submission, else gathered now), the template's document, then Word, PDF
// (Word through LibreOffice) or Excel, kept in the file store.
import type { Locale, ReportFormat } from "@baara/core";
import { eq } from "drizzle-orm";
import type { Context, Services } from "../context.ts";
import type { Db } from "../db/client.ts";
import { projects, reportFiles, reports } from "../db/schema.ts";
import { keepFile } from "../files/records.ts";
import { buildReportDocument, gatherReportData, type ReportData } from "./build.ts";
import { docxToPdf } from "./pdf.ts";
import { reportDocx } from "./write-docx.ts";
import { reportXlsx } from "./write-xlsx.ts";

export const GENERATE_REPORT = "report.generate";

export interface GenerateJob {
  reportFileId: string;
  locale: Locale;
}

export const REPORT_MIME: Record<ReportFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The report's document in a format, from its kept figures or the data now. */
export async function writeReport(
  db: Db,
  report: Pick<typeof reports.$inferSelect, "projectId" | "template" | "year" | "period" | "narrative" | "snapshot">,
  format: ReportFormat,
  locale: Locale,
  progress: (ratio: number, stage: string) => Promise<void> = async () => {},
): Promise<{ bytes: Buffer; fileName: string }> {
  const [project] = await db.select().from(projects).where(eq(projects.id, report.projectId));
  if (!project) throw new Error("report without project");
  await progress(0.1, "data");
  const data = (report.snapshot as ReportData | null) ?? (await gatherReportData(db, project, report, locale));
  await progress(0.4, "document");
  const document = buildReportDocument(data, report.narrative, locale);
  const fileName = `${document.fileStem.replace(/[^\p{L}\p{N}._-]+/gu, "_")}.${format}`;
  if (format === "xlsx") return { bytes: await reportXlsx(document), fileName };
  const docx = await reportDocx(document, locale);
  if (format === "docx") return { bytes: docx, fileName };
  await progress(0.6, "pdf");
  return { bytes: await docxToPdf(docx), fileName };
}

export function registerReportJobs(db: Db, services: Services): void {
  services.jobs.register<GenerateJob>(GENERATE_REPORT, {
    async run(data, progress) {
      const [file] = await db.select().from(reportFiles).where(eq(reportFiles.id, data.reportFileId));
      if (!file) return;
      const [report] = await db.select().from(reports).where(eq(reports.id, file.reportId));
      if (!report) return;
      const { bytes, fileName } = await writeReport(db, report, file.format, data.locale, progress);
      await progress(0.9, "file");
      const ctx: Context = { db, actor: null, system: true, services };
      const stored = await keepFile(ctx, bytes, { name: fileName, mimeType: REPORT_MIME[file.format] });
      await db.update(reportFiles).set({ fileId: stored.id }).where(eq(reportFiles.id, file.id));
    },
  });
}
