import type { api, PlanStatus } from "@baara/core";
import type { WorkplanRow } from "./access.ts";

export function presentWorkplan(row: WorkplanRow): api.Workplan {
  return {
    id: row.id,
    projectId: row.projectId,
    year: row.year,
    planVersion: row.planVersion,
    title: row.title,
    status: row.status as PlanStatus,
    declaredTotal: row.declaredTotal,
    copiedFromId: row.copiedFromId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}
