// A budget revision that moves too much of a budget category needs the
// steering committee's decision: the UN Peacebuilding Fund sets that share at
// 15 % of a category. Amounts are exact (minor units), the comparison too.
import type { Minor } from "../money.ts";
import { percentHundredths, percentOf } from "../execution/rates.ts";

/** The share of a category a revision may move without the steering committee (UN PBF: 15 %). */
export const DEFAULT_REVISION_THRESHOLD = "15";

export interface CategoryAmount {
  /** The budget category (the lines' account code); null for lines without one. */
  key: string | null;
  label: string | null;
  amount: Minor;
}

export interface CategoryRevision {
  key: string | null;
  label: string | null;
  before: Minor;
  after: Minor;
  /** after − before: what moved into (positive) or out of (negative) the category. */
  moved: Minor;
  /** |moved| ÷ before as a percentage ("20.00"); null for a category the revision creates. */
  share: string | null;
  needsSteeringCommittee: boolean;
}

export interface BudgetRevisionCheck {
  threshold: string;
  categories: CategoryRevision[];
  needsSteeringCommittee: boolean;
}

/**
 * Each category's move from `before` to `after`, flagged when it moves more
 * than `threshold` percent of what the category held (exactly the threshold is
 * allowed); a category that appears from nothing is flagged.
 */
export function checkBudgetRevision(
  before: readonly CategoryAmount[],
  after: readonly CategoryAmount[],
  threshold: string = DEFAULT_REVISION_THRESHOLD,
): BudgetRevisionCheck {
  const limit = BigInt(percentHundredths(threshold));
  const keys = new Map<string, { key: string | null; label: string | null; before: Minor; after: Minor }>();
  const entry = (c: CategoryAmount) => {
    const id = c.key ?? "";
    const found = keys.get(id) ?? { key: c.key, label: c.label, before: 0, after: 0 };
    keys.set(id, found);
    return found;
  };
  for (const c of before) entry(c).before += c.amount;
  for (const c of after) {
    const found = entry(c);
    found.after += c.amount;
    found.label = c.label ?? found.label;
  }
  const categories = [...keys.values()].map((c): CategoryRevision => {
    const moved = c.after - c.before;
    const magnitude = BigInt(Math.abs(moved));
    const base = BigInt(c.before);
    const needsSteeringCommittee = base === 0n ? magnitude > 0n : magnitude * 10000n > limit * base;
    return { ...c, moved, share: base === 0n ? null : percentOf(magnitude, base), needsSteeringCommittee };
  });
  return { threshold, categories, needsSteeringCommittee: categories.some((c) => c.needsSteeringCommittee) };
}
