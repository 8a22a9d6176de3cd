// Reporting periods of a plan's fiscal year: a month, a quarter, a semester or
// the whole year. Progress is recorded per period; an activity stands where
// its latest period says.
import { fiscalMonthIndex } from "../plan/periods.ts";

export const PERIOD_KINDS = ["month", "quarter", "semester", "year"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/**
 * A period of the plan's fiscal year: "M04" (April, a calendar month), "Q2"
 * (the fiscal year's second quarter), "S1", or "Y" (the whole year).
 */
export type PeriodKey = string;

export interface Period {
  key: PeriodKey;
  kind: PeriodKind;
  /** Month 1–12 for a month; 1–4 for a quarter; 1–2 for a semester; 1 for the year. */
  index: number;
}

const PATTERN = /^(?:M(0[1-9]|1[0-2])|Q([1-4])|S([12])|Y)$/;

export function parsePeriod(key: string): Period | null {
  const m = PATTERN.exec(key);
  if (!m) return null;
  if (m[1]) return { key, kind: "month", index: Number(m[1]) };
  if (m[2]) return { key, kind: "quarter", index: Number(m[2]) };
  if (m[3]) return { key, kind: "semester", index: Number(m[3]) };
  return { key, kind: "year", index: 1 };
}

export function isPeriodKey(key: string): boolean {
  return PATTERN.test(key);
}

export function periodKey(kind: PeriodKind, index: number): PeriodKey {
  if (kind === "month") return `M${String(index).padStart(2, "0")}`;
  if (kind === "quarter") return `Q${index}`;
  if (kind === "semester") return `S${index}`;
  return "Y";
}

/** How many months of the fiscal year have passed when the period ends (1–12): what orders periods. */
export function periodEnd(key: PeriodKey, fiscalYearStartMonth: number): number {
  const period = parsePeriod(key);
  if (!period) throw new RangeError(`Not a period: ${key}`);
  if (period.kind === "month") return fiscalMonthIndex(period.index, fiscalYearStartMonth) + 1;
  if (period.kind === "quarter") return period.index * 3;
  if (period.kind === "semester") return period.index * 6;
  return 12;
}

/** The calendar months (1–12) a period covers, in order. */
export function periodMonths(key: PeriodKey, fiscalYearStartMonth: number): number[] {
  const period = parsePeriod(key);
  if (!period) throw new RangeError(`Not a period: ${key}`);
  if (period.kind === "month") return [period.index];
  const span = period.kind === "quarter" ? 3 : period.kind === "semester" ? 6 : 12;
  const first = (period.kind === "year" ? 0 : period.index - 1) * span;
  return Array.from({ length: span }, (_, i) => ((fiscalYearStartMonth - 1 + first + i) % 12) + 1);
}

/**
 * The periods of one kind in a fiscal year, in order: what a period picker offers.
 * Months follow the fiscal year (July first for a year starting in July).
 */
export function periodsOf(kind: PeriodKind, fiscalYearStartMonth: number): PeriodKey[] {
  if (kind === "month") return periodMonths("Y", fiscalYearStartMonth).map((m) => periodKey("month", m));
  const count = kind === "quarter" ? 4 : kind === "semester" ? 2 : 1;
  return Array.from({ length: count }, (_, i) => periodKey(kind, i + 1));
}

/** Calendar year of a month of fiscal year `year` (a fiscal year 2024 starting in July ends in June 2025). */
export function calendarYearOf(month: number, year: number, fiscalYearStartMonth: number): number {
  return fiscalYearStartMonth !== 1 && month < fiscalYearStartMonth ? year + 1 : year;
}

/** Orders progress records: by the end of their period, then by when they were recorded. */
export function comparePeriods(
  a: { period: PeriodKey; recordedAt: string },
  b: { period: PeriodKey; recordedAt: string },
  fiscalYearStartMonth: number,
): number {
  return (
    periodEnd(a.period, fiscalYearStartMonth) - periodEnd(b.period, fiscalYearStartMonth)
    || a.recordedAt.localeCompare(b.recordedAt)
  );
}
