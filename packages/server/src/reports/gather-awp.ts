// The figures of a UNDP annual work plan: the year's plan in force (else its
// latest version), as `GET /workplans/:id/content` presents it, with the
// totals core's plan tree computed from it: each node's, the plan's, funded
// and unfunded. The caller has authorized the read.
import { type AwpTotals, formatAmountDecimal, type Locale, type UndpAwpData } from "@baara/core";
import type { ProjectRow } from "../access/policy.ts";
import type { Db } from "../db/client.ts";
import type { PlanRowsTree } from "../workplans/plan-tree.ts";
import { planOfYear } from "./plan-of-year.ts";
import { reportProject } from "./project.ts";

export async function gatherUndpAwp(db: Db, project: ProjectRow, year: number, _locale: Locale): Promise<UndpAwpData> {
  const base = { template: "undp-awp" as const, project: await reportProject(db, project), year };
  const plan = await planOfYear(db, project, year);
  if (!plan) return { ...base, plan: null };
  const { tree, content } = plan;
  return { ...base, plan: { ...content, totals: totalsOf(tree, project) } };
}

function totalsOf(tree: PlanRowsTree, project: ProjectRow): AwpTotals {
  const amount = (minor: number) => formatAmountDecimal(minor, project.currency);
  const nodes: AwpTotals["nodes"] = {};
  const walk = (list: PlanRowsTree["nodes"]) => {
    for (const node of list) {
      nodes[node.id] = { total: amount(node.computed), activityCount: node.activityCount };
      walk(node.children);
    }
  };
  walk(tree.nodes);
  return { nodes, total: amount(tree.total.computed), funded: amount(tree.funded), unfunded: amount(tree.unfunded) };
}
