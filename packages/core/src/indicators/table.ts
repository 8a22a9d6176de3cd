// Reading a donor's results table (the PBF progress report's: indicator,
// baseline, end-of-project target, milestone, current progress, reasons) from
// what people paste or upload: rows of an Excel sheet or a tab-separated
// paste, or a table copied out of Word, which comes as one cell per line.
import type { IndicatorLevel, IndicatorMeasure } from "../domain.ts";
import { type IndicatorCell, readIndicatorCell } from "./cell.ts";
import type { Dimension } from "./disaggregation.ts";
import { TEXT_LIMITS } from "../limits.ts";

export const TABLE_ROLES = ["indicator", "baseline", "target", "milestone", "current", "reason"] as const;
export type TableRole = (typeof TABLE_ROLES)[number];

export interface TableNode {
  code: string;
  title: string;
  level: Exclude<IndicatorLevel, "impact"> | "impact";
  /** The code of the node above it ("1" for "1.1"), when the table has it. */
  parentCode: string | null;
}

export interface TableIndicator {
  code: string;
  name: string;
  level: IndicatorLevel;
  nodeCode: string | null;
  measure: IndicatorMeasure;
  dimensions: Dimension[];
  baseline: string | null;
  baselineComment: string | null;
  endTarget: string | null;
  endTargetComment: string | null;
  /** The milestone of the report's year, or of the year the cell names ("50 au cours de 2021"). */
  milestone: { year: number; value: string | null; comment: string | null } | null;
  current: { value: string | null; breakdown: Record<string, string>; comment: string | null } | null;
  reason: string | null;
  /** 1-based row of the table (a line of a paste, a row of a sheet, a cell's position in a Word paste). */
  row: number;
}

export type TableFindingKind =
  "NO_HEADER" | "NO_INDICATOR" | "EMPTY_INDICATOR" | "NOT_A_FIGURE" | "DUPLICATE_CODE" | "NO_RESULT" | "TOO_LONG";
export interface TableFinding {
  kind: TableFindingKind;
  row: number;
  column: TableRole | null;
  text: string;
}

export interface ReadResultsTable {
  nodes: TableNode[];
  indicators: TableIndicator[];
  findings: TableFinding[];
}

const LABEL =
  /^(résultats?|resultats?|effets?|outcomes?|produits?|outputs?|extrants?|impacts?|indicateurs?|indicators?)\s*(?:n°\s*)?(\d+(?:\.\d+)*)\.?\s*[:.\-–]?\s*([\s\S]*)$/i;

/** What a label cell opens: "Résultat 1 …" an outcome, "Produit 1.1 …" an output, "Indicateur 1.1.1 …" an indicator. */
export function readLabel(text: string): { kind: IndicatorLevel | "indicator"; code: string; rest: string } | null {
  const m = LABEL.exec(clean(text));
  if (!m) return null;
  const word = m[1]!.toLowerCase();
  const kind = /^(?:indicat)/.test(word)
    ? "indicator"
    : /^(?:r[ée]sultat|effet|outcome)/.test(word)
      ? "outcome"
      : /^impact/.test(word)
        ? "impact"
        : "output";
  return { kind, code: m[2]!, rest: clean(m[3]!) };
}

/** Which column a header cell names; the more specific words first ("Progrès actuel de l'indicateur" is current progress). */
export function readHeader(text: string): TableRole | null {
  const t = clean(text).toLowerCase();
  if (t === "") return null;
  if (/étape|etape|milestone|jalon/.test(t)) return "milestone";
  if (/actuel|current|atteinte?|réalis|realis|achieved/.test(t)) return "current";
  if (/cible|target/.test(t)) return "target";
  if (/base|référence|reference/.test(t)) return "baseline";
  if (/raison|retard|écart|ecart|reason|variance|commentaire|observation/.test(t)) return "reason";
  if (/^(?:indicateurs?|indicators?|libellé|intitulé)/.test(t)) return "indicator";
  return null;
}

function clean(text: string): string {
  return text.replace(/[\s\u00a0\u2000-\u200b\u202f]+/g, " ").trim();
}

/** A paste as rows: tab-separated lines as they are; a Word table (one cell per line, each after a tab) put back in rows. */
export function pasteToRows(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const tabular = lines.filter((l) => (l.replace(/^\t/, "").match(/\t/g) ?? []).length >= 2).length;
  if (tabular >= 2) return lines.map((l) => l.split("\t"));
  return wordCellsToRows(wordCells(lines));
}

/** Word puts each cell of a copied table on a line of its own after a tab; lines without a tab continue the cell. */
function wordCells(lines: string[]): string[] {
  const cells: string[] = [];
  for (const line of lines) {
    if (line.startsWith("\t")) cells.push(line.slice(1));
    else if (cells.length > 0 && clean(line) !== "") cells[cells.length - 1] += `\n${line}`;
  }
  return cells;
}

/** The header row (indicator then its columns), then one row per label: a result alone, an indicator with as many cells as the header. */
function wordCellsToRows(cells: string[]): string[][] {
  const start = cells.findIndex((c, i) => readHeader(c) === "indicator" && readHeader(cells[i + 1] ?? "") !== null);
  if (start < 0) return [];
  let width = 1;
  while (start + width < cells.length && readHeader(cells[start + width]!) !== null && width <= TABLE_ROLES.length) width++;
  const rows: string[][] = [cells.slice(start, start + width)];
  for (let i = start + width; i < cells.length; i++) {
    const label = readLabel(cells[i]!);
    if (!label) continue;
    if (label.kind !== "indicator") {
      rows.push([cells[i]!]);
      continue;
    }
    const row = [cells[i]!];
    while (row.length < width && i + 1 < cells.length && !readLabel(cells[i + 1]!)) row.push(cells[++i]!);
    rows.push(row);
  }
  return rows;
}

function headerOf(rows: string[][]): { index: number; roles: (TableRole | null)[] } | null {
  for (let index = 0; index < Math.min(rows.length, 30); index++) {
    const roles = rows[index]!.map(readHeader);
    const found = new Set(roles.filter((r) => r !== null));
    if (found.size >= 3 && (found.has("target") || found.has("baseline"))) return { index, roles };
  }
  return null;
}

/** Reads a results table pasted as text (see `pasteToRows`). */
export function readResultsPaste(text: string, reportYear: number): ReadResultsTable {
  return readResultsRows(pasteToRows(text), reportYear);
}

/**
 * Reads a results table's rows: results and outputs open nodes, indicators
 * take their figures from the columns the header names. `reportYear` is the
 * year of the report: its milestone and the period of its current values.
 */
export function readResultsRows(rows: string[][], reportYear: number): ReadResultsTable {
  const findings: TableFinding[] = [];
  const header = headerOf(rows);
  if (!header) return { nodes: [], indicators: [], findings: [{ kind: "NO_HEADER", row: 1, column: null, text: "" }] };
  const nodes: TableNode[] = [];
  const indicators: TableIndicator[] = [];
  const indicatorColumn = header.roles.indexOf("indicator");
  const firstValueColumn = header.roles.findIndex((r) => r !== null && r !== "indicator");
  let current: TableNode | null = null;
  const codes = new Set<string>();
  const nodesByCode = new Map<string, TableNode>();

  rows.forEach((cells, i) => {
    const row = i + 1;
    if (i <= header.index) return;
    const labelAt = cells.findIndex((c, col) => (firstValueColumn < 0 || col < firstValueColumn) && readLabel(c));
    if (labelAt < 0) return;
    const label = readLabel(cells[labelAt]!)!;
    const nameCell = label.rest || (indicatorColumn > labelAt ? clean(cells[indicatorColumn] ?? "") : "");
    const tooLong =
      label.kind === "indicator"
        ? label.code.length > TEXT_LIMITS.indicatorCode || nameCell.length > TEXT_LIMITS.indicatorName
        : label.code.length > TEXT_LIMITS.nodeCode || nameCell.length > TEXT_LIMITS.nodeTitle;
    if (tooLong) {
      findings.push({ kind: "TOO_LONG", row, column: "indicator", text: label.code.slice(0, 40) });
      return;
    }
    if (label.kind !== "indicator") {
      const parentCode = label.code.includes(".") ? label.code.slice(0, label.code.lastIndexOf(".")) : null;
      current = { code: label.code, title: nameCell, level: label.kind, parentCode };
      nodes.push(current);
      nodesByCode.set(current.code, current);
      return;
    }
    const cellOf = (role: TableRole) => {
      const col = header.roles.indexOf(role);
      return col < 0 ? "" : (cells[col] ?? "");
    };
    const read = (role: TableRole) => readIndicatorCell(cellOf(role));
    const [baseline, target, milestone, progress] = (["baseline", "target", "milestone", "current"] as const).map(read) as [
      IndicatorCell,
      IndicatorCell,
      IndicatorCell,
      IndicatorCell,
    ];
    const reason = clean(cellOf("reason")) || null;
    const cellsRead = [baseline, target, milestone, progress];
    if (!nameCell && cellsRead.every((c) => c.value === null && c.comment === null) && !reason) {
      findings.push({ kind: "EMPTY_INDICATOR", row, column: null, text: label.code });
      return;
    }
    for (const [role, cell] of [
      ["baseline", baseline],
      ["target", target],
    ] as const)
      if (cell.value === null && cell.comment)
        findings.push({ kind: "NOT_A_FIGURE", row, column: role, text: cell.comment });
    if (codes.has(label.code)) findings.push({ kind: "DUPLICATE_CODE", row, column: "indicator", text: label.code });
    codes.add(label.code);
    const node = nodeFor(nodesByCode, current, label.code);
    if (!node) findings.push({ kind: "NO_RESULT", row, column: "indicator", text: label.code });
    indicators.push({
      code: label.code,
      name: nameCell,
      level: node?.level ?? "output",
      nodeCode: node?.code ?? null,
      measure: measureOf(cellsRead),
      dimensions: dimensionsOf(nameCell, progress),
      baseline: baseline.value,
      baselineComment: baseline.comment,
      endTarget: target.value,
      endTargetComment: target.comment,
      milestone:
        milestone.value === null && milestone.comment === null
          ? null
          : { year: milestone.dueYear ?? reportYear, value: milestone.value, comment: milestone.comment },
      current:
        progress.value === null && progress.comment === null
          ? null
          : { value: progress.value, breakdown: progress.breakdown, comment: progress.comment },
      reason,
      row,
    });
  });
  if (indicators.length === 0 && findings.length === 0)
    findings.push({ kind: "NO_INDICATOR", row: header.index + 1, column: null, text: "" });
  return { nodes, indicators, findings };
}

/** A percentage when a figure says %, yes/no when the figures are « Oui »/« Non » (or 0 and 1 beside them), else a number. */
function measureOf(cells: IndicatorCell[]): IndicatorMeasure {
  if (cells.some((c) => c.percent)) return "percentage";
  const figures = cells.filter((c) => c.value !== null);
  if (figures.some((c) => c.yesNo) && figures.every((c) => c.yesNo || c.value === "0" || c.value === "1")) return "yes_no";
  return "number";
}

/** The node an indicator belongs to: the one its code extends ("1.1" for "1.1.1"), else the last one opened. */
function nodeFor(nodes: Map<string, TableNode>, last: TableNode | null, code: string): TableNode | null {
  const prefix = code.includes(".") ? code.slice(0, code.lastIndexOf(".")) : null;
  return (prefix === null ? undefined : nodes.get(prefix)) ?? last;
}

/** The breakdowns an indicator's name asks for ("désagrégé par sexe et par âge") or its figures give. */
function dimensionsOf(name: string, progress: IndicatorCell): Dimension[] {
  const dims = new Set<Dimension>();
  if (/sexe|\bsex\b|genre|gender/i.test(name)) dims.add("sex");
  if (/âge|\bage\b/i.test(name)) dims.add("age");
  for (const key of Object.keys(progress.breakdown)) dims.add(key.split(":")[0] as Dimension);
  return [...dims];
}
