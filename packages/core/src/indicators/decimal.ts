// Indicator values are exact decimals with up to four places (a count, a
// percentage, a score). They travel as strings and are computed as integers
// of ten-thousandths, so that 15 ÷ 30 is 50.00 and not 49.999….
export const VALUE_SCALE = 4;
const UNIT = 10n ** BigInt(VALUE_SCALE);

/** "15", "-2.5", "37.125" → ten-thousandths; null for anything else. */
export function toScaled(value: string): bigint | null {
  const m = /^(-)?(\d{1,16})(?:\.(\d{1,4}))?$/.exec(value.trim());
  if (!m) return null;
  const scaled = BigInt(m[2]!) * UNIT + BigInt((m[3] ?? "").padEnd(VALUE_SCALE, "0"));
  return m[1] ? -scaled : scaled;
}

/** Ten-thousandths → the shortest decimal string ("15", "37.5"). */
export function fromScaled(value: bigint): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = abs / UNIT;
  const fraction = (abs % UNIT).toString().padStart(VALUE_SCALE, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

/** A decimal string in its shortest form ("15.50" → "15.5"); null when it is not one. */
export function normalizeValue(value: string): string | null {
  const scaled = toScaled(value);
  return scaled === null ? null : fromScaled(scaled);
}

/** Rounds half away from zero: n ÷ d. */
function divideRounded(n: bigint, d: bigint): bigint {
  const negative = (n < 0n) !== (d < 0n);
  const [an, ad] = [n < 0n ? -n : n, d < 0n ? -d : d];
  const q = (an * 2n + ad) / (ad * 2n);
  return negative ? -q : q;
}

/** n ÷ d as a percentage with two decimals ("50.00", "-12.35"); null when d is 0. */
export function valuePercent(n: bigint, d: bigint): string | null {
  if (d === 0n) return null;
  const hundredths = divideRounded(n * 10_000n, d);
  const negative = hundredths < 0n;
  const abs = negative ? -hundredths : hundredths;
  return `${negative ? "-" : ""}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}

/** n ÷ d compared with a percentage threshold: n ÷ d ≥ threshold ÷ 100 (d > 0). */
export function ratioAtLeast(n: bigint, d: bigint, thresholdPercent: bigint): boolean {
  return n * 100n * UNIT >= thresholdPercent * d;
}

export function sumScaled(values: readonly bigint[]): bigint {
  return values.reduce((a, b) => a + b, 0n);
}
