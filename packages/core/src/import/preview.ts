// What an import will create, before it is committed: the groups of the
// results framework, their activities and the activities' budget lines, in
// the order of the plan, each with its total, as rows a screen can show as a
// tree. Totals come from the same roll-up the plan will have once written; a
// very large file is cut after the first activities and lines (the groups and
// their totals stay whole) and says how many were left out.
import { formatAmountDecimal, type Minor } from "../money.ts";
import { planTree } from "../plan/rollup.ts";
import type { ActivityTotal, NodeTotal, PlanTree } from "../plan/types.ts";
import type { ImportedPlan } from "./model.ts";
import { planInputOf } from "./report.ts";

export interface ImportPreviewRow {
  kind: "node" | "activity" | "line";
  /** The key the report's findings name as their target. */
  key: string;
  /** The node or activity it belongs to; null at the top. */
  parentKey: string | null;
  depth: number;
  /** 1-based row of the sheet. */
  row: number;
  code: string | null;
  /** The level's name for a group ("Sous-composante"), null otherwise. */
  levelLabel: string | null;
  label: string;
  /** A line's quantity and unit cost as read. */
  quantity: string | null;
  unitCost: string | null;
  /** What it counts for: a group's and an activity's total, a line's amount. */
  amount: string;
  /** A group's declared sub-total, a line's declared amount when it differs from quantity × unit cost. */
  declared: string | null;
  /** An activity marked "PM" (pour mémoire): no cost. */
  noCost: boolean;
}

export interface ImportPreview {
  rows: ImportPreviewRow[];
  /** Activities and lines left out of `rows` past the limits (their amounts are in the groups' totals). */
  omitted: { activities: number; lines: number };
}

export const PREVIEW_LIMITS = { activities: 200, lines: 600 };

export function previewImport(plan: ImportedPlan, limits = PREVIEW_LIMITS, rollup?: PlanTree): ImportPreview {
  const tree = rollup ?? planTree(planInputOf(plan));
  const amount = (minor: Minor) => formatAmountDecimal(minor, plan.currency);
  const byKey = {
    nodes: new Map(plan.nodes.map((n) => [n.key, n])),
    activities: new Map(plan.activities.map((a) => [a.key, a])),
    lines: new Map(plan.lines.map((l) => [l.key, l])),
  };
  const rows: ImportPreviewRow[] = [];
  const omitted = { activities: 0, lines: 0 };
  const shown = { activities: 0, lines: 0 };
  const blank = { quantity: null, unitCost: null, declared: null, noCost: false, levelLabel: null };

  const pushActivity = (total: ActivityTotal, parentKey: string | null, depth: number) => {
    const activity = byKey.activities.get(total.activity.id);
    if (!activity) return;
    if (shown.activities >= limits.activities) {
      omitted.activities++;
      omitted.lines += total.lines.length;
      return;
    }
    shown.activities++;
    rows.push({ ...blank, kind: "activity", key: activity.key, parentKey, depth, row: activity.row, code: activity.code,
      label: activity.title, amount: amount(total.amount), noCost: activity.noCost });
    for (const { line: input, amount: lineAmount, expected } of total.lines) {
      const line = byKey.lines.get(input.id);
      if (!line) continue;
      if (shown.lines >= limits.lines) {
        omitted.lines++;
        continue;
      }
      shown.lines++;
      const label = line.description ?? [line.accountLabel, line.accountCode].filter(Boolean).join(" - ");
      rows.push({ ...blank, kind: "line", key: line.key, parentKey: activity.key, depth: depth + 1, row: line.row, code: null, label,
        quantity: line.quantity, unitCost: line.unitCost, amount: amount(lineAmount),
        declared: line.amount !== null && expected !== null && expected !== lineAmount ? line.amount : null });
    }
  };
  // Groups of one code under one parent become one node of the framework when written: an empty one is not shown twice.
  const sameCode = new Map<string, number>();
  for (const n of plan.nodes) sameCode.set(`${n.parentKey}|${n.code}`, (sameCode.get(`${n.parentKey}|${n.code}`) ?? 0) + 1);
  const emptyTwin = (node: NodeTotal) =>
    (sameCode.get(`${node.parentId}|${node.code}`) ?? 0) > 1 && node.lineCount === 0 && node.activityCount === 0 && node.declared === null;
  const pushNode = (node: NodeTotal, parentKey: string | null, depth: number) => {
    if (emptyTwin(node)) return;
    const read = byKey.nodes.get(node.id);
    rows.push({ ...blank, kind: "node", key: node.id, parentKey, depth, row: read?.row ?? 0, code: node.code, levelLabel: node.levelLabel,
      label: node.title, amount: amount(node.computed), declared: node.declared === null ? null : amount(node.declared) });
    for (const activity of node.activities) pushActivity(activity, node.id, depth + 1);
    for (const child of node.children) pushNode(child, node.id, depth + 1);
  };
  for (const node of tree.nodes) pushNode(node, null, 0);
  for (const activity of tree.loose) pushActivity(activity, null, 0);
  return { rows, omitted };
}
