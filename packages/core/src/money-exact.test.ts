// The number fast paths of parseAmount, lineAmount and sumMinor answer what exact
// BigInt arithmetic answers, on both sides of the 15-digit and 2^53 boundaries.
import { describe, expect, it } from "vitest";
import { lineAmount, parseAmount, parseQuantity, sumMinor } from "./money.ts";

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

function referenceLineAmount(unitCost: number, milli: number): number | "range" {
  const n = BigInt(unitCost) * BigInt(milli);
  const q = n / 1000n;
  const r = n % 1000n;
  const rounded = (r < 0n ? -r : r) * 2n < 1000n ? q : n < 0n ? q - 1n : q + 1n;
  return rounded > MAX || rounded < -MAX ? "range" : Number(rounded);
}

function referenceSum(values: number[]): number | "range" {
  const total = values.reduce((a, v) => a + BigInt(v), 0n);
  return total > MAX || total < -MAX ? "range" : Number(total);
}

const attempt = <T>(f: () => T): T | "range" => {
  try {
    return f();
  } catch (error) {
    if (error instanceof RangeError) return "range";
    throw error;
  }
};

/** A deterministic sequence of integers, small and large, of both signs. */
function* integers(count: number): Generator<number> {
  let seed = 42;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
  const scales = [1, 10, 999, 1000, 1001, 1e6, 1e9, 1e12, 1e13, 2 ** 40, 2 ** 45, Number.MAX_SAFE_INTEGER];
  for (let i = 0; i < count; i++) {
    const scale = scales[next() % scales.length] ?? 1;
    const value = Math.floor((next() / 2 ** 31) * scale);
    yield next() % 3 === 0 ? -value : value;
  }
}

describe("exact arithmetic without BigInt where numbers suffice", () => {
  it("parses amounts and quantities of every length to the unit, minus zero as zero", () => {
    const texts = [
      "0",
      "-0",
      "0.00",
      "-0.00",
      "7",
      "-12.5",
      "999999999999999",
      "1000000000000000",
      "9007199254740991",
      "9007199254740992",
      "000000000000000000001",
      "-123456789012345",
      "12345678901234.5",
      "1.005",
    ];
    for (const value of integers(300)) texts.push(String(value), `${value}.25`);
    for (const text of texts) {
      for (const decimals of [0, 2] as const) {
        const parsed = parseAmount(text, decimals === 0 ? "XOF" : "USD");
        const [, sign = "", int = "", frac = ""] = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text) ?? [];
        if (frac.length > decimals) {
          expect(parsed).toEqual({ ok: false, reason: "precision" });
          continue;
        }
        const abs = BigInt(int + frac.padEnd(decimals, "0"));
        if (abs > MAX) expect(parsed).toEqual({ ok: false, reason: "range" });
        else expect(parsed, text).toEqual({ ok: true, value: Number(sign ? -abs : abs) });
        if (parsed.ok) expect(Object.is(parsed.value, -0), text).toBe(false);
      }
      const quantity = parseQuantity(text.replace("-", ""));
      if (quantity.ok) expect(quantity.value.milli).toBeGreaterThanOrEqual(0);
    }
  });

  it("multiplies quantity by unit cost as BigInt would, rounding half away from zero", () => {
    const costs = [...integers(400)];
    const millis = [0, 1, 499, 500, 501, 999, 1000, 1500, 2500, 123_456, 10 ** 9, 2 ** 31, 10 ** 12].concat(
      [...integers(40)].map(Math.abs),
    );
    for (const cost of costs) {
      for (const milli of millis) {
        expect(
          attempt(() => lineAmount(cost, { milli })),
          `${cost} × ${milli}`,
        ).toEqual(referenceLineAmount(cost, milli));
      }
    }
  });

  it("adds as BigInt would, also where a partial sum leaves the safe range and comes back", () => {
    const values = [...integers(2000)];
    for (let size = 1; size < 60; size += 7) {
      for (let start = 0; start + size <= values.length; start += 97) {
        const part = values.slice(start, start + size);
        expect(attempt(() => sumMinor(part))).toEqual(referenceSum(part));
      }
    }
    const max = Number.MAX_SAFE_INTEGER;
    expect(sumMinor([max, 1, -2])).toBe(max - 1);
    expect(attempt(() => sumMinor([max, 1]))).toBe("range");
    expect(Object.is(sumMinor([-0]), -0)).toBe(false);
  });
});
