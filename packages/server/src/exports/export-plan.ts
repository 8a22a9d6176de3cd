// A plan as a file: the PTBA layout (xlsx), the UNDP AWP layout (xlsx) or csv.
// Every writer lays out the one plan tree (workplans/plan-tree.ts).
import type { api } from "@baara/core";
import type { ProjectRow, WorkplanRow } from "../access/policy.ts";
import type { FileAnswer } from "../http/route.ts";
import type { PlanRowsTree } from "../workplans/plan-tree.ts";
import { csvFromWorkbook } from "./csv.ts";
import { writeAwpWorkbook } from "./xlsx-awp.ts";
import { type ExecutionTable, writeExecutionWorkbook } from "./xlsx-execution.ts";
import { ptbaWorkbook, writePtbaWorkbook } from "./xlsx-ptba.ts";

export type ExportFormat = api.ExportFormat;

export interface ExportPlan {
  project: ProjectRow;
  workplan: WorkplanRow;
  tree: PlanRowsTree;
}
export type ExportNode = PlanRowsTree["nodes"][number];
export type ExportActivity = ExportNode["activities"][number];

/** Branches of the framework with no activity in this plan are left out of the sheets. */
export function shownNodes(nodes: readonly ExportNode[]): ExportNode[] {
  return nodes.filter((n) => n.activityCount > 0);
}

const TYPES: { [F in ExportFormat]: { mime: string; extension: string } } = {
  xlsx: { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extension: "xlsx" },
  awp: { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extension: "xlsx" },
  csv: { mime: "text/csv; charset=utf-8", extension: "csv" },
};

export async function exportPlan(plan: ExportPlan, format: ExportFormat): Promise<FileAnswer> {
  const body =
    format === "csv" ? csvFromWorkbook(ptbaWorkbook(plan)) : format === "awp" ? await writeAwpWorkbook(plan) : await writePtbaWorkbook(plan);
  const base = `${plan.project.code}-${format === "awp" ? "AWP" : "PTBA"}-${plan.workplan.year}-v${plan.workplan.planVersion}`;
  return {
    body,
    mimeType: TYPES[format].mime,
    fileName: `${base.replace(/[^A-Za-z0-9._-]+/g, "_")}.${TYPES[format].extension}`,
  };
}

export type ExportTask = { plan: ExportPlan; format: ExportFormat } | { execution: ExecutionTable; fileName: string };

/** What an export thread does (export-pool.ts): one argument, as a thread task takes it. */
export async function exportTask(task: ExportTask): Promise<FileAnswer> {
  if ("execution" in task) return { body: await writeExecutionWorkbook(task.execution), mimeType: TYPES.xlsx.mime, fileName: task.fileName };
  return exportPlan(task.plan, task.format);
}
