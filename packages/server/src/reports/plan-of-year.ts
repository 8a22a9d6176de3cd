// The plan a report shows for a year: its version in force (the latest
// approved or endorsed), else its latest version; loaded whole with core's
// roll-up and presented as `GET /workplans/:id/content` presents it.
import { planTree, versionInForce } from "@baara/core";
import { and, desc, eq } from "drizzle-orm";
import type { ProjectRow } from "../access/policy.ts";
import type { Db } from "../db/client.ts";
import { workplans } from "../db/schema.ts";
import { loadPlan } from "../workplans/plan-tree.ts";
import { presentContent } from "../workplans/present.ts";

export async function planOfYear(db: Db, project: ProjectRow, year: number) {
  const versions = await db
    .select()
    .from(workplans)
    .where(and(eq(workplans.projectId, project.id), eq(workplans.year, year)))
    .orderBy(desc(workplans.planVersion));
  const inForce = versionInForce(versions);
  const workplan = versions.find((v) => v.planVersion === inForce) ?? versions[0];
  if (!workplan) return null;
  const rows = await loadPlan(db, workplan, project);
  const tree = planTree(rows);
  return { tree, content: presentContent({ ...workplan, versionInForce: inForce }, project, tree, rows.nodeRows) };
}
