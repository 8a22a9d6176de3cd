// The one place the app turns amounts, numbers and dates into text, through
// core's formatters and the user's language.
import {
  type CurrencyCode,
  currencyDecimals,
  formatAmountDecimal,
  formatDate,
  formatInstant,
  formatMoney,
  formatNumber,
  formatPercent,
  formatRate,
  isCurrencyCode,
  type Minor,
  parseAmount,
} from "@baara/core";
import { useTranslation } from "react-i18next";
import type { Language } from "../i18n/i18n.ts";

export interface Formatter {
  language: Language;
  /** "465 000 000 F CFA" from a decimal string or minor units. */
  money(value: string | Minor | null | undefined, currency: string): string;
  /** Amount without the currency: "465 000 000". */
  amount(value: string | Minor | null | undefined, currency: string): string;
  number(value: string | number | null | undefined): string;
  percent(ratio: number): string;
  /** A rate as the API gives it ("63.64") → "63,64 %"; a dash when there is none. */
  rate(value: string | null): string;
  /** A change of rate in percentage points ("-1.07") → "−1,07 pt" / "−1.07 pts", signed; a dash when there is none. */
  points(value: string | null): string;
  date(iso: string | null | undefined): string;
  /** An instant as the date and time of day in the browser's time zone. */
  instant(iso: string): { date: string; time: string };
}

function toMinor(value: string | Minor, currency: CurrencyCode): Minor | null {
  if (typeof value === "number") return value;
  const parsed = parseAmount(value, currency);
  return parsed.ok ? parsed.value : null;
}

export function formatter(language: Language): Formatter {
  const money = (value: string | Minor | null | undefined, currency: string) => {
    if (value === null || value === undefined || !isCurrencyCode(currency)) return "";
    const minor = toMinor(value, currency);
    return minor === null ? String(value) : formatMoney(minor, currency, language);
  };
  return {
    language,
    money,
    amount(value, currency) {
      if (value === null || value === undefined || !isCurrencyCode(currency)) return "";
      const minor = toMinor(value, currency);
      if (minor === null) return String(value);
      return formatNumber(formatAmountDecimal(minor, currency), language, currencyDecimals(currency));
    },
    number: (value) => (value === null || value === undefined || value === "" ? "" : formatNumber(value, language)),
    percent: (ratio) => formatPercent(ratio, language),
    rate: (value) => formatRate(value, language),
    points: (value) => {
      if (value === null) return "—";
      const negative = value.startsWith("-");
      const number = formatNumber(negative ? value.slice(1) : value, language, 2);
      const sign = negative ? "\u2212" : Number(value) > 0 ? "+" : "";
      return language === "fr" ? `${sign}${number}\u00A0pt` : `${sign}${number} pts`;
    },
    date: (iso) => (iso ? formatDate(iso, language) : ""),
    instant: (iso) => formatInstant(iso, language),
  };
}

export function useFormat(): Formatter {
  const { i18n } = useTranslation();
  return formatter(i18n.language === "en" ? "en" : "fr");
}
