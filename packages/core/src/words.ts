import { toCardinal as englishWords } from "n2words/en-GB";
import { toCardinal as frenchWords } from "n2words/fr-FR";
import type { Locale } from "./i18n/messages.ts";
import { formatMoney, formatNumber } from "./format.ts";
import { type CurrencyCode, currencyDecimals, type Minor } from "./money.ts";

/**
 * French has two correct spellings of numbers: the traditional one (hyphens
 * only inside a number below one hundred, not around « et ») and the one the
 * 1990 rectifications recommend (hyphens between every numeral, « vingt-et-un »,
 * « deux-cent-mille »), which leaves the nouns « million » and « milliard » apart.
 */
export type FrenchSpelling = "traditional" | "1990";

const NOUNS = /^(millions?|milliards?|billions?)$/;

/** Traditional spelling → 1990 spelling: every space between numerals becomes a hyphen. */
function rectified(traditional: string): string {
  const words = traditional.split(" ");
  return words
    .map((word, i) => {
      if (i === 0) return word;
      const previous = words[i - 1] ?? "";
      return `${NOUNS.test(word) || NOUNS.test(previous) ? " " : "-"}${word}`;
    })
    .join("");
}

/**
 * A non-negative integer in words: French ("quatre-vingts", "deux cents",
 * "vingt et un", traditional spelling unless the 1990 one is asked for) or British English.
 */
export function amountInWords(n: number | bigint, locale: Locale, spelling: FrenchSpelling = "traditional"): string {
  if (typeof n === "number" && !Number.isSafeInteger(n)) throw new RangeError(`Not a safe integer: ${n}`);
  if (n < 0) throw new RangeError(`Negative amount: ${n}`);
  if (locale === "en") return englishWords(n);
  const words = frenchWords(n);
  return spelling === "1990" ? rectified(words) : words;
}

interface UnitNames {
  one: string;
  many: string;
}

const MAJOR: Record<Locale, Record<CurrencyCode, UnitNames>> = {
  fr: {
    XOF: { one: "franc CFA", many: "francs CFA" },
    XAF: { one: "franc CFA", many: "francs CFA" },
    GNF: { one: "franc guinéen", many: "francs guinéens" },
    USD: { one: "dollar US", many: "dollars US" },
    EUR: { one: "euro", many: "euros" },
  },
  en: {
    XOF: { one: "CFA franc", many: "CFA francs" },
    XAF: { one: "CFA franc", many: "CFA francs" },
    GNF: { one: "Guinean franc", many: "Guinean francs" },
    USD: { one: "US dollar", many: "US dollars" },
    EUR: { one: "euro", many: "euros" },
  },
};

// The CFA and Guinean francs have no coin below the unit in use: amounts are whole.
const MINOR: Record<Locale, Partial<Record<CurrencyCode, UnitNames>>> = {
  fr: { USD: { one: "cent", many: "cents" }, EUR: { one: "centime", many: "centimes" } },
  en: { USD: { one: "cent", many: "cents" }, EUR: { one: "cent", many: "cents" } },
};

function unitName(names: UnitNames, count: bigint, locale: Locale): string {
  // French takes the singular for 0 and 1 ("zéro franc"); English only for 1.
  const singular = locale === "fr" ? count <= 1n : count === 1n;
  return singular ? names.one : names.many;
}

/**
 * « million » and « milliard » are nouns: when the amount ends on one, the
 * currency is their complement and takes « de », elided before a vowel
 * (« deux millions de francs CFA », « un million d'euros »).
 */
function complementOfNoun(words: string, currency: string): string {
  if (!/(illions?|illiards?)$/.test(words)) return currency;
  return /^[aeiouyàâéèêëîïôöûüœ]/i.test(currency) ? `d'${currency}` : `de ${currency}`;
}

/**
 * An amount as a treasury clerk writes it: « cent vingt-huit millions sept
 * cent quatre-vingt-dix-neuf mille francs CFA », « un million d'euros »,
 * « … dollars US et soixante-seize cents ».
 */
export function amountInWordsWithCurrency(
  minor: Minor,
  currency: CurrencyCode,
  locale: Locale,
  spelling: FrenchSpelling = "traditional",
): string {
  if (!Number.isSafeInteger(minor) || minor < 0) throw new RangeError(`Invalid amount: ${minor}`);
  const scale = 10n ** BigInt(currencyDecimals(currency));
  const major = BigInt(minor) / scale;
  const cents = BigInt(minor) % scale;
  const words = amountInWords(major, locale, spelling);
  const unit = unitName(MAJOR[locale][currency], major, locale);
  let text = `${words} ${locale === "fr" ? complementOfNoun(words, unit) : unit}`;
  const minorNames = MINOR[locale][currency];
  if (cents > 0n && minorNames) {
    const centWords = amountInWords(cents, locale, spelling);
    text += `${locale === "fr" ? " et" : " and"} ${centWords} ${unitName(minorNames, cents, locale)}`;
  }
  return text;
}

/**
 * An amount in words with its figures, as a report writes it: « cent vingt-huit
 * millions sept cent quatre-vingt-dix-neuf mille (128 799 000) francs CFA »;
 * with cents, the words whole and the figures after them: « … dollars US et
 * soixante-seize cents (1 699 285,76 $US) ».
 */
export function amountInWordsAndFigures(minor: Minor, currency: CurrencyCode, locale: Locale): string {
  if (!Number.isSafeInteger(minor) || minor < 0) throw new RangeError(`Invalid amount: ${minor}`);
  const scale = 10n ** BigInt(currencyDecimals(currency));
  const major = BigInt(minor) / scale;
  if (BigInt(minor) % scale !== 0n)
    return `${amountInWordsWithCurrency(minor, currency, locale)} (${formatMoney(minor, currency, locale)})`;
  const words = amountInWords(major, locale);
  const unit = unitName(MAJOR[locale][currency], major, locale);
  return `${words} (${formatNumber(major.toString(), locale)}) ${locale === "fr" ? complementOfNoun(words, unit) : unit}`;
}

/** A count in words with its figure: « quatorze (14) », « vingt-deux (22) ». */
export function countInWordsAndFigures(n: number, locale: Locale): string {
  return `${amountInWords(n, locale)} (${n})`;
}
