// The plan grid's columns: what each cell shows, which rows it edits, and the
// cell editor. Widths are the defaults a 1 366-pixel screen shows whole; a
// person's own widths (resized by dragging a header's edge) replace them.
import { Badge, Tooltip } from "@mantine/core";
import { TEXT_LIMITS } from "@baara/core";
import type { TFunction } from "i18next";
import type { Column, RenderEditCellProps } from "react-data-grid";
import { useTranslation } from "react-i18next";
import type { Finding } from "../api/types.ts";
import { helpHref } from "../help/glossary.ts";
import { type Formatter, useFormat } from "../ui/format.ts";
import { type GridRow, targetOf } from "./plan-model.ts";
import { cellText } from "./range.ts";

export type Row = GridRow & { draft?: string };

/** Default widths, in pixels: together about 1 320, the grid's width on a 1 366 × 768 laptop. */
export const DEFAULT_WIDTHS: Record<string, number> = {
  code: 90,
  label: 275,
  indicator: 135,
  deadline: 95,
  quantity: 70,
  unitCost: 105,
  // Nine digits and the « ≠ » of a sub-total that disagrees with its source.
  amount: 145,
  account: 100,
  fund: 85,
  responsible: 120,
  checks: 95,
};

/** What the editor starts from: the stored text, and for an amount the declared one (empty when computed). */
export function rawValue(row: GridRow, key: string): string {
  if (key === "amount") return row.kind === "line" ? (row.line.amount ?? "") : "";
  return row.kind === "node" ? "" : cellText(row, key);
}

/** The longest text each column's field accepts (the API's limits): typing stops there instead of being refused after. */
const CELL_LIMITS: Record<string, number> = {
  code: 40,
  label: TEXT_LIMITS.activityTitle,
  indicator: 2000,
  account: 40,
  fund: 40,
  responsible: 500,
  quantity: 40,
  unitCost: 40,
  amount: 40,
};

function TextEditor({ row, column, onRowChange, onClose }: RenderEditCellProps<Row>) {
  return (
    <input
      className="rdg-text-editor"
      aria-label={typeof column.name === "string" ? column.name : column.key}
      autoFocus
      maxLength={CELL_LIMITS[column.key] ?? 2000}
      defaultValue={row.draft ?? rawValue(row, column.key)}
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => onRowChange({ ...row, draft: e.currentTarget.value })}
      onBlur={() => onClose(true, false)}
    />
  );
}

export interface ColumnOptions {
  t: TFunction;
  format: Formatter;
  currency: string;
  editable: boolean;
  collapsed: ReadonlySet<string>;
  onToggle: (nodeId: string) => void;
  findings: Map<string, Finding[]>;
  /** Narrow screens freeze the code column only, so that the others scroll into view. */
  narrow: boolean;
}

export function planColumns(o: ColumnOptions): Column<Row>[] {
  const { t, format, currency, editable, collapsed, onToggle, findings } = o;
  const lineEditable = (row: Row) => editable && row.kind === "line";
  const activityEditable = (row: Row) => editable && row.kind === "activity";
  const base = (key: string, name: string): Pick<Column<Row>, "key" | "name" | "width" | "resizable"> => ({
    key,
    name,
    width: key === "label" && o.narrow ? 200 : DEFAULT_WIDTHS[key],
    resizable: true,
  });
  const text = (key: string, name: string, editableFor: (row: Row) => boolean): Column<Row> => ({
    ...base(key, name),
    editable: editableFor,
    renderEditCell: TextEditor,
    renderCell: ({ row }) => (
      <span className="wrap" title={rawValue(row, key)}>
        {rawValue(row, key)}
      </span>
    ),
  });
  const number = (key: "quantity" | "unitCost", name: string): Column<Row> => ({
    ...base(key, name),
    cellClass: "num",
    headerCellClass: "num",
    editable: lineEditable,
    renderEditCell: TextEditor,
    renderCell: ({ row }) =>
      row.kind === "line" ? (key === "quantity" ? format.number(row.line.quantity) : format.amount(row.line.unitCost, currency)) : null,
  });
  return [
    {
      ...base("code", t("plan.col.code")),
      frozen: true,
      editable: activityEditable,
      renderEditCell: TextEditor,
      renderCell: ({ row, tabIndex }) => {
        if (row.kind !== "node") return rawValue(row, "code");
        const open = !collapsed.has(row.id);
        return (
          <span className="code-cell" style={{ paddingInlineStart: row.depth * 8 }}>
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
    {
      ...text("label", t("plan.col.label"), (row) => lineEditable(row) || activityEditable(row)),
      frozen: !o.narrow,
      renderCell: ({ row }) => {
        const label = row.kind === "node" ? row.node.title : rawValue(row, "label");
        return (
          <span className={`label wrap depth-${row.depth}`} style={{ paddingInlineStart: row.depth * LABEL_INDENT }} title={label}>
            {row.kind === "node" && <span className="level">{`${row.node.levelLabel} · `}</span>}
            {label}
          </span>
        );
      },
    },
    text("indicator", t("plan.col.indicator"), activityEditable),
    {
      ...base("deadline", t("plan.col.deadline")),
      renderCell: ({ row }) =>
        row.kind === "activity" ? <span className="wrap">{row.activity.deadlineText ?? format.date(row.activity.deadline)}</span> : null,
    },
    number("quantity", t("plan.col.quantity")),
    number("unitCost", t("plan.col.unitCost")),
    {
      ...base("amount", t("plan.col.amount")),
      cellClass: (row) => `num amount-${row.kind}${findings.has(targetOf(row)) ? " has-finding" : ""}`,
      headerCellClass: "num",
      editable: lineEditable,
      renderEditCell: TextEditor,
      renderCell: ({ row }) => <AmountCell row={row} currency={currency} />,
    },
    text("account", t("plan.col.account"), lineEditable),
    text("fund", t("plan.col.fund"), lineEditable),
    text("responsible", t("plan.col.responsible"), activityEditable),
    {
      ...base("checks", t("plan.col.checks")),
      renderCell: ({ row }) => {
        const list = findings.get(targetOf(row));
        if (!list) return null;
        const text = list.map((f) => f.message).join("\n");
        return (
          <Tooltip label={text} multiline w={360}>
            <Badge color={list.some((f) => f.severity === "error") ? "red" : "orange"} variant="light" c="dark.7" aria-label={text}>
              {`⚠ ${list.length}`}
            </Badge>
          </Tooltip>
        );
      },
    },
  ];
}

/** Pixels each level of the tree indents a label by. */
export const LABEL_INDENT = 12;

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
          <Badge
            component="a"
            href={helpHref("typed")}
            target="_blank"
            rel="noopener"
            color="orange"
            size="xs"
            mr={4}
            variant="light"
            c="dark.7"
            style={{ cursor: "help" }}
          >
            {t("plan.overrideBadge")}
          </Badge>
        </Tooltip>
      )}
      {format.amount(row.amount, currency)}
    </span>
  );
}
