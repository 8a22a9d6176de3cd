// A block of cells copied from Excel (tab-separated rows), spread over the
// plan grid from the selected cell or over the selected range, on budget
// lines only; all of it or nothing.
import { amountFollowsProduct, type CellRefusal, type CurrencyCode, type PlanNumberField, readPlanNumberCell } from "@baara/core";
import type { GridRow } from "./plan-model.ts";
import type { Position, Range } from "./range.ts";
import type { LineChanges } from "./use-plan-editor.ts";

/** Line fields a user types and pastes, by grid column. */
export const LINE_FIELDS: Record<string, keyof LineChanges> = {
  label: "description",
  quantity: "quantity",
  unitCost: "unitCost",
  amount: "amount",
  account: "accountCode",
  fund: "fundCode",
};
export const NUMERIC = new Set<string>(["quantity", "unitCost", "amount"]);

/**
 * Excel's clipboard text as rows of cells: tab-separated, one row a line, the last line break dropped; a cell holding
 * a line break or a tab comes quoted ("a""b" for a quote inside).
 */
export function parseClipboard(text: string): string[][] {
  const rows: string[][] = [[]];
  let cell = "";
  let quoted = false;
  const source = text.replace(/\r\n?/g, "\n").replace(/\n$/, "");
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (quoted) {
      if (char === "\"" && source[i + 1] === "\"") {
        cell += "\"";
        i++;
      } else if (char === "\"") quoted = false;
      else cell += char;
    } else if (char === "\"" && cell === "") quoted = true;
    else if (char === "\t") {
      rows[rows.length - 1]?.push(cell);
      cell = "";
    } else if (char === "\n") {
      rows[rows.length - 1]?.push(cell);
      rows.push([]);
      cell = "";
    } else cell += char;
  }
  rows[rows.length - 1]?.push(cell);
  return rows;
}

export type PasteProblem =
  | { kind: "outside"; row: number }
  | { kind: "column"; key: string | null }
  | { kind: "number"; key: string; value: string; reason: CellRefusal };

export type PasteOutcome =
  | { ok: true; edits: { id: string; changes: LineChanges }[]; cells: number }
  | { ok: false; problem: PasteProblem };

export interface PasteTarget {
  rows: readonly GridRow[];
  /** The grid's column keys, in order. */
  keys: readonly string[];
  /** The selected cell. */
  active: Position;
  /** The selected block, if any: the paste starts at its top left, and fills it when it holds the block a whole number of times. */
  range: Range | null;
  currency: CurrencyCode;
}

export function pasteEdits(block: string[][], target: PasteTarget): PasteOutcome {
  const height = block.length;
  const width = Math.max(...block.map((r) => r.length));
  const { range } = target;
  const origin = range ? { rowIdx: range.top, idx: range.left } : target.active;
  // Excel repeats a block over a selection it fits a whole number of times (one value over a whole column, too).
  const tiles = range && (range.bottom - range.top + 1) % height === 0 && (range.right - range.left + 1) % width === 0;
  const rowsToFill = tiles ? range.bottom - range.top + 1 : height;
  const columnsToFill = tiles ? range.right - range.left + 1 : width;
  const edits = new Map<string, LineChanges>();
  let cells = 0;
  for (let r = 0; r < rowsToFill; r++) {
    const values = block[r % height] ?? [];
    const row = target.rows[origin.rowIdx + r];
    if (!row || row.kind !== "line") return { ok: false, problem: { kind: "outside", row: origin.rowIdx + r + 1 } };
    for (let c = 0; c < columnsToFill; c++) {
      if (!tiles && c >= values.length) continue;
      const raw = (values[c % width] ?? "").trim();
      const key = target.keys[origin.idx + c] ?? null;
      const field = key ? LINE_FIELDS[key] : undefined;
      if (!key || !field) return { ok: false, problem: { kind: "column", key } };
      let value: string | null = raw === "" ? null : raw;
      if (NUMERIC.has(key) && value !== null) {
        const read = readPlanNumberCell(key as PlanNumberField, value, target.currency);
        if (!read.ok) return { ok: false, problem: { kind: "number", key, value: raw, reason: read.reason } };
        value = read.value;
      }
      const changes: LineChanges = { ...edits.get(row.id), [field]: value };
      // An amount that was only quantity × unit cost follows the new product; a real override stays (flagged).
      if ((field === "quantity" || field === "unitCost") && !("amount" in changes)
        && amountFollowsProduct({ ...row.line, activityId: row.activity.id }, target.currency)) {
        changes.amount = null;
      }
      edits.set(row.id, changes);
      cells++;
    }
  }
  return { ok: true, edits: [...edits].map(([id, changes]) => ({ id, changes })), cells };
}
