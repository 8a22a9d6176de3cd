import { type ActivityTotal, type api, type CurrencyCode, formatAmountDecimal, quartersOfMonths } from "@baara/core";
import type { ActivityRow, BudgetLineRow } from "../workplans/plan-tree.ts";

type LineTotal = ActivityTotal<ActivityRow, BudgetLineRow>["lines"][number];

export function presentBudgetLine({ line, amount, expected }: LineTotal, currency: CurrencyCode): api.BudgetLine {
  return {
    id: line.id,
    activityId: line.activityId,
    description: line.description,
    accountCode: line.accountCode,
    accountLabel: line.accountLabel,
    fundCode: line.fundCode,
    quantity: line.quantity === null ? null : trimQuantity(line.quantity),
    unit: line.unit,
    unitCost: line.unitCost,
    amount: line.amount,
    computedAmount: expected === null ? null : formatAmountDecimal(expected, currency),
    effectiveAmount: formatAmountDecimal(amount, currency),
    funded: line.funded,
    genderSharePercent: line.genderSharePercent,
    position: line.position,
    createdAt: line.createdAt.toISOString(),
    updatedAt: line.updatedAt.toISOString(),
    version: line.version,
  };
}

export function presentActivity(
  total: ActivityTotal<ActivityRow, BudgetLineRow>,
  currency: CurrencyCode,
  fiscalYearStartMonth: number,
): api.Activity {
  const row = total.activity;
  return {
    id: row.id,
    workplanId: row.workplanId,
    resultNodeId: row.resultNodeId,
    code: row.code,
    title: row.title,
    outputIndicator: row.outputIndicator,
    deadline: row.deadline,
    deadlineText: row.deadlineText,
    months: row.months,
    quarters: quartersOfMonths(row.months, fiscalYearStartMonth),
    responsible: row.responsible,
    comments: row.comments,
    noCost: row.noCost,
    continuesActivityId: row.continuesActivityId,
    position: row.position,
    total: formatAmountDecimal(total.amount, currency),
    budgetLines: total.lines.map((l) => presentBudgetLine(l, currency)),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** numeric(18,3) comes back as "3000.000"; show "3000". */
function trimQuantity(value: string): string {
  return value.includes(".") ? value.replace(/\.?0+$/, "") : value;
}
