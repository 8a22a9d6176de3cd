import {
  type api,
  type CurrencyCode,
  checkPlan,
  type Finding,
  formatAmountDecimal,
  formatDate,
  formatMoney,
  type Locale,
  type Minor,
  type NodeTotal,
  type PlanInput,
  rollUpPlan,
  translate,
} from "@baara/core";
import type { WorkplanRow } from "./access.ts";
import { presentWorkplan } from "./present.ts";

type SummaryNode = api.WorkplanSummary["nodes"][number];

/** The plan tree with computed and declared totals, the breakdowns, and every check finding. */
export function summarisePlan(workplan: WorkplanRow, plan: PlanInput, locale: Locale): api.WorkplanSummary {
  const rollup = rollUpPlan(plan);
  const { currency } = plan;
  const amount = (minor: Minor) => formatAmountDecimal(minor, currency);
  const optional = (minor: Minor | null) => (minor === null ? null : amount(minor));
  const node = (n: NodeTotal): SummaryNode => ({
    id: n.id,
    parentId: n.parentId,
    level: n.level,
    levelLabel: n.levelLabel,
    code: n.code,
    title: n.title,
    computed: amount(n.computed),
    declared: optional(n.declared),
    activityCount: n.activityCount,
    children: n.children.map(node),
  });
  const breakdown = (b: { key: string | null; label: string | null; amount: Minor }) => ({
    ...b,
    amount: amount(b.amount),
  });
  return {
    workplan: presentWorkplan(workplan),
    currency,
    total: { computed: amount(rollup.total.computed), declared: optional(rollup.total.declared) },
    nodes: rollup.nodes.map(node),
    unassigned: amount(rollup.unassigned),
    byAccount: rollup.byAccount.map(breakdown),
    byFund: rollup.byFund.map(breakdown),
    byResponsible: rollup.byResponsible.map(breakdown),
    byQuarter: {
      q1: amount(rollup.byQuarter.q1),
      q2: amount(rollup.byQuarter.q2),
      q3: amount(rollup.byQuarter.q3),
      q4: amount(rollup.byQuarter.q4),
      unscheduled: amount(rollup.byQuarter.unscheduled),
    },
    funded: amount(rollup.funded),
    unfunded: amount(rollup.unfunded),
    genderTagged: amount(rollup.genderTagged),
    activityCount: plan.activities.length,
    budgetLineCount: plan.lines.length,
    findings: checkPlan(plan, rollup).map((f) => presentFinding(f, currency, locale)),
  };
}

function presentFinding(finding: Finding, currency: CurrencyCode, locale: Locale) {
  const money = (minor: Minor | null) => (minor === null ? "" : formatMoney(minor, currency, locale));
  return {
    code: finding.code,
    severity: finding.severity,
    location: finding.location,
    declared: finding.declared === null ? null : formatAmountDecimal(finding.declared, currency),
    computed: finding.computed === null ? null : formatAmountDecimal(finding.computed, currency),
    message: [
      ...(finding.location.path.length > 0 ? [finding.location.path.join(" › ")] : []),
      translate(finding.code, locale, {
        ...datesIn(finding.params, locale),
        declared: money(finding.declared),
        computed: money(finding.computed),
      }),
    ].join(" — "),
  };
}

/** ISO dates in a finding's parameters read as "15 juillet 2024" in its message. */
function datesIn(params: Finding["params"], locale: Locale): Finding["params"] {
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => [
      key,
      typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value, locale) : value,
    ]),
  );
}
