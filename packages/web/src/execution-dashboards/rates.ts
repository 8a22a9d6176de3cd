// The rates the execution dashboards show, each a key of core's catalogue
// (name and formula), read off the API's figures; and the colours of the
// three series physical / committed / paid, the same on every chart and bar.
import { type api, CREDIT_BASES, type CreditBasis, type FinancialRateKey, type PhysicalRateKey } from "@baara/core";
import type * as z from "zod";

export type Figures = z.infer<typeof api.executionFigures>;
export type RateKey = PhysicalRateKey | FinancialRateKey;

export const SERIES_COLORS = { physical: "teal.7", committed: "indigo.6", paid: "orange.7" } as const;
export type Series = keyof typeof SERIES_COLORS;

/** The rows of a project's table of years, in order; a row without a value in any year is left out. */
export const YEAR_RATES: readonly RateKey[] = [
  "byCount",
  "byBudget",
  "averageProgress",
  "committedOfPaymentCredit",
  "liquidatedOfPaymentCredit",
  "paidOfPaymentCredit",
  "committedOfBudget",
  "paidOfBudget",
  "liquidatedOfCommitted",
  "paidOfCommitted",
];

/** Portfolio columns: rates every plan has a value for (the budget is never missing), so that rows compare. */
export const PORTFOLIO_RATES = { physical: "byCount", committed: "committedOfBudget", paid: "paidOfBudget" } as const;

export function rateOf(figures: Pick<Figures, "physical"> & { financial: Pick<Figures["financial"], "rates"> }, key: RateKey) {
  if (key === "byCount") return figures.physical.rate;
  if (key === "byBudget" || key === "averageProgress") return figures.physical[key];
  return figures.financial.rates[key];
}

/**
 * The three rates a chart follows: physical, committed and paid, the last two
 * against the plan's credit (`basis`) or, for a results element, its budget.
 */
export function seriesRates(basis: CreditBasis): Record<Series, RateKey> {
  return { physical: "byCount", ...CREDIT_BASES[basis] };
}

/** A rate as a chart value (null leaves a gap). */
export const chartValue = (rate: string | null): number | null => (rate === null ? null : Number(rate));
