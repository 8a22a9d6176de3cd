// Execution of an approved plan: progress per activity and period, credits,
// commitments / liquidations / payments, activities done without being
// planned, and the rates read off them.
import * as z from "zod";
import { ACTIVITY_STATUSES, CREDIT_KINDS, TRANSACTION_STAGES } from "../domain.ts";
import { FINANCIAL_RATE_KEYS, type FinancialRateKey } from "../execution/rates.ts";
import { isPeriodKey } from "../execution/periods.ts";
import { amountString, id, isoDate, pageQuery, patchOf, percentString, position, text, version } from "./common.ts";

export const activityStatus = z.enum(ACTIVITY_STATUSES);
export const transactionStage = z.enum(TRANSACTION_STAGES);
export const creditKind = z.enum(CREDIT_KINDS);
export const periodKey = z
  .string()
  .trim()
  .refine(isPeriodKey, { message: "PERIOD_INVALID" })
  .meta({
    description: "Reporting period of the plan's fiscal year: M01–M12 (month), Q1–Q4, S1–S2 or Y (the year)",
    example: "Q2",
  });

/** A rate as a percentage with two decimals ("63.64"); null when its denominator is zero or unknown. */
const rate = z
  .string()
  .nullable()
  .meta({ description: "Percentage with two decimals, e.g. \"63.64\"; null when its denominator is zero or unknown" });
const amount = z.string().meta({ description: "Decimal amount in the project's currency" });

export const physicalExecution = z.object({
  planned: z.int(),
  done: z.int(),
  cancelled: z.int(),
  /** done ÷ planned. */
  rate,
  byBudget: rate,
  averageProgress: rate,
});

const financialRatesSchema = z.object(
  Object.fromEntries(FINANCIAL_RATE_KEYS.map((key) => [key, rate])) as Record<FinancialRateKey, typeof rate>,
);

export const financialExecution = z.object({
  budget: amount,
  /** The plan's credits; null for a results node, or when none was recorded. */
  allocated: amount.nullable(),
  notified: amount.nullable(),
  paymentCredit: amount.nullable(),
  /** Funds a donor disbursed to the project. */
  disbursed: amount.nullable(),
  committed: amount,
  liquidated: amount,
  paid: amount,
  rates: financialRatesSchema,
});

export const executionFigures = z.object({ physical: physicalExecution, financial: financialExecution });

const moneyRow = { budget: amount, committed: amount, liquidated: amount, paid: amount };

export const progressRecord = z.object({
  id,
  activityId: id,
  period: z.string(),
  status: activityStatus,
  percent: z.string().nullable(),
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  periodText: z.string().nullable(),
  observations: z.string().nullable(),
  delayReason: z.string().nullable(),
  recordedById: id.nullable(),
  recordedByName: z.string().nullable(),
  recordedAt: z.string(),
  version: z.int(),
});
export type ProgressRecord = z.infer<typeof progressRecord>;

export const executionActivity = z.object({
  activityId: id,
  nodeId: id.nullable(),
  code: z.string().nullable(),
  title: z.string(),
  noCost: z.boolean(),
  status: activityStatus,
  /** Percent complete: 100 when done, else the latest record's (0 without one). */
  progress: z.string(),
  /** The latest period's record, or null when nothing was recorded. */
  current: progressRecord.nullable(),
  /** Every record of the activity, period by period (the last one is `current`). */
  records: z.array(progressRecord),
  ...moneyRow,
  lines: z.array(
    z.object({ lineId: id, description: z.string().nullable(), accountCode: z.string().nullable(), ...moneyRow }),
  ),
});

export const executionFlag = z.object({
  code: z.string(),
  location: z.object({
    entity: z.enum(["workplan", "activity", "budgetLine"]),
    id: id.nullable(),
    path: z.array(z.string()),
  }),
  amount,
  limit: amount,
  message: z.string(),
});

export const workplanExecution = z.object({
  workplanId: id,
  projectId: id,
  year: z.int(),
  planVersion: z.int(),
  currency: z.string(),
  fiscalYearStartMonth: z.int(),
  /** Whether execution may be recorded on this plan now (approved, current version of its year, year not closed). */
  open: z.boolean(),
  /** Why not, when it may not: PLAN_NOT_APPROVED, PLAN_SUPERSEDED or EXECUTION_CLOSED. */
  lockedBecause: z.enum(["PLAN_NOT_APPROVED", "PLAN_SUPERSEDED", "EXECUTION_CLOSED"]).nullable(),
  closedAt: z.string().nullable(),
  excludeCancelled: z.boolean(),
  version: z.int(),
  plan: executionFigures,
  nodes: z.array(
    executionFigures.extend({ nodeId: id, parentId: id.nullable(), level: z.int(), code: z.string(), title: z.string() }),
  ),
  activities: z.array(executionActivity),
  credits: z.array(z.object({ kind: creditKind, category: z.string().nullable(), amount })),
  byCategory: z.array(
    z.object({
      category: z.string().nullable(),
      allocated: amount,
      notified: amount,
      paymentCredit: amount,
      disbursed: amount,
      committed: amount,
      liquidated: amount,
      paid: amount,
    }),
  ),
  flags: z.array(executionFlag),
  /** The same project's current plan of the year before, for comparison. */
  previous: executionFigures.extend({ workplanId: id, year: z.int(), planVersion: z.int() }).nullable(),
  unplannedCount: z.int(),
});
export type WorkplanExecution = z.infer<typeof workplanExecution>;

export const recordProgress = z.object({
  period: periodKey,
  status: activityStatus,
  percent: percentString.nullable().default(null),
  actualStart: isoDate.nullable().default(null),
  actualEnd: isoDate.nullable().default(null),
  periodText: text(300).nullable().default(null),
  observations: text(4000).nullable().default(null),
  delayReason: text(2000).nullable().default(null),
  /** The version of the period's record read by the client; absent when the period has none yet. */
  version: version.optional(),
});

export const transaction = z.object({
  id,
  workplanId: id,
  activityId: id,
  budgetLineId: id.nullable(),
  stage: transactionStage,
  date: z.string(),
  amount,
  reference: z.string().nullable(),
  supplier: z.string().nullable(),
  category: z.string().nullable(),
  importId: id.nullable(),
  createdAt: z.string(),
  version: z.int(),
});
export type Transaction = z.infer<typeof transaction>;

const transactionFields = {
  /** The budget line; its activity follows. */
  budgetLineId: id.nullable().default(null),
  /** The activity, when the amount is not on one of its lines. */
  activityId: id.nullable().default(null),
  stage: transactionStage,
  date: isoDate,
  amount: amountString,
  reference: text(200).nullable().default(null),
  supplier: text(300).nullable().default(null),
  category: text(100).nullable().default(null),
};
export const createTransaction = z.object(transactionFields);
export const updateTransaction = patchOf(transactionFields).extend({ version });
export const transactionListQuery = pageQuery.extend({
  activityId: id.optional(),
  stage: transactionStage.optional(),
});

export const executionSettings = z.object({
  excludeCancelled: z.boolean(),
  credits: z
    .array(z.object({ kind: creditKind, category: text(100).nullable().default(null), amount: amountString }))
    .max(200),
  version,
});

export const closeExecution = z.object({ closed: z.boolean(), version });

export const unplannedActivity = z.object({
  id,
  workplanId: id,
  resultNodeId: id.nullable(),
  title: z.string(),
  periodText: z.string().nullable(),
  observations: z.string().nullable(),
  cost: z.string().nullable(),
  position: z.int(),
  version: z.int(),
});
const unplannedFields = {
  resultNodeId: id.nullable().default(null),
  title: text(1000).min(1),
  periodText: text(300).nullable().default(null),
  observations: text(4000).nullable().default(null),
  cost: amountString.nullable().default(null),
  position: position.optional(),
};
export const createUnplanned = z.object(unplannedFields);
export const updateUnplanned = patchOf(unplannedFields).extend({ version });

export const reprogramRequest = z.object({
  /** The activities to carry over; by default every one not done nor cancelled. */
  activityIds: z.array(id).max(10_000).optional(),
});
export const reprogramResult = z.object({
  /** The next year's draft that received the activities (created when there was none). */
  workplanId: id,
  year: z.int(),
  planVersion: z.int(),
  created: z.boolean(),
  carried: z.int(),
  /** Already carried over earlier: not copied twice. */
  alreadyCarried: z.int(),
});

/** An export of the finance system as read against the plan, before and after it is written. */
export const financeImport = z.object({
  id,
  workplanId: id,
  status: z.enum(["ready", "committed"]),
  fileName: z.string(),
  sheet: z.string(),
  headerRow: z.int(),
  columns: z.array(z.object({ field: z.string(), column: z.string(), header: z.string() })),
  /** Data rows of the sheet. */
  rows: z.int(),
  /** Transactions read that are not in the plan yet, and those a previous import already wrote. */
  toWrite: z.int(),
  alreadyImported: z.int(),
  totals: z.object({ commitment: amount, liquidation: amount, payment: amount }),
  /** The first transactions read, in row order. */
  transactions: z.array(
    z.object({
      row: z.int(),
      stage: transactionStage,
      date: z.string(),
      amount,
      reference: z.string().nullable(),
      supplier: z.string().nullable(),
      code: z.string(),
      activity: z.string(),
      line: z.string().nullable(),
      alreadyImported: z.boolean(),
      /** Dated outside the plan's fiscal year: written, and pointed out. */
      outsideYear: z.boolean(),
    }),
  ),
  outsideYear: z.int(),
  /** Rows not written, each with its reason (at most 500; `findingCount` gives them all). */
  findings: z.array(z.object({ row: z.int(), code: z.string(), message: z.string() })),
  findingCount: z.int(),
  written: z.int().nullable(),
  skipped: z.int().nullable(),
  createdAt: z.string(),
  version: z.int(),
});
export type FinanceImport = z.infer<typeof financeImport>;
export const commitFinanceImport = z.object({ version });

/** A file that shows an activity was done: a report, an attendance list, a photo. */
export const executionDocument = z.object({
  id,
  activityId: id,
  title: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.int(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type ExecutionDocument = z.infer<typeof executionDocument>;
