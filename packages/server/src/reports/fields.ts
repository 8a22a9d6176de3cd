// The fields of a report: its template's, with those repeated per outcome of
// the project's framework (its top-level results), labelled for the screen.
import { type api, catalogue, fieldLabelKey, type Locale, type ReportField, reportFields } from "@baara/core";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { resultNodes } from "../db/schema.ts";
import type { ReportRow } from "./access.ts";

async function outcomesOf(db: Db, projectId: string) {
  return db
    .select({ code: resultNodes.code, title: resultNodes.title })
    .from(resultNodes)
    .where(and(eq(resultNodes.projectId, projectId), isNull(resultNodes.parentId)))
    .orderBy(asc(resultNodes.position));
}

export async function fieldsOfReport(db: Db, report: Pick<ReportRow, "template" | "projectId">): Promise<ReportField[]> {
  if (report.template !== "pbf-progress") return reportFields(report.template);
  return reportFields(
    report.template,
    (await outcomesOf(db, report.projectId)).map((o) => o.code),
  );
}

export async function presentFields(
  db: Db,
  report: Pick<ReportRow, "template" | "projectId">,
  locale: Locale,
): Promise<api.Report["fields"]> {
  const outcomes = report.template === "pbf-progress" ? await outcomesOf(db, report.projectId) : [];
  const titles = new Map(outcomes.map((o) => [o.code, o.title]));
  const words = catalogue[locale].reportField as Record<string, string>;
  return reportFields(
    report.template,
    outcomes.map((o) => o.code),
  ).map((f) => ({
    key: f.key,
    kind: f.kind,
    limit: f.limit,
    label: words[fieldLabelKey(f)] ?? f.key,
    outcome: f.outcome ? { code: f.outcome, title: titles.get(f.outcome) ?? "" } : null,
  }));
}
