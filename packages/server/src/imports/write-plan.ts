// Writes an interpreted work plan into a new plan version, in the version's
// transaction: all of it or nothing.
import type { ImportedPlan } from "@baara/core";
import { eq } from "drizzle-orm";
import type { ProjectRow, WorkplanRow } from "../access/policy.ts";
import { chunks } from "../db/chunks.ts";
import type { Db } from "../db/client.ts";
import { activities, budgetLines, declaredTotals, projects, resultNodes } from "../db/schema.ts";

/** What of an interpreted plan is written: its tree and the sub-totals it declared. */
export type PlanContent = Pick<ImportedPlan, "levelLabels" | "nodes" | "activities" | "lines" | "declaredTotals">;

/** Writes the content of an interpreted plan into a new, empty version (in the version's transaction). */
export async function writeImportedPlan(
  ctx: { db: Db },
  project: Pick<ProjectRow, "id" | "levelLabels">,
  workplan: Pick<WorkplanRow, "id">,
  plan: PlanContent,
): Promise<void> {
  const { db } = ctx;
  const nodeIds = await matchOrCreateNodes(db, project, plan);
  const activityIds = new Map<string, string>();
  for (const [offset, chunk] of chunks(plan.activities)) {
    const rows = await db
      .insert(activities)
      .values(
        chunk.map(({ key: _key, nodeKey, row: _row, ...a }, i) => ({
          ...a,
          workplanId: workplan.id,
          resultNodeId: nodeKey ? (nodeIds.get(nodeKey) ?? null) : null,
          position: offset + i,
        })),
      )
      .returning({ id: activities.id });
    chunk.forEach((a, i) => {
      const id = rows[i]?.id;
      if (id) activityIds.set(a.key, id);
    });
  }
  for (const [offset, chunk] of chunks(plan.lines)) {
    await db.insert(budgetLines).values(
      chunk.map(({ key: _key, activityKey, row: _row, ...line }, i) => ({
        ...line,
        activityId: activityIds.get(activityKey) ?? "",
        workplanId: workplan.id,
        position: offset + i,
      })),
    );
  }
  // One declared total per branch: two groups of the sheet may join the same branch of the framework.
  const totals = new Map<string, { workplanId: string; resultNodeId: string; amount: string }>();
  for (const d of plan.declaredTotals) {
    const nodeId = nodeIds.get(d.nodeKey);
    if (nodeId && !totals.has(nodeId)) totals.set(nodeId, { workplanId: workplan.id, resultNodeId: nodeId, amount: d.amount });
  }
  if (totals.size > 0) await db.insert(declaredTotals).values([...totals.values()]);
}

/** Imported groups join the project's framework by code under the same parent; new ones are added. */
async function matchOrCreateNodes(
  db: Db,
  project: Pick<ProjectRow, "id" | "levelLabels">,
  plan: PlanContent,
): Promise<Map<string, string>> {
  if (plan.levelLabels.length > project.levelLabels.length) {
    // The sheet goes deeper than the project's framework: its level names extend the project's.
    const levelLabels = [...project.levelLabels, ...plan.levelLabels.slice(project.levelLabels.length)];
    await db.update(projects).set({ levelLabels }).where(eq(projects.id, project.id));
  }
  const existing = await db.select().from(resultNodes).where(eq(resultNodes.projectId, project.id));
  const ids = new Map<string, string>();
  let position = existing.reduce((max, n) => Math.max(max, n.position), -1) + 1;
  for (const node of plan.nodes) {
    const parentId = node.parentKey ? (ids.get(node.parentKey) ?? null) : null;
    const match = existing.find((n) => n.code === node.code && n.parentId === parentId);
    if (match) {
      ids.set(node.key, match.id);
      continue;
    }
    const [created] = await db
      .insert(resultNodes)
      .values({
        projectId: project.id,
        parentId,
        level: node.level,
        code: node.code,
        title: node.title,
        position: position++,
      })
      .returning({ id: resultNodes.id });
    if (!created) throw new Error("results node not created");
    existing.push({
      ...node,
      id: created.id,
      projectId: project.id,
      parentId,
      position,
      createdAt: new Date(),
      updatedAt: new Date(),
      version: 1,
    });
    ids.set(node.key, created.id);
  }
  return ids;
}
