// Execution sums add up (activity → node → plan → project → organisation →
// portfolio); rates are read off them at the end, never averaged.
import { sumMinor } from "../money.ts";
import { type FinancialRateKey, financialRates, percentOf } from "./rates.ts";
import type { CreditSums, ExecutionSums } from "./types.ts";

export function emptySums(): ExecutionSums {
  return {
    physical: { planned: 0, done: 0, cancelled: 0, progressSum: 0, weighted: 0n, weightBase: 0n },
    money: { budget: 0, committed: 0, liquidated: 0, paid: 0 },
    credits: { allocated: null, notified: null, paymentCredit: null, disbursed: null },
  };
}

const addCredit = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : sumMinor([a, b]));

/** Two sums as one. Amounts add only within one currency: the caller keeps currencies apart. */
export function addSums(a: ExecutionSums, b: ExecutionSums): ExecutionSums {
  const credits: CreditSums = {
    allocated: addCredit(a.credits.allocated, b.credits.allocated),
    notified: addCredit(a.credits.notified, b.credits.notified),
    paymentCredit: addCredit(a.credits.paymentCredit, b.credits.paymentCredit),
    disbursed: addCredit(a.credits.disbursed, b.credits.disbursed),
  };
  return {
    physical: {
      planned: a.physical.planned + b.physical.planned,
      done: a.physical.done + b.physical.done,
      cancelled: a.physical.cancelled + b.physical.cancelled,
      progressSum: a.physical.progressSum + b.physical.progressSum,
      weighted: a.physical.weighted + b.physical.weighted,
      weightBase: a.physical.weightBase + b.physical.weightBase,
    },
    money: {
      budget: sumMinor([a.money.budget, b.money.budget]),
      committed: sumMinor([a.money.committed, b.money.committed]),
      liquidated: sumMinor([a.money.liquidated, b.money.liquidated]),
      paid: sumMinor([a.money.paid, b.money.paid]),
    },
    credits,
  };
}

export interface PhysicalRates {
  planned: number;
  done: number;
  cancelled: number;
  /** done ÷ planned. */
  byCount: string | null;
  /** Σ budget × percent complete ÷ Σ budget: activities weigh what they cost (PM activities nothing). */
  byBudget: string | null;
  /** Σ percent complete ÷ planned. */
  averageProgress: string | null;
}

export interface ExecutionRates {
  physical: PhysicalRates;
  financial: Record<FinancialRateKey, string | null>;
}

export function ratesOf(sums: ExecutionSums): ExecutionRates {
  const { physical, money, credits } = sums;
  return {
    physical: {
      planned: physical.planned,
      done: physical.done,
      cancelled: physical.cancelled,
      byCount: percentOf(physical.done, physical.planned),
      byBudget: percentOf(physical.weighted, physical.weightBase * 10000n),
      averageProgress: percentOf(physical.progressSum, BigInt(physical.planned) * 10000n),
    },
    financial: financialRates({ ...money, ...credits }),
  };
}
