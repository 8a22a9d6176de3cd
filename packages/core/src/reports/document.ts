// What a generated report is made of, whatever it is written to: the Word and
// PDF writers lay out every block, the Excel writer puts each table on a sheet
// of its own. Templates build this from a snapshot of the figures and the
// report's narrative; no writer computes a figure.
import type { CurrencyCode } from "../money.ts";

/** A table cell: text, or an exact figure with the text it is shown as. */
export type ReportCell =
  | string
  | {
    text: string;
    /** The figure itself, as an exact decimal string (major units for money): what a spreadsheet cell holds. */
    value: string;
    kind: "amount" | "rate" | "count" | "number";
    currency?: CurrencyCode;
  };

export interface ReportColumn {
  header: string;
  /** Share of the table's width, in per cent. */
  width: number;
  align?: "left" | "right" | "center";
}

export interface ReportRow {
  cells: ReportCell[];
  /** A group heading (an output, an objective), a sub-total or a total: written bold. */
  style?: "group" | "subtotal" | "total";
  /** How many columns the first cell spans (a group heading across the table). */
  span?: number;
}

export type ReportBlock =
  | { kind: "title"; text: string }
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | { kind: "paragraph"; text: string; bold?: boolean; italic?: boolean }
  /** A narrative field as its writer left it (lines starting « - » are bullets); `label` is its question when the form shows one. */
  | { kind: "narrative"; field: string; label?: string; text: string }
  /** Label and value pairs: an identity block. */
  | { kind: "fields"; rows: [string, string][] }
  | {
    kind: "table";
    /** The sheet the Excel writer puts it on (31 characters at most, unique in the report). */
    sheet: string;
    caption?: string;
    columns: ReportColumn[];
    rows: ReportRow[];
  };

export interface ReportSection {
  /** Wide tables go into a landscape section of their own. */
  landscape?: boolean;
  blocks: ReportBlock[];
}

export interface ReportDocument {
  title: string;
  /** The file name without extension. */
  fileStem: string;
  sections: ReportSection[];
}

/** A figure cell. */
export const figureCell = (
  text: string,
  value: string,
  kind: "amount" | "rate" | "count" | "number",
  currency?: CurrencyCode,
): ReportCell => ({ text, value, kind, ...(currency ? { currency } : {}) });

export const reportCellText = (cell: ReportCell): string => (typeof cell === "string" ? cell : cell.text);

/** Every table of a document, in order. */
export function reportTables(document: ReportDocument): Extract<ReportBlock, { kind: "table" }>[] {
  return document.sections.flatMap((s) =>
    s.blocks.filter((b): b is Extract<ReportBlock, { kind: "table" }> => b.kind === "table"),
  );
}

/** The document's running text, one block per line: what the document checker reads back. */
export function reportText(document: ReportDocument): string {
  const lines: string[] = [];
  for (const section of document.sections)
    for (const block of section.blocks) {
      if (block.kind === "table") {
        if (block.caption) lines.push(block.caption);
        lines.push(block.columns.map((c) => c.header).join("\t"));
        for (const row of block.rows) lines.push(row.cells.map(reportCellText).join("\t"));
      } else if (block.kind === "fields") lines.push(...block.rows.map(([label, value]) => `${label} : ${value}`));
      else if (block.kind === "narrative") {
        if (block.label) lines.push(block.label);
        lines.push(block.text);
      } else lines.push(block.text);
    }
  return lines.join("\n");
}
