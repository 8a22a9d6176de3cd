// A rectangular selection in the plan grid (shift+click, shift+arrows), and
// the tab-separated text Excel expects when it is copied.
import { type CurrencyCode, formatAmountDecimal } from "@baara/core";
import type { GridRow } from "./plan-model.ts";

export interface Position {
  rowIdx: number;
  idx: number;
}

export interface Range {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export function rangeOf(anchor: Position | null, active: Position | null): Range | null {
  if (!anchor || !active) return null;
  return {
    top: Math.min(anchor.rowIdx, active.rowIdx),
    bottom: Math.max(anchor.rowIdx, active.rowIdx),
    left: Math.min(anchor.idx, active.idx),
    right: Math.max(anchor.idx, active.idx),
  };
}

export function inRange(range: Range | null, rowIdx: number, idx: number): boolean {
  return range !== null && rowIdx >= range.top && rowIdx <= range.bottom && idx >= range.left && idx <= range.right;
}

/** The columns of the plan grid, in order. */
export const GRID_KEYS = ["code", "label", "indicator", "deadline", "quantity", "unitCost", "amount", "account", "fund", "responsible"];

/** A cell's text as stored (raw numbers, no grouping); amounts are left to `cellValue`. */
export function cellText(row: GridRow, key: string): string {
  switch (key) {
    case "code":
      return row.kind === "node" ? row.node.code : row.kind === "activity" ? (row.activity.code ?? "") : "";
    case "label":
      return row.kind === "node" ? row.node.title : row.kind === "activity" ? row.activity.title : (row.line.description ?? "");
    case "indicator":
      return row.kind === "activity" ? (row.activity.outputIndicator ?? "") : "";
    case "deadline":
      return row.kind === "activity" ? (row.activity.deadlineText ?? row.activity.deadline ?? "") : "";
    case "quantity":
      return row.kind === "line" ? (row.line.quantity ?? "") : "";
    case "unitCost":
      return row.kind === "line" ? (row.line.unitCost ?? "") : "";
    case "account":
      return row.kind === "line" ? (row.line.accountCode ?? "") : "";
    case "fund":
      return row.kind === "line" ? (row.line.fundCode ?? "") : "";
    case "responsible":
      return row.kind === "activity" ? (row.activity.responsible ?? "") : "";
    default:
      return "";
  }
}

/** A cell's value as Excel should receive it: the amount a row counts for, other cells as stored. */
export function cellValue(row: GridRow, key: string, currency: CurrencyCode): string {
  if (key !== "amount") return cellText(row, key);
  return formatAmountDecimal(row.kind === "node" ? row.computed : row.kind === "activity" ? row.total : row.amount, currency);
}

/** Rows × columns of the range as tab-separated text; tabs and line breaks inside a cell become spaces. */
export function rangeText(rows: GridRow[], keys: string[], range: Range, currency: CurrencyCode): string {
  const lines: string[] = [];
  for (let r = range.top; r <= range.bottom; r++) {
    const row = rows[r];
    if (!row) continue;
    const cells = keys.slice(range.left, range.right + 1).map((key) => cellValue(row, key, currency).replace(/[\t\r\n]+/g, " "));
    lines.push(cells.join("\t"));
  }
  return lines.join("\n");
}

/** The whole grid, for "copy the grid". */
export function gridText(rows: GridRow[], currency: CurrencyCode): string {
  return rangeText(rows, GRID_KEYS, { top: 0, bottom: rows.length - 1, left: 0, right: GRID_KEYS.length - 1 }, currency);
}
