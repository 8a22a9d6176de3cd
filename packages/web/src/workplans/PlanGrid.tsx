import "react-data-grid/lib/styles.css";
import "./grid.css";
import { amountFollowsProduct, type CurrencyCode, type PlanNumberField, readPlanNumberCell } from "@baara/core";
import { Badge, Tooltip } from "@mantine/core";
import { type ClipboardEvent, type KeyboardEvent, type RefObject, useMemo, useRef, useState } from "react";
import { type Column, DataGrid, type DataGridHandle, type RenderEditCellProps } from "react-data-grid";
import { useTranslation } from "react-i18next";
import { helpHref } from "../help/glossary.ts";
import type { Finding } from "../api/types.ts";
import { useFormat } from "../ui/format.ts";
import { findingsByTarget, type GridRow, targetOf } from "./plan-model.ts";
import { cellText, cellValue, inRange, type Position, rangeOf, rangeText } from "./range.ts";
import type { LineChanges, PlanEditor } from "./use-plan-editor.ts";

type Row = GridRow & { draft?: string };

/** Line fields a user types and pastes; numbers are read the way the import reads cells. */
const LINE_FIELDS: Record<string, keyof LineChanges> = {
  label: "description",
  quantity: "quantity",
  unitCost: "unitCost",
  amount: "amount",
  account: "accountCode",
  fund: "fundCode",
};
const NUMERIC = new Set(["quantity", "unitCost", "amount"]);
const ACTIVITY_FIELDS = { code: "code", label: "title", indicator: "outputIndicator", responsible: "responsible" } as const;

/** What the editor starts from: the stored text, and for an amount the declared one (empty when computed). */
function rawValue(row: GridRow, key: string): string {
  if (key === "amount") return row.kind === "line" ? (row.line.amount ?? "") : "";
  return row.kind === "node" ? "" : cellText(row, key);
}

function TextEditor({ row, column, onRowChange, onClose }: RenderEditCellProps<Row>) {
  return (
    <input
      className="rdg-text-editor"
      aria-label={typeof column.name === "string" ? column.name : column.key}
      autoFocus
      defaultValue={row.draft ?? rawValue(row, column.key)}
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => onRowChange({ ...row, draft: e.currentTarget.value })}
      onBlur={() => onClose(true, false)}
    />
  );
}

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
  const [active, setActive] = useState<Position | null>(null);
  const [anchor, setAnchor] = useState<Position | null>(null);
  const shiftHeld = useRef(false);
  const range = rangeOf(anchor, active);
  const findings = useMemo(() => findingsByTarget(props.findings), [props.findings]);

  const columns = useMemo((): Column<Row>[] => {
    const lineEditable = (row: Row) => editable && row.kind === "line";
    const activityEditable = (row: Row) => editable && row.kind === "activity";
    type Editable = (row: Row) => boolean;
    type Extra = Partial<Column<Row>>;
    const text = (key: string, name: string, width: number, editableFor: Editable, extra: Extra = {}): Column<Row> => ({
      key,
      name,
      width,
      resizable: true,
      editable: editableFor,
      renderEditCell: TextEditor,
      renderCell: ({ row }) => <span title={rawValue(row, key)}>{rawValue(row, key)}</span>,
      ...extra,
    });
    const number = (key: "quantity" | "unitCost", name: string): Column<Row> => ({
      key,
      name,
      width: key === "quantity" ? 80 : 115,
      cellClass: "num",
      headerCellClass: "num",
      editable: lineEditable,
      renderEditCell: TextEditor,
      renderCell: ({ row }) =>
        row.kind === "line"
          ? key === "quantity"
            ? format.number(row.line.quantity)
            : format.amount(row.line.unitCost, currency)
          : null,
    });
    return [
      {
        key: "code",
        name: t("plan.col.code"),
        width: 90,
        frozen: true,
        editable: activityEditable,
        renderEditCell: TextEditor,
        renderCell: ({ row, tabIndex }) => {
          if (row.kind !== "node") return rawValue(row, "code");
          const open = !collapsed.has(row.id);
          return (
            <span className="code-cell" style={{ paddingInlineStart: row.depth * 10 }}>
              {row.hasChildren && (
                <button
                  type="button"
                  className="toggle"
                  tabIndex={tabIndex}
                  aria-expanded={open}
                  aria-label={t(open ? "plan.collapse" : "plan.expand", { code: row.node.code })}
                  onClick={() => onToggle(row.id)}
                >
                  {open ? "▾" : "▸"}
                </button>
              )}
              {row.node.code}
            </span>
          );
        },
      },
      text("label", t("plan.col.label"), 300, (row) => lineEditable(row) || activityEditable(row), {
        frozen: true,
        renderCell: ({ row }) => {
          const label = row.kind === "node" ? row.node.title : rawValue(row, "label");
          return (
            <span className={`label depth-${row.depth}`} style={{ paddingInlineStart: row.depth * 12 }} title={label}>
              {row.kind === "node" && (
                <span className="level">
                  {row.node.levelLabel}
                  {" "}
                  ·
                  {" "}
                </span>
              )}
              {label}
            </span>
          );
        },
      }),
      text("indicator", t("plan.col.indicator"), 170, activityEditable),
      {
        key: "deadline",
        name: t("plan.col.deadline"),
        width: 100,
        renderCell: ({ row }) =>
          row.kind === "activity" ? (row.activity.deadlineText ?? format.date(row.activity.deadline)) : null,
      },
      number("quantity", t("plan.col.quantity")),
      number("unitCost", t("plan.col.unitCost")),
      {
        key: "amount",
        name: t("plan.col.amount"),
        width: 150,
        cellClass: (row) => {
          const flagged = findings.has(targetOf(row));
          return `num amount-${row.kind}${flagged ? " has-finding" : ""}`;
        },
        headerCellClass: "num",
        editable: lineEditable,
        renderEditCell: TextEditor,
        renderCell: ({ row }) => <AmountCell row={row} currency={currency} />,
      },
      text("account", t("plan.col.account"), 110, lineEditable),
      text("fund", t("plan.col.fund"), 100, lineEditable),
      text("responsible", t("plan.col.responsible"), 140, activityEditable),
      {
        key: "checks",
        name: t("plan.col.checks"),
        width: 90,
        renderCell: ({ row }) => {
          const list = findings.get(targetOf(row));
          if (!list) return null;
          return (
            <Tooltip label={list.map((f) => f.message).join("\n")} multiline w={360}>
              <Badge color={list.some((f) => f.severity === "error") ? "red" : "orange"} variant="filled" aria-label={list.map((f) => f.message).join(" ")}>
                {`⚠ ${list.length}`}
              </Badge>
            </Tooltip>
          );
        },
      },
    ];
  }, [t, format, currency, editable, collapsed, onToggle, findings]);

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

  function commit(row: Row, key: string, text: string): void {
    const value = text.trim();
    if (row.kind === "line" && LINE_FIELDS[key]) {
      const field = LINE_FIELDS[key];
      let next: string | null = value === "" ? null : value;
      if (NUMERIC.has(key) && next !== null) {
        const read = readNumber(key, next);
        if (read === undefined) return;
        next = read;
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

  /**
   * A typed or pasted number as it will be stored, or undefined after saying why it can't be: the cell keeps its
   * value, and nothing reaches the totals (a negative quantity used to blank the page).
   */
  function readNumber(key: string, text: string): string | null | undefined {
    const read = readPlanNumberCell(key as PlanNumberField, text, currency as CurrencyCode);
    if (read.ok) return read.value;
    editor.setMessage({ text: t(`plan.cellRefused.${read.reason}`, { value: text, column: columnName(key), currency }), tone: "error" });
    return undefined;
  }

  function columnName(key: string): string {
    const column = columns.find((c) => c.key === key);
    return typeof column?.name === "string" ? column.name : key;
  }

  /** A block copied from Excel lands from the active cell rightwards and downwards, on budget lines only. */
  function onPaste(event: ClipboardEvent<HTMLDivElement>) {
    if (!editable || !active || (event.target as HTMLElement).tagName === "INPUT") return;
    event.preventDefault();
    event.stopPropagation();
    const text = event.clipboardData.getData("text/plain").replace(/\r\n?/g, "\n").replace(/\n$/, "");
    const block = text.split("\n").map((line) => line.split("\t"));
    const edits = new Map<string, LineChanges>();
    let cells = 0;
    for (const [r, values] of block.entries()) {
      const row = rows[active.rowIdx + r];
      if (!row || row.kind !== "line") {
        editor.setMessage({ text: t("plan.pasteOutside", { row: active.rowIdx + r + 1 }), tone: "error" });
        return;
      }
      for (const [c, raw] of values.entries()) {
        const column = columns[active.idx + c];
        const field = column ? LINE_FIELDS[column.key] : undefined;
        if (!column || !field) {
          editor.setMessage({ text: t("plan.pasteColumn", { column: column ? columnName(column.key) : "?" }), tone: "error" });
          return;
        }
        let value: string | null = raw.trim() === "" ? null : raw.trim();
        if (NUMERIC.has(column.key) && value !== null) {
          const read = readNumber(column.key, value);
          if (read === undefined) return;
          value = read;
        }
        const changes: LineChanges = { ...edits.get(row.id), [field]: value };
        if ((field === "quantity" || field === "unitCost") && !("amount" in changes)
          && amountFollowsProduct({ ...row.line, activityId: row.activity.id }, currency as CurrencyCode)) {
          changes.amount = null;
        }
        edits.set(row.id, changes);
        cells++;
      }
    }
    void editor
      .editLines([...edits].map(([id, changes]) => ({ id, changes })))
      .then((ok) => ok && editor.setMessage({ text: t("plan.pasted", { count: cells }), tone: "info" }));
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
    <div
      onPasteCapture={onPaste}
      onKeyDownCapture={onKeyDown}
      onKeyUpCapture={(event) => (shiftHeld.current = event.shiftKey)}
      className="plan-grid"
    >
      <DataGrid
        ref={props.gridRef}
        aria-label={t("plan.grid")}
        columns={shownColumns}
        rows={rows as Row[]}
        rowKeyGetter={(row) => row.key}
        rowHeight={34}
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
          if (mode === "ACTIVE" && row?.kind === "node" && column?.key === "code" && (event.key === "Enter" || event.key === " ")) {
            event.preventGridDefault();
            onToggle(row.id);
          }
        }}
        onCellCopy={({ row, column }, event) => {
          const keys = columns.map((c) => c.key);
          const code = currency as CurrencyCode;
          const text = range ? rangeText(rows, keys, range, code) : cellValue(row, column.key, code);
          event.clipboardData.setData("text/plain", text);
          event.preventDefault();
        }}
      />
    </div>
  );
}

function AmountCell({ row, currency }: { row: GridRow; currency: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (row.kind === "node") {
    const mismatch = row.declared !== null && row.declared !== row.computed;
    return (
      <span>
        {mismatch && (
          <Tooltip label={t("plan.declared", { amount: format.money(row.declared, currency) })}>
            <Badge color="red" size="xs" mr={4}>
              ≠
            </Badge>
          </Tooltip>
        )}
        {format.amount(row.computed, currency)}
      </span>
    );
  }
  if (row.kind === "activity") return <span>{format.amount(row.total, currency)}</span>;
  const { line } = row;
  const override = line.amount !== null && line.computedAmount !== null && line.amount !== line.computedAmount;
  return (
    <span>
      {override && (
        <Tooltip label={`${t("plan.override", { computed: format.money(line.computedAmount, currency) })} ${t("help.badgeHint")}`}>
          <Badge component="a" href={helpHref("typed")} target="_blank" rel="noopener" color="orange" size="xs" mr={4} variant="light" c="dark.7" style={{ cursor: "help" }}>
            {t("plan.overrideBadge")}
          </Badge>
        </Tooltip>
      )}
      {format.amount(row.amount, currency)}
    </span>
  );
}
