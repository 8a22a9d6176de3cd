import {
  type api,
  type CurrencyCode,
  effectiveLineAmount,
  expectedLineAmount,
  formatAmountDecimal,
  quartersOfMonths,
  sumMinor,
} from "@baara/core";
import type { activities, budgetLines } from "../db/schema.ts";

export type ActivityRow = typeof activities.$inferSelect;
export type BudgetLineRow = typeof budgetLines.$inferSelect;

export function presentBudgetLine(row: BudgetLineRow, currency: CurrencyCode): api.BudgetLine {
  const computed = expectedLineAmount(row, currency);
  return {
    id: row.id,
    activityId: row.activityId,
    description: row.description,
    accountCode: row.accountCode,
    accountLabel: row.accountLabel,
    fundCode: row.fundCode,
    quantity: row.quantity === null ? null : trimQuantity(row.quantity),
    unit: row.unit,
    unitCost: row.unitCost,
    amount: row.amount,
    computedAmount: computed === null ? null : formatAmountDecimal(computed, currency),
    effectiveAmount: formatAmountDecimal(effectiveLineAmount(row, currency), currency),
    funded: row.funded,
    genderSharePercent: row.genderSharePercent,
    position: row.position,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export function presentActivity(
  row: ActivityRow,
  lines: BudgetLineRow[],
  currency: CurrencyCode,
  fiscalYearStartMonth: number,
): api.Activity {
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
    total: formatAmountDecimal(sumMinor(lines.map((l) => effectiveLineAmount(l, currency))), currency),
    budgetLines: lines.map((l) => presentBudgetLine(l, currency)),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** numeric(18,3) comes back as "3000.000"; show "3000". */
function trimQuantity(value: string): string {
  return value.includes(".") ? value.replace(/\.?0+$/, "") : value;
}
