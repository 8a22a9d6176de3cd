import "react-data-grid/lib/styles.css";
import "./grid.css";
import { amountFollowsProduct, type CurrencyCode, type PlanNumberField, readPlanNumberCell } from "@baara/core";
import { useMediaQuery } from "@mantine/hooks";
import { type ClipboardEvent, type KeyboardEvent, type RefObject, useMemo, useRef, useState } from "react";
import { type Column, DataGrid, type DataGridHandle } from "react-data-grid";
import { useTranslation } from "react-i18next";
import type { Finding } from "../api/types.ts";
import { useSession } from "../auth/session.tsx";
import { useFormat } from "../ui/format.ts";
import { DEFAULT_WIDTHS, planColumns, type Row } from "./grid-columns.tsx";
import { useColumnWidths, useRowHeight } from "./grid-layout.ts";
import { LINE_FIELDS, NUMERIC, parseClipboard, type PasteProblem, pasteEdits } from "./grid-paste.ts";
import { findingsByTarget, type GridRow } from "./plan-model.ts";
import { cellValue, inRange, type Position, rangeOf, rangeText } from "./range.ts";
import type { LineChanges, PlanEditor } from "./use-plan-editor.ts";

const ACTIVITY_FIELDS = { code: "code", label: "title", indicator: "outputIndicator", responsible: "responsible" } as const;

export interface PlanGridProps {
  rows: GridRow[];
  currency: string;
  editable: boolean;
  findings: Finding[];
  collapsed: ReadonlySet<string>;
  onToggle: (nodeId: string) => void;
  editor: PlanEditor;
  gridRef: RefObject<DataGridHandle | null>;
  onActiveRowChange: (row: GridRow | null) => void;
}

export function PlanGrid(props: PlanGridProps) {
  const { rows, currency, editable, editor, collapsed, onToggle } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const { user } = useSession();
  const narrow = useMediaQuery("(max-width: 48em)") ?? false;
  const [active, setActive] = useState<Position | null>(null);
  const [anchor, setAnchor] = useState<Position | null>(null);
  const shiftHeld = useRef(false);
  const range = rangeOf(anchor, active);
  const findings = useMemo(() => findingsByTarget(props.findings), [props.findings]);
  const [widths, setWidths] = useColumnWidths(user?.id);
  const rowHeight = useRowHeight(widths, narrow ? 200 : (DEFAULT_WIDTHS.label ?? 280));

  const columns = useMemo(
    () => planColumns({ t, format, currency, editable, collapsed, onToggle, findings, narrow }),
    [t, format, currency, editable, collapsed, onToggle, findings, narrow],
  );
  const keys = useMemo(() => columns.map((c) => c.key), [columns]);

  // The selected block is drawn by adding a class to the cells it covers.
  const rowIndex = useMemo(() => new Map(rows.map((row, i) => [row.key, i])), [rows]);
  const shownColumns = useMemo(
    () =>
      columns.map((column, idx): Column<Row> => ({
        ...column,
        cellClass: (row) => {
          const base = typeof column.cellClass === "function" ? column.cellClass(row) : column.cellClass;
          return inRange(range, rowIndex.get(row.key) ?? -1, idx) ? `${base ?? ""} in-range` : base;
        },
      })),
    [columns, range, rowIndex],
  );

  function columnName(key: string | null): string {
    const column = columns.find((c) => c.key === key);
    return typeof column?.name === "string" ? column.name : (key ?? "?");
  }

  /** Says why a typed or pasted number is refused: the cell keeps its value, nothing reaches the totals. */
  function refuseNumber(key: string, value: string, reason: string): void {
    editor.setMessage({ text: t(`plan.cellRefused.${reason}`, { value, column: columnName(key), currency }), tone: "error" });
  }

  function commit(row: Row, key: string, text: string): void {
    const value = text.trim();
    if (row.kind === "line" && LINE_FIELDS[key]) {
      const field = LINE_FIELDS[key];
      let next: string | null = value === "" ? null : value;
      if (NUMERIC.has(key) && next !== null) {
        const read = readPlanNumberCell(key as PlanNumberField, next, currency as CurrencyCode);
        if (!read.ok) return refuseNumber(key, next, read.reason);
        next = read.value;
      }
      if ((row.line[field] ?? null) === next) return;
      const changes: LineChanges = { [field]: next };
      // An amount that was only quantity × unit cost follows the new product; a real override stays (flagged).
      if ((key === "quantity" || key === "unitCost") && amountFollowsProduct({ ...row.line, activityId: row.activity.id }, currency as CurrencyCode)) {
        changes.amount = null;
      }
      void editor.editLine(row.id, changes);
    } else if (row.kind === "activity") {
      const field = ACTIVITY_FIELDS[key as keyof typeof ACTIVITY_FIELDS];
      if (!field) return;
      const next = value === "" && field !== "title" ? null : value;
      if ((row.activity[field] ?? null) !== next && next !== "") void editor.editActivity(row.id, { [field]: next });
    }
  }

  function pasteProblem(problem: PasteProblem): string {
    if (problem.kind === "outside") return t("plan.pasteOutside", { row: problem.row });
    if (problem.kind === "column") return t("plan.pasteColumn", { column: columnName(problem.key) });
    return t(`plan.cellRefused.${problem.reason}`, { value: problem.value, column: columnName(problem.key), currency });
  }

  /** A block copied from Excel lands on the selected cell or range, on budget lines only, in one undoable step. */
  function onPaste(event: ClipboardEvent<HTMLDivElement>) {
    if (!editable || !active || (event.target as HTMLElement).tagName === "INPUT") return;
    event.preventDefault();
    event.stopPropagation();
    const block = parseClipboard(event.clipboardData.getData("text/plain"));
    const outcome = pasteEdits(block, { rows, keys, active, range, currency: currency as CurrencyCode });
    if (!outcome.ok) return editor.setMessage({ text: pasteProblem(outcome.problem), tone: "error" });
    void editor.editLines(outcome.edits).then((ok) => ok && editor.setMessage({ text: t("plan.pasted", { count: outcome.cells }), tone: "info" }));
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    shiftHeld.current = event.shiftKey;
    if (event.key === "Escape") setAnchor(null);
    const inInput = (event.target as HTMLElement).tagName === "INPUT";
    if (!inInput && (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "z") {
      event.preventDefault();
      void editor.undo().then((done) => editor.setMessage({ text: t(done ? "plan.undone" : "plan.nothingToUndo"), tone: "info" }));
    }
  }

  return (
    <div onPasteCapture={onPaste} onKeyDownCapture={onKeyDown} onKeyUpCapture={(event) => (shiftHeld.current = event.shiftKey)} className="plan-grid">
      <DataGrid
        ref={props.gridRef}
        aria-label={t("plan.grid")}
        columns={shownColumns}
        rows={rows as Row[]}
        rowKeyGetter={(row) => row.key}
        rowHeight={rowHeight}
        columnWidths={widths}
        onColumnWidthsChange={setWidths}
        className="rdg-light"
        style={{ blockSize: "calc(100vh - 300px)", minBlockSize: 360 }}
        rowClass={(row) => `row-${row.kind} depth-${row.depth}`}
        onCellMouseDown={(_args, event) => {
          shiftHeld.current = event.shiftKey;
        }}
        onActivePositionChange={({ rowIdx, column, row }) => {
          const next = column ? { rowIdx, idx: column.idx } : null;
          // Shift extends a block from where the selection started; anything else starts afresh.
          setAnchor(shiftHeld.current ? (anchor ?? active) : null);
          setActive(next);
          props.onActiveRowChange(row ?? null);
        }}
        onRowsChange={(next, { indexes, column }) => {
          for (const index of indexes) {
            const row = next[index];
            if (row?.draft !== undefined) commit(row, column.key, row.draft);
          }
        }}
        onCellKeyDown={({ row, column, mode }, event) => {
          if (mode !== "ACTIVE") return;
          // Ctrl+V (Cmd+V) pastes a block: the grid must not open the cell's editor, where the browser would paste the raw text.
          if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "v") {
            event.preventGridDefault();
            return;
          }
          if (row?.kind === "node" && column?.key === "code" && (event.key === "Enter" || event.key === " ")) {
            event.preventGridDefault();
            onToggle(row.id);
          }
        }}
        onCellCopy={({ row, column }, event) => {
          const code = currency as CurrencyCode;
          const text = range ? rangeText(rows, keys, range, code) : cellValue(row, column.key, code);
          event.clipboardData.setData("text/plain", text);
          event.preventDefault();
        }}
      />
    </div>
  );
}
