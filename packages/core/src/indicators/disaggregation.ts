// Disaggregation: the reusable lists an indicator's values are broken down by
// (sex, age group, location, beneficiary type), and what a breakdown says.
// A category is keyed "dimension:category" ("sex:women", "location:Mopti").
import { fromScaled, valuePercent, toScaled } from "./decimal.ts";
import type { IndicatorMeasure } from "../domain.ts";

export const DIMENSIONS = ["sex", "age", "location", "beneficiary"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The categories of each list; a location's are the project's locations. */
export const DIMENSION_CATEGORIES: Record<Exclude<Dimension, "location">, readonly string[]> = {
  sex: ["women", "men"],
  // The UN's youth is 18–35 (Security Council resolution 2250).
  age: ["under_18", "youth", "over_35"],
  beneficiary: ["displaced", "host", "refugee", "returnee"],
};

export function categoriesOf(dimension: Dimension, locations: readonly string[]): readonly string[] {
  return dimension === "location" ? locations : DIMENSION_CATEGORIES[dimension];
}

export function categoryKey(dimension: Dimension, category: string): string {
  return `${dimension}:${category}`;
}

export function splitCategoryKey(key: string): { dimension: Dimension; category: string } | null {
  const at = key.indexOf(":");
  const dimension = key.slice(0, at) as Dimension;
  if (at < 1 || !DIMENSIONS.includes(dimension)) return null;
  return { dimension, category: key.slice(at + 1) };
}

/** Whether a breakdown key names a category of one of the indicator's dimensions. */
export function isKnownCategory(key: string, dimensions: readonly Dimension[], locations: readonly string[]): boolean {
  const split = splitCategoryKey(key);
  return (
    !!split && dimensions.includes(split.dimension) && categoriesOf(split.dimension, locations).includes(split.category)
  );
}

export interface BreakdownRow {
  key: string;
  dimension: Dimension;
  category: string;
  value: string;
  /** For a count: this category's share of the total ("40.00" for 6 of 15); null for a percentage indicator. */
  share: string | null;
}

export interface BreakdownDimension {
  dimension: Dimension;
  rows: BreakdownRow[];
  /** For a count: what the total has that no category of this dimension says ("9" of 15 when only 6 women are given). */
  unspecified: string | null;
  /** For a count: the categories add up to more than the total, or (all given) to another figure. */
  mismatch: boolean;
}

/**
 * A value's breakdown, dimension by dimension. Counts add up: 15 of which 6
 * women is 40 % women and 9 not given by sex. Percentages do not: 50 % of
 * women and 30 % of men is not 80 % of anything, so no share or sum is made.
 */
export function breakdownOf(
  measure: IndicatorMeasure,
  total: string | null,
  breakdown: Record<string, string>,
  dimensions: readonly Dimension[],
  locations: readonly string[],
  /** Periods added up: a period that gave only some categories leaves the others short, so all of them given is not all of the total. */
  cumulative = false,
): BreakdownDimension[] {
  const totalScaled = total === null ? null : toScaled(total);
  const counts = measure === "number";
  const result: BreakdownDimension[] = [];
  for (const dimension of dimensions) {
    const rows: BreakdownRow[] = [];
    for (const category of categoriesOf(dimension, locations)) {
      const key = categoryKey(dimension, category);
      const value = breakdown[key];
      if (value === undefined) continue;
      const scaled = toScaled(value);
      const share = counts && scaled !== null && totalScaled ? valuePercent(scaled, totalScaled) : null;
      rows.push({ key, dimension, category, value, share });
    }
    if (rows.length === 0) continue;
    let unspecified: string | null = null;
    let mismatch = false;
    if (counts && totalScaled !== null) {
      const sum = rows.reduce((a, r) => a + (toScaled(r.value) ?? 0n), 0n);
      const all = rows.length === categoriesOf(dimension, locations).length;
      mismatch = sum > totalScaled || (all && !cumulative && sum !== totalScaled);
      unspecified = !mismatch && sum < totalScaled ? fromScaled(totalScaled - sum) : null;
    }
    result.push({ dimension, rows, unspecified, mismatch });
  }
  return result;
}

/** Breakdowns of values that add up (a cumulative count's periods), category by category. */
export function addBreakdowns(breakdowns: readonly Record<string, string>[]): Record<string, string> {
  const sums = new Map<string, bigint>();
  for (const b of breakdowns)
    for (const [key, value] of Object.entries(b)) sums.set(key, (sums.get(key) ?? 0n) + (toScaled(value) ?? 0n));
  return Object.fromEntries([...sums].map(([key, sum]) => [key, fromScaled(sum)]));
}
