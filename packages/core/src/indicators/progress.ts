// Where an indicator stands: the value reached to date, its achievement
// against the end-of-project target, and its status against the milestone
// of the period, with thresholds the project sets.
import type {
  CollectionFrequency,
  IndicatorDirection,
  IndicatorMeasure,
  IndicatorStatus,
  IndicatorValueStatus,
} from "../domain.ts";
import { type PeriodKey, parsePeriod, periodEnd, periodMonths } from "../execution/periods.ts";
import { addBreakdowns } from "./disaggregation.ts";
import { fromScaled, valuePercent, ratioAtLeast, toScaled } from "./decimal.ts";

export interface IndicatorDefinition {
  measure: IndicatorMeasure;
  direction: IndicatorDirection;
  /** Each period's value is what was achieved in that period; the value to date adds them to the baseline. */
  cumulative: boolean;
  baseline: string | null;
  endTarget: string | null;
  /** Targets of a year (period "Y") and milestones of a period; a target without a value is only a comment. */
  targets: readonly { year: number; period: PeriodKey; value: string | null }[];
}

export interface ReportedValue {
  year: number;
  period: PeriodKey;
  value: string | null;
  breakdown: Record<string, string>;
  status: IndicatorValueStatus;
}

/** Percentages of the way to the milestone: at or above `onTrack` is on track, at or above `atRisk` at risk. */
export interface Thresholds {
  onTrack: string;
  atRisk: string;
}

export const DEFAULT_THRESHOLDS: Thresholds = { onTrack: "90", atRisk: "60" };

export interface PeriodRef {
  year: number;
  period: PeriodKey;
}

/** Why an achievement is not a plain (actual − baseline) ÷ (target − baseline). */
export type AchievementNote = "baseline_assumed_zero" | "no_baseline" | "no_target" | "target_equals_baseline" | null;

export interface IndicatorProgress {
  /** The period of the latest validated value counted (or the period asked for). */
  asOf: PeriodRef | null;
  /** The value reached by then: the latest value, or the baseline plus every period's value for a cumulative indicator. */
  current: string | null;
  currentBreakdown: Record<string, string>;
  /** What the breakdown's categories share: the current value, or for a cumulative indicator what its periods added (not the baseline). */
  breakdownTotal: string | null;
  /** (current − baseline) ÷ (end target − baseline), in percent with two decimals ("50.00"). */
  achievement: string | null;
  achievementNote: AchievementNote;
  /** What the status compares with: the first milestone due at or after `asOf`, else the end target. */
  milestone: { year: number | null; period: PeriodKey | null; value: string } | null;
  /** How far to the milestone, in percent with two decimals. */
  milestoneProgress: string | null;
  status: IndicatorStatus;
}

/** Where a period ends, across years: 2020 S2 before 2021 Q1; Q4, S2, M12 and Y of a year end together. */
export function periodOrder(ref: PeriodRef): number {
  return ref.year * 100 + periodEnd(ref.period, 1);
}

const SPAN = { month: 1, quarter: 2, semester: 3, year: 4 } as const;

/** Orders values by where their period ends; of periods ending together, the longer one last (the year's figure is the year's word). */
export function comparePeriodRefs(a: PeriodRef, b: PeriodRef): number {
  const span = (r: PeriodRef) => SPAN[parsePeriod(r.period)?.kind ?? "year"];
  return periodOrder(a) - periodOrder(b) || span(a) - span(b);
}

/** Whether two periods of a year cover a common month (S1 and Q2 do; Q1 and Q2 do not). */
export function periodsOverlap(a: PeriodRef, b: PeriodRef): boolean {
  if (a.year !== b.year) return false;
  const months = new Set(periodMonths(a.period, 1));
  return periodMonths(b.period, 1).some((m) => months.has(m));
}

/** The values that count: validated ones up to `asOf`, in period order. */
export function countedValues(values: readonly ReportedValue[], asOf?: PeriodRef): ReportedValue[] {
  const limit = asOf ? periodOrder(asOf) : Infinity;
  return values
    .filter((v) => v.status === "validated" && v.value !== null && periodOrder(v) <= limit)
    .sort(comparePeriodRefs);
}

/** The value to date after each counted value: what a trend chart draws. */
export function valueSeries(def: IndicatorDefinition, values: readonly ReportedValue[]): (PeriodRef & { value: string })[] {
  const counted = countedValues(values);
  let sum = toScaled(def.baseline ?? "0") ?? 0n;
  return counted.map((v) => {
    const scaled = toScaled(v.value!) ?? 0n;
    sum = def.cumulative ? sum + scaled : scaled;
    return { year: v.year, period: v.period, value: fromScaled(sum) };
  });
}

function baselineFor(def: IndicatorDefinition): { base: bigint | null; note: AchievementNote } {
  const baseline = def.baseline === null ? null : toScaled(def.baseline);
  if (baseline !== null) return { base: baseline, note: null };
  // Without a baseline, "more is better" starts from nothing; "less is better" has nothing to go down from.
  return def.direction === "increase" ? { base: 0n, note: "baseline_assumed_zero" } : { base: null, note: "no_baseline" };
}

/** The first milestone with a value due at or after the period; the end-of-project target after the last one. */
export function milestoneFor(def: IndicatorDefinition, asOf: PeriodRef): IndicatorProgress["milestone"] {
  const due = def.targets
    .filter((t) => t.value !== null && periodOrder(t) >= periodOrder(asOf))
    .sort((a, b) => periodOrder(a) - periodOrder(b))[0];
  if (due) return { year: due.year, period: due.period, value: due.value! };
  return def.endTarget === null ? null : { year: null, period: null, value: def.endTarget };
}

export function indicatorProgress(
  def: IndicatorDefinition,
  values: readonly ReportedValue[],
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
  asked?: PeriodRef,
): IndicatorProgress {
  const counted = countedValues(values, asked);
  const last = counted.at(-1);
  const asOf = asked ?? (last ? { year: last.year, period: last.period } : null);
  const empty = {
    current: null,
    currentBreakdown: {},
    breakdownTotal: null,
    achievement: null,
    milestone: null,
    milestoneProgress: null,
  };
  if (def.measure === "text") return { ...empty, asOf, achievementNote: null, status: "not_measured" };
  const { base, note } = baselineFor(def);
  if (!last) return { ...empty, asOf, achievementNote: note, status: "no_data" };

  const scaled = counted.map((v) => toScaled(v.value!) ?? 0n);
  const currentScaled = def.cumulative
    ? (toScaled(def.baseline ?? "0") ?? 0n) + scaled.reduce((a, b) => a + b, 0n)
    : scaled.at(-1)!;
  const current = fromScaled(currentScaled);
  const currentBreakdown = def.cumulative ? addBreakdowns(counted.map((v) => v.breakdown)) : last.breakdown;
  const breakdownTotal = def.cumulative ? fromScaled(scaled.reduce((a, b) => a + b, 0n)) : current;

  const target = def.endTarget === null ? null : toScaled(def.endTarget);
  let achievement: string | null = null;
  let achievementNote = note;
  if (target === null) achievementNote = "no_target";
  else if (base !== null) {
    achievement = valuePercent(currentScaled - base, target - base);
    if (achievement === null) achievementNote = "target_equals_baseline";
  }

  const milestone = milestoneFor(def, asOf!);
  const { status, progress } = statusAgainst(
    def.direction,
    base,
    currentScaled,
    milestone && toScaled(milestone.value),
    thresholds,
  );
  return {
    asOf,
    current,
    currentBreakdown,
    breakdownTotal,
    achievement,
    achievementNote,
    milestone,
    milestoneProgress: progress,
    status,
  };
}

/** On track, at risk or off track: how far from the baseline to the milestone the value has gone. */
export function statusAgainst(
  direction: IndicatorDirection,
  base: bigint | null,
  current: bigint,
  milestone: bigint | null,
  thresholds: Thresholds,
): { status: IndicatorStatus; progress: string | null } {
  if (milestone === null) return { status: "no_milestone", progress: null };
  const better = (a: bigint, b: bigint) => (direction === "increase" ? a >= b : a <= b);
  // A milestone equal to the baseline (or no baseline to measure from): reached or not.
  if (base === null || milestone === base)
    return { status: better(current, milestone) ? "on_track" : "off_track", progress: null };
  const [n, d] = milestone > base ? [current - base, milestone - base] : [base - current, base - milestone];
  const progress = valuePercent(n, d);
  const onTrack = toScaled(thresholds.onTrack) ?? 0n;
  const atRisk = toScaled(thresholds.atRisk) ?? 0n;
  const status = ratioAtLeast(n, d, onTrack) ? "on_track" : ratioAtLeast(n, d, atRisk) ? "at_risk" : "off_track";
  return { status, progress };
}

/** Whether an indicator collected at `frequency` is due at the end of a period: a yearly one only at year end. */
export function isDue(frequency: CollectionFrequency | null, period: PeriodKey): boolean {
  const kind = parsePeriod(period)?.kind ?? "year";
  if (frequency === null || frequency === "monthly") return true;
  if (frequency === "quarterly") return kind !== "month";
  if (frequency === "semiannual") return kind === "semester" || kind === "year";
  return kind === "year";
}
