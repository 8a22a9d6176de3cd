// The validation report of an import: the plan's totals per group, and every
// finding with its sheet row and column.
import { translate, type Locale, type MessageCode } from "../i18n/messages.ts";
import { formatMoney } from "../format.ts";
import { formatAmountDecimal, parseAmount, sumMinor } from "../money.ts";
import { planActivityOf, planLineOf, planNodeOf } from "../plan/input.ts";
import { planTree } from "../plan/rollup.ts";
import type { NodeTotal, PlanInput, PlanTree } from "../plan/types.ts";
import { columnOf } from "./columns.ts";
import { columnLetter } from "./grid.ts";
import type { ImportedPlan, ImportIssue } from "./model.ts";

export interface ImportGroup {
  code: string;
  title: string;
  level: number;
  levelLabel: string;
  row: number;
  computed: string;
  declared: string | null;
}

export interface ImportReport {
  sheet: string;
  currency: string;
  year: number;
  activities: number;
  budgetLines: number;
  groups: ImportGroup[];
  total: { computed: string; declared: string | null };
  /**
   * The first findings of each kind, in sheet order (all of them unless the report was asked for fewer), each with
   * the key of the group, activity or line it is about (null for the sheet as a whole), to be shown in place.
   */
  issues: (ImportIssue & { message: string; target: string | null })[];
  /** How many findings of each kind there are, shown or not. */
  issueCounts: { code: ImportIssue["code"]; severity: ImportIssue["severity"]; count: number }[];
}

/** Findings of one kind an import's preview lists; their counts are always complete. */
export const ISSUES_SHOWN_PER_KIND = 100;

export interface ReportOptions {
  /** At most this many findings of one kind in `issues` (a screen can't show 40 000 of them). */
  maxPerKind?: number;
  /** The plan's roll-up, when the caller has it already (the preview uses the same one). */
  rollup?: PlanTree;
}

export function planInputOf(plan: ImportedPlan): PlanInput {
  return {
    currency: plan.currency,
    year: plan.year,
    fiscalYearStartMonth: 1,
    levelLabels: plan.levelLabels,
    nodes: plan.nodes.map((n, position) => planNodeOf({ ...n, id: n.key, parentId: n.parentKey, position })),
    activities: plan.activities.map((a, position) => planActivityOf({ ...a, id: a.key, resultNodeId: a.nodeKey, position })),
    lines: plan.lines.map((l, position) =>
      planLineOf({ ...l, id: l.key, activityId: l.activityKey, genderSharePercent: null, position }),
    ),
    declaredTotals: plan.declaredTotals.map((d) => ({ nodeId: d.nodeKey, amount: d.amount })),
    declaredTotal: plan.declaredTotal?.amount ?? null,
  };
}

export function reportImport(plan: ImportedPlan, locale: Locale, options: ReportOptions = {}): ImportReport {
  const rollup = options.rollup ?? planTree(planInputOf(plan));
  const amount = (minor: number) => formatAmountDecimal(minor, plan.currency);
  const rowOf = new Map<string, number>([
    ...plan.nodes.map((n) => [n.key, n.row] as const),
    ...plan.activities.map((a) => [a.key, a.row] as const),
    ...plan.lines.map((l) => [l.key, l.row] as const),
  ]);
  const declaredRow = new Map(plan.declaredTotals.map((d) => [d.nodeKey, d]));
  const amountColumn = columnLetter(columnOf(plan.mapping, "amount"));
  const deadlineColumn = columnLetter(columnOf(plan.mapping, "deadline"));

  const targetOfRow = rowTargets(plan);
  const issues: (ImportIssue & { target: string | null })[] = plan.issues.map((i) => ({ ...i, target: targetOfRow(i.row) }));
  for (const finding of rollup.findings) {
    const id = finding.location.id;
    const row =
      finding.code === "SUBTOTAL_MISMATCH" && id
        ? (declaredRow.get(id)?.row ?? null)
        : finding.code === "TOTAL_MISMATCH"
          ? (plan.declaredTotal?.row ?? null)
          : id
            ? (rowOf.get(id) ?? null)
            : null;
    const column = finding.code.startsWith("DEADLINE") || finding.code.startsWith("TIMEFRAME") ? deadlineColumn : amountColumn;
    issues.push({
      code: finding.code,
      severity: finding.severity,
      row,
      column: columnOf(plan.mapping, "amount") < 0 && column === amountColumn ? null : column,
      declared: finding.declared === null ? null : amount(finding.declared),
      computed: finding.computed === null ? null : amount(finding.computed),
      params: finding.params,
      target: finding.code === "TOTAL_MISMATCH" ? null : (id ?? null),
    });
  }
  if (plan.declaredFunded && plan.declaredUnfunded && plan.declaredTotal) {
    const parts = sumMinor([minorOf(plan.declaredFunded.amount, plan), minorOf(plan.declaredUnfunded.amount, plan)]);
    if (parts !== minorOf(plan.declaredTotal.amount, plan)) {
      issues.push({
        code: "TOTAL_MISMATCH",
        severity: "error",
        row: plan.declaredTotal.row,
        column: plan.declaredTotal.column,
        declared: plan.declaredTotal.amount,
        computed: amount(parts),
        params: {},
        target: null,
      });
    }
  }
  issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const counts = new Map<ImportIssue["code"], { code: ImportIssue["code"]; severity: ImportIssue["severity"]; count: number }>();
  const shown = issues.filter((issue) => {
    const kind = counts.get(issue.code) ?? { code: issue.code, severity: issue.severity, count: 0 };
    counts.set(issue.code, kind);
    kind.count++;
    return kind.count <= (options.maxPerKind ?? Infinity);
  });

  const groups: ImportGroup[] = [];
  const visit = (node: NodeTotal) => {
    groups.push({
      code: node.code,
      title: node.title,
      level: node.level,
      levelLabel: node.levelLabel,
      row: rowOf.get(node.id) ?? 0,
      computed: amount(node.computed),
      declared: node.declared === null ? null : amount(node.declared),
    });
    node.children.forEach(visit);
  };
  rollup.nodes.forEach(visit);

  return {
    sheet: plan.sheet,
    currency: plan.currency,
    year: plan.year,
    activities: plan.activities.length,
    budgetLines: plan.lines.length,
    groups,
    total: { computed: amount(rollup.total.computed), declared: plan.declaredTotal?.amount ?? null },
    issues: shown.map((i) => ({ ...i, message: issueMessage(i, plan, locale) })),
    issueCounts: [...counts.values()],
  };
}

/** What a reading finding of a sheet row is about: the line on that row, else its activity, group, or declared sub-total's group. */
function rowTargets(plan: ImportedPlan): (row: number | null) => string | null {
  const byRow = new Map<number, string>();
  const claim = (row: number, key: string) => {
    if (!byRow.has(row)) byRow.set(row, key);
  };
  for (const line of plan.lines) claim(line.row, line.key);
  for (const activity of plan.activities) claim(activity.row, activity.key);
  for (const node of plan.nodes) claim(node.row, node.key);
  for (const declared of plan.declaredTotals) claim(declared.row, declared.nodeKey);
  return (row) => (row === null ? null : (byRow.get(row) ?? null));
}

function minorOf(decimal: string, plan: ImportedPlan): number {
  const parsed = parseAmount(decimal, plan.currency);
  return parsed.ok ? parsed.value : 0;
}

function issueMessage(issue: ImportIssue, plan: ImportedPlan, locale: Locale): string {
  const money = (decimal: string | null) => {
    if (decimal === null) return "";
    const parsed = parseAmount(decimal, plan.currency);
    return parsed.ok ? formatMoney(parsed.value, plan.currency, locale) : decimal;
  };
  const body = translate(issue.code as MessageCode, locale, {
    ...issue.params,
    declared: money(issue.declared),
    computed: money(issue.computed),
  });
  if (issue.row === null) return body;
  const column = issue.column ? (locale === "fr" ? `, colonne ${issue.column}` : `, column ${issue.column}`) : "";
  return locale === "fr" ? `Ligne ${issue.row}${column} : ${body}` : `Row ${issue.row}${column}: ${body}`;
}
