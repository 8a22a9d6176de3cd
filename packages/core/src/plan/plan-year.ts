// The year a new plan is most likely for: the one a file's name or title gives
// ("PTBA 2022", "AWP_2024_v3.xlsx"), else this year when the project runs now,
// else the nearest year of the project's period.
export interface ProjectPeriod {
  startDate: string | null;
  endDate: string | null;
}

const YEAR_IN_TEXT = /(?<!\d)(20\d{2})(?!\d)/g;

function periodYears(period: ProjectPeriod): { first: number | null; last: number | null } {
  return {
    first: period.startDate ? Number(period.startDate.slice(0, 4)) : null,
    last: period.endDate ? Number(period.endDate.slice(0, 4)) : null,
  };
}

export function suggestPlanYear(period: ProjectPeriod, today: Date, text = ""): number {
  const { first, last } = periodYears(period);
  const inText = [...text.matchAll(YEAR_IN_TEXT)].map((m) => Number(m[1]));
  // Of the years a title names, the one inside the period (a title may also name the project's start).
  const named = inText.find((y) => !isOutsidePeriod(period, y)) ?? inText[0];
  if (named !== undefined) return named;
  const year = today.getFullYear();
  if (first !== null && year < first) return first;
  if (last !== null && year > last) return last;
  return year;
}

/** Whether a plan for `year` falls outside the project's period (unknown ends count as open). */
export function isOutsidePeriod(period: ProjectPeriod, year: number): boolean {
  const { first, last } = periodYears(period);
  return (first !== null && year < first) || (last !== null && year > last);
}
