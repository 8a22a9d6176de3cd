import { toCardinal as englishWords } from "n2words/en-GB";
import { toCardinal as frenchWords } from "n2words/fr-FR";
import type { Locale } from "./i18n/messages.ts";
import { type CurrencyCode, currencyDecimals, type Minor } from "./money.ts";

/**
 * A non-negative integer in words: French traditional spelling (hyphen only
 * between tens and units, "et un", "quatre-vingts", "deux cents") or British English.
 */
export function amountInWords(n: number | bigint, locale: Locale): string {
  if (typeof n === "number" && !Number.isSafeInteger(n)) throw new RangeError(`Not a safe integer: ${n}`);
  if (n < 0) throw new RangeError(`Negative amount: ${n}`);
  return locale === "fr" ? frenchWords(n) : englishWords(n);
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
 * "cent vingt-huit millions … mille francs CFA"; with a minor unit, cents
 * follow in digits: "… dollars US et 76 cents".
 */
export function amountInWordsWithCurrency(minor: Minor, currency: CurrencyCode, locale: Locale): string {
  if (!Number.isSafeInteger(minor) || minor < 0) throw new RangeError(`Invalid amount: ${minor}`);
  const scale = 10n ** BigInt(currencyDecimals(currency));
  const major = BigInt(minor) / scale;
  const cents = BigInt(minor) % scale;
  const words = amountInWords(major, locale);
  // French puts "de" after a bare million/milliard noun: "deux millions de francs CFA".
  const de = locale === "fr" && /(illions?|illiards?)$/.test(words) ? " de" : "";
  let text = `${words}${de} ${unitName(MAJOR[locale][currency], major, locale)}`;
  const minorNames = MINOR[locale][currency];
  if (cents > 0n && minorNames) {
    text += `${locale === "fr" ? " et" : " and"} ${cents} ${unitName(minorNames, cents, locale)}`;
  }
  return text;
}
