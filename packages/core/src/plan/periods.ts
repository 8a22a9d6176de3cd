/** Position of a calendar month (1–12) in a fiscal year starting at `startMonth` (0–11). */
export function fiscalMonthIndex(month: number, startMonth: number): number {
  return (((month - startMonth) % 12) + 12) % 12;
}

/** Fiscal quarter (1–4) of a calendar month. */
export function fiscalQuarter(month: number, startMonth: number): 1 | 2 | 3 | 4 {
  return (Math.floor(fiscalMonthIndex(month, startMonth) / 3) + 1) as 1 | 2 | 3 | 4;
}

/** Distinct fiscal quarters an activity's months fall in, in order. */
export function quartersOfMonths(months: readonly number[], startMonth = 1): number[] {
  return [...new Set(months.map((m) => fiscalQuarter(m, startMonth)))].sort((a, b) => a - b);
}

/** First and last day (ISO) of fiscal year `year` starting in `startMonth`. */
export function fiscalYearBounds(year: number, startMonth: number): { start: string; end: string } {
  const start = `${year}-${pad(startMonth)}-01`;
  const endMonth = startMonth === 1 ? 12 : startMonth - 1;
  const endYear = startMonth === 1 ? year : year + 1;
  return { start, end: `${endYear}-${pad(endMonth)}-${pad(daysInMonth(endYear, endMonth))}` };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
