// `baara import-plan` and `baara export-plan`.
import { readFile, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { CURRENCIES, type CurrencyCode, isCurrencyCode, isMessageCode, type Locale, reportImport, translate } from "@baara/core";
import { and, desc, eq } from "drizzle-orm";
import { projects, workplans } from "../db/schema.ts";
import { type ExportFormat, exportPlan } from "../exports/export-plan.ts";
import { interpretFile } from "../imports/interpret-file.ts";
import { commitImport, createImport } from "../imports/operations.ts";
import { readableImport } from "../imports/queries.ts";
import { failureOf, isExpectedFailure, type JobFailure } from "../jobs/failures.ts";
import { consoleContext } from "./context.ts";
import { withDatabase } from "./database.ts";
import { loadPlanTree } from "../workplans/plan-tree.ts";

export interface ImportPlanOptions {
  sheet?: string;
  dryRun?: boolean;
  json?: boolean;
  project?: string;
  year?: string;
  currency?: string;
  lang: string;
}

/** Prints the validation report; writes a new plan version when a project and year are given. */
export async function importPlanCommand(file: string, options: ImportPlanOptions): Promise<void> {
  const locale: Locale = options.lang === "en" ? "en" : "fr";
  const year = options.year ? Number(options.year) : undefined;
  if (options.year && (!Number.isInteger(year) || (year ?? 0) < 2000 || (year ?? 0) > 2100)) {
    throw new Error("--year must be a year such as 2024");
  }
  if (options.project && !year) throw new Error("--project needs --year");
  const currency = options.currency?.toUpperCase();
  if (currency !== undefined && !isCurrencyCode(currency)) {
    throw new Error(`--currency must be one of ${Object.keys(CURRENCIES).join(", ")}`);
  }
  /** A project's amounts are in its currency: --currency may only repeat it. */
  const currencyOf = (project?: typeof projects.$inferSelect): CurrencyCode | undefined => {
    if (project && currency && currency !== project.currency) {
      throw new Error(`project ${project.code} keeps its amounts in ${project.currency}, not ${currency}`);
    }
    return (project?.currency as CurrencyCode | undefined) ?? currency;
  };
  const bytes = await readFile(file).catch(() => {
    throw new Error(`cannot read ${file}`);
  });
  const failureMessage = (failure: JobFailure | null) =>
    new Error(translate(failure && isMessageCode(failure.code) ? failure.code : "JOB_FAILED", locale, failure?.params ?? {}));
  const failureText = (error: unknown) => (isExpectedFailure(error) ? failureMessage(failureOf(error)) : error);

  const dryRun = async (project?: typeof projects.$inferSelect) => {
    const { plan } = await interpretFile(bytes, {
      fileName: file,
      sheet: options.sheet,
      year,
      currency: currencyOf(project),
      levelLabels: project?.levelLabels,
    }).catch((error: unknown) => {
      throw failureText(error);
    });
    printReport(reportImport(plan, locale), options.json === true, locale);
  };
  if (!options.project) return dryRun();
  if (options.dryRun) {
    return withDatabase(async (database) => {
      await database.migrate();
      const [project] = await database.db.select().from(projects).where(eq(projects.code, options.project ?? ""));
      if (!project) throw new Error(`no project with code ${options.project}`);
      await dryRun(project);
    });
  }
  await withDatabase(async (database) => {
    await database.migrate();
    const ctx = consoleContext(database);
    const [project] = await database.db.select().from(projects).where(eq(projects.code, options.project ?? ""));
    if (!project) throw new Error(`no project with code ${options.project}`);
    currencyOf(project);
    // The same use cases as the web app's import, with the jobs run inline.
    const upload = { bytes, name: basename(file), mimeType: "application/octet-stream", options: { ...(year ? { year } : {}), ...(options.sheet ? { sheet: options.sheet } : {}) } };
    const read = await readableImport(ctx, (await createImport(ctx, project.id, upload)).id);
    if (read.status !== "ready" || !read.plan) throw failureMessage(read.error);
    const report = reportImport(read.plan, locale);
    const done = await readableImport(ctx, (await commitImport(ctx, read.id, { year })).id);
    if (done.status !== "committed" || !done.workplanId) throw failureMessage(done.error);
    const [created] = await database.db.select().from(workplans).where(eq(workplans.id, done.workplanId));
    if (!created) throw new Error("work plan not found after import");
    const workplan = { id: created.id, year: created.year, planVersion: created.planVersion };
    printReport({ ...report, workplan }, options.json === true, locale);
  });
}

function printReport(report: ReturnType<typeof reportImport> & { workplan?: object }, json: boolean, locale: Locale): void {
  if (json) {
    const { activities, budgetLines, groups, total, issues, workplan } = report;
    const out = {
      activities,
      budgetLines,
      groups: groups.map(({ code, title, level, computed, declared }) => ({ code, title, level, computed, declared })),
      total,
      issues: issues.map(({ code, severity, row, column, declared, computed, message }) => ({
        code,
        severity,
        row,
        column,
        declared,
        computed,
        message,
      })),
      ...(workplan ? { workplan } : {}),
    };
    console.log(JSON.stringify(out, null, 2));
    return;
  }
  const fr = locale === "fr";
  const counts = fr
    ? `${report.activities} activités, ${report.budgetLines} lignes budgétaires`
    : `${report.activities} activities, ${report.budgetLines} budget lines`;
  console.log(`${report.sheet} — ${counts}`);
  for (const g of report.groups) {
    const declared = g.declared === null ? "" : ` (${fr ? "déclaré" : "declared"} ${g.declared})`;
    console.log(`${"  ".repeat(g.level)}${g.code} ${g.title.slice(0, 60)} : ${g.computed}${declared}`);
  }
  console.log(`TOTAL : ${report.total.computed}${report.total.declared === null ? "" : ` (${fr ? "déclaré" : "declared"} ${report.total.declared})`}`);
  for (const issue of report.issues) console.log(`[${issue.severity}] ${issue.code} ${issue.message}`);
  if (report.workplan) console.log(fr ? `Plan enregistré : ${JSON.stringify(report.workplan)}` : `Plan saved: ${JSON.stringify(report.workplan)}`);
}

export interface ExportPlanOptions {
  project: string;
  year: string;
  version?: string;
  format: string;
  out: string;
}

export async function exportPlanCommand(options: ExportPlanOptions) {
  const formats: ExportFormat[] = ["xlsx", "awp", "csv"];
  if (!formats.includes(options.format as ExportFormat)) throw new Error("--format must be xlsx, awp or csv");
  await withDatabase(async (database) => {
    await database.migrate();
    const { db } = database;
    const [project] = await db.select().from(projects).where(eq(projects.code, options.project));
    if (!project) throw new Error(`no project with code ${options.project}`);
    const [workplan] = await db
      .select()
      .from(workplans)
      .where(
        and(
          eq(workplans.projectId, project.id),
          eq(workplans.year, Number(options.year)),
          options.version ? eq(workplans.planVersion, Number(options.version)) : undefined,
        ),
      )
      .orderBy(desc(workplans.planVersion))
      .limit(1);
    if (!workplan) throw new Error(`no ${options.year} plan${options.version ? ` version ${options.version}` : ""} for ${options.project}`);
    const tree = await loadPlanTree(db, workplan, project);
    await writeFile(options.out, (await exportPlan({ project, workplan, tree }, options.format as ExportFormat)).body);
    console.log(`${options.out}: ${project.code} ${workplan.year} v${workplan.planVersion} (${options.format})`);
  });
}
