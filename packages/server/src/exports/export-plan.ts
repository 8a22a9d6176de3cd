import type { Db } from "../db/client.ts";
import type { projects, workplans } from "../db/schema.ts";
import { csvFromWorkbook } from "./csv.ts";
import { loadExportPlan } from "./load.ts";
import { writeAwpWorkbook } from "./xlsx-awp.ts";
import { writePtbaWorkbook } from "./xlsx-ptba.ts";

export type ExportFormat = "xlsx" | "awp" | "csv";

export const EXPORT_TYPES: Record<ExportFormat, { mime: string; extension: string }> = {
  xlsx: { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extension: "xlsx" },
  awp: { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extension: "xlsx" },
  csv: { mime: "text/csv; charset=utf-8", extension: "csv" },
};

export async function exportPlan(
  db: Db,
  project: typeof projects.$inferSelect,
  workplan: typeof workplans.$inferSelect,
  format: ExportFormat,
): Promise<Buffer> {
  const plan = await loadExportPlan(db, project, workplan);
  if (format === "awp") return writeAwpWorkbook(plan);
  const xlsx = await writePtbaWorkbook(plan);
  return format === "csv" ? csvFromWorkbook(xlsx) : xlsx;
}

export function exportFileName(
  project: typeof projects.$inferSelect,
  workplan: typeof workplans.$inferSelect,
  format: ExportFormat,
) {
  const base = `${project.code}-${format === "awp" ? "AWP" : "PTBA"}-${workplan.year}-v${workplan.planVersion}`;
  return `${base.replace(/[^A-Za-z0-9._-]+/g, "_")}.${EXPORT_TYPES[format].extension}`;
}
