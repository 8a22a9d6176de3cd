import { describe, expect, it } from "vitest";
import { fiscalQuarter, fiscalYearBounds, quartersOfMonths } from "./periods.ts";

describe("periods", () => {
  it("derives quarters from months, for calendar and July fiscal years", () => {
    expect(quartersOfMonths([1, 2, 3, 12])).toEqual([1, 4]);
    expect(quartersOfMonths([7, 6], 7)).toEqual([1, 4]);
    expect(fiscalQuarter(10, 1)).toBe(4);
    expect(fiscalQuarter(10, 10)).toBe(1);
  });

  it("gives the first and last day of a fiscal year", () => {
    expect(fiscalYearBounds(2024, 1)).toEqual({ start: "2024-01-01", end: "2024-12-31" });
    expect(fiscalYearBounds(2024, 7)).toEqual({ start: "2024-07-01", end: "2025-06-30" });
    expect(fiscalYearBounds(2023, 3)).toEqual({ start: "2023-03-01", end: "2024-02-29" });
  });
});
