import type { api } from "@baara/core";
import type { NodeRow } from "../workplans/plan-tree.ts";

export function presentNode(row: NodeRow, levelLabels: readonly string[]): api.ResultNode {
  return {
    id: row.id,
    projectId: row.projectId,
    parentId: row.parentId,
    level: row.level,
    levelLabel: levelLabels[row.level] ?? "",
    code: row.code,
    title: row.title,
    position: row.position,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}
