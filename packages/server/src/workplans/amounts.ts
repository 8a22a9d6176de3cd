import {
  type CurrencyCode,
  currencyDecimals,
  formatAmountDecimal,
  lineAmount,
  MAX_LINE_AMOUNT_MINOR,
  parseAmount,
  parseQuantity,
} from "@baara/core";
import { type FieldProblem, invalidFields } from "../http/errors.ts";

/**
 * Checks decimal amounts against the project's currency (no decimals in XOF,
 * cents in USD…) and the per-line ceiling, and returns them in canonical form.
 */
export function canonicalAmounts<T extends Record<string, unknown>>(
  values: T,
  fields: readonly (keyof T & string)[],
  currency: CurrencyCode,
  prefix = "",
): T {
  const problems: FieldProblem[] = [];
  const result: Record<string, unknown> = { ...values };
  for (const field of fields) {
    const value = values[field];
    if (typeof value !== "string") continue;
    const parsed = parseAmount(stripZeros(value), currency);
    if (parsed.ok && Math.abs(parsed.value) <= MAX_LINE_AMOUNT_MINOR) {
      result[field] = formatAmountDecimal(parsed.value, currency);
      continue;
    }
    const decimals = currencyDecimals(currency);
    const code =
      !parsed.ok && parsed.reason === "format"
        ? "AMOUNT_FORMAT"
        : !parsed.ok && parsed.reason === "precision"
            ? decimals === 0
              ? "AMOUNT_NO_DECIMALS"
              : "AMOUNT_PRECISION"
            : "AMOUNT_RANGE";
    problems.push({
      field: `${prefix}${field}`,
      code,
      message: code,
      params: { currency, decimals, max: maxText(currency) },
    });
  }
  if (problems.length > 0) throw invalidFields(problems);
  return result as T;
}

/** Amounts are in the project's currency; a line that names another is refused, not converted. */
export function checkCurrency(
  line: { currency?: string | undefined },
  currency: CurrencyCode,
  prefix = "",
): void {
  if (line.currency !== undefined && line.currency !== currency) {
    throw invalidFields([
      {
        field: `${prefix}currency`,
        code: "CURRENCY_MISMATCH",
        message: "CURRENCY_MISMATCH",
        params: { expected: currency, value: line.currency },
      },
    ]);
  }
}

/** Quantity × unit cost must stay within the per-line ceiling too. */
export function checkLineProduct(
  line: { quantity?: string | null; unitCost?: string | null },
  currency: CurrencyCode,
  prefix = "",
): void {
  if (!line.quantity || !line.unitCost) return;
  const quantity = parseQuantity(line.quantity);
  const unitCost = parseAmount(line.unitCost, currency);
  if (!quantity.ok || !unitCost.ok) return;
  let product: number;
  try {
    product = lineAmount(unitCost.value, quantity.value);
  } catch {
    product = Number.POSITIVE_INFINITY;
  }
  if (product > MAX_LINE_AMOUNT_MINOR) {
    throw invalidFields([
      {
        field: `${prefix}quantity`,
        code: "AMOUNT_RANGE",
        message: "AMOUNT_RANGE",
        params: { max: maxText(currency) },
      },
    ]);
  }
}

/** "1250.50" and "1250.5" are one amount; "12.000" in XOF is 12. */
function stripZeros(value: string): string {
  return value.includes(".") ? value.replace(/\.?0+$/, "") : value;
}

function maxText(currency: CurrencyCode): string {
  return formatAmountDecimal(MAX_LINE_AMOUNT_MINOR, currency);
}
