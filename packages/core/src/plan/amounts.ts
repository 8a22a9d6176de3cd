import { type CurrencyCode, lineAmount, type Minor, parseAmount, parseQuantity } from "../money.ts";
import type { PlanLineInput } from "./types.ts";

/** What a line's amount depends on. The functions below are generic in it, so that a whole line, written in place, may be given. */
export type LineFigures = Pick<PlanLineInput, "quantity" | "unitCost" | "amount">;

/** Amounts stored by Baara are canonical; anything else is a bug upstream, not user input. */
export function storedAmount(text: string, currency: CurrencyCode): Minor {
  const parsed = parseAmount(text, currency);
  if (!parsed.ok) throw new RangeError(`Stored amount "${text}" is not a valid ${currency} amount`);
  return parsed.value;
}

/** Quantity × unit cost, or null when either is missing. */
export function expectedLineAmount<L extends LineFigures>(line: L, currency: CurrencyCode): Minor | null {
  if (line.quantity === null || line.unitCost === null) return null;
  const quantity = parseQuantity(line.quantity);
  if (!quantity.ok) throw new RangeError(`Stored quantity "${line.quantity}" is not valid`);
  return lineAmount(storedAmount(line.unitCost, currency), quantity.value);
}

/** The amount a line counts for: the declared one when present, else quantity × unit cost, else 0. */
export function effectiveLineAmount<L extends LineFigures>(line: L, currency: CurrencyCode): Minor {
  if (line.amount !== null) return storedAmount(line.amount, currency);
  return expectedLineAmount(line, currency) ?? 0;
}

/**
 * Whether a line's amount is just quantity × unit cost (none declared, or a
 * declared one equal to the product). Such an amount follows a new quantity or
 * unit cost, as a spreadsheet formula would; a real override stays, flagged.
 */
export function amountFollowsProduct<L extends LineFigures>(line: L, currency: CurrencyCode): boolean {
  if (line.amount === null) return true;
  const expected = expectedLineAmount(line, currency);
  return expected !== null && expected === storedAmount(line.amount, currency);
}
