// The follow-up rates of recommendations, as the CPS report's Table 4 counts
// them: executed (1), in progress (2), not executed (3). A dropped
// recommendation is no longer followed: it is counted apart and left out of
// the base, so that dropping one does not lower the execution rate.
import { percentOf } from "../execution/rates.ts";
import type { RecommendationStatus } from "../domain.ts";

export interface RecommendationCounts {
  total: number;
  executed: number;
  inProgress: number;
  notExecuted: number;
  dropped: number;
}

export interface RecommendationRates extends RecommendationCounts {
  /** Shares of the recommendations still followed (total − dropped), two decimals ("60.00"); null when none is. */
  executedRate: string | null;
  inProgressRate: string | null;
  notExecutedRate: string | null;
}

/** The column of the follow-up table a status falls in. */
export function followUpColumn(status: RecommendationStatus): "executed" | "inProgress" | "notExecuted" | "dropped" {
  if (status === "done") return "executed";
  if (status === "in_progress") return "inProgress";
  if (status === "dropped") return "dropped";
  return "notExecuted";
}

export function recommendationRates(statuses: Iterable<RecommendationStatus>): RecommendationRates {
  const counts: RecommendationCounts = { total: 0, executed: 0, inProgress: 0, notExecuted: 0, dropped: 0 };
  for (const status of statuses) {
    counts.total++;
    counts[followUpColumn(status)]++;
  }
  const base = counts.total - counts.dropped;
  return {
    ...counts,
    executedRate: percentOf(counts.executed, base),
    inProgressRate: percentOf(counts.inProgress, base),
    notExecutedRate: percentOf(counts.notExecuted, base),
  };
}

/** Rates per group (session, body, responsible structure…); an item in several groups counts in each. */
export function ratesBy<T>(
  items: readonly T[],
  keysOf: (item: T) => readonly string[],
  statusOf: (item: T) => RecommendationStatus,
): Map<string, RecommendationRates> {
  const groups = new Map<string, RecommendationStatus[]>();
  for (const item of items) {
    for (const key of new Set(keysOf(item))) {
      const list = groups.get(key) ?? [];
      list.push(statusOf(item));
      groups.set(key, list);
    }
  }
  return new Map([...groups].map(([key, statuses]) => [key, recommendationRates(statuses)]));
}
