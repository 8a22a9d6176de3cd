// The tabular parts of a report as Excel: each table on a sheet of its own
// (its name from the template), under the report's title and the table's
// caption; figures are numbers with their format, group and total rows bold,
// the header row frozen and printed on every page.
import { type ReportBlock, type ReportCell, type ReportDocument, reportTables } from "@baara/core";
import ExcelJS from "exceljs";
import { moneyFormat } from "../exports/xlsx-ptba.ts";

const HEAD_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F1" } };
const GROUP_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
const HEADER_ROW = 4;

/** A sheet name Excel takes: no []:*?/\ , 31 characters at most, unique in the workbook. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base =
    wanted
      .replace(/[[\]:*?/\\]/g, " ")
      .trim()
      .slice(0, 31) || "Tableau";
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

function valueOf(cell: ReportCell): { value: ExcelJS.CellValue; numFmt?: string } {
  if (typeof cell === "string") return { value: cell === "" ? null : cell };
  const number = Number(cell.value);
  if (!Number.isFinite(number)) return { value: cell.text };
  if (cell.kind === "amount" && cell.currency) return { value: number, numFmt: moneyFormat(cell.currency) };
  if (cell.kind === "rate") return { value: number / 100, numFmt: "0.00%" };
  if (cell.kind === "count") return { value: number, numFmt: "0" };
  return { value: number, numFmt: cell.value.includes(".") ? "#,##0.###" : "#,##0" };
}

function writeTable(sheet: ExcelJS.Worksheet, title: string, table: Extract<ReportBlock, { kind: "table" }>): void {
  const width = table.columns.length;
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 13 };
  if (table.caption) {
    sheet.getCell(2, 1).value = table.caption;
    sheet.getCell(2, 1).font = { bold: true };
  }
  sheet.columns = table.columns.map((c) => ({ width: Math.max(4, Math.round(c.width * 1.6)) }));
  table.columns.forEach((c, i) => {
    const cell = sheet.getCell(HEADER_ROW, i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = HEAD_FILL;
    cell.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  });
  table.rows.forEach((row, r) => {
    const at = HEADER_ROW + 1 + r;
    row.cells.forEach((content, i) => {
      const cell = sheet.getCell(at, i + 1);
      const { value, numFmt } = valueOf(content);
      cell.value = value;
      if (numFmt) cell.numFmt = numFmt;
      cell.alignment = { wrapText: true, vertical: "top", ...(typeof content === "string" ? {} : { horizontal: "right" }) };
      if (row.style) cell.font = { bold: true };
      if (row.style === "group") cell.fill = GROUP_FILL;
    });
    if (row.span && row.span > 1) sheet.mergeCells(at, 1, at, Math.min(width, row.span));
  });
  sheet.views = [{ state: "frozen", ySplit: HEADER_ROW }];
  sheet.pageSetup = {
    orientation: width > 6 ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
  };
}

export async function reportXlsx(document: ReportDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Baara";
  workbook.title = document.title;
  const taken = new Set<string>();
  const tables = reportTables(document);
  for (const table of tables) writeTable(workbook.addWorksheet(sheetName(table.sheet, taken)), document.title, table);
  if (tables.length === 0) workbook.addWorksheet(sheetName(document.title, taken)).getCell(1, 1).value = document.title;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
