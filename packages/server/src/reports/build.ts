// From a report's template to its document: the figures it is written on
// (gathered now, or kept since its submission) and the builder of its template.
import {
  type CpsAnnualData,
  cpsAnnualDocument,
  type Locale,
  type PbfProgressData,
  pbfProgressDocument,
  type ReportDocument,
  type StoredReportTemplate,
  type UndpAwpData,
  undpAwpDocument,
} from "@baara/core";
import type { ProjectRow } from "../access/policy.ts";
import type { Db } from "../db/client.ts";
import { gatherUndpAwp } from "./gather-awp.ts";
import { gatherCpsAnnual } from "./gather-cps.ts";
import { gatherPbfProgress } from "./gather-pbf.ts";

/** The figures of any template: what its builder reads, and what a submitted report keeps. */
export type ReportData = CpsAnnualData | PbfProgressData | UndpAwpData;

export async function gatherReportData(
  db: Db,
  project: ProjectRow,
  report: { template: StoredReportTemplate; year: number; period: string },
  locale: Locale,
): Promise<ReportData> {
  switch (report.template) {
    case "cps-annual":
      return gatherCpsAnnual(db, project, report.year, locale);
    case "pbf-progress":
      return gatherPbfProgress(db, project, report.year, report.period, locale);
    case "undp-awp":
      return gatherUndpAwp(db, project, report.year, locale);
  }
}

export function buildReportDocument(data: ReportData, narrative: Record<string, string>, locale: Locale): ReportDocument {
  switch (data.template) {
    case "cps-annual":
      return cpsAnnualDocument(data, narrative, locale);
    case "pbf-progress":
      return pbfProgressDocument(data, narrative, locale);
    case "undp-awp":
      return undpAwpDocument(data, narrative, locale);
  }
}
