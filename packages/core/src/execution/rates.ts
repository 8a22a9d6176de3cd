// Execution rates, each defined once with its name and formula: the API, the
// screens and the reports all read these definitions, so that « taux
// d'exécution » always says which amount it divides by which.
import { parseNumberCell } from "../import/numbers.ts";

/** numerator ÷ denominator as a percentage with two decimals ("63.64"), rounded half up; null when the denominator is 0. */
export function percentOf(numerator: bigint | number, denominator: bigint | number): string | null {
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  if (d <= 0n || n < 0n) return null;
  const hundredths = (n * 10000n * 2n + d) / (2n * d);
  const whole = hundredths / 100n;
  const fraction = hundredths % 100n;
  return `${whole}.${String(fraction).padStart(2, "0")}`;
}

/** A progress percentage ("45", "62.5", "100") in hundredths of a percent (4500, 6250, 10000). */
export function percentHundredths(percent: string): number {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(percent.trim());
  if (!m) throw new RangeError(`Not a percentage: ${percent}`);
  const value = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  if (value > 10000) throw new RangeError(`Percentage above 100: ${percent}`);
  return value;
}

/** Hundredths of a percent as a two-decimal percentage (4550 → "45.50"). */
export function percentText(hundredths: number): string {
  return `${Math.trunc(hundredths / 100)}.${String(hundredths % 100).padStart(2, "0")}`;
}

/**
 * A percent complete as typed ("40", "40 %", "62,5") → its canonical text
 * ("40", "62.5"), blank → ""; refused outside 0–100 or past two decimals.
 */
export function readPercentCell(text: string): { ok: true; value: string } | { ok: false } {
  const parsed = parseNumberCell(text);
  if (!parsed.ok) return { ok: false };
  if (parsed.value === null) return { ok: true, value: "" };
  try {
    const hundredths = percentHundredths(parsed.value);
    return { ok: true, value: percentText(hundredths).replace(/\.?0+$/, "") };
  } catch {
    return { ok: false };
  }
}

/** How far a rate moved from another, in percentage points with two decimals ("63.64" against "64.71" → "-1.07"). */
export function rateChange(rate: string | null, previous: string | null): string | null {
  if (rate === null || previous === null) return null;
  const hundredths = (text: string) => {
    const m = /^(\d+)\.(\d{2})$/.exec(text);
    if (!m) throw new RangeError(`Not a rate: ${text}`);
    return Number(m[1]) * 100 + Number(m[2]);
  };
  const change = hundredths(rate) - hundredths(previous);
  return `${change < 0 ? "-" : ""}${percentText(Math.abs(change))}`;
}

/** The physical rates, each over the activities counted (cancelled ones out when the plan says so). */
export const PHYSICAL_RATES = ["byCount", "byBudget", "averageProgress"] as const;
export type PhysicalRateKey = (typeof PHYSICAL_RATES)[number];

/** The amounts a financial rate may divide. */
export type FinancialAmountKey =
  | "budget"
  | "allocated"
  | "notified"
  | "paymentCredit"
  | "disbursed"
  | "committed"
  | "liquidated"
  | "paid";

/**
 * Financial rates: numerator ÷ denominator. The credits (allocated, notified,
 * payment credit) exist for a plan as a whole; a results node has its budget.
 */
export const FINANCIAL_RATES = {
  committedOfBudget: { numerator: "committed", denominator: "budget" },
  committedOfAllocated: { numerator: "committed", denominator: "allocated" },
  committedOfNotified: { numerator: "committed", denominator: "notified" },
  committedOfPaymentCredit: { numerator: "committed", denominator: "paymentCredit" },
  liquidatedOfPaymentCredit: { numerator: "liquidated", denominator: "paymentCredit" },
  liquidatedOfCommitted: { numerator: "liquidated", denominator: "committed" },
  paidOfCommitted: { numerator: "paid", denominator: "committed" },
  paidOfBudget: { numerator: "paid", denominator: "budget" },
  paidOfAllocated: { numerator: "paid", denominator: "allocated" },
  paidOfNotified: { numerator: "paid", denominator: "notified" },
  paidOfPaymentCredit: { numerator: "paid", denominator: "paymentCredit" },
  /** A donor project's expenditure rate: spent of what the donor disbursed. */
  paidOfDisbursed: { numerator: "paid", denominator: "disbursed" },
} as const satisfies Record<string, { numerator: FinancialAmountKey; denominator: FinancialAmountKey }>;
export type FinancialRateKey = keyof typeof FINANCIAL_RATES;
export const FINANCIAL_RATE_KEYS = Object.keys(FINANCIAL_RATES) as FinancialRateKey[];

export function financialRates(amounts: Record<FinancialAmountKey, number | null>): Record<FinancialRateKey, string | null> {
  const rates = {} as Record<FinancialRateKey, string | null>;
  for (const key of FINANCIAL_RATE_KEYS) {
    const { numerator, denominator } = FINANCIAL_RATES[key];
    const n = amounts[numerator];
    const d = amounts[denominator];
    rates[key] = n === null || d === null ? null : percentOf(n, d);
  }
  return rates;
}

/**
 * What a plan's spending is read against, in this order: the payment credit,
 * else the notified credit, else the allocated budget, else the planned budget
 * (a results node, or a plan without credits). Each basis names its two rates:
 * committed ÷ basis and paid ÷ basis.
 */
export const CREDIT_BASES = {
  paymentCredit: { committed: "committedOfPaymentCredit", paid: "paidOfPaymentCredit" },
  notified: { committed: "committedOfNotified", paid: "paidOfNotified" },
  allocated: { committed: "committedOfAllocated", paid: "paidOfAllocated" },
  budget: { committed: "committedOfBudget", paid: "paidOfBudget" },
} as const satisfies Record<string, { committed: FinancialRateKey; paid: FinancialRateKey }>;
export type CreditBasis = keyof typeof CREDIT_BASES;
export const CREDIT_BASIS_KEYS = Object.keys(CREDIT_BASES) as CreditBasis[];

export function creditBasis(credits: Record<"paymentCredit" | "notified" | "allocated", number | null>): CreditBasis {
  if (credits.paymentCredit !== null) return "paymentCredit";
  if (credits.notified !== null) return "notified";
  if (credits.allocated !== null) return "allocated";
  return "budget";
}
