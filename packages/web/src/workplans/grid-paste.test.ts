import { describe, expect, it } from "vitest";
import type { Activity, BudgetLine } from "../api/types.ts";
import { parseClipboard, pasteEdits, type PasteTarget } from "./grid-paste.ts";
import type { GridRow } from "./plan-model.ts";
import { GRID_KEYS } from "./range.ts";

const activity = { id: "a", title: "Atelier" } as Activity;
const line = (id: string, quantity = "1", unitCost = "1000", amount: string | null = null): GridRow => ({
  kind: "line",
  key: `l:${id}`,
  id,
  depth: 1,
  activity,
  line: { id, description: `Ligne ${id}`, quantity, unitCost, amount } as BudgetLine,
  amount: 0,
  index: 0,
});
const rows: GridRow[] = [
  { kind: "activity", key: "a:a", id: "a", depth: 0, activity, total: 0 },
  line("1"),
  line("2"),
  line("3", "2", "500", "999"),
];
const QTY = GRID_KEYS.indexOf("quantity");
const target = (over: Partial<PasteTarget> = {}): PasteTarget => ({
  rows,
  keys: GRID_KEYS,
  active: { rowIdx: 1, idx: QTY },
  range: null,
  currency: "XOF",
  ...over,
});

describe("pasting a block copied from Excel", () => {
  it("reads Excel's clipboard text: tabs, lines, a quoted cell with a line break", () => {
    expect(parseClipboard("7\t1000\r\n8\t2 000\r\n")).toEqual([["7", "1000"], ["8", "2 000"]]);
    expect(parseClipboard("\"Atelier\nde lancement\"\t3\n\"un \"\"mot\"\"\"\t4")).toEqual([["Atelier\nde lancement", "3"], ["un \"mot\"", "4"]]);
    expect(parseClipboard("seul")).toEqual([["seul"]]);
  });

  it("spreads the block rightwards and downwards from the selected cell; a computed amount follows the product", () => {
    const outcome = pasteEdits([["7", "1 000"], ["8", "2 000 FCFA"]], target());
    expect(outcome).toEqual({
      ok: true,
      cells: 4,
      edits: [
        { id: "1", changes: { quantity: "7", unitCost: "1000", amount: null } },
        { id: "2", changes: { quantity: "8", unitCost: "2000", amount: null } },
      ],
    });
  });

  it("keeps a declared amount that differs from the product (it stays flagged)", () => {
    const outcome = pasteEdits([["5"]], target({ active: { rowIdx: 3, idx: QTY } }));
    expect(outcome).toEqual({ ok: true, cells: 1, edits: [{ id: "3", changes: { quantity: "5" } }] });
  });

  it("starts at the top left of a selected range, and fills a range it fits a whole number of times", () => {
    const range = { top: 1, bottom: 3, left: QTY, right: QTY };
    const filled = pasteEdits([["4"]], target({ active: { rowIdx: 3, idx: QTY }, range }));
    expect(filled.ok && filled.edits.map((e) => [e.id, e.changes.quantity])).toEqual([["1", "4"], ["2", "4"], ["3", "4"]]);
    const placed = pasteEdits([["4", "10"], ["5", "20"]], target({ active: { rowIdx: 3, idx: QTY }, range }));
    expect(placed.ok && placed.edits.map((e) => [e.id, e.changes.quantity, e.changes.unitCost])).toEqual([["1", "4", "10"], ["2", "5", "20"]]);
  });

  it("changes nothing when the block runs off the lines, into a column that takes no paste, or holds a bad number", () => {
    expect(pasteEdits([["1"], ["2"], ["3"], ["4"]], target())).toEqual({ ok: false, problem: { kind: "outside", row: 5 } });
    expect(pasteEdits([["1"]], target({ active: { rowIdx: 0, idx: QTY } }))).toEqual({ ok: false, problem: { kind: "outside", row: 1 } });
    const deadline = GRID_KEYS.indexOf("deadline");
    expect(pasteEdits([["mars"]], target({ active: { rowIdx: 1, idx: deadline } }))).toEqual({ ok: false, problem: { kind: "column", key: "deadline" } });
    expect(pasteEdits([["7", "-3"]], target())).toEqual({
      ok: false,
      problem: { kind: "number", key: "unitCost", value: "-3", reason: "negative" },
    });
  });
});
