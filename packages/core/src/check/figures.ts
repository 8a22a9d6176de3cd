/**
 * A number written in figures in a sentence: its text as written, its exact
 * value (digits without separators, scaled by 10^decimals), where it stands,
 * and what it is (a percentage, a year, a day of a date, in parentheses).
 */
export interface Figure {
  text: string;
  start: number;
  end: number;
  digits: bigint;
  decimals: number;
  percent: boolean;
  parenthesised: boolean;
  /** A year (2023) or a day before a month name (31 décembre): neither is an amount. */
  dateLike: boolean;
}

const MONTHS = "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre";

// French grouping by spaces (also non-breaking) or dots, decimal comma; a
// comma before groups of three more than once can only be an English grouping.
const FIGURE =
  /(?<![\d.,])(?:(\d{1,3}(?:,\d{3}(?!\d)){2,})|(\d{1,3}(?:[ \u00a0\u202f.]\d{3}(?!\d))+|\d+)(?:,(\d+))?)(?![\d])/g;

export function figuresIn(sentence: string): Figure[] {
  const figures: Figure[] = [];
  for (const match of sentence.matchAll(FIGURE)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    const englishGrouped = match[1];
    const whole = (englishGrouped ?? match[2] ?? "").replace(/[^\d]/g, "");
    const fraction = englishGrouped ? "" : (match[3] ?? "");
    // What tells a figure's kind stands right beside it: look at a few characters only, so long lines stay linear.
    const after = sentence.slice(end, end + 40);
    const before = sentence.slice(Math.max(0, start - 40), start);
    const grouped = /[^\d]/.test(match[2] ?? "");
    figures.push({
      text: match[0],
      start,
      end,
      digits: BigInt(whole + fraction),
      decimals: fraction.length,
      percent: /^\s*%/.test(after) || /^\s*pour\s*cent\b/i.test(after),
      // « (500 000) » or « (500 000 F CFA) »: the currency may close the parentheses.
      parenthesised:
        /\(\s*$/.test(before) && /^\s*(?:F\s*CFA|FCFA|francs?(?:\s+CFA)?|€|\$|USD|EUR|XOF|XAF)?\s*\)/i.test(after),
      dateLike:
        (!grouped && !fraction && /^(19|20)\d\d$/.test(whole))
        || (Number(whole) <= 31 && new RegExp(`^\\s*(?:er\\s+)?(?:${MONTHS})\\b`, "i").test(after))
        || /[/-]\s*$/.test(before)
        || /^\s*[/-]\s*\d/.test(after),
    });
  }
  return figures;
}

/** The figures a sentence states as quantities: no percentage, no date. */
export function amountsIn(sentence: string): Figure[] {
  return figuresIn(sentence).filter((f) => !f.percent && !f.dateLike);
}

export function figureValue(figure: Pick<Figure, "digits" | "decimals">): number {
  return Number(figure.digits) / 10 ** figure.decimals;
}

/** Exact sum of figures with any number of decimals, as digits at the largest scale. */
export function exactSum(figures: readonly Pick<Figure, "digits" | "decimals">[]): { digits: bigint; decimals: number } {
  const decimals = Math.max(0, ...figures.map((f) => f.decimals));
  const digits = figures.reduce((sum, f) => sum + f.digits * 10n ** BigInt(decimals - f.decimals), 0n);
  return { digits, decimals };
}

export function sameValue(a: Pick<Figure, "digits" | "decimals">, b: Pick<Figure, "digits" | "decimals">): boolean {
  const decimals = Math.max(a.decimals, b.decimals);
  return a.digits * 10n ** BigInt(decimals - a.decimals) === b.digits * 10n ** BigInt(decimals - b.decimals);
}
