// How the plan grid is laid out for the person using it: the column widths
// they dragged (kept per user in this browser), and rows tall enough for long
// titles to wrap onto two or three lines instead of being cut.
import { useCallback, useMemo, useState } from "react";
import type { ColumnWidths } from "react-data-grid";
import { DEFAULT_WIDTHS, LABEL_INDENT } from "./grid-columns.tsx";
import type { GridRow } from "./plan-model.ts";

const STORAGE_PREFIX = "baara.planGrid.widths.";

function storedWidths(userId: string | undefined): ColumnWidths {
  if (!userId || typeof localStorage === "undefined") return new Map();
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_PREFIX + userId) ?? "{}") as Record<string, unknown>;
    const entries = Object.entries(saved).filter((e): e is [string, number] => typeof e[1] === "number" && e[1] >= 40 && e[1] <= 2000);
    return new Map(entries.map(([key, width]) => [key, { type: "resized" as const, width }]));
  } catch {
    return new Map();
  }
}

/** The widths a person gave the columns, remembered per user in this browser. */
export function useColumnWidths(userId: string | undefined): [ColumnWidths, (widths: ColumnWidths) => void] {
  const [widths, setWidths] = useState<ColumnWidths>(() => storedWidths(userId));
  const change = useCallback(
    (next: ColumnWidths) => {
      setWidths(next);
      if (!userId) return;
      const resized = Object.fromEntries([...next].filter(([, w]) => w.type === "resized").map(([key, w]) => [key, Math.round(w.width)]));
      localStorage.setItem(STORAGE_PREFIX + userId, JSON.stringify(resized));
    },
    [userId],
  );
  return [widths, change];
}

export const ROW_HEIGHT = 34;
const LINE_HEIGHT = 17;
/** Lines a title may take: a group's (its full title is on the project's page) fewer than an activity's or a line's. */
const MAX_LINES = { node: 2, activity: 3, line: 3 } as const;
/** A cell's horizontal padding, both sides, and a little slack for the browser's rounding. */
const PADDING = 20;

let context: CanvasRenderingContext2D | null | undefined;

/** The lines a text takes at a width, words wrapped as the browser wraps them (a word longer than a line is broken). */
function wrappedLines(text: string, width: number, weight: number): number {
  context ??= typeof document === "undefined" ? null : document.createElement("canvas").getContext("2d");
  const measure = (part: string) => (context ? context.measureText(part).width : part.length * 7.5);
  if (context) context.font = `${weight} 13px ${getComputedStyle(document.body).fontFamily}`;
  const space = measure(" ");
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const size = measure(word);
    if (used > 0 && used + space + size > width) {
      lines++;
      used = 0;
    }
    if (size > width) {
      lines += Math.floor(size / width);
      used = size % width;
    } else used += (used > 0 ? space : 0) + size;
  }
  return lines;
}

/** Each row's height: enough lines for its title (and its activity's indicator) at the columns' current widths, within MAX_LINES. */
export function useRowHeight(widths: ColumnWidths, labelWidth: number): (row: GridRow) => number {
  const label = widths.get("label")?.width ?? labelWidth;
  const indicator = widths.get("indicator")?.width ?? DEFAULT_WIDTHS.indicator ?? 160;
  return useMemo(() => {
    const cache = new Map<string, number>();
    const lines = (text: string, width: number, weight: number) => {
      if (!text) return 1;
      const key = `${weight}:${width}:${text}`;
      let found = cache.get(key);
      if (found === undefined) {
        found = wrappedLines(text, Math.max(40, width - PADDING), weight);
        cache.set(key, found);
      }
      return found;
    };
    return (row: GridRow) => {
      const indent = row.depth * LABEL_INDENT;
      const count =
        row.kind === "node"
          ? lines(`${row.node.levelLabel} · ${row.node.title}`, label - indent, 700)
          : row.kind === "activity"
            ? Math.max(lines(row.activity.title, label - indent, 600), lines(row.activity.outputIndicator ?? "", indicator, 600))
            : lines(row.line.description ?? "", label - indent, 400);
      return ROW_HEIGHT + (Math.min(count, MAX_LINES[row.kind]) - 1) * LINE_HEIGHT;
    };
  }, [label, indicator]);
}
