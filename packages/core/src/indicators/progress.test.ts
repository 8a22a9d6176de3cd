import { describe, expect, it } from "vitest";
import { type IndicatorDefinition, type ReportedValue, indicatorProgress, isDue, periodsOverlap, valueSeries } from "./progress.ts";

const def = (over: Partial<IndicatorDefinition> = {}): IndicatorDefinition => ({
  measure: "number",
  direction: "increase",
  cumulative: false,
  baseline: "0",
  endTarget: "30",
  targets: [],
  ...over,
});
const v = (
  year: number,
  period: string,
  value: string | null,
  status: ReportedValue["status"] = "validated",
  breakdown = {},
): ReportedValue => ({
  year,
  period,
  value,
  breakdown,
  status,
});

describe("achievement", () => {
  it("is (actual − baseline) ÷ (target − baseline) with two decimals", () => {
    expect(indicatorProgress(def(), [v(2020, "Y", "15")]).achievement).toBe("50.00");
    expect(indicatorProgress(def({ endTarget: "24" }), [v(2020, "Y", "9")]).achievement).toBe("37.50");
    expect(indicatorProgress(def({ baseline: "10", endTarget: "40" }), [v(2020, "Y", "20")]).achievement).toBe("33.33");
  });

  it("goes the right way for an indicator where less is better", () => {
    const falling = def({ direction: "decrease", baseline: "40", endTarget: "10" });
    expect(indicatorProgress(falling, [v(2021, "Y", "25")]).achievement).toBe("50.00");
    expect(indicatorProgress(falling, [v(2021, "Y", "45")]).achievement).toBe("-16.67");
  });

  it("adds the periods of a cumulative indicator to its baseline, takes the latest of another", () => {
    const values = [v(2020, "S1", "5"), v(2020, "S2", "7"), v(2021, "S1", "3")];
    expect(indicatorProgress(def({ cumulative: true, baseline: "2" }), values).current).toBe("17");
    expect(indicatorProgress(def({ cumulative: false }), values).current).toBe("3");
    expect(valueSeries(def({ cumulative: true }), values).map((p) => p.value)).toEqual(["5", "12", "15"]);
  });

  it("counts only validated values, up to the period asked", () => {
    const values = [v(2020, "S1", "5"), v(2020, "S2", "20", "entered"), v(2021, "S1", "9", "returned")];
    expect(indicatorProgress(def(), values).current).toBe("5");
    expect(
      indicatorProgress(def(), [v(2020, "S1", "5"), v(2020, "S2", "8")], undefined, { year: 2020, period: "Q2" }).current,
    ).toBe("5");
  });

  it("says why there is no plain achievement", () => {
    expect(indicatorProgress(def({ baseline: null }), [v(2020, "Y", "15")])).toMatchObject({
      achievement: "50.00",
      achievementNote: "baseline_assumed_zero",
    });
    expect(
      indicatorProgress(def({ baseline: null, direction: "decrease", endTarget: "5" }), [v(2020, "Y", "8")]),
    ).toMatchObject({
      achievement: null,
      achievementNote: "no_baseline",
    });
    expect(indicatorProgress(def({ endTarget: null }), [v(2020, "Y", "8")]).achievementNote).toBe("no_target");
    expect(indicatorProgress(def({ baseline: "4", endTarget: "4" }), [v(2020, "Y", "8")]).achievementNote).toBe(
      "target_equals_baseline",
    );
  });
});

describe("status against the milestone", () => {
  const targets = [
    { year: 2020, period: "Y", value: "10" },
    { year: 2021, period: "Y", value: "30" },
  ];
  it("compares with the first milestone due at or after the period, with the project's thresholds", () => {
    expect(indicatorProgress(def({ targets }), [v(2020, "Y", "9")])).toMatchObject({
      status: "on_track",
      milestoneProgress: "90.00",
    });
    expect(indicatorProgress(def({ targets }), [v(2020, "Y", "6")]).status).toBe("at_risk");
    expect(indicatorProgress(def({ targets }), [v(2020, "Y", "5")]).status).toBe("off_track");
    expect(indicatorProgress(def({ targets }), [v(2020, "S1", "6")]).milestone).toMatchObject({ year: 2020, value: "10" });
    expect(indicatorProgress(def({ targets }), [v(2021, "S1", "20")]).status).toBe("at_risk");
    expect(indicatorProgress(def({ targets }), [v(2020, "Y", "6")], { onTrack: "50", atRisk: "20" }).status).toBe(
      "on_track",
    );
  });

  it("falls back on the end target after the last milestone, and says when there is none", () => {
    expect(indicatorProgress(def({ targets }), [v(2022, "Y", "30")])).toMatchObject({
      status: "on_track",
      milestone: { year: null },
    });
    expect(indicatorProgress(def({ endTarget: null }), [v(2022, "Y", "30")]).status).toBe("no_milestone");
  });

  it("judges a decreasing indicator by how far it went down", () => {
    const falling = def({
      direction: "decrease",
      baseline: "40",
      endTarget: "10",
      targets: [{ year: 2021, period: "Y", value: "30" }],
    });
    expect(indicatorProgress(falling, [v(2021, "Y", "31")]).status).toBe("on_track");
    expect(indicatorProgress(falling, [v(2021, "Y", "35")]).status).toBe("off_track");
    expect(indicatorProgress(falling, [v(2021, "Y", "42")]).status).toBe("off_track");
  });

  it("has no data before a validated value, and does not measure words", () => {
    expect(indicatorProgress(def(), [v(2020, "Y", "3", "entered")]).status).toBe("no_data");
    expect(indicatorProgress(def({ measure: "text" }), [v(2020, "Y", "3")]).status).toBe("not_measured");
  });

  it("reads a yes/no indicator as reached or not", () => {
    const yesNo = def({
      measure: "yes_no",
      baseline: "0",
      endTarget: "1",
      targets: [{ year: 2020, period: "Y", value: "1" }],
    });
    expect(indicatorProgress(yesNo, [v(2020, "Y", "1")])).toMatchObject({ achievement: "100.00", status: "on_track" });
    expect(indicatorProgress(yesNo, [v(2020, "Y", "0")])).toMatchObject({ achievement: "0.00", status: "off_track" });
  });
});

describe("periods", () => {
  it("overlap when they share a month of the same year", () => {
    expect(periodsOverlap({ year: 2020, period: "S1" }, { year: 2020, period: "Q2" })).toBe(true);
    expect(periodsOverlap({ year: 2020, period: "Q1" }, { year: 2020, period: "Q2" })).toBe(false);
    expect(periodsOverlap({ year: 2020, period: "Y" }, { year: 2021, period: "Y" })).toBe(false);
    expect(periodsOverlap({ year: 2020, period: "Y" }, { year: 2020, period: "M07" })).toBe(true);
  });
});

describe("isDue", () => {
  it("asks for a value only at the periods the indicator is collected", () => {
    expect(isDue("annual", "Y")).toBe(true);
    expect(isDue("annual", "S1")).toBe(false);
    expect(isDue("semiannual", "S2")).toBe(true);
    expect(isDue("semiannual", "Q2")).toBe(false);
    expect(isDue("quarterly", "Q3")).toBe(true);
    expect(isDue("quarterly", "M07")).toBe(false);
    expect(isDue("monthly", "M07")).toBe(true);
    expect(isDue(null, "M07")).toBe(true);
    expect(isDue("end_of_project", "Q4")).toBe(false);
  });
});

describe("cumulative breakdowns and periods ending together", () => {
  it("shares a cumulative count's categories out of what its periods added, not the baseline", () => {
    const values = [v(2024, "Q1", "10", "validated", { "sex:women": "4" }), v(2024, "Q2", "20", "validated", { "sex:women": "5" })];
    const progress = indicatorProgress(def({ cumulative: true, baseline: "100", endTarget: "200" }), values);
    expect(progress).toMatchObject({ current: "130", breakdownTotal: "30", currentBreakdown: { "sex:women": "9" } });
  });

  it("takes the year's figure as the latest of periods ending in December", () => {
    const values = [v(2024, "Y", "70"), v(2024, "Q4", "90"), v(2024, "S2", "80"), v(2024, "M12", "85")];
    expect(indicatorProgress(def({ endTarget: "100" }), values).current).toBe("70");
  });
});
