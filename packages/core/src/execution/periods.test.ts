import { describe, expect, it } from "vitest";
import { calendarYearOf, comparePeriods, parsePeriod, periodEnd, periodMonths, periodsOf } from "./periods.ts";

describe("periods", () => {
  it("reads month, quarter, semester and year keys and refuses others", () => {
    expect(parsePeriod("M04")).toEqual({ key: "M04", kind: "month", index: 4 });
    expect(parsePeriod("Q2")).toEqual({ key: "Q2", kind: "quarter", index: 2 });
    expect(parsePeriod("S1")).toEqual({ key: "S1", kind: "semester", index: 1 });
    expect(parsePeriod("Y")).toEqual({ key: "Y", kind: "year", index: 1 });
    for (const bad of ["M4", "M13", "M00", "Q5", "S3", "y", "2023", "", "Q1 "]) expect(parsePeriod(bad)).toBeNull();
  });

  it("orders periods by where they end in the fiscal year", () => {
    expect(periodEnd("M04", 1)).toBe(4);
    expect(periodEnd("Q2", 1)).toBe(6);
    expect(periodEnd("S1", 1)).toBe(6);
    expect(periodEnd("Y", 1)).toBe(12);
    // A fiscal year from July: July is its first month, June its last.
    expect(periodEnd("M07", 7)).toBe(1);
    expect(periodEnd("M06", 7)).toBe(12);
  });

  it("lists the months a period covers, from the fiscal year's start", () => {
    expect(periodMonths("Q2", 1)).toEqual([4, 5, 6]);
    expect(periodMonths("Q1", 7)).toEqual([7, 8, 9]);
    expect(periodMonths("S2", 7)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(periodMonths("M11", 7)).toEqual([11]);
    expect(periodsOf("month", 7)[0]).toBe("M07");
    expect(periodsOf("quarter", 1)).toEqual(["Q1", "Q2", "Q3", "Q4"]);
    expect(calendarYearOf(3, 2024, 7)).toBe(2025);
    expect(calendarYearOf(9, 2024, 7)).toBe(2024);
  });

  it("puts a later record of the same period after an earlier one", () => {
    const a = { period: "Q2", recordedAt: "2023-07-02T10:00:00.000Z" };
    const b = { period: "Q2", recordedAt: "2023-07-05T10:00:00.000Z" };
    expect(comparePeriods(a, b, 1)).toBeLessThan(0);
    expect(comparePeriods({ period: "Q3", recordedAt: "2023-01-01T00:00:00.000Z" }, b, 1)).toBeGreaterThan(0);
  });
});
