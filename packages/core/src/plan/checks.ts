import type { Minor } from "../money.ts";
import { expectedLineAmount, storedAmount } from "./amounts.ts";
import { fiscalMonthIndex, fiscalYearBounds } from "./periods.ts";
import type { Finding, NodeTotal, PlanActivityInput, PlanInput, PlanTree } from "./types.ts";

/**
 * Consistency checks of a plan. Declared figures are never corrected here:
 * each disagreement is reported with where it is, what was declared and what
 * the lines add up to, and the user decides.
 */
export function checkPlan(plan: PlanInput, rollup: Pick<PlanTree, "nodes" | "total">): Finding[] {
  const findings: Finding[] = [];
  const nodePaths = nodePathIndex(plan);
  const activityPath = (a: PlanActivityInput): string[] => [
    ...(a.resultNodeId ? (nodePaths.get(a.resultNodeId) ?? []) : []),
    a.code ?? a.title,
  ];
  const linesByActivity = new Map<string, PlanInput["lines"][number][]>();
  for (const line of [...plan.lines].sort((a, b) => a.position - b.position)) {
    const list = linesByActivity.get(line.activityId) ?? [];
    list.push(line);
    linesByActivity.set(line.activityId, list);
  }

  const activities = [...plan.activities].sort((a, b) => a.position - b.position);
  for (const activity of activities) {
    const lines = linesByActivity.get(activity.id) ?? [];
    if (lines.length === 0 && !activity.noCost) {
      findings.push(
        finding("MISSING_AMOUNT", "warning", "activity", activity.id, activityPath(activity), null, null),
      );
    }
    lines.forEach((line, index) => {
      const path = [...activityPath(activity), `#${index + 1}`];
      const expected = expectedLineAmount(line, plan.currency);
      if (line.amount === null && expected === null && !activity.noCost) {
        findings.push(finding("MISSING_AMOUNT", "error", "budgetLine", line.id, path, null, null));
      }
      if (line.amount !== null && expected !== null) {
        const declared = storedAmount(line.amount, plan.currency);
        if (declared !== expected) {
          findings.push(
            finding("QTY_PRICE_MISMATCH", "warning", "budgetLine", line.id, path, declared, expected, {
              quantity: line.quantity ?? "",
              unitCost: line.unitCost ?? "",
            }),
          );
        }
      }
    });
    findings.push(...checkDates(plan, activity, activityPath(activity)));
  }

  const visit = (node: NodeTotal): void => {
    if (node.declared !== null && node.declared !== node.computed) {
      findings.push(
        finding(
          "SUBTOTAL_MISMATCH",
          "error",
          "node",
          node.id,
          nodePaths.get(node.id) ?? [node.code],
          node.declared,
          node.computed,
        ),
      );
    }
    node.children.forEach(visit);
  };
  rollup.nodes.forEach(visit);

  const { declared, computed } = rollup.total;
  if (declared !== null && declared !== computed) {
    findings.push(finding("TOTAL_MISMATCH", "error", "workplan", null, [], declared, computed));
  }
  return findings;
}

function checkDates(plan: PlanInput, activity: PlanActivityInput, path: string[]): Finding[] {
  if (activity.deadline === null) return [];
  const found: Finding[] = [];
  const { start, end } = fiscalYearBounds(plan.year, plan.fiscalYearStartMonth);
  if (activity.deadline < start || activity.deadline > end) {
    found.push(
      finding("DEADLINE_OUTSIDE_YEAR", "warning", "activity", activity.id, path, null, null, {
        deadline: activity.deadline,
        start,
        end,
      }),
    );
    return found;
  }
  const deadlineMonth = Number(activity.deadline.slice(5, 7));
  const deadlineIndex = fiscalMonthIndex(deadlineMonth, plan.fiscalYearStartMonth);
  const late = activity.months.filter((m) => fiscalMonthIndex(m, plan.fiscalYearStartMonth) > deadlineIndex);
  if (late.length > 0) {
    found.push(
      finding("TIMEFRAME_AFTER_DEADLINE", "warning", "activity", activity.id, path, null, null, {
        deadline: activity.deadline,
        lastMonth: late[late.length - 1] ?? 0,
      }),
    );
  }
  return found;
}

function nodePathIndex(plan: PlanInput): Map<string, string[]> {
  const byId = new Map(plan.nodes.map((n) => [n.id, n]));
  const paths = new Map<string, string[]>();
  const pathOf = (id: string, seen: Set<string>): string[] => {
    const cached = paths.get(id);
    if (cached) return cached;
    const node = byId.get(id);
    if (!node || seen.has(id)) return [];
    seen.add(id);
    const path = [...(node.parentId ? pathOf(node.parentId, seen) : []), node.code];
    paths.set(id, path);
    return path;
  };
  for (const node of plan.nodes) pathOf(node.id, new Set());
  return paths;
}

function finding(
  code: Finding["code"],
  severity: Finding["severity"],
  entity: Finding["location"]["entity"],
  id: string | null,
  path: string[],
  declared: Minor | null,
  computed: Minor | null,
  params: Finding["params"] = {},
): Finding {
  return { code, severity, location: { entity, id, path }, declared, computed, params };
}
