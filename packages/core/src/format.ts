import type { Locale } from "./i18n/messages.ts";
import { type CurrencyCode, currencyDecimals, formatAmountDecimal, type Minor } from "./money.ts";

const NUMBER_LOCALE: Record<Locale, string> = { fr: "fr-FR", en: "en-US" };
// en-GB, not en-US: reports write dates day-first ("21 June 2024") in both languages.
const DATE_LOCALE: Record<Locale, string> = { fr: "fr-FR", en: "en-GB" };

// Intl's French output mixes U+202F (grouping, "F CFA") and U+00A0 (before the
// symbol or "%"); users search, copy and compare text, so show one kind of space.
function oneSpace(s: string): string {
  return s.replace(/[\u202F\u00A0 ]/g, "\u00A0");
}

function finish(s: string, locale: Locale): string {
  return locale === "fr" ? oneSpace(s) : s;
}

function isDecimalString(s: string): s is `${number}` {
  return /^-?\d+(\.\d+)?$/.test(s);
}

// Decimal strings go to Intl as strings so large or fractional amounts are never rounded through a float.
function formatDecimal(value: number | string, locale: string, options: Intl.NumberFormatOptions): string {
  if (typeof value === "string" && !isDecimalString(value))
    throw new RangeError(`Not a decimal number: ${value}`);
  return new Intl.NumberFormat(locale, options).format(value);
}

/** "465 000 000 F CFA", "1 699 285,76 $US" (fr); "$1,699,285.76" (en). */
export function formatMoney(minor: Minor, currency: CurrencyCode, locale: Locale): string {
  const decimals = currencyDecimals(currency);
  const text = formatDecimal(formatAmountDecimal(minor, currency), NUMBER_LOCALE[locale], {
    style: "currency",
    currency,
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
  return finish(text, locale);
}

/** Grouped number; `decimals` fixes the fraction digits, otherwise up to 3 are shown. */
export function formatNumber(n: number | string, locale: Locale, decimals?: number): string {
  const options: Intl.NumberFormatOptions =
    decimals === undefined
      ? { maximumFractionDigits: 3 }
      : { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
  return finish(formatDecimal(n, NUMBER_LOCALE[locale], options), locale);
}

/** 0.6364 → "63,64 %" (fr) / "63.64%" (en). */
export function formatPercent(ratio: number, locale: Locale, decimals = 2): string {
  const text = new Intl.NumberFormat(NUMBER_LOCALE[locale], {
    style: "percent",
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(ratio);
  return finish(text, locale);
}

/** A rate as the API gives it ("63.64", a percentage) → "63,64 %" (fr) / "63.64%" (en); a dash when there is none. */
export function formatRate(rate: string | null, locale: Locale): string {
  if (rate === null) return "—";
  const number = formatNumber(rate, locale, 2);
  return locale === "fr" ? `${number}\u00A0%` : `${number}%`;
}

function parseIsoDate(iso: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== iso) throw new RangeError(`Invalid date: ${iso}`);
  return date;
}

/** "2024-06-21" → "21 juin 2024" / "21 June 2024"; French writes the first of the month "1er". */
export function formatDate(iso: string, locale: Locale): string {
  const parts = new Intl.DateTimeFormat(DATE_LOCALE[locale], {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).formatToParts(parseIsoDate(iso));
  const text = parts
    .map((p) => (locale === "fr" && p.type === "day" && p.value === "1" ? "1er" : p.value))
    .join("");
  return finish(text, locale);
}

/** "2022-02-01" (or "2022-02") → "février 2022" / "February 2022". */
export function formatMonthYear(iso: string, locale: Locale): string {
  const date = parseIsoDate(/^\d{4}-\d{2}$/.test(iso) ? `${iso}-01` : iso);
  const text = new Intl.DateTimeFormat(DATE_LOCALE[locale], {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
  return finish(text, locale);
}

/**
 * An instant ("2026-12-06T15:04:00Z") as the date and time of day where the
 * reader is: { date: "6 décembre 2026", time: "15:04" }. The date is the local
 * one, which may differ from the instant's UTC date near midnight.
 */
export function formatInstant(iso: string, locale: Locale, timeZone?: string): { date: string; time: string } {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Invalid instant: ${iso}`);
  const parts = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const time = new Intl.DateTimeFormat(DATE_LOCALE[locale], { hour: "2-digit", minute: "2-digit", hour12: false, timeZone }).format(instant);
  return { date: formatDate(`${part("year")}-${part("month")}-${part("day")}`, locale), time: finish(time, locale) };
}
