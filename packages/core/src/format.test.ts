import { describe, expect, it } from "vitest";
import { formatDate, formatInstant, formatRate, formatMoney, formatMonthYear, formatNumber, formatPercent } from "./format.ts";

// Tests write French spaces as "_" so the expected U+00A0 is visible.
const nb = (s: string) => s.replaceAll("_", "\u00A0");

describe("formatMoney", () => {
  it.each([
    [465_000_000, "XOF", "465_000_000_F_CFA"],
    [143_035_000, "XOF", "143_035_000_F_CFA"],
    [169_928_576, "USD", "1_699_285,76_$US"],
    [149_800_000, "EUR", "1_498_000,00_€"],
    [1200, "USD", "12,00_$US"],
    [-5, "USD", "-0,05_$US"],
    [0, "XOF", "0_F_CFA"],
    [1000, "GNF", "1_000_GNF"],
  ] as const)("fr %d %s", (minor, currency, expected) => {
    expect(formatMoney(minor, currency, "fr")).toBe(nb(expected));
  });

  it("uses only U+00A0 as space in French", () => {
    const text = formatMoney(465_000_000, "XOF", "fr");
    expect(text).not.toMatch(/[\u202F ]/);
  });

  it("formats English", () => {
    expect(formatMoney(169_928_576, "USD", "en")).toBe("$1,699,285.76");
    expect(formatMoney(149_800_000, "EUR", "en")).toBe("€1,498,000.00");
    expect(formatMoney(465_000_000, "XOF", "en")).toMatch(/^F\sCFA\s465,000,000$/);
  });

  it("stays exact beyond float precision", () => {
    // 90071992547409.91 is not representable as a double; a float path would print .92
    expect(formatMoney(Number.MAX_SAFE_INTEGER, "USD", "en")).toBe("$90,071,992,547,409.91");
    expect(formatMoney(Number.MAX_SAFE_INTEGER, "XOF", "fr")).toBe(nb("9_007_199_254_740_991_F_CFA"));
  });
});

describe("formatNumber", () => {
  it("groups digits per locale", () => {
    expect(formatNumber(1_234_567, "fr")).toBe(nb("1_234_567"));
    expect(formatNumber(1_234_567, "en")).toBe("1,234,567");
    expect(formatNumber("2.5", "fr")).toBe("2,5");
    expect(formatNumber("0.125", "en")).toBe("0.125");
  });

  it("fixes decimals when asked", () => {
    expect(formatNumber(2.5, "fr", 2)).toBe("2,50");
    expect(formatNumber("1234.5678", "en", 1)).toBe("1,234.6");
    expect(formatNumber("12345678901234567.5", "en", 0)).toBe("12,345,678,901,234,568");
  });

  it("rejects strings that are not decimals", () => {
    expect(() => formatNumber("12abc", "fr")).toThrow(RangeError);
    expect(() => formatNumber("1e3", "fr")).toThrow(RangeError);
  });
});

describe("formatPercent", () => {
  it("formats ratios", () => {
    expect(formatPercent(0.6364, "fr")).toBe(nb("63,64_%"));
    expect(formatPercent(0.6364, "en")).toBe("63.64%");
    expect(formatPercent(1, "fr", 0)).toBe(nb("100_%"));
    expect(formatPercent(0.12345, "en", 1)).toBe("12.3%");
    expect(formatPercent(12.5, "fr")).toBe(nb("1_250,00_%"));
  });
});

describe("formatDate", () => {
  it("formats ISO dates", () => {
    expect(formatDate("2024-06-21", "fr")).toBe(nb("21_juin_2024"));
    expect(formatDate("2024-06-21", "en")).toBe("21 June 2024");
    expect(formatDate("2022-02-28", "fr")).toBe(nb("28_février_2022"));
    expect(formatDate("2024-12-31", "fr")).toBe(nb("31_décembre_2024"));
  });

  it("writes the first of the month 1er in French", () => {
    expect(formatDate("2024-01-01", "fr")).toBe(nb("1er_janvier_2024"));
    expect(formatDate("2024-01-01", "en")).toBe("1 January 2024");
  });

  it("rejects invalid dates", () => {
    expect(() => formatDate("2023-02-29", "fr")).toThrow(RangeError);
    expect(() => formatDate("21/06/2024", "fr")).toThrow(RangeError);
    expect(() => formatDate("2024-6-21", "en")).toThrow(RangeError);
  });
});

describe("formatMonthYear", () => {
  it("formats month and year", () => {
    expect(formatMonthYear("2022-02-01", "fr")).toBe(nb("février_2022"));
    expect(formatMonthYear("2022-02-15", "en")).toBe("February 2022");
    expect(formatMonthYear("2024-08", "fr")).toBe(nb("août_2024"));
    expect(() => formatMonthYear("2024-13", "fr")).toThrow(RangeError);
  });
});

describe("formatInstant", () => {
  it("gives the date and the time of day in the reader's time zone", () => {
    expect(formatInstant("2026-12-06T15:04:59Z", "fr", "Africa/Bamako")).toEqual({ date: nb("6_décembre_2026"), time: "15:04" });
    expect(formatInstant("2026-12-06T15:04:59Z", "en", "Africa/Bamako")).toEqual({ date: "6 December 2026", time: "15:04" });
    expect(formatInstant("2026-12-06T08:05:00Z", "en", "Africa/Lagos")).toEqual({ date: "6 December 2026", time: "09:05" });
  });
  it("takes the local date near midnight, with the French 1er", () => {
    expect(formatInstant("2026-11-30T23:30:00Z", "fr", "Africa/Lagos")).toEqual({ date: nb("1er_décembre_2026"), time: "00:30" });
    expect(formatInstant("2026-12-01T00:30:00Z", "en", "America/New_York")).toEqual({ date: "30 November 2026", time: "19:30" });
  });
  it("refuses what is not an instant", () => {
    expect(() => formatInstant("hier", "fr")).toThrow(RangeError);
  });
});

describe("formatRate", () => {
  it("writes a two-decimal percentage from the API's decimal string, exactly", () => {
    expect(formatRate("63.64", "fr")).toBe(nb("63,64_%"));
    expect(formatRate("63.64", "en")).toBe("63.64%");
    expect(formatRate("1250.00", "fr")).toBe(nb("1_250,00_%"));
    expect(formatRate(null, "fr")).toBe("—");
  });
});
