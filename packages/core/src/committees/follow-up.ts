// Which recommendations a body's next session follows up, and how renewals
// chain a recommendation across sessions into one thread.
import type { RecommendationStatus } from "../domain.ts";

export interface FollowedRecommendation {
  id: string;
  status: RecommendationStatus;
  /** The recommendation this one renews (the same one, carried into a later session). */
  renewedFromId: string | null;
}

/** Done and dropped recommendations are closed; every other status is still followed. */
export function isOpen(status: RecommendationStatus): boolean {
  return status !== "done" && status !== "dropped";
}

/**
 * The recommendations a new session must follow up: every open one, except
 * those already renewed (their renewal carries the thread on).
 */
export function openForFollowUp<T extends FollowedRecommendation>(recommendations: readonly T[]): T[] {
  const renewed = new Set(recommendations.flatMap((r) => (r.renewedFromId ? [r.renewedFromId] : [])));
  return recommendations.filter((r) => isOpen(r.status) && !renewed.has(r.id));
}

/** Why a recommendation cannot be renewed, or null when it can: a done or dropped one is closed, a renewed one already was. */
export function renewalRefusal(
  recommendation: FollowedRecommendation,
  renewals: readonly FollowedRecommendation[],
): "RECOMMENDATION_CLOSED" | "RECOMMENDATION_RENEWED" | null {
  if (!isOpen(recommendation.status)) return "RECOMMENDATION_CLOSED";
  if (renewals.some((r) => r.renewedFromId === recommendation.id)) return "RECOMMENDATION_RENEWED";
  return null;
}

/**
 * The thread of a recommendation: the ones it renews, itself, and its
 * renewals, oldest first. `byId` holds every recommendation that may be in it.
 */
export function renewalThread<T extends FollowedRecommendation>(id: string, byId: ReadonlyMap<string, T>): T[] {
  const start = byId.get(id);
  if (!start) return [];
  const older: T[] = [];
  const seen = new Set([start.id]);
  for (let at = start.renewedFromId ? byId.get(start.renewedFromId) : undefined; at && !seen.has(at.id);) {
    older.unshift(at);
    seen.add(at.id);
    at = at.renewedFromId ? byId.get(at.renewedFromId) : undefined;
  }
  const newer: T[] = [];
  for (let at: T | undefined = start; at;) {
    const next: T | undefined = [...byId.values()].find((r) => r.renewedFromId === at?.id && !seen.has(r.id));
    if (next) {
      newer.push(next);
      seen.add(next.id);
    }
    at = next;
  }
  return [...older, start, ...newer];
}
