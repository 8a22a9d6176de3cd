import { describe, expect, it } from "vitest";
import { amountInWords } from "../words.ts";
import { checkSpelling, parseNumberWords, splitWritten } from "./number-words.ts";

const parse = (text: string) => parseNumberWords(splitWritten(text).words);

describe("parseNumberWords", () => {
  it.each([
    ["zéro", 0],
    ["vingt et un", 21],
    ["soixante et onze", 71],
    ["quatre-vingts", 80],
    ["quatre-vingt-un", 81],
    ["quatre-vingt-dix-neuf", 99],
    ["deux cents", 200],
    ["deux cent un", 201],
    ["mille", 1000],
    ["deux mille", 2000],
    ["un million", 1_000_000],
    ["un million cinq cent mille", 1_500_000],
    ["cent vingt-huit millions sept cent quatre-vingt-dix-neuf mille", 128_799_000],
    ["quatre-vingt-dix-huit millions cinq cent quinze mille six cent trente et un", 98_515_631],
    ["deux milliards quatre-vingts millions", 2_080_000_000],
    ["cent-vingt-huit millions sept-cent-quatre-vingt-dix-neuf-mille", 128_799_000],
    ["vingt-et-un-mille-six-cent-trente-deux", 21_632],
  ])("reads « %s »", (text, value) => expect(parse(text)).toBe(value));

  // How people actually write them: the value is still clear.
  it.each([
    ["trente un", 31],
    ["vingt-un", 21],
    ["vingt deux", 22],
    ["quatre vingt", 80],
    ["cent vingt-huit million", 128_000_000],
    ["deux cent millions", 200_000_000],
    ["deux cents mille", 200_000],
    ["trois milles", 3000],
    ["Cent Quarante-Trois", 143],
  ])("reads the tolerated « %s »", (text, value) => expect(parse(text)).toBe(value));

  it.each(["deux trois", "mille mille", "million", "mille million", "et un", "vingt et", "trente et deux", "dix dix"])(
    "refuses « %s », which is not one number",
    (text) => expect(parse(text)).toBeNull(),
  );

  it("reads back every amount words.ts writes, in both spellings", () => {
    let seed = 3;
    for (let k = 0; k < 5000; k++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      const n = k < 1200 ? k : seed % 999_999_999_999;
      expect(parse(amountInWords(n, "fr"))).toBe(n);
      expect(parse(amountInWords(n, "fr", "1990"))).toBe(n);
    }
  });
});

describe("checkSpelling", () => {
  it("accepts the traditional and the 1990 spelling, and « une » for « un »", () => {
    expect(checkSpelling("cent vingt-huit millions sept cent quatre-vingt-dix-neuf mille", 128_799_000)).toBeNull();
    expect(checkSpelling("cent-vingt-huit millions sept-cent-quatre-vingt-dix-neuf-mille", 128_799_000)).toBeNull();
    // Some guides hyphenate « millions » too under the 1990 rules (Grand vadémécum: « huit-millions-cent-… »).
    expect(checkSpelling("huit-millions-cent-quarante-trois-mille-cinquante-et-un", 8_143_051)).toBeNull();
    expect(checkSpelling("vingt et une", 21)).toBeNull();
    expect(checkSpelling("Deux cents", 200)).toBeNull();
  });

  it("names each deviation against the closest correct spelling", () => {
    expect(checkSpelling("six cent trente un", 631)).toEqual({
      expected: "six cent trente et un",
      deviations: ["trente un → trente et un"],
    });
    expect(checkSpelling("cent vingt-huit million", 128_000_000)).toEqual({
      expected: "cent vingt-huit millions",
      deviations: ["million → millions"],
    });
    expect(checkSpelling("deux cent millions", 200_000_000)?.deviations).toEqual(["cent → cents"]);
    expect(checkSpelling("deux cents mille", 200_000)?.deviations).toEqual(["cents → cent"]);
    expect(checkSpelling("vingt deux", 22)).toEqual({ expected: "vingt-deux", deviations: ["vingt deux → vingt-deux"] });
    expect(checkSpelling("quatre-vingt", 80)?.expected).toBe("quatre-vingts");
    expect(checkSpelling("vingt-un", 21)?.expected).toBe("vingt et un");
  });
});
