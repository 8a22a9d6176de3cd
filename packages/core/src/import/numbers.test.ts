import { describe, expect, it } from "vitest";
import { formatAmountDecimal } from "../money.ts";
import {
  foldText,
  isPmMarker,
  numberToDecimal,
  parseNumberCell,
  toMinorUnits,
  unwrapCell,
} from "./numbers.ts";

describe("parseNumberCell: JS numbers", () => {
  it.each([
    [35_000_000, "35000000"],
    [0, "0"],
    [-0, "0"],
    [-1000, "-1000"],
    [0.1, "0.1"],
    [1699285.76, "1699285.76"],
    [12.5, "12.5"],
    [0.125, "0.125"],
    [1e21, "1000000000000000000000"],
    [1e23, "100000000000000000000000"],
    [1.5e-7, "0.00000015"],
    [1e-7, "0.0000001"],
    [-2.5e-8, "-0.000000025"],
    [Number.MAX_SAFE_INTEGER, "9007199254740991"],
    // Formula noise is read as the value Excel shows (15 significant digits).
    [0.1 + 0.2, "0.3"],
    [1.1 * 3, "3.3"],
    [4.35 * 100, "435"],
  ])("%s → %s", (input, expected) => {
    expect(parseNumberCell(input)).toEqual({ ok: true, value: expected });
  });

  it("never writes exponents", () => {
    for (const n of [1e21, 1e-7, 123e30, 5e-324, -1e300]) {
      const r = parseNumberCell(n);
      expect(r.ok && r.value).toMatch(/^-?\d+(\.\d+)?$/);
    }
  });

  it("rejects NaN and infinities", () => {
    expect(parseNumberCell(Number.NaN)).toEqual({ ok: false, text: "NaN" });
    expect(parseNumberCell(Number.POSITIVE_INFINITY)).toEqual({ ok: false, text: "Infinity" });
  });

  it("keeps numberToDecimal exact for integers", () => {
    expect(numberToDecimal(465_000_000)).toBe("465000000");
    expect(numberToDecimal(Number.NaN)).toBeNull();
  });
});

describe("parseNumberCell: text", () => {
  it.each([
    ["35,000,000", "35000000"],
    ["35 000 000", "35000000"],
    ["35\u00a0000\u00a0000", "35000000"],
    ["35\u202f000\u202f000", "35000000"],
    ["  35 000 000  ", "35000000"],
    ["1 699 285,76", "1699285.76"],
    ["1\u202f699\u202f285,76", "1699285.76"],
    ["1,699,285.76", "1699285.76"],
    ["1.699.285,76", "1699285.76"],
    ["35.000.000", "35000000"],
    ["160 000", "160000"],
    ["35 000 000 FCFA", "35000000"],
    ["35 000 000 F CFA", "35000000"],
    ["35 000 000 F.CFA", "35000000"],
    ["35 000 000 francs CFA", "35000000"],
    ["35 000 000 XOF", "35000000"],
    ["35 000 000 F", "35000000"],
    ["FCFA 35 000 000", "35000000"],
    ["$ 1,498,000.00", "1498000"],
    ["$1,498,000.50", "1498000.5"],
    ["USD 1 498 000", "1498000"],
    ["1 498 000 USD", "1498000"],
    ["US$ 324,547", "324547"],
    ["1 000 €", "1000"],
    ["EUR 12,50", "12.5"],
    ["12,5", "12.5"],
    ["12.5", "12.5"],
    ["1,000", "1000"],
    ["1.000", "1000"],
    ["999,999", "999999"],
    ["0,125", "0.125"],
    ["0.125", "0.125"],
    ["1234,567", "1234.567"],
    ["1,5", "1.5"],
    ["1 000,000", "1000"],
    [",5", "0.5"],
    [".5", "0.5"],
    ["12,", "12"],
    ["007", "7"],
    ["0", "0"],
    ["0,00", "0"],
    ["35000000", "35000000"],
    ["4,000", "4000"],
    ["'35000", "35000"],
    ["'1 699 285,76", "1699285.76"],
    ["+1 000", "1000"],
  ])("%j → %s", (input, expected) => {
    expect(parseNumberCell(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["(1 000)", "-1000"],
    ["-1 000", "-1000"],
    ["−1 000", "-1000"],
    ["- 1 000", "-1000"],
    ["(1,699,285.76)", "-1699285.76"],
    ["-$1,000", "-1000"],
    ["$ -1,000", "-1000"],
    ["USD -1 498 000", "-1498000"],
    ["-1 000 FCFA", "-1000"],
    ["(0)", "0"],
    ["-0,00", "0"],
  ])("negative %j → %s", (input, expected) => {
    expect(parseNumberCell(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["100%", "100"],
    ["100 %", "100"],
    ["100\u00a0%", "100"],
    ["63,64%", "63.64"],
    ["37.5 %", "37.5"],
    ["0%", "0"],
    ["(5%)", "-5"],
    ["-5 %", "-5"],
  ])("percentage %j → %s", (input, expected) => {
    expect(parseNumberCell(input)).toEqual({ ok: true, value: expected, percent: true });
  });

  it.each([[null], [undefined], [""], ["   "], ["-"], ["—"], ["–"], ["'"], [" - "]])(
    "%j is empty",
    (input) => {
      expect(parseNumberCell(input)).toEqual({ ok: true, value: null });
    },
  );

  it.each([
    ["PM"],
    ["à déterminer"],
    ["abc"],
    ["1,00,000"],
    ["12,345,67"],
    ["1 2"],
    ["1 2345"],
    ["1  000 0"],
    ["1 000.000,5"],
    ["1.000,000.5"],
    ["1,5,6"],
    ["1e6"],
    ["12-5"],
    ["--5"],
    ["-(5)"],
    ["5 000 kg"],
    ["=A1*B1"],
    ["#DIV/0!"],
  ])("%j is unparseable", (input) => {
    expect(parseNumberCell(input)).toEqual({ ok: false, text: input.trim() });
  });

  it("reports the trimmed text of an unparseable cell", () => {
    expect(parseNumberCell("  à déterminer ")).toEqual({ ok: false, text: "à déterminer" });
  });

  it("rejects booleans and dates", () => {
    expect(parseNumberCell(true)).toEqual({ ok: false, text: "true" });
    expect(parseNumberCell(new Date(Date.UTC(2022, 2, 1)))).toEqual({
      ok: false,
      text: "2022-03-01T00:00:00.000Z",
    });
  });

  it("reads bigints", () => {
    expect(parseNumberCell(12n)).toEqual({ ok: true, value: "12" });
  });
});

describe("parseNumberCell: ExcelJS cell values", () => {
  it("reads the cached result of a formula", () => {
    expect(parseNumberCell({ formula: "E8*F8", result: 30_000_000 })).toEqual({
      ok: true,
      value: "30000000",
    });
    expect(parseNumberCell({ sharedFormula: "G7", result: 0.1 + 0.2 })).toEqual({ ok: true, value: "0.3" });
    expect(parseNumberCell({ formula: "A1", result: "1 000" })).toEqual({ ok: true, value: "1000" });
  });

  it("reports a formula without a result and Excel errors", () => {
    expect(parseNumberCell({ formula: "SUM(G7:G10)" })).toEqual({ ok: false, text: "=SUM(G7:G10)" });
    expect(parseNumberCell({ formula: "1/0", result: { error: "#DIV/0!" } })).toEqual({
      ok: false,
      text: "#DIV/0!",
    });
  });

  it("reads rich text and hyperlinks", () => {
    expect(
      parseNumberCell({ richText: [{ text: "35 000 " }, { font: { bold: true }, text: "000" }] }),
    ).toEqual({
      ok: true,
      value: "35000000",
    });
    expect(parseNumberCell({ text: "4 000", hyperlink: "https://example.org" })).toEqual({
      ok: true,
      value: "4000",
    });
  });

  it("unwraps nested values", () => {
    expect(unwrapCell({ formula: "A1", result: { richText: [{ text: "PM" }] } })).toBe("PM");
    expect(unwrapCell(5)).toBe(5);
    const d = new Date(0);
    expect(unwrapCell(d)).toBe(d);
  });

  it("describes unknown objects", () => {
    expect(parseNumberCell({ foo: 1 })).toEqual({ ok: false, text: "{\"foo\":1}" });
  });
});

describe("isPmMarker", () => {
  it.each([
    ["PM"],
    ["pm"],
    ["P.M."],
    ["p. m."],
    [" PM "],
    ["Pour mémoire"],
    ["POUR MEMOIRE"],
    ["pour  memoire"],
    ["P.M"],
  ])("%j is PM", (input) => {
    expect(isPmMarker(input)).toBe(true);
  });

  it.each([["PMA"], ["P"], ["M"], [""], ["Pour"], ["0"], [null], [0], ["4 000"]])("%j is not PM", (input) => {
    expect(isPmMarker(input)).toBe(false);
  });

  it("sees PM in a formula result", () => {
    expect(isPmMarker({ formula: "IF(A1=\"\",\"PM\",A1)", result: "PM" })).toBe(true);
  });
});

describe("foldText", () => {
  it("drops accents, case and extra spaces", () => {
    expect(foldText("  FÉVRIER\u00a0 2022 ")).toBe("fevrier 2022");
    expect(foldText("Déc.")).toBe("dec.");
    expect(foldText("jusqu’au 1ᵉʳ")).toBe("jusqu'au 1er");
  });
});

describe("toMinorUnits", () => {
  it.each([
    ["35000000", "XOF", 1, 35_000_000],
    ["5500", "XOF", 1000, 5_500_000],
    ["71500", "XOF", 1000, 71_500_000],
    ["5.5", "XOF", 1000, 5500],
    ["0.125", "XOF", 1000, 125],
    ["1699285.76", "USD", 1, 169_928_576],
    ["1498000", "USD", 1, 149_800_000],
    ["12.5", "USD", 1, 1250],
    ["12.50", "USD", 1, 1250],
    ["35000000.00", "XOF", 1, 35_000_000],
    ["0.001", "USD", 1000, 100],
    ["-1000", "XOF", 1, -1000],
    ["-0", "XOF", 1, 0],
    ["0", "EUR", 1, 0],
    ["9007199254740991", "XOF", 1, Number.MAX_SAFE_INTEGER],
  ] as const)("%s %s ×%d → %d", (decimal, currency, scale, expected) => {
    expect(toMinorUnits(decimal, currency, scale)).toEqual({ ok: true, value: expected });
  });

  it("round-trips with formatAmountDecimal", () => {
    const r = toMinorUnits("1699285.76", "USD");
    expect(r.ok && formatAmountDecimal(r.value, "USD")).toBe("1699285.76");
  });

  it.each([
    ["0.5", "XOF", 1],
    ["12.345", "USD", 1],
    ["0.0001", "XOF", 1000],
    ["1699285.76", "XOF", 1],
  ] as const)("%s %s ×%d is a precision error", (decimal, currency, scale) => {
    expect(toMinorUnits(decimal, currency, scale)).toEqual({ ok: false, reason: "precision" });
  });

  it.each([["1e3"], ["1 000"], ["1,5"], [""], ["abc"], ["+5"], [".5"]])("%j is a format error", (decimal) => {
    expect(toMinorUnits(decimal, "XOF")).toEqual({ ok: false, reason: "format" });
  });

  it("reports amounts beyond the safe range", () => {
    expect(toMinorUnits("9007199254740992", "XOF")).toEqual({ ok: false, reason: "range" });
    expect(toMinorUnits("90071992547410", "USD", 1000)).toEqual({ ok: false, reason: "range" });
    expect(toMinorUnits("-9007199254740992", "XOF")).toEqual({ ok: false, reason: "range" });
  });

  it("uses exact arithmetic where floats would not", () => {
    expect(toMinorUnits("0.29", "USD")).toEqual({ ok: true, value: 29 });
    expect(toMinorUnits("1.005", "USD", 1000)).toEqual({ ok: true, value: 100_500 });
    expect(toMinorUnits("4503599627370495.5", "XOF", 2)).toEqual({ ok: true, value: 9_007_199_254_740_991 });
  });

  it("refuses a scale that is not a positive integer", () => {
    expect(() => toMinorUnits("1", "XOF", 0)).toThrow(RangeError);
    expect(() => toMinorUnits("1", "XOF", 0.5)).toThrow(RangeError);
  });

  it("chains with parseNumberCell on the samples", () => {
    const read = (cell: unknown, scale = 1) => {
      const parsed = parseNumberCell(cell);
      if (!parsed.ok || parsed.value === null) throw new Error("unreadable");
      return toMinorUnits(parsed.value, "XOF", scale);
    };
    expect(read("465,000,000")).toEqual({ ok: true, value: 465_000_000 });
    expect(read("5 500", 1000)).toEqual({ ok: true, value: 5_500_000 });
    expect(read("71 500", 1000)).toEqual({ ok: true, value: 71_500_000 });
  });
});
