import { describe, expect, it } from "vitest";
import { followUpColumn, ratesBy, recommendationRates } from "./rates.ts";
import type { RecommendationStatus } from "../domain.ts";

describe("recommendation rates", () => {
  it("counts the CPS session 2023 as its Table 4 does: 3 in progress, 2 not executed, none executed", () => {
    const rates = recommendationRates(["in_progress", "in_progress", "not_started", "in_progress", "not_started"]);
    expect(rates).toEqual({
      total: 5,
      executed: 0,
      inProgress: 3,
      notExecuted: 2,
      dropped: 0,
      executedRate: "0.00",
      inProgressRate: "60.00",
      notExecutedRate: "40.00",
    });
  });

  it("leaves dropped recommendations out of the base, and has no rate when nothing is followed", () => {
    const rates = recommendationRates(["done", "dropped", "not_started"]);
    expect(rates).toMatchObject({ total: 3, executed: 1, dropped: 1, executedRate: "50.00", notExecutedRate: "50.00" });
    expect(recommendationRates(["dropped"]).executedRate).toBeNull();
    expect(recommendationRates([]).executedRate).toBeNull();
  });

  it("rounds a third half up to two decimals", () => {
    expect(recommendationRates(["done", "in_progress", "not_started"]).executedRate).toBe("33.33");
    expect(recommendationRates(["done", "done", "not_started"]).executedRate).toBe("66.67");
  });

  it("puts each status in its column of the follow-up table", () => {
    expect((["done", "in_progress", "not_started", "dropped"] as const).map(followUpColumn)).toEqual([
      "executed",
      "inProgress",
      "notExecuted",
      "dropped",
    ]);
  });

  it("rates per responsible structure, a recommendation with two structures counting for each", () => {
    const items: { status: RecommendationStatus; structures: string[] }[] = [
      { status: "in_progress", structures: ["MAECI", "MMEIA"] },
      { status: "not_started", structures: ["MAECI/DCM"] },
      { status: "done", structures: ["MAECI", "MAECI"] },
    ];
    const byStructure = ratesBy(
      items,
      (i) => i.structures,
      (i) => i.status,
    );
    expect(byStructure.get("MAECI")).toMatchObject({ total: 2, executed: 1, inProgress: 1, executedRate: "50.00" });
    expect(byStructure.get("MMEIA")).toMatchObject({ total: 1, inProgressRate: "100.00" });
    expect(byStructure.get("MAECI/DCM")).toMatchObject({ total: 1, notExecutedRate: "100.00" });
  });
});
