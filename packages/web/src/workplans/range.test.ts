import { describe, expect, it } from "vitest";
import type { Activity, BudgetLine } from "../api/types.ts";
import type { GridRow } from "./plan-model.ts";
import { inRange, rangeOf, rangeText } from "./range.ts";

const line = (id: string, description: string, quantity: string, unitCost: string, amount: number): GridRow => ({
  kind: "line",
  key: `l:${id}`,
  id,
  depth: 1,
  activity: { id: "a", title: "Atelier" } as Activity,
  line: { id, description, quantity, unitCost } as BudgetLine,
  amount,
  index: 0,
});

describe("grid range", () => {
  it("spans the anchor and the active cell in any direction", () => {
    const range = rangeOf({ rowIdx: 5, idx: 6 }, { rowIdx: 3, idx: 4 });
    expect(range).toEqual({ top: 3, bottom: 5, left: 4, right: 6 });
    expect(inRange(range, 4, 5)).toBe(true);
    expect(inRange(range, 6, 5)).toBe(false);
    expect(rangeOf(null, { rowIdx: 1, idx: 1 })).toBeNull();
  });

  it("copies raw values as tab-separated text, line breaks inside a cell flattened", () => {
    const rows = [line("1", "Atelier\nde lancement", "2", "15000000", 30_000_000), line("2", "Synthèse", "3000", "4000", 12_000_000)];
    const keys = ["code", "label", "indicator", "deadline", "quantity", "unitCost", "amount"];
    expect(rangeText(rows, keys, { top: 0, bottom: 1, left: 1, right: 6 }, "XOF")).toBe(
      "Atelier de lancement\t\t\t2\t15000000\t30000000\nSynthèse\t\t\t3000\t4000\t12000000",
    );
    expect(rangeText(rows, keys, { top: 1, bottom: 1, left: 6, right: 6 }, "USD")).toBe("120000.00");
  });
});
