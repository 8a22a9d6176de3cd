import { describe, expect, it } from "vitest";
import {
  allocate,
  assertSafeMinor,
  currencyDecimals,
  formatAmountDecimal,
  formatQuantity,
  isCurrencyCode,
  lineAmount,
  parseAmount,
  parseQuantity,
  sumMinor,
} from "./money.ts";

describe("currencies", () => {
  it("knows decimals per currency", () => {
    expect(currencyDecimals("XOF")).toBe(0);
    expect(currencyDecimals("GNF")).toBe(0);
    expect(currencyDecimals("USD")).toBe(2);
    expect(currencyDecimals("EUR")).toBe(2);
  });

  it("recognises currency codes only", () => {
    expect(isCurrencyCode("XAF")).toBe(true);
    expect(isCurrencyCode("xof")).toBe(false);
    expect(isCurrencyCode("toString")).toBe(false);
  });

  it("rejects unsafe minor amounts", () => {
    expect(() => assertSafeMinor(1.5)).toThrow(RangeError);
    expect(() => assertSafeMinor(2 ** 53)).toThrow(RangeError);
    expect(() => assertSafeMinor(Number.NaN)).toThrow(RangeError);
    expect(() => assertSafeMinor(-(2 ** 53) + 1)).not.toThrow();
  });
});

describe("parseAmount", () => {
  it.each([
    ["465000000", "XOF", 465_000_000],
    ["-35", "XOF", -35],
    ["0", "XOF", 0],
    ["1699285.76", "USD", 169_928_576],
    ["12.50", "USD", 1250],
    ["12.5", "USD", 1250],
    ["12", "USD", 1200],
    ["-0.05", "EUR", -5],
    ["9007199254740991", "XOF", Number.MAX_SAFE_INTEGER],
    ["90071992547409.91", "USD", Number.MAX_SAFE_INTEGER],
  ] as const)("parses %s %s", (text, currency, value) => {
    expect(parseAmount(text, currency)).toEqual({ ok: true, value });
  });

  it("never returns negative zero", () => {
    const r = parseAmount("-0", "XOF");
    expect(r.ok && Object.is(r.value, 0)).toBe(true);
  });

  it.each([
    ["12.5", "XOF"],
    ["12.0", "XOF"],
    ["1.005", "USD"],
    ["12.500", "USD"],
  ] as const)("rejects %s %s for precision", (text, currency) => {
    expect(parseAmount(text, currency)).toEqual({ ok: false, reason: "precision" });
  });

  it.each(["", "abc", "1,5", "1 000", "+5", "12.", ".5", "1e6", " 12", "--1", "0x10"])(
    "rejects %j for format",
    (text) => {
      expect(parseAmount(text, "USD")).toEqual({ ok: false, reason: "format" });
    },
  );

  it("rejects amounts beyond safe integers", () => {
    expect(parseAmount("9007199254740992", "XOF")).toEqual({ ok: false, reason: "range" });
    expect(parseAmount("-90071992547409.92", "USD")).toEqual({ ok: false, reason: "range" });
  });
});

describe("formatAmountDecimal", () => {
  it.each([
    [465_000_000, "XOF", "465000000"],
    [169_928_576, "USD", "1699285.76"],
    [-5, "USD", "-0.05"],
    [1200, "USD", "12.00"],
    [0, "EUR", "0.00"],
    [-1, "XOF", "-1"],
    [149_800_000, "EUR", "1498000.00"],
  ] as const)("formats %d %s as %s", (minor, currency, text) => {
    expect(formatAmountDecimal(minor, currency)).toBe(text);
  });

  it("round-trips through parseAmount", () => {
    for (const minor of [0, 1, -1, 99, 100, 101, 123_456_789, -987_654_321, Number.MAX_SAFE_INTEGER]) {
      for (const currency of ["XOF", "USD"] as const) {
        expect(parseAmount(formatAmountDecimal(minor, currency), currency)).toEqual({
          ok: true,
          value: minor,
        });
      }
    }
  });

  it("refuses non-integers", () => {
    expect(() => formatAmountDecimal(0.1, "USD")).toThrow(RangeError);
  });
});

describe("quantities", () => {
  it.each([
    ["3000", 3_000_000, "3000"],
    ["2.5", 2500, "2.5"],
    ["2.500", 2500, "2.5"],
    ["0.125", 125, "0.125"],
    ["0", 0, "0"],
    ["10.05", 10_050, "10.05"],
  ])("parses %s", (text, milli, canonical) => {
    const r = parseQuantity(text);
    expect(r).toEqual({ ok: true, value: { milli } });
    if (r.ok) expect(formatQuantity(r.value)).toBe(canonical);
  });

  it("rejects bad quantities", () => {
    expect(parseQuantity("0.1234")).toEqual({ ok: false, reason: "precision" });
    expect(parseQuantity("-1")).toEqual({ ok: false, reason: "range" });
    expect(parseQuantity("1,5")).toEqual({ ok: false, reason: "format" });
    expect(parseQuantity("9007199254740.992")).toEqual({ ok: false, reason: "range" });
  });
});

describe("lineAmount", () => {
  it("multiplies exactly", () => {
    expect(lineAmount(15_000, { milli: 3_000_000 })).toBe(45_000_000);
    expect(lineAmount(1999, { milli: 2500 })).toBe(4998); // 4997.5 → 4998
    expect(lineAmount(3, { milli: 500 })).toBe(2); // 1.5 → 2
    expect(lineAmount(1, { milli: 499 })).toBe(0);
    expect(lineAmount(0, { milli: 125 })).toBe(0);
  });

  it("rounds half away from zero for negative unit costs", () => {
    expect(lineAmount(-3, { milli: 500 })).toBe(-2);
    expect(lineAmount(-1, { milli: 499 })).toBe(0);
  });

  it("stays exact where floats would not", () => {
    // 0.1 × 3 style error: 10 × 0.3 in floats is 3.0000000000000004
    expect(lineAmount(10, { milli: 300 })).toBe(3);
    expect(lineAmount(9_007_199_254_740, { milli: 1000 })).toBe(9_007_199_254_740);
  });

  it("throws when the product leaves the safe range", () => {
    expect(() => lineAmount(Number.MAX_SAFE_INTEGER, { milli: 2000 })).toThrow(RangeError);
  });
});

describe("sumMinor", () => {
  it("adds integers and guards the range", () => {
    expect(sumMinor([])).toBe(0);
    expect(sumMinor([128_799_000, 14_236_000])).toBe(143_035_000);
    expect(sumMinor([Number.MAX_SAFE_INTEGER, 1, -1])).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => sumMinor([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(() => sumMinor([0.5])).toThrow(RangeError);
  });
});

describe("allocate", () => {
  it("splits proportionally with parts summing to the total", () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(10, [3, 7])).toEqual([3, 7]);
    expect(allocate(5, [1, 0, 1])).toEqual([3, 0, 2]);
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
  });

  it("gives leftovers to the largest remainders", () => {
    // 10 × [1, 2, 4] / 7 = 1.43, 2.86, 5.71: floors 1, 2, 5, and .86 and .71 take the 2 leftover units
    expect(allocate(10, [1, 2, 4])).toEqual([1, 3, 6]);
  });

  it("splits evenly when all weights are zero", () => {
    expect(allocate(10, [0, 0, 0])).toEqual([4, 3, 3]);
  });

  it("handles empty and zero totals", () => {
    expect(allocate(0, [])).toEqual([]);
    expect(allocate(0, [1, 2])).toEqual([0, 0]);
    expect(() => allocate(1, [])).toThrow(RangeError);
  });

  it("rejects bad weights", () => {
    expect(() => allocate(10, [-1, 2])).toThrow(RangeError);
    expect(() => allocate(10, [0.5, 2])).toThrow(RangeError);
  });

  it("always sums exactly (property check)", () => {
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    for (let k = 0; k < 500; k++) {
      const total = rand(2_000_000_000) - 1_000_000_000;
      const weights = Array.from({ length: 1 + rand(12) }, () => rand(1000));
      const parts = allocate(total, weights);
      expect(parts).toHaveLength(weights.length);
      expect(sumMinor(parts)).toBe(total);
    }
  });
});
