// Work plans as the API shows them: rows and the plan tree become API JSON
// here, and only here.
import { type api, type CurrencyCode, formatAmountDecimal, type Locale, type Minor, type NodeTotal, type PlanComparison, type PlanTree, presentFinding } from "@baara/core";
import type { ProjectRow } from "../access/policy.ts";
import { presentActivity } from "../activities/present.ts";
import { presentNode } from "../framework/present.ts";
import type { NodeRow, PlanRowsTree } from "./plan-tree.ts";
import type { HistoryEntry } from "./queries.ts";
import type { WorkplanStanding } from "./versions.ts";

export function presentWorkplan(row: WorkplanStanding): api.Workplan {
  return {
    id: row.id,
    projectId: row.projectId,
    year: row.year,
    planVersion: row.planVersion,
    title: row.title,
    status: row.status,
    declaredTotal: row.declaredTotal,
    copiedFromId: row.copiedFromId,
    versionInForce: row.versionInForce,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export function presentStep(step: HistoryEntry): api.WorkplanStep {
  return { ...step, at: step.at.toISOString() };
}

/** The plan tree with computed and declared totals, the breakdowns, and every finding. */
export function presentSummary(workplan: WorkplanStanding, tree: PlanTree, locale: Locale): api.WorkplanSummary {
  const { currency } = tree.input;
  const amount = (minor: Minor) => formatAmountDecimal(minor, currency);
  const node = (n: NodeTotal): api.SummaryNode => ({
    id: n.id,
    parentId: n.parentId,
    level: n.level,
    levelLabel: n.levelLabel,
    code: n.code,
    title: n.title,
    computed: amount(n.computed),
    declared: n.declared === null ? null : amount(n.declared),
    activityCount: n.activityCount,
    children: n.children.map(node),
  });
  const breakdown = (b: { key: string | null; label: string | null; amount: Minor }) => ({ ...b, amount: amount(b.amount) });
  return {
    workplan: presentWorkplan(workplan),
    currency,
    total: { computed: amount(tree.total.computed), declared: tree.total.declared === null ? null : amount(tree.total.declared) },
    nodes: tree.nodes.map(node),
    unassigned: amount(tree.unassigned),
    byAccount: tree.byAccount.map(breakdown),
    byFund: tree.byFund.map(breakdown),
    byResponsible: tree.byResponsible.map(breakdown),
    byQuarter: {
      q1: amount(tree.byQuarter.q1),
      q2: amount(tree.byQuarter.q2),
      q3: amount(tree.byQuarter.q3),
      q4: amount(tree.byQuarter.q4),
      unscheduled: amount(tree.byQuarter.unscheduled),
    },
    funded: amount(tree.funded),
    unfunded: amount(tree.unfunded),
    genderTagged: amount(tree.genderTagged),
    activityCount: tree.counts.activities,
    budgetLineCount: tree.counts.lines,
    findings: tree.findings.map((f) => presentFinding(f, currency, locale)),
  };
}

/** Every record of the plan, in the order of the tree, for the editor. */
export function presentContent(
  workplan: WorkplanStanding,
  project: ProjectRow,
  tree: PlanRowsTree,
  nodes: readonly NodeRow[],
): api.WorkplanContent {
  const activities: api.Activity[] = [];
  const walk = (list: PlanRowsTree["nodes"]) => {
    for (const n of list) {
      for (const a of n.activities) activities.push(presentActivity(a, project.currency, project.fiscalYearStartMonth));
      walk(n.children);
    }
  };
  walk(tree.nodes);
  for (const a of tree.loose) activities.push(presentActivity(a, project.currency, project.fiscalYearStartMonth));
  return {
    workplan: presentWorkplan(workplan),
    currency: project.currency,
    fiscalYearStartMonth: project.fiscalYearStartMonth,
    levelLabels: project.levelLabels,
    nodes: nodes.map((n) => presentNode(n, project.levelLabels)),
    activities,
    declaredTotals: tree.input.declaredTotals.map((d) => ({ ...d })),
    declaredTotal: workplan.declaredTotal,
  };
}

export function presentComparison(
  base: WorkplanStanding,
  other: WorkplanStanding,
  currency: CurrencyCode,
  comparison: PlanComparison,
): api.WorkplanComparison {
  const money = (n: number) => formatAmountDecimal(n, currency);
  return {
    base: presentWorkplan(base),
    other: presentWorkplan(other),
    currency,
    total: {
      base: money(comparison.total.base),
      other: money(comparison.total.other),
      difference: money(comparison.total.difference),
    },
    nodes: comparison.nodes.map((n) => ({ ...n, base: money(n.base), other: money(n.other), difference: money(n.difference) })),
    lines: comparison.lines.map((l) => ({
      ...l,
      base: l.base === null ? null : money(l.base),
      other: l.other === null ? null : money(l.other),
    })),
  };
}
