// Reporting periods in words, and the one a new entry most likely belongs to.
import { calendarYearOf, parsePeriod, type PeriodKind, periodMonths, periodsOf } from "@baara/core";
import type { TFunction } from "i18next";

/** « avril 2023 », « 2e trimestre 2023 », « 1er semestre 2023 », « Année 2023 ». */
export function periodLabel(t: TFunction, key: string, year: number, fiscalYearStartMonth: number): string {
  const period = parsePeriod(key);
  if (!period) return key;
  if (period.kind === "month") {
    const month = (t("months.long", { returnObjects: true }) as string[])[period.index - 1] ?? key;
    return `${month} ${calendarYearOf(period.index, year, fiscalYearStartMonth)}`;
  }
  const ordinal = t(period.index === 1 ? "execution.ordinalFirst" : "execution.ordinal", { index: period.index });
  return t(`execution.period.${period.kind}`, { index: period.index, ordinal, year });
}

export function periodOptions(t: TFunction, kind: PeriodKind, year: number, fiscalYearStartMonth: number) {
  return periodsOf(kind, fiscalYearStartMonth).map((key) => ({
    value: key,
    label: periodLabel(t, key, year, fiscalYearStartMonth),
  }));
}

/**
 * The period a new entry is most likely for: the latest one already recorded
 * in the plan; else, during the plan's year, the quarter of today; else the year.
 */
export function defaultPeriod(
  recorded: readonly string[],
  fiscalYearStartMonth: number,
  year: number,
  today = new Date(),
): string {
  const latest = recorded.at(-1);
  if (latest) return latest;
  const month = today.getMonth() + 1;
  const inYear = calendarYearOf(month, year, fiscalYearStartMonth) === today.getFullYear();
  if (!inYear) return "Y";
  return (
    periodsOf("quarter", fiscalYearStartMonth).find((q) => periodMonths(q, fiscalYearStartMonth).includes(month)) ?? "Y"
  );
}

export function kindOf(key: string): PeriodKind {
  return parsePeriod(key)?.kind ?? "year";
}
