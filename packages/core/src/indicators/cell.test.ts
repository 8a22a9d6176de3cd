import { describe, expect, it } from "vitest";
import { readIndicatorCell } from "./cell.ts";

describe("readIndicatorCell", () => {
  it("reads a figure with the women among it", () => {
    expect(readIndicatorCell("15 dont 6 femmes")).toMatchObject({
      value: "15",
      breakdown: { "sex:women": "6" },
      comment: null,
    });
    expect(readIndicatorCell("15 dont 6 femmes et 9 hommes").breakdown).toEqual({ "sex:women": "6", "sex:men": "9" });
    expect(readIndicatorCell("40 (12 jeunes)").breakdown).toEqual({ "age:youth": "12" });
    expect(readIndicatorCell("1 250 dont 600 F").breakdown).toEqual({ "sex:women": "600" });
  });

  it("keeps the words of a milestone and the year it is due", () => {
    expect(readIndicatorCell("15. Cet indicateur sera atteint au cours de 2021")).toMatchObject({
      value: "15",
      comment: "Cet indicateur sera atteint au cours de 2021",
      dueYear: null,
    });
    expect(readIndicatorCell("50 au cours de 2021")).toMatchObject({ value: "50", dueYear: 2021 });
    expect(readIndicatorCell("Les autres réunions seront tenues au cours de ce trimestre")).toMatchObject({
      value: null,
      comment: "Les autres réunions seront tenues au cours de ce trimestre",
    });
  });

  it("takes a blank cell as no value, not zero", () => {
    for (const blank of ["", "     ", "\u2002\u2002\u2002\u2002\u2002", "\u00a0", " - "])
      expect(readIndicatorCell(blank)).toMatchObject({ value: null, comment: null });
    expect(readIndicatorCell("\u2002\u2002\u2002\u2002\u20020").value).toBe("0");
  });

  it("reads percentages, decimals written the French way, yes and no", () => {
    expect(readIndicatorCell("50%")).toMatchObject({ value: "50", percent: true });
    expect(readIndicatorCell("37,5 %")).toMatchObject({ value: "37.5", percent: true });
    expect(readIndicatorCell("1 200")).toMatchObject({ value: "1200" });
    expect(readIndicatorCell("Oui")).toMatchObject({ value: "1", yesNo: true });
    expect(readIndicatorCell("Non, en cours")).toMatchObject({ value: "0", yesNo: true, comment: "en cours" });
  });

  it("does not take a breakdown from words that are not a category", () => {
    expect(readIndicatorCell("15 dont 3 formateurs")).toMatchObject({
      value: "15",
      breakdown: {},
      comment: "dont 3 formateurs",
    });
  });
});

describe("readIndicatorCell and dates", () => {
  it("does not take a date for a figure", () => {
    expect(readIndicatorCell("2024-01-01")).toMatchObject({ value: null, comment: "2024-01-01" });
    expect(readIndicatorCell("01/03/2021")).toMatchObject({ value: null });
    expect(readIndicatorCell("2021")).toMatchObject({ value: "2021" });
  });
});
