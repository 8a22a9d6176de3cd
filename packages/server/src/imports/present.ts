import {
  type api,
  type CurrencyCode,
  type ImportedPlan,
  ISSUES_SHOWN_PER_KIND,
  type Locale,
  planInputOf,
  planTree,
  previewImport,
  reportImport,
} from "@baara/core";
import { presentFailure, presentJob } from "../jobs/present.ts";
import type { ImportDetails } from "./queries.ts";

export function presentImport({ row, file, job, uploader }: ImportDetails, locale: Locale): api.ImportRecord {
  const plan = row.plan;
  return {
    id: row.id,
    projectId: row.projectId,
    status: row.status,
    fileName: file.name,
    fileSize: file.size,
    fileType: file.mimeType,
    uploadedBy: { id: uploader?.id ?? null, name: uploader?.name ?? null },
    options: row.options,
    job: job ? presentJob(job, locale) : null,
    interpretation:
      plan && row.sheets ? presentInterpretation({ ...plan, currency: plan.currency as CurrencyCode }, row.sheets, locale) : null,
    error: presentFailure(row.error, locale),
    workplanId: row.workplanId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The sheets, the columns with what they hold, the report, and the tree the commit will write: one roll-up for both. */
function presentInterpretation(plan: ImportedPlan, sheets: string[], locale: Locale): api.ImportRecord["interpretation"] {
  const rollup = planTree(planInputOf(plan));
  const { headers, roles } = plan.mapping;
  return {
    sheets,
    sheet: plan.sheet,
    mapping: { headers, roles, samples: headers.map((_, c) => plan.mapping.samples?.[c] ?? []) },
    report: reportImport(plan, locale, { maxPerKind: ISSUES_SHOWN_PER_KIND, rollup }),
    preview: previewImport(plan, undefined, rollup),
  };
}
