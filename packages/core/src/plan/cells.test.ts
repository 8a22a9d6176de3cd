import { describe, expect, it } from "vitest";
import { readPlanNumberCell } from "./cells.ts";

describe("readPlanNumberCell", () => {
  it.each([
    ["quantity", "2,5", "XOF", "2.5"],
    ["quantity", "1 000", "XOF", "1000"],
    ["unitCost", "4 000 FCFA", "XOF", "4000"],
    ["unitCost", "1 234,50", "USD", "1234.50"],
    ["amount", "1,699,285.76", "USD", "1699285.76"],
    ["amount", "35 000 000", "XOF", "35000000"],
    ["amount", "", "XOF", null],
    ["amount", "-", "XOF", null],
  ] as const)("reads %s « %s » in %s as %s", (field, text, currency, value) => {
    expect(readPlanNumberCell(field, text, currency)).toEqual({ ok: true, value });
  });

  it.each([
    ["quantity", "-5", "XOF", "negative"],
    ["unitCost", "1.234,5", "XOF", "decimalsInCurrency"],
    ["unitCost", "12,3456", "USD", "decimalsInCurrency"],
    ["quantity", "0,1234", "XOF", "tooManyDecimals"],
    ["amount", "abc", "XOF", "notANumber"],
    ["amount", "12 %", "XOF", "notANumber"],
    ["amount", "(500)", "XOF", "negative"],
    ["amount", "99999999999999999999", "XOF", "tooLarge"],
  ] as const)("refuses %s « %s » in %s: %s", (field, text, currency, reason) => {
    expect(readPlanNumberCell(field, text, currency)).toEqual({ ok: false, reason });
  });
});
