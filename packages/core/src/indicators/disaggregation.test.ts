import { describe, expect, it } from "vitest";
import { addBreakdowns, breakdownOf } from "./disaggregation.ts";

describe("breakdownOf", () => {
  it("gives a count's shares: 15 of which 6 women is 40 % women, 9 not given by sex", () => {
    const [sex] = breakdownOf("number", "15", { "sex:women": "6" }, ["sex"], []);
    expect(sex).toMatchObject({ dimension: "sex", unspecified: "9", mismatch: false });
    expect(sex!.rows).toEqual([{ key: "sex:women", dimension: "sex", category: "women", value: "6", share: "40.00" }]);
  });

  it("flags categories that make more than the total, or all of them another figure", () => {
    expect(breakdownOf("number", "15", { "sex:women": "16" }, ["sex"], [])[0]!.mismatch).toBe(true);
    expect(breakdownOf("number", "15", { "sex:women": "6", "sex:men": "8" }, ["sex"], [])[0]!.mismatch).toBe(true);
    expect(breakdownOf("number", "15", { "sex:women": "6", "sex:men": "9" }, ["sex"], [])[0]).toMatchObject({
      mismatch: false,
      unspecified: null,
    });
  });

  it("does not add up percentages across categories", () => {
    const [sex] = breakdownOf("percentage", "45", { "sex:women": "50", "sex:men": "40" }, ["sex"], []);
    expect(sex).toMatchObject({ mismatch: false, unspecified: null });
    expect(sex!.rows.map((r) => r.share)).toEqual([null, null]);
  });

  it("takes a location's categories from the project", () => {
    const [loc] = breakdownOf(
      "number",
      "10",
      { "location:Mopti": "4", "location:Kayes": "1" },
      ["location"],
      ["Mopti", "Ségou"],
    );
    expect(loc!.rows.map((r) => r.category)).toEqual(["Mopti"]);
  });

  it("adds breakdowns category by category", () => {
    expect(addBreakdowns([{ "sex:women": "6" }, { "sex:women": "2.5", "sex:men": "1" }])).toEqual({
      "sex:women": "8.5",
      "sex:men": "1",
    });
  });
});
