// What every template's builder shares: the project as a report names it,
// placeholders filled in, narrative text as blocks, a money cell.
import { formatMoney } from "../format.ts";
import type { Locale } from "../i18n/messages.ts";
import { type CurrencyCode, formatAmountDecimal, parseAmount } from "../money.ts";
import { figureCell, type ReportBlock, type ReportCell } from "./document.ts";

export interface ReportProject {
  code: string;
  title: string;
  organisationName: string;
  currency: CurrencyCode;
  levelLabels: string[];
}

/** « {{year}} » and the like replaced by their values. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** A narrative field's text as one block (empty text gives none). */
export function narrativeBlocks(field: string, text: string | undefined, label?: string): ReportBlock[] {
  const value = (text ?? "").trim();
  if (!value) return [];
  return [{ kind: "narrative", field, text: value, ...(label ? { label } : {}) }];
}

/** An amount cell: shown as `text` (default: the amount with its currency), holding the exact amount. */
export function amountCell(amount: string, currency: CurrencyCode, locale: Locale, text?: string): ReportCell {
  const parsed = parseAmount(amount, currency);
  const minor = parsed.ok ? parsed.value : 0;
  return figureCell(text ?? formatMoney(minor, currency, locale), formatAmountDecimal(minor, currency), "amount", currency);
}

/** A file name without extension that any system takes: « PBF/MLI/A-2 » → « PBF_MLI_A-2 ». */
export const safeFileStem = (stem: string): string => stem.replace(/[^A-Za-z0-9._-]+/g, "_");
