// What the execution grid shows of an activity for the reporting period being
// entered: that period's record, or, before one exists, the latest earlier
// one carried forward; and what changed since the record before it.
import { periodEnd } from "@baara/core";
import type { ExecutionActivity, ProgressRecord } from "./types.ts";

export interface PeriodView {
  /** The activity's record for the period, if any. */
  record: ProgressRecord | null;
  /** What the entry starts from: the record, else the latest one before the period. */
  base: ProgressRecord | null;
  /** The latest record before the period: what « changed since the last one » compares with. */
  before: ProgressRecord | null;
  changed: boolean;
}

export function periodView(activity: ExecutionActivity, period: string, fiscalYearStartMonth: number): PeriodView {
  const end = periodEnd(period, fiscalYearStartMonth);
  const record = activity.records.find((r) => r.period === period) ?? null;
  const earlier = activity.records.filter((r) => r.period !== period && periodEnd(r.period, fiscalYearStartMonth) <= end);
  const before = earlier.at(-1) ?? null;
  const changed =
    record !== null
    && (before === null
      ? record.status !== "not_started"
      : record.status !== before.status || record.percent !== before.percent);
  return { record, base: record ?? before, before, changed };
}

/** The body of a progress entry for the period: the base's fields, then the change. */
export function progressBody(view: PeriodView, period: string, change: Partial<ProgressRecord>) {
  const from = { ...view.base, ...change };
  return {
    period,
    status: from.status ?? "not_started",
    percent: from.status === "done" ? null : (from.percent ?? null),
    actualStart: from.actualStart ?? null,
    actualEnd: from.actualEnd ?? null,
    periodText: from.periodText ?? null,
    observations: from.observations ?? null,
    delayReason: from.delayReason ?? null,
    ...(view.record ? { version: view.record.version } : {}),
  };
}
