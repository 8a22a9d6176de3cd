import { type api, type CurrencyCode, ISSUES_SHOWN_PER_KIND, type Locale, reportImport } from "@baara/core";
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
      plan && row.sheets
        ? {
            sheets: row.sheets,
            sheet: plan.sheet,
            mapping: { headers: plan.mapping.headers, roles: plan.mapping.roles },
            report: reportImport({ ...plan, currency: plan.currency as CurrencyCode }, locale, {
              maxPerKind: ISSUES_SHOWN_PER_KIND,
            }),
          }
        : null,
    error: presentFailure(row.error, locale),
    workplanId: row.workplanId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
