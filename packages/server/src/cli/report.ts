// `baara report --template NAME --project CODE --year YYYY [--period P] --format docx|pdf|xlsx --out FILE`:
// a report written from the database. A report kept in Baara for that
// template, year and period gives its text and, once submitted, the figures
// it kept; otherwise the figures are read now and the text is left empty.
// `--template minutes` writes the minutes of a session of the project's
// committees that year (the one of `--period YYYY-MM-DD`, else the latest).
import { writeFile } from "node:fs/promises";
import {
  type Locale,
  minutesDocument,
  REPORT_FORMATS,
  REPORT_TEMPLATES,
  type ReportFormat,
  type ReportTemplateName,
} from "@baara/core";
import { and, desc, eq, gte, isNull, lte, or } from "drizzle-orm";
import { readMeeting } from "../committees/queries.ts";
import type { Db } from "../db/client.ts";
import { committeeBodies, meetings, projects, reports } from "../db/schema.ts";
import { writeReport } from "../reports/job.ts";
import { docxToPdf } from "../reports/pdf.ts";
import { reportDocx } from "../reports/write-docx.ts";
import { reportXlsx } from "../reports/write-xlsx.ts";
import { withDatabase } from "./database.ts";

export interface ReportOptions {
  template: string;
  project: string;
  year: string;
  period?: string;
  format: string;
  out: string;
  lang: string;
}

export async function reportCommand(options: ReportOptions): Promise<void> {
  const locale: Locale = options.lang === "en" ? "en" : "fr";
  const template = options.template as ReportTemplateName;
  if (!REPORT_TEMPLATES.includes(template)) throw new Error(`--template must be one of ${REPORT_TEMPLATES.join(", ")}`);
  const format = options.format as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) throw new Error(`--format must be one of ${REPORT_FORMATS.join(", ")}`);
  const year = Number(options.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new Error("--year must be a year such as 2023");
  await withDatabase(async (database) => {
    await database.migrate();
    const { db } = database;
    const [project] = await db.select().from(projects).where(eq(projects.code, options.project));
    if (!project) throw new Error(`no project with code ${options.project}`);
    if (template === "minutes") {
      const { bytes, what } = await minutesOf(db, project, year, options.period, format, locale);
      await writeFile(options.out, bytes);
      console.log(`${options.out}: ${what}`);
      return;
    }
    const period = options.period ?? (template === "pbf-progress" ? "annual" : "year");
    const [kept] = await db
      .select()
      .from(reports)
      .where(
        and(
          eq(reports.projectId, project.id),
          eq(reports.template, template),
          eq(reports.year, year),
          eq(reports.period, period),
        ),
      );
    const report = kept ?? { projectId: project.id, template, year, period, narrative: {}, snapshot: null };
    const { bytes } = await writeReport(db, report, format, locale);
    await writeFile(options.out, bytes);
    const state = kept
      ? `${kept.status}${kept.snapshotAt ? `, figures of ${kept.snapshotAt.toISOString().slice(0, 10)}` : ""}`
      : "figures of today, no text";
    console.log(`${options.out}: ${template} ${project.code} ${year} ${period} (${state})`);
  });
}

async function minutesOf(
  db: Db,
  project: typeof projects.$inferSelect,
  year: number,
  date: string | undefined,
  format: ReportFormat,
  locale: Locale,
): Promise<{ bytes: Buffer; what: string }> {
  if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date))
    throw new Error("--period must be a session date such as 2024-06-21");
  const [found] = await db
    .select({ meeting: meetings, body: committeeBodies })
    .from(meetings)
    .innerJoin(committeeBodies, eq(committeeBodies.id, meetings.bodyId))
    .where(
      and(
        date ? eq(meetings.date, date) : and(gte(meetings.date, `${year}-01-01`), lte(meetings.date, `${year}-12-31`)),
        or(
          eq(committeeBodies.projectId, project.id),
          and(isNull(committeeBodies.projectId), eq(committeeBodies.organisationId, project.organisationId)),
        ),
      ),
    )
    .orderBy(desc(meetings.date))
    .limit(1);
  if (!found) throw new Error(`no session of a committee of ${project.code} ${date ? `on ${date}` : `in ${year}`}`);
  const document = minutesDocument(await readMeeting(db, found.meeting, found.body), locale);
  const what = `${found.body.name}, ${found.meeting.date}`;
  if (format === "xlsx") return { bytes: await reportXlsx(document), what };
  const docx = await reportDocx(document, locale);
  return { bytes: format === "pdf" ? await docxToPdf(docx) : docx, what };
}
