import { describe, expect, it } from "vitest";
import { describeDocumentFinding } from "./findings.ts";
import { checkDocument } from "./index.ts";
import { checkRates } from "./rates.ts";
import { checkSums } from "./sums.ts";
import { splitSentences } from "./text.ts";
import { checkWordsAgainstFigures } from "./words-figures.ts";

const words = (text: string) => splitSentences(text).flatMap(checkWordsAgainstFigures);
const rates = (text: string) => checkRates(splitSentences(text));
const sums = (text: string) => checkSums(splitSentences(text));

describe("words beside figures", () => {
  it("passes words that give the figure, with or without the currency between", () => {
    expect(
      words("un crédit de cent vingt-huit millions sept cent quatre-vingt-dix-neuf mille (128 799 000) francs CFA"),
    ).toEqual([]);
    expect(words("à hauteur de deux millions de francs CFA (2 000 000).")).toEqual([]);
    expect(words("trois (03) projets et dix(10) programmes")).toEqual([]);
    expect(words("cinq cent mille (500 000 F CFA) et deux millions (2 000 000 FCFA)")).toEqual([]);
    expect(words("cinq cent mille (600 000 F CFA)")[0]?.kind).toBe("words_figure_mismatch");
  });

  it("is an error when the words give another value", () => {
    const [finding] = words("dont cent vingt-huit millions six cent cinquante mille (120 650 000) francs CFA pour le BSI");
    expect(finding).toMatchObject({
      kind: "words_figure_mismatch",
      severity: "error",
      figures: ["120 650 000"],
      params: { words: "cent vingt-huit millions six cent cinquante mille", value: 128_650_000 },
    });
  });

  it("is a warning when the value is right but the spelling is not", () => {
    const [finding] = words("le crédit engagé est de six cent trente un (631) francs");
    expect(finding).toMatchObject({ kind: "words_spelling", severity: "warning", figures: ["631"] });
    expect(finding?.params).toMatchObject({ expected: "six cent trente et un", details: "trente un → trente et un" });
  });

  it("reads on after a figure that cuts the words, as a warning", () => {
    const [finding] = words("Le coût s'élève à quatre (4 000 000) millions francs CFA.");
    expect(finding).toMatchObject({ kind: "words_spelling", severity: "warning", code: "DOC_WORDS_SPLIT" });
    expect(finding?.params.expected).toBe("quatre millions");
    expect(words("Le coût s'élève à quatre (4 000 000) francs CFA.")[0]?.kind).toBe("words_figure_mismatch");
  });

  it("reads amounts with cents: « … dollars US et soixante-seize cents (1 699 285,76) »", () => {
    const right =
      "un million six cent quatre-vingt-dix-neuf mille deux cent quatre-vingt-cinq dollars US et soixante-seize cents";
    expect(words(`Le budget est de ${right} (1 699 285,76).`)).toEqual([]);
    expect(words("soit trois cents euros et cinquante centimes (300,50).")).toEqual([]);
    expect(words(`Le budget est de ${right} (1 699 285,67).`)[0]).toMatchObject({
      kind: "words_figure_mismatch",
      params: { words: right, value: 1_699_285.76, figure: "1 699 285,67" },
    });
    expect(words("soit trois cents euros et vingt un centimes (300,21).")[0]).toMatchObject({
      kind: "words_spelling",
      params: { expected: "trois cents … vingt et un", details: "vingt un → vingt et un" },
    });
  });

  it("leaves alone figures without words, percentages and words that are not a number", () => {
    expect(words("Organisation de (2) missions, taux de (82%), l'un des cinq (05) et la (CPS)")).toEqual([]);
  });
});

describe("stated rates", () => {
  it("passes a rate that is the ratio of the sentence's figures, to its decimals", () => {
    expect(rates("la Cellule a pu réaliser quatorze (14) activités sur vingt-deux (22), soit un taux de 63,64%.")).toEqual(
      [],
    );
    expect(rates("Sur vingt-deux activités, quatorze ont été réalisées, soit 64 %.")).toEqual([]);
    expect(rates("Sur vingt-deux activités, quatorze ont été réalisées, soit 63,6 %.")).toEqual([]);
  });

  it("takes the denominator from the sentences before", () => {
    const text = "Le crédit était de 128 799 000 francs CFA. Les dépenses ont atteint 54 515 711 francs CFA, soit 42,33 %.";
    expect(rates(text)).toEqual([]);
  });

  it("names the ratio that gives the stated rate, and what the sentence's figure gives", () => {
    const text = [
      "Un crédit de paiement de 128 799 000 francs CFA.",
      "Le crédit engagé est de 98 515 631 francs CFA.",
      "Les crédits engagés au 31 décembre 2023 ont été liquidés à hauteur de 54 515 711 francs CFA, soit un taux d'exécution de 76,49%, faible par rapport à 2022 (82%).",
    ].join("\n");
    const [finding] = rates(text);
    expect(finding).toMatchObject({
      kind: "rate_mismatch",
      severity: "error",
      line: 3,
      figures: ["76,49 %", "54 515 711", "98 515 631", "128 799 000"],
      params: { numerator: "98 515 631", denominator: "128 799 000" },
    });
    expect(describeDocumentFinding(finding!, "fr")).toBe(
      "76,49 % n'est pas le taux de 54 515 711 : 76,49 % est 98 515 631 ÷ 128 799 000, alors que 54 515 711 ÷ 128 799 000 donne 42,33\u00a0%.",
    );
    expect(describeDocumentFinding(finding!, "en")).toContain("54 515 711 ÷ 128 799 000 gives 42.33%.");
  });

  it("says what the figure would give when no ratio gives the rate", () => {
    const [finding] = rates("quatorze (14) activités sur vingt-deux (22), soit un taux de 60 %.");
    expect(finding).toMatchObject({
      code: "DOC_RATE_NO_RATIO",
      figures: ["60 %", "14", "22"],
      params: { figure: "14", denominator: "22" },
    });
    expect(describeDocumentFinding(finding!, "fr")).toContain("le plus proche, 14 ÷ 22, donne 63,64\u00a0%.");
    const [alone] = rates("Il en a réalisé 14, soit 60 %.");
    expect(alone).toMatchObject({ code: "DOC_RATE_NO_FIGURES", figures: ["60 %", "14"] });
  });

  it("looks no further back than a few sentences", () => {
    const between = ["Rien.", "Rien.", "Rien.", "Rien."];
    const far = ["Le crédit est de 200 francs.", ...between, "Il a dépensé 100 francs, soit 50 %."].join(" ");
    expect(rates(far)).toHaveLength(1);
    const near = ["Le crédit est de 200 francs.", ...between.slice(1), "Il a dépensé 100 francs, soit 50 %."].join(" ");
    expect(rates(near)).toEqual([]);
  });
});

describe("stated sums", () => {
  it("passes a total its parts make, exactly", () => {
    expect(sums("Ateliers 10 000 000 F CFA, missions 5 000 000,50 F CFA, soit un total de 15 000 000,50 F CFA.")).toEqual(
      [],
    );
    expect(sums("Au total, 15 000 000 F CFA : 10 000 000 pour A et 5 000 000 pour B.")).toEqual([]);
    expect(sums("A a coûté 10 000 000 et B 5 000 000. Au total 15 000 000 F CFA ont été dépensés.")).toEqual([]);
  });

  it("sums, for a second total in one sentence, only what came after the first", () => {
    const text =
      "A 1 000 F CFA et B 500 F CFA, soit un total de 1 500 F CFA ; C 200 F CFA et D 300 F CFA, soit un total de 500 F CFA.";
    expect(sums(text)).toEqual([]);
    expect(sums(text.replace("soit un total de 500", "soit un total de 2 000"))[0]?.figures).toEqual([
      "2 000",
      "200",
      "300",
    ]);
  });

  it("counts only the amounts when the sentence also counts other things", () => {
    expect(
      sums("3 ateliers pour 5 000 000 F CFA et 2 missions pour 3 000 000 F CFA, soit un total de 8 000 000 F CFA."),
    ).toEqual([]);
  });

  it("is an error when the parts make another total", () => {
    const [finding] = sums("Ateliers 10 000 000 F CFA, missions 5 500 000 F CFA, soit un total de 15 000 000 F CFA.");
    expect(finding).toMatchObject({
      kind: "sum_mismatch",
      severity: "error",
      figures: ["15 000 000", "10 000 000", "5 500 000"],
      params: { computed: 15_500_000, difference: 500_000 },
    });
    expect(sums("Au total, 15 000 000 F CFA : 10 000 000 pour A et 4 000 000 pour B.")[0]?.params.difference).toBe(
      -1_000_000,
    );
  });
});

describe("checkDocument", () => {
  it("lists the findings in the order of the text, each explained in French and English", () => {
    const findings = checkDocument(
      "Ateliers 1 000 F CFA, missions 500 F CFA, soit un total de 1 600 F CFA.\nLe crédit est de trente un (31) francs.",
    );
    expect(findings.map((f) => [f.line, f.kind])).toEqual([
      [1, "sum_mismatch"],
      [2, "words_spelling"],
    ]);
    expect(describeDocumentFinding(findings[0]!, "fr")).toBe(
      "Total annoncé 1 600, mais 1 000 + 500 font 1\u00a0500 (écart -100).",
    );
    expect(describeDocumentFinding(findings[0]!, "en")).toBe(
      "Stated total 1 600, but 1 000 + 500 make 1,500 (difference -100).",
    );
  });
});

describe("checkDocument on any text", () => {
  it("never throws, whatever words, figures and signs it meets", () => {
    const pieces = [
      "soit",
      "un",
      "taux",
      "de",
      "total",
      "au",
      "et",
      "cent",
      "cents",
      "vingt",
      "quatre",
      "mille",
      "million",
      "milliards",
      "trente",
      "(",
      ")",
      "%",
      ",",
      ".",
      "\n",
      "dollars",
      "cents",
      "francs CFA",
      "0",
      "00",
      "12",
      "1 000",
      "999 999 999 999",
      "123456789012345678901234567890",
      "3,5",
      "1.000,25",
      "31 décembre",
      "2023",
      "Au total",
      "**",
      "é",
      "-",
    ];
    let seed = 5;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    for (let k = 0; k < 3000; k++) {
      const text = Array.from({ length: 1 + next(40) }, () => pieces[next(pieces.length)]).join(next(3) === 0 ? "" : " ");
      expect(() => checkDocument(text), text).not.toThrow();
    }
  });
});
