// A value typed or pasted into a plan cell (quantity, unit cost, amount), read
// as the server will store it, or the reason it can't be: the editor checks a
// cell before it shows the value, so that a bad one never reaches the totals.
import { formatAmountDecimal, formatQuantity, type CurrencyCode, MAX_LINE_AMOUNT_MINOR, parseAmount, parseQuantity } from "../money.ts";
import { parseNumberCell } from "../import/numbers.ts";

export type PlanNumberField = "quantity" | "unitCost" | "amount";
export type CellRefusal = "notANumber" | "negative" | "tooManyDecimals" | "decimalsInCurrency" | "tooLarge";
export type CellReading = { ok: true; value: string | null } | { ok: false; reason: CellRefusal };

/** "1 234,5", "4 000 FCFA", "12,50 $" → the canonical stored decimal; blank → null. */
export function readPlanNumberCell(field: PlanNumberField, text: string, currency: CurrencyCode): CellReading {
  const parsed = parseNumberCell(text);
  if (!parsed.ok || ("percent" in parsed && parsed.percent)) return { ok: false, reason: "notANumber" };
  if (parsed.value === null) return { ok: true, value: null };
  if (parsed.value.startsWith("-")) return { ok: false, reason: "negative" };
  if (field === "quantity") {
    const quantity = parseQuantity(parsed.value);
    if (!quantity.ok) return { ok: false, reason: quantity.reason === "precision" ? "tooManyDecimals" : "tooLarge" };
    return { ok: true, value: formatQuantity(quantity.value) };
  }
  const amount = parseAmount(parsed.value, currency);
  if (!amount.ok) return { ok: false, reason: amount.reason === "precision" ? "decimalsInCurrency" : "tooLarge" };
  // The server refuses an amount past the per-line ceiling: say so at the cell.
  if (amount.value > MAX_LINE_AMOUNT_MINOR) return { ok: false, reason: "tooLarge" };
  return { ok: true, value: formatAmountDecimal(amount.value, currency) };
}
