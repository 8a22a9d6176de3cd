import { describe, expect, it } from "vitest";
import { amountsIn, exactSum, figuresIn, figureValue } from "./figures.ts";
import { splitSentences } from "./text.ts";

const values = (text: string) => figuresIn(text).map((f) => figureValue(f));

describe("figuresIn", () => {
  it("reads French grouping by spaces, non-breaking spaces and dots, and the decimal comma", () => {
    expect(values("un crédit de 128 799 000 francs")).toEqual([128_799_000]);
    expect(values("soit 1\u00a0699\u202f285,76 dollars")).toEqual([1_699_285.76]);
    expect(values("€1.000,00 (mille euros)")).toEqual([1000]);
    expect(values("76,49% et 63,64 %")).toEqual([76.49, 63.64]);
    expect(values("un budget de 4,000,000")).toEqual([4_000_000]);
  });

  it("does not glue a year to the amount after it", () => {
    expect(values("en 2022 2 000 000 de francs")).toEqual([2022, 2_000_000]);
  });

  it("tells percentages, years, days of a date and parentheses apart", () => {
    const [day, year, amount, rate] = figuresIn("au 31 décembre 2023, (54 515 711) soit 42,33 %");
    expect(day?.dateLike).toBe(true);
    expect(year?.dateLike).toBe(true);
    expect(amount).toMatchObject({ text: "54 515 711", parenthesised: true, dateLike: false, percent: false });
    expect(rate?.percent).toBe(true);
    expect(amountsIn("au 31 décembre 2023, (54 515 711) soit 42,33 %").map((f) => f.text)).toEqual(["54 515 711"]);
    expect(amountsIn("décret n° 07-191 /P-RM, PTI 2024-2026").map((f) => f.text)).toEqual([]);
  });

  it("adds exactly, whatever the decimals", () => {
    const sum = exactSum(figuresIn("0,1 et 0,2 et 3"));
    expect(sum).toEqual({ digits: 33n, decimals: 1 });
  });
});

describe("splitSentences", () => {
  it("splits on sentence ends, not on abbreviations or section numbers, and keeps the line", () => {
    const sentences = splitSentences(
      "Titre\nLe décret n°. 07 du M. Diarra est pris. Il fixe 2 agents! Voir 1.3.1. Organisation de (2) missions.",
    );
    expect(sentences).toEqual([
      { text: "Titre", line: 1 },
      { text: "Le décret n°. 07 du M. Diarra est pris.", line: 2 },
      { text: "Il fixe 2 agents!", line: 2 },
      { text: "Voir 1.3.1.", line: 2 },
      { text: "Organisation de (2) missions.", line: 2 },
    ]);
  });

  it("drops Word's bold markers around figures", () => {
    expect(splitSentences("soit un taux de **76,49%**")[0]?.text).toBe("soit un taux de 76,49%");
  });
});
