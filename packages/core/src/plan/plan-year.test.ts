import { describe, expect, it } from "vitest";
import { isOutsidePeriod, suggestPlanYear } from "./plan-year.ts";

const today = new Date("2026-12-04T10:00:00Z");
const ended = { startDate: "2018-01-01", endDate: "2021-12-31" };

describe("suggestPlanYear", () => {
  it("takes the year a file's name or title gives", () => {
    expect(suggestPlanYear(ended, today, "PTBA 2022 Composante B.xlsx")).toBe(2022);
    expect(suggestPlanYear({ startDate: "2020-01-01", endDate: null }, today, "AWP_2024_v3.xlsx")).toBe(2024);
    // A title that also names the project's start year: the one inside the period.
    expect(suggestPlanYear({ startDate: "2023-01-01", endDate: "2026-12-31" }, today, "Projet 2015-2030 plan 2025")).toBe(2025);
  });

  it("else this year, kept inside the project's period", () => {
    expect(suggestPlanYear(ended, today)).toBe(2021);
    expect(suggestPlanYear({ startDate: "2028-03-01", endDate: "2031-12-31" }, today)).toBe(2028);
    expect(suggestPlanYear({ startDate: "2024-01-01", endDate: "2027-12-31" }, today)).toBe(2026);
    expect(suggestPlanYear({ startDate: null, endDate: null }, today, "plan 12345")).toBe(2026);
  });

  it("tells a year outside the period", () => {
    expect(isOutsidePeriod(ended, 2026)).toBe(true);
    expect(isOutsidePeriod(ended, 2018)).toBe(false);
    expect(isOutsidePeriod({ startDate: null, endDate: null }, 1999)).toBe(false);
  });
});
