import type { ActivityStatus, CreditKind, TransactionStage } from "../domain.ts";
import type { Minor } from "../money.ts";
import type { PeriodKey } from "./periods.ts";

/** One progress record of an activity for a reporting period. */
export interface ProgressInput {
  activityId: string;
  period: PeriodKey;
  status: ActivityStatus;
  /** "0"–"100", two decimals at most; null when not given. */
  percent: string | null;
  /** ISO instant: orders two records of the same period. */
  recordedAt: string;
}

/** A commitment, liquidation or payment, on a budget line or on an activity as a whole. */
export interface TransactionInput {
  activityId: string;
  lineId: string | null;
  stage: TransactionStage;
  /** Canonical decimal in the plan's currency. */
  amount: string;
  /** Budget category (BSI, fonctionnement…) the amount counts under; null when not told. */
  category: string | null;
  /** ISO date of the transaction: places it in time (quarters); the plan's totals do not need it. */
  date?: string;
}

/** A credit of the plan, whole or for one budget category. */
export interface CreditInput {
  kind: CreditKind;
  category: string | null;
  amount: string;
}

export interface ExecutionInput<P extends ProgressInput = ProgressInput> {
  progress: readonly P[];
  transactions: readonly TransactionInput[];
  credits: readonly CreditInput[];
  /** Cancelled activities are left out of the physical rates (shown as such on every report). */
  excludeCancelled: boolean;
}

/**
 * What the physical rates are computed from, kept as sums so that plans add
 * up into projects, organisations and the portfolio.
 */
export interface PhysicalSums {
  /** Activities counted: all of them, less the cancelled ones when they are excluded. */
  planned: number;
  done: number;
  cancelled: number;
  /** Σ percent complete of the counted activities, in hundredths of a percent (done = 10 000). */
  progressSum: number;
  /** Σ budget × percent complete (hundredths) of the counted activities. */
  weighted: bigint;
  /** Σ budget of the counted activities. */
  weightBase: bigint;
}

export interface MoneySums {
  budget: Minor;
  committed: Minor;
  liquidated: Minor;
  paid: Minor;
}

/** The plan's credits by kind; null where none was recorded. */
export interface CreditSums {
  allocated: Minor | null;
  notified: Minor | null;
  paymentCredit: Minor | null;
  /** Funds a donor disbursed to the project (what its expenditures are read against). */
  disbursed: Minor | null;
}

export interface ExecutionSums {
  physical: PhysicalSums;
  money: MoneySums;
  credits: CreditSums;
}

export interface ActivityExecution<P extends ProgressInput = ProgressInput> {
  activityId: string;
  /** The record of the latest period, or null when nothing was recorded yet. */
  current: P | null;
  /** Every record of the activity, period by period (the last one is `current`). */
  records: P[];
  status: ActivityStatus;
  /** Percent complete in hundredths (done counts 10 000). */
  progress: number;
  money: MoneySums;
  /** Per budget line of the activity: what was committed, liquidated and paid on it. */
  lines: Map<string, MoneySums>;
}

export interface NodeExecution {
  id: string;
  parentId: string | null;
  level: number;
  code: string;
  title: string;
  sums: ExecutionSums;
}

export type ExecutionFlagCode =
  "COMMITMENT_ABOVE_BUDGET" | "LIQUIDATION_ABOVE_COMMITMENT" | "PAYMENT_ABOVE_COMMITMENT" | "COMMITMENT_ABOVE_CREDIT";

/** An amount that breaks the expenditure chain: reported, never refused. */
export interface ExecutionFlag {
  code: ExecutionFlagCode;
  location: { entity: "workplan" | "activity" | "budgetLine"; id: string | null; path: string[] };
  /** The amount that goes beyond, and the one it goes beyond. */
  amount: Minor;
  limit: Minor;
}

export interface CategorySums {
  category: string | null;
  allocated: Minor;
  notified: Minor;
  paymentCredit: Minor;
  disbursed: Minor;
  committed: Minor;
  liquidated: Minor;
  paid: Minor;
}

export interface PlanExecution<P extends ProgressInput = ProgressInput> {
  plan: ExecutionSums;
  /** Results nodes depth first, in the plan tree's order. */
  nodes: NodeExecution[];
  activities: Map<string, ActivityExecution<P>>;
  /** Credits and spending per budget category (BSI, fonctionnement…), largest credit first. */
  byCategory: CategorySums[];
  flags: ExecutionFlag[];
}
