/** Decimal places of the minor unit, per currency. */
export const CURRENCIES = { XOF: 0, XAF: 0, USD: 2, EUR: 2, GNF: 0 } as const;
export type CurrencyCode = keyof typeof CURRENCIES;

export function isCurrencyCode(s: string): s is CurrencyCode {
  return Object.hasOwn(CURRENCIES, s);
}

export function currencyDecimals(c: CurrencyCode): number {
  return CURRENCIES[c];
}

/** Integer amount in minor units (XOF has no minor unit, so minor = francs; USD: cents). */
export type Minor = number;

/** Quantity in thousandths (up to 3 decimals), never negative. */
export interface Quantity {
  readonly milli: number;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: "format" | "precision" | "range" };

export function assertSafeMinor(n: number): asserts n is Minor {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Not a safe integer amount: ${n}`);
}

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

function toSafe(b: bigint): number {
  if (b > MAX || b < -MAX) throw new RangeError(`Amount out of safe range: ${b}`);
  return Number(b);
}

/**
 * Parses a decimal string into an integer count of 10^-decimals units.
 * Digits after the allowed decimals are a precision error even when zero ("12.0" in XOF).
 */
function parseScaled(text: string, decimals: number, allowNegative: boolean): ParseResult<number> {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return { ok: false, reason: "format" };
  const [, sign = "", int = "", frac = ""] = m;
  if (sign && !allowNegative) return { ok: false, reason: "range" };
  if (frac.length > decimals) return { ok: false, reason: "precision" };
  const digits = int + frac.padEnd(decimals, "0");
  // Up to 15 digits a number holds the value exactly: no BigInt needed.
  if (digits.length <= 15) {
    const small = Number(digits);
    return { ok: true, value: sign ? 0 - small : small };
  }
  const abs = BigInt(digits);
  if (abs > MAX) return { ok: false, reason: "range" };
  return { ok: true, value: Number(sign ? -abs : abs) };
}

function formatScaled(n: number, decimals: number): string {
  const sign = n < 0 ? "-" : "";
  const digits = String(Math.abs(n));
  if (decimals === 0) return sign + digits;
  const padded = digits.padStart(decimals + 1, "0");
  return `${sign}${padded.slice(0, -decimals)}.${padded.slice(-decimals)}`;
}

/** Parses a canonical decimal string ("-1234.50") into minor units of `currency`. */
export function parseAmount(text: string, currency: CurrencyCode): ParseResult<Minor> {
  return parseScaled(text, currencyDecimals(currency), true);
}

/** Canonical decimal string: always exactly the currency's decimals ("12.00", "-0.05", "465000000"). */
export function formatAmountDecimal(minor: Minor, currency: CurrencyCode): string {
  assertSafeMinor(minor);
  return formatScaled(minor, currencyDecimals(currency));
}

/** Parses a non-negative quantity with up to 3 decimals ("3000", "2.5", "0.125"). */
export function parseQuantity(text: string): ParseResult<Quantity> {
  const r = parseScaled(text, 3, false);
  return r.ok ? { ok: true, value: { milli: r.value } } : r;
}

/** Canonical quantity string without trailing zeros ("2.5", "3000"). */
export function formatQuantity(q: Quantity): string {
  assertSafeMinor(q.milli);
  const s = formatScaled(q.milli, 3);
  return s.replace(/\.?0+$/, "");
}

function divRoundHalfAwayFromZero(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r = n % d;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice < d) return q;
  return n < 0n ? q - 1n : q + 1n;
}

/** unitCost × quantity, rounded half away from zero to the minor unit. */
export function lineAmount(unitCost: Minor, quantity: Quantity): Minor {
  assertSafeMinor(unitCost);
  assertSafeMinor(quantity.milli);
  const product = unitCost * quantity.milli;
  // Below 2^53 the product is exact as a number, and so are the remainder and the quotient.
  if (Number.isSafeInteger(product)) {
    const remainder = product % 1000;
    const quotient = (product - remainder) / 1000;
    if (Math.abs(remainder) * 2 < 1000) return quotient;
    return product < 0 ? quotient - 1 : quotient + 1;
  }
  return toSafe(divRoundHalfAwayFromZero(BigInt(unitCost) * BigInt(quantity.milli), 1000n));
}

export function sumMinor(values: readonly Minor[]): Minor {
  // While every partial sum is a safe integer, adding numbers is exact; past that, BigInt decides.
  let fast = 0;
  for (const v of values) {
    assertSafeMinor(v);
    fast += v;
    if (!Number.isSafeInteger(fast)) return sumBig(values);
  }
  return fast === 0 ? 0 : fast;
}

function sumBig(values: readonly Minor[]): Minor {
  let total = 0n;
  for (const v of values) {
    assertSafeMinor(v);
    total += BigInt(v);
  }
  return toSafe(total);
}

/**
 * Splits `total` proportionally to `weights` (largest remainder method) so the
 * parts sum exactly to `total`. Ties go to the earliest index. All-zero weights split evenly.
 */
export function allocate(total: Minor, weights: readonly number[]): Minor[] {
  assertSafeMinor(total);
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0) throw new RangeError(`Invalid weight: ${w}`);
  }
  if (weights.length === 0) {
    if (total === 0) return [];
    throw new RangeError("Cannot allocate a non-zero total over no weights");
  }
  const ws = weights.every((w) => w === 0) ? weights.map(() => 1n) : weights.map((w) => BigInt(w));
  const sumW = ws.reduce((a, b) => a + b, 0n);
  const abs = BigInt(Math.abs(total));
  const parts = ws.map((w) => (abs * w) / sumW);
  const remainders = ws.map((w) => (abs * w) % sumW);
  let left = abs - parts.reduce((a, b) => a + b, 0n);
  const order = remainders
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of order) {
    if (left === 0n) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts.map((p) => Number(total < 0 ? -p : p));
}

/**
 * The largest amount one budget line may hold (10^12 minor units: a thousand
 * billion FCFA, ten billion dollars). Plans of thousands of such lines still
 * add up within JavaScript's exact integers.
 */
export const MAX_LINE_AMOUNT_MINOR = 1_000_000_000_000;
