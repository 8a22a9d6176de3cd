import { describe, expect, it } from "vitest";
import { neutraliseFormula, readNeutralisedFormula } from "./formula-text.ts";

describe("texts that a spreadsheet would run as formulas", () => {
  it.each(["=1+1", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1)", "\t=1", "\r=1", "＝1", "＋1", "－1", "＠A1", "- Former", "'=déjà protégé par l'auteur"])(
    "writes %j with an apostrophe first, and reads it back",
    (text) => {
      expect(neutraliseFormula(text)).toBe(`'${text}`);
      expect(readNeutralisedFormula(neutraliseFormula(text))).toBe(text);
    },
  );

  it.each(["-10", "+5", "-1 000 000", "-12,5", "-0.25", "Former 12 agents", "'apostrophe", "a=b", ""])(
    "leaves %j as it is",
    (text) => {
      expect(neutraliseFormula(text)).toBe(text);
      expect(readNeutralisedFormula(text)).toBe(text);
    },
  );
});
