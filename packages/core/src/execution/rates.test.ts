import { describe, expect, it } from "vitest";
import { CREDIT_BASES, creditBasis, financialRates, percentHundredths, percentOf, rateChange, readPercentCell } from "./rates.ts";

describe("percentOf", () => {
  it("gives two decimals, rounded half up", () => {
    expect(percentOf(14, 22)).toBe("63.64");
    expect(percentOf(11, 17)).toBe("64.71");
    expect(percentOf(2, 3)).toBe("66.67");
    expect(percentOf(1, 8)).toBe("12.50");
    expect(percentOf(1, 20000)).toBe("0.01");
    expect(percentOf(1, 20001)).toBe("0.00");
    expect(percentOf(0, 5)).toBe("0.00");
    expect(percentOf(5, 5)).toBe("100.00");
  });
  it("goes above 100 % when the numerator does (an over-commitment shows as such)", () => {
    expect(percentOf(3, 2)).toBe("150.00");
  });
  it("has no rate over nothing", () => {
    expect(percentOf(0, 0)).toBeNull();
    expect(percentOf(3, 0)).toBeNull();
  });
  it("is exact on amounts past 2^53 once multiplied", () => {
    expect(percentOf(98_515_631n * 10_000n, 128_799_000n * 10_000n)).toBe("76.49");
    expect(percentOf(9_007_199_254_740_991n, 9_007_199_254_740_993n)).toBe("100.00");
  });
});

describe("percentHundredths", () => {
  it("reads a progress percentage", () => {
    expect(percentHundredths("45")).toBe(4500);
    expect(percentHundredths("62.5")).toBe(6250);
    expect(percentHundredths("0.25")).toBe(25);
    expect(percentHundredths("100")).toBe(10000);
  });
  it("refuses what is not one", () => {
    expect(() => percentHundredths("101")).toThrow(RangeError);
    expect(() => percentHundredths("-1")).toThrow(RangeError);
    expect(() => percentHundredths("1.234")).toThrow(RangeError);
  });
});

describe("financialRates", () => {
  it("divides each numerator by its denominator, the CPS 2023 figures", () => {
    const rates = financialRates({
      budget: 143_035_000,
      allocated: 143_035_000,
      notified: 128_797_500,
      paymentCredit: 128_799_000,
      disbursed: null,
      committed: 98_515_631,
      liquidated: 54_515_711,
      paid: 54_515_711,
    });
    expect(rates.committedOfPaymentCredit).toBe("76.49");
    expect(rates.liquidatedOfPaymentCredit).toBe("42.33");
    expect(rates.committedOfNotified).toBe("76.49");
    expect(rates.committedOfAllocated).toBe("68.88");
    expect(rates.liquidatedOfCommitted).toBe("55.34");
    expect(rates.paidOfCommitted).toBe("55.34");
    expect(rates.paidOfPaymentCredit).toBe("42.33");
    expect(rates.paidOfNotified).toBe("42.33");
  });
  it("reads a donor project's expenditures against the funds the donor disbursed, the PBF way", () => {
    // Approved 1 498 000 USD; disbursed (two tranches) 1 048 600; spent 554 260: 37 % of the approved budget.
    const rates = financialRates({
      budget: 149_800_000, allocated: 149_800_000, notified: null, paymentCredit: null, disbursed: 104_860_000,
      committed: 60_000_000, liquidated: 55_426_000, paid: 55_426_000,
    });
    expect(rates.paidOfAllocated).toBe("37.00");
    expect(rates.paidOfDisbursed).toBe("52.86");
  });
  it("has no rate where a credit was not recorded or is zero", () => {
    const rates = financialRates({
      budget: 0,
      allocated: null,
      disbursed: null,
      notified: 0,
      paymentCredit: null,
      committed: 10,
      liquidated: 0,
      paid: 0,
    });
    expect(rates.committedOfAllocated).toBeNull();
    expect(rates.committedOfNotified).toBeNull();
    expect(rates.committedOfBudget).toBeNull();
    expect(rates.liquidatedOfCommitted).toBe("0.00");
  });
});

describe("readPercentCell", () => {
  it("reads a percent complete as people type it", () => {
    expect(["40", "40 %", "62,5", " 62.50 ", "0", "100", "", "0,25"].map(readPercentCell)).toEqual(
      ["40", "40", "62.5", "62.5", "0", "100", "", "0.25"].map((value) => ({ ok: true, value })),
    );
  });
  it("refuses what is not one, instead of clamping it", () => {
    for (const text of ["150", "-5", "1e400", "0,005", "abc", "100,01"]) expect(readPercentCell(text), text).toEqual({ ok: false });
  });
});

describe("creditBasis", () => {
  it("reads spending against the payment credit, else the notified credit, else the allocated budget, else the budget", () => {
    expect(creditBasis({ paymentCredit: 1, notified: 2, allocated: 3 })).toBe("paymentCredit");
    expect(creditBasis({ paymentCredit: null, notified: 0, allocated: 3 })).toBe("notified");
    expect(creditBasis({ paymentCredit: null, notified: null, allocated: 3 })).toBe("allocated");
    expect(creditBasis({ paymentCredit: null, notified: null, allocated: null })).toBe("budget");
    expect(CREDIT_BASES.paymentCredit).toEqual({ committed: "committedOfPaymentCredit", paid: "paidOfPaymentCredit" });
  });
});

describe("rateChange", () => {
  it("gives the change in percentage points, exactly", () => {
    expect(rateChange("63.64", "64.71")).toBe("-1.07");
    expect(rateChange("100.00", "0.00")).toBe("100.00");
    expect(rateChange("0.10", "0.10")).toBe("0.00");
    expect(rateChange("63.64", null)).toBeNull();
    expect(rateChange(null, "1.00")).toBeNull();
  });
});
