// Execution rows and roll-ups → API shapes: amounts as canonical decimals,
// rates as two-decimal percentages, flags with a sentence in the reader's language.
import {
  type api,
  type CurrencyCode,
  type ExecutionFlag,
  type ExecutionSums,
  formatAmountDecimal,
  formatMoney,
  type Locale,
  type MoneySums,
  percentText,
  ratesOf,
  translate,
} from "@baara/core";
import type * as z from "zod";
import type { executionTransactions, unplannedActivities } from "../db/schema.ts";
import type { ProgressEntry } from "./load.ts";
import type { ExecutionView } from "./queries.ts";

export function presentFigures(sums: ExecutionSums, currency: CurrencyCode) {
  const money = (minor: number) => formatAmountDecimal(minor, currency);
  const credit = (minor: number | null) => (minor === null ? null : money(minor));
  const { physical, financial } = ratesOf(sums);
  return {
    physical: {
      planned: physical.planned,
      done: physical.done,
      cancelled: physical.cancelled,
      rate: physical.byCount,
      byBudget: physical.byBudget,
      averageProgress: physical.averageProgress,
    },
    financial: {
      budget: money(sums.money.budget),
      allocated: credit(sums.credits.allocated),
      notified: credit(sums.credits.notified),
      paymentCredit: credit(sums.credits.paymentCredit),
      disbursed: credit(sums.credits.disbursed),
      committed: money(sums.money.committed),
      liquidated: money(sums.money.liquidated),
      paid: money(sums.money.paid),
      rates: financial,
    },
  };
}

const noMoney = { budget: 0, committed: 0, liquidated: 0, paid: 0 };

const moneyOf = (sums: MoneySums, currency: CurrencyCode) => ({
  budget: formatAmountDecimal(sums.budget, currency),
  committed: formatAmountDecimal(sums.committed, currency),
  liquidated: formatAmountDecimal(sums.liquidated, currency),
  paid: formatAmountDecimal(sums.paid, currency),
});

export function presentProgress(record: ProgressEntry): api.ProgressRecord {
  return {
    id: record.id,
    activityId: record.activityId,
    period: record.period,
    status: record.status,
    percent: record.percent,
    actualStart: record.actualStart,
    actualEnd: record.actualEnd,
    periodText: record.periodText,
    observations: record.observations,
    delayReason: record.delayReason,
    recordedById: record.recordedById,
    recordedByName: record.recordedByName,
    recordedAt: record.recordedAt,
    version: record.version,
  };
}

export function presentFlag(flag: ExecutionFlag, currency: CurrencyCode, locale: Locale) {
  const where = flag.location.path.length > 0 ? [flag.location.path.join(" › ")] : [];
  return {
    code: flag.code,
    location: flag.location,
    amount: formatAmountDecimal(flag.amount, currency),
    limit: formatAmountDecimal(flag.limit, currency),
    message: [
      ...where,
      translate(flag.code, locale, {
        amount: formatMoney(flag.amount, currency, locale),
        limit: formatMoney(flag.limit, currency, locale),
      }),
    ].join(" — "),
  };
}

export function presentExecution(view: ExecutionView, locale: Locale): api.WorkplanExecution {
  const { workplan, project, settings, loaded, lock, previous } = view;
  const currency = project.currency;
  const { execution, tree } = loaded;
  const activityNode = new Map(tree.input.activities.map((a) => [a.id, a.resultNodeId]));
  const linesOf = new Map<string, (typeof tree.input.lines)[number][]>();
  for (const line of [...tree.input.lines].sort((a, b) => a.position - b.position)) {
    const list = linesOf.get(line.activityId);
    if (list) list.push(line);
    else linesOf.set(line.activityId, [line]);
  }
  const nodeIds = new Set(tree.input.nodes.map((n) => n.id));
  return {
    workplanId: workplan.id,
    projectId: project.id,
    year: workplan.year,
    planVersion: workplan.planVersion,
    currency,
    fiscalYearStartMonth: project.fiscalYearStartMonth,
    open: lock === null,
    lockedBecause: lock,
    closedAt: settings?.closedAt?.toISOString() ?? null,
    excludeCancelled: settings?.excludeCancelled ?? true,
    version: settings?.version ?? 1,
    plan: presentFigures(execution.plan, currency),
    nodes: execution.nodes.map((n) => ({
      nodeId: n.id,
      parentId: n.parentId,
      level: n.level,
      code: n.code,
      title: n.title,
      ...presentFigures(n.sums, currency),
    })),
    activities: [...tree.input.activities]
      .sort((a, b) => a.position - b.position)
      .map((activity) => {
        const done = execution.activities.get(activity.id);
        const nodeId = activityNode.get(activity.id) ?? null;
        return {
          activityId: activity.id,
          nodeId: nodeId && nodeIds.has(nodeId) ? nodeId : null,
          code: activity.code,
          title: activity.title,
          noCost: activity.noCost,
          status: done?.status ?? "not_started",
          progress: percentText(done?.progress ?? 0),
          current: done?.current ? presentProgress(done.current) : null,
          records: (done?.records ?? []).map(presentProgress),
          ...moneyOf(done?.money ?? noMoney, currency),
          // Every line of the activity, in order, with what was spent on it (nothing yet: zeros).
          lines: (linesOf.get(activity.id) ?? []).map((line) => ({
            lineId: line.id,
            description: line.description,
            accountCode: line.accountCode,
            ...moneyOf(done?.lines.get(line.id) ?? { ...noMoney, budget: tree.lineAmounts.get(line.id) ?? 0 }, currency),
          })),
        };
      }),
    credits: loaded.credits.map((c) => ({ kind: c.kind, category: c.category, amount: c.amount })),
    byCategory: execution.byCategory.map((c) => ({
      category: c.category,
      allocated: formatAmountDecimal(c.allocated, currency),
      notified: formatAmountDecimal(c.notified, currency),
      paymentCredit: formatAmountDecimal(c.paymentCredit, currency),
      disbursed: formatAmountDecimal(c.disbursed, currency),
      committed: formatAmountDecimal(c.committed, currency),
      liquidated: formatAmountDecimal(c.liquidated, currency),
      paid: formatAmountDecimal(c.paid, currency),
    })),
    flags: execution.flags.map((f) => presentFlag(f, currency, locale)),
    previous: previous
      ? {
          workplanId: previous.workplan.id,
          year: previous.workplan.year,
          planVersion: previous.workplan.planVersion,
          ...presentFigures(previous.sums, currency),
        }
      : null,
    unplannedCount: view.unplannedCount,
  };
}

type TransactionRow = typeof executionTransactions.$inferSelect;
export function presentTransaction(row: TransactionRow): api.Transaction {
  return {
    id: row.id,
    workplanId: row.workplanId,
    activityId: row.activityId,
    budgetLineId: row.budgetLineId,
    stage: row.stage,
    date: row.date,
    amount: row.amount,
    reference: row.reference,
    supplier: row.supplier,
    category: row.category,
    importId: row.importId,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

type UnplannedRow = typeof unplannedActivities.$inferSelect;
export function presentUnplanned(row: UnplannedRow): z.infer<typeof api.unplannedActivity> {
  return {
    id: row.id,
    workplanId: row.workplanId,
    resultNodeId: row.resultNodeId,
    title: row.title,
    periodText: row.periodText,
    observations: row.observations,
    cost: row.cost,
    position: row.position,
    version: row.version,
  };
}
