import { describe, expect, it } from "vitest";
import { amountInWords, amountInWordsWithCurrency } from "./words.ts";

const FRENCH: [number, string][] = [
  [0, "zéro"],
  [1, "un"],
  [11, "onze"],
  [16, "seize"],
  [17, "dix-sept"],
  [21, "vingt et un"],
  [22, "vingt-deux"],
  [31, "trente et un"],
  [41, "quarante et un"],
  [51, "cinquante et un"],
  [61, "soixante et un"],
  [100, "cent"],
  [101, "cent un"],
  [180, "cent quatre-vingts"],
  [181, "cent quatre-vingt-un"],
  [199, "cent quatre-vingt-dix-neuf"],
  [200, "deux cents"],
  [201, "deux cent un"],
  [280, "deux cent quatre-vingts"],
  [300, "trois cents"],
  [1000, "mille"],
  [1001, "mille un"],
  [1080, "mille quatre-vingts"],
  [2000, "deux mille"],
  [21_000, "vingt et un mille"],
  [71_500, "soixante et onze mille cinq cents"],
  [80_000, "quatre-vingt mille"],
  [81_000, "quatre-vingt-un mille"],
  [200_000, "deux cent mille"],
  [500_200, "cinq cent mille deux cents"],
  [1_000_000, "un million"],
  [1_000_001, "un million un"],
  [1_001_000, "un million mille"],
  [2_000_000, "deux millions"],
  [8_147_500, "huit millions cent quarante-sept mille cinq cents"],
  [16_035_000, "seize millions trente-cinq mille"],
  [80_000_000, "quatre-vingts millions"],
  [128_797_500, "cent vingt-huit millions sept cent quatre-vingt-dix-sept mille cinq cents"],
  [128_799_000, "cent vingt-huit millions sept cent quatre-vingt-dix-neuf mille"],
  [143_035_000, "cent quarante-trois millions trente-cinq mille"],
  [200_000_000, "deux cents millions"],
  [465_000_000, "quatre cent soixante-cinq millions"],
  [1_000_000_000, "un milliard"],
  [2_080_000_000, "deux milliards quatre-vingts millions"],
];

const SEVENTY_TO_NINETY_NINE = [
  "soixante-dix",
  "soixante et onze",
  "soixante-douze",
  "soixante-treize",
  "soixante-quatorze",
  "soixante-quinze",
  "soixante-seize",
  "soixante-dix-sept",
  "soixante-dix-huit",
  "soixante-dix-neuf",
  "quatre-vingts",
  "quatre-vingt-un",
  "quatre-vingt-deux",
  "quatre-vingt-trois",
  "quatre-vingt-quatre",
  "quatre-vingt-cinq",
  "quatre-vingt-six",
  "quatre-vingt-sept",
  "quatre-vingt-huit",
  "quatre-vingt-neuf",
  "quatre-vingt-dix",
  "quatre-vingt-onze",
  "quatre-vingt-douze",
  "quatre-vingt-treize",
  "quatre-vingt-quatorze",
  "quatre-vingt-quinze",
  "quatre-vingt-seize",
  "quatre-vingt-dix-sept",
  "quatre-vingt-dix-huit",
  "quatre-vingt-dix-neuf",
];

// Independent speller of the same rules, used as an oracle over wide ranges.
const UNITS =
  "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize dix-sept dix-huit dix-neuf".split(
    " ",
  );
const TENS = ["", "", "vingt", "trente", "quarante", "cinquante", "soixante"];
function under100(n: number): string {
  if (n < 20) return UNITS[n] ?? "";
  if (n < 70) return `${TENS[Math.floor(n / 10)]}${n % 10 === 0 ? "" : n % 10 === 1 ? " et un" : `-${UNITS[n % 10]}`}`;
  if (n < 80) return n === 71 ? "soixante et onze" : `soixante-${UNITS[n - 60]}`;
  return n === 80 ? "quatre-vingts" : `quatre-vingt-${UNITS[n - 80]}`;
}
function under1000(n: number, final: boolean): string {
  const h = Math.floor(n / 100);
  const r = n % 100;
  const hundreds = h === 0 ? "" : h === 1 ? "cent" : `${UNITS[h]} cent${r === 0 && final ? "s" : ""}`;
  const rest = r === 0 ? "" : r === 80 && !final ? "quatre-vingt" : under100(r);
  return [hundreds, rest].filter(Boolean).join(" ");
}
function oracle(n: number): string {
  if (n === 0) return "zéro";
  const bn = Math.floor(n / 1e9);
  const mn = Math.floor(n / 1e6) % 1000;
  const th = Math.floor(n / 1e3) % 1000;
  const rest = n % 1000;
  const words: string[] = [];
  if (bn) words.push(`${under1000(bn, true)} milliard${bn > 1 ? "s" : ""}`);
  if (mn) words.push(`${under1000(mn, true)} million${mn > 1 ? "s" : ""}`);
  if (th) words.push(th === 1 ? "mille" : `${under1000(th, false)} mille`);
  if (rest) words.push(under1000(rest, true));
  return words.join(" ");
}

describe("amountInWords (French)", () => {
  it.each(FRENCH)("%d", (n, words) => {
    expect(amountInWords(n, "fr")).toBe(words);
  });

  it("spells 70 to 99", () => {
    SEVENTY_TO_NINETY_NINE.forEach((words, i) => {
      expect(amountInWords(70 + i, "fr")).toBe(words);
    });
  });

  it("accepts bigint", () => {
    expect(amountInWords(128_799_000n, "fr")).toBe(amountInWords(128_799_000, "fr"));
  });

  it("matches the oracle from 0 to 20 000 and on sampled large amounts", () => {
    for (let n = 0; n <= 20_000; n++) expect(amountInWords(n, "fr")).toBe(oracle(n));
    let seed = 7;
    for (let k = 0; k < 20_000; k++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      const n = (seed % 1_000_000) * 1_000_000 + (seed % 999_983);
      expect(amountInWords(n, "fr")).toBe(oracle(n));
    }
  });

  it("rejects negatives and non-integers", () => {
    expect(() => amountInWords(-1, "fr")).toThrow(RangeError);
    expect(() => amountInWords(-1n, "fr")).toThrow(RangeError);
    expect(() => amountInWords(1.5, "fr")).toThrow(RangeError);
  });
});

describe("amountInWords (English)", () => {
  it("spells British English", () => {
    expect(amountInWords(0, "en")).toBe("zero");
    expect(amountInWords(21, "en")).toBe("twenty-one");
    expect(amountInWords(101, "en")).toBe("one hundred and one");
    expect(amountInWords(128_799_000, "en")).toBe(
      "one hundred and twenty-eight million seven hundred and ninety-nine thousand",
    );
  });
});

describe("amountInWords against published spellings", () => {
  // Wikipedia fr, « Nombres en français », section Règles › Trait d'union (traditional spelling).
  it.each([
    [28, "vingt-huit"],
    [31, "trente et un"],
    [124, "cent vingt-quatre"],
    [777, "sept cent soixante-dix-sept"],
    [851, "huit cent cinquante et un"],
  ])("Wikipedia: %d", (n, words) => expect(amountInWords(n, "fr")).toBe(words));

  // Dictionnaire de l'Académie française, 9e éd., entry CENT: « Deux cents hommes, deux cent
  // trente hommes. Trois cent mille francs. Un déficit de deux cents millions, de trois cents milliards. »
  it.each([
    [200, "deux cents"],
    [230, "deux cent trente"],
    [300_000, "trois cent mille"],
    [200_000_000, "deux cents millions"],
    [300_000_000_000, "trois cents milliards"],
  ])("Académie française: %d", (n, words) => expect(amountInWords(n, "fr")).toBe(words));

  // Grammar handout « Les nombres » (EOI Hellín), examples of « et », hyphens and the plural of cent/vingt.
  it.each([
    [2_004_061, "deux millions quatre mille soixante et un"],
    [600_899_651, "six cents millions huit cent quatre-vingt-dix-neuf mille six cent cinquante et un"],
    [1980, "mille neuf cent quatre-vingts"],
    [280, "deux cent quatre-vingts"],
    [180, "cent quatre-vingts"],
    [1020, "mille vingt"],
    [2_000_100, "deux millions cent"],
    [1300, "mille trois cents"],
    [1304, "mille trois cent quatre"],
    [7461, "sept mille quatre cent soixante et un"],
  ])("handout: %d", (n, words) => expect(amountInWords(n, "fr")).toBe(words));

  // HEC Montréal, « Millions et milliards »: « quatre-vingt mille ou deux cent mille actions »,
  // « quatre-vingts millions ou deux cents milliards de dollars ».
  it.each([
    [80_000, "quatre-vingt mille"],
    [200_000, "deux cent mille"],
    [80_000_000, "quatre-vingts millions"],
    [200_000_000_000, "deux cents milliards"],
  ])("HEC Montréal: %d", (n, words) => expect(amountInWords(n, "fr")).toBe(words));

  // 1990 rectifications (Conseil supérieur de la langue française, approved by the Académie):
  // hyphens between every numeral; « million » and « milliard » are nouns and keep their spaces.
  // Examples from S. Viguier, « Nombres et traits d'union » (sophieviguiercorrectrice.com):
  // « cent-vingt-et-un, trois-cent-trois, sept-mille-quinze, vingt-et-un-mille-six-cent-trente-deux »,
  // « deux-cents millions, quatre-vingt-trois milliards »; and « 6 particularités des nombres écrits
  // en français »: « deux-cent-quatre-vingts, cent-quatre-vingt-mille, neuf-cent-mille-trois-cents ».
  it.each([
    [121, "cent-vingt-et-un"],
    [303, "trois-cent-trois"],
    [7015, "sept-mille-quinze"],
    [21_632, "vingt-et-un-mille-six-cent-trente-deux"],
    [200_000_000, "deux-cents millions"],
    [83_000_000_000, "quatre-vingt-trois milliards"],
    [280, "deux-cent-quatre-vingts"],
    [180_000, "cent-quatre-vingt-mille"],
    [900_300, "neuf-cent-mille-trois-cents"],
    [128_799_000, "cent-vingt-huit millions sept-cent-quatre-vingt-dix-neuf-mille"],
  ])("1990 spelling: %d", (n, words) => expect(amountInWords(n, "fr", "1990")).toBe(words));

  it("writes the same numerals in both spellings, only the separators differ", () => {
    let seed = 11;
    for (let k = 0; k < 2000; k++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      const n = seed % 3_000_000_000;
      const words = (text: string) => text.split(/[ -]/);
      expect(words(amountInWords(n, "fr", "1990"))).toEqual(words(amountInWords(n, "fr")));
      // A space only ever stands beside « million(s) » or « milliard(s) ».
      const pieces = amountInWords(n, "fr", "1990").split(" ");
      pieces.slice(1).forEach((piece, i) => expect(`${pieces[i]} ${piece}`).toMatch(/milli(on|ard)s?( |$)/));
    }
  });
});

describe("amountInWordsWithCurrency", () => {
  it("writes CFA francs", () => {
    expect(amountInWordsWithCurrency(128_799_000, "XOF", "fr")).toBe(
      "cent vingt-huit millions sept cent quatre-vingt-dix-neuf mille francs CFA",
    );
    expect(amountInWordsWithCurrency(1, "XOF", "fr")).toBe("un franc CFA");
    expect(amountInWordsWithCurrency(0, "XAF", "fr")).toBe("zéro franc CFA");
    expect(amountInWordsWithCurrency(2, "GNF", "fr")).toBe("deux francs guinéens");
  });

  // Larousse, « million (difficultés) »: million and milliard are nouns whose complement takes « de »
  // (« un million d'années ; trois milliards d'hommes », « quatre-vingts millions d'habitants »);
  // HEC Montréal: « dix millions de dollars ». A number that goes on after the noun takes no « de ».
  it("puts de, elided before a vowel, after an amount that ends on million or milliard", () => {
    expect(amountInWordsWithCurrency(1_000_000, "XOF", "fr")).toBe("un million de francs CFA");
    expect(amountInWordsWithCurrency(200_000_000, "XOF", "fr")).toBe("deux cents millions de francs CFA");
    expect(amountInWordsWithCurrency(1_000_000_000, "XOF", "fr")).toBe("un milliard de francs CFA");
    expect(amountInWordsWithCurrency(10_000_000_00, "USD", "fr")).toBe("dix millions de dollars US");
    expect(amountInWordsWithCurrency(1_000_000_00, "EUR", "fr")).toBe("un million d'euros");
    expect(amountInWordsWithCurrency(2_000_000_00, "EUR", "fr")).toBe("deux millions d'euros");
    expect(amountInWordsWithCurrency(3_000_000_000_00, "EUR", "fr")).toBe("trois milliards d'euros");
    expect(amountInWordsWithCurrency(1_500_000, "XOF", "fr")).toBe("un million cinq cent mille francs CFA");
    expect(amountInWordsWithCurrency(1_000_001, "XOF", "fr")).toBe("un million un francs CFA");
    expect(amountInWordsWithCurrency(2_000_000_00, "EUR", "fr", "1990")).toBe("deux millions d'euros");
    expect(amountInWordsWithCurrency(2_000_000, "XOF", "en")).toBe("two million CFA francs");
  });

  // Cheque-writing guides: 300,50 € is « trois cents euros et cinquante centimes »
  // (synonyme-du-mot.com, « Comment remplir un chèque »), 150,50 € « cent cinquante euros et
  // cinquante centimes » (neuralword.com, « Comment écrire le montant en lettres »).
  it("writes cents in words: centimes for the euro, cents for the dollar", () => {
    expect(amountInWordsWithCurrency(30_050, "EUR", "fr")).toBe("trois cents euros et cinquante centimes");
    expect(amountInWordsWithCurrency(15_050, "EUR", "fr")).toBe("cent cinquante euros et cinquante centimes");
    expect(amountInWordsWithCurrency(169_928_576, "USD", "fr")).toBe(
      "un million six cent quatre-vingt-dix-neuf mille deux cent quatre-vingt-cinq dollars US et soixante-seize cents",
    );
    expect(amountInWordsWithCurrency(100, "USD", "fr")).toBe("un dollar US");
    expect(amountInWordsWithCurrency(5, "USD", "fr")).toBe("zéro dollar US et cinq cents");
    expect(amountInWordsWithCurrency(4201, "EUR", "fr")).toBe("quarante-deux euros et un centime");
    expect(amountInWordsWithCurrency(100_000_071, "EUR", "fr")).toBe("un million d'euros et soixante et onze centimes");
    expect(amountInWordsWithCurrency(2181, "EUR", "fr", "1990")).toBe("vingt-et-un euros et quatre-vingt-un centimes");
    expect(amountInWordsWithCurrency(169_928_576, "USD", "en")).toBe(
      "one million six hundred and ninety-nine thousand two hundred and eighty-five US dollars and seventy-six cents",
    );
    expect(amountInWordsWithCurrency(101, "USD", "en")).toBe("one US dollar and one cent");
  });

  it("rejects negative or fractional minor amounts", () => {
    expect(() => amountInWordsWithCurrency(-1, "XOF", "fr")).toThrow(RangeError);
    expect(() => amountInWordsWithCurrency(0.5, "USD", "fr")).toThrow(RangeError);
  });
});
