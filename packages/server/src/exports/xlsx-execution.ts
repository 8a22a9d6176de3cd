// The execution table as a workbook, in the layout of an annual activity
// report's « État d'exécution des activités » (the CPS report's Table 3): one
// column per framework level with merged cells, the activity, executed
// 1 = oui / 2 = non, the period and the observations; then the rates with
// their formulas, and the activities carried out without being planned.
import type { ExecutionTableRow } from "@baara/core";
import ExcelJS from "exceljs";

export interface ExecutionTable {
  title: string;
  levelLabels: string[];
  rows: ExecutionTableRow[];
  /** Sentences under the table: each rate with its name, formula and value, and the counting rule. */
  notes: string[];
  unplanned: { title: string; period: string; observations: string }[];
}

const LEVEL_WIDTH = 30;
const ACTIVITY_WIDTH = 48;
const PERIOD_WIDTH = 24;
const OBSERVATIONS_WIDTH = 36;
const LINE_HEIGHT = 15;

/** Lines a text takes in a column of `width` characters, wrapping at words (a conservative 0,9 character per unit of width). */
function linesOf(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 0.9));
  return text.split("\n").reduce((sum, paragraph) => sum + Math.max(1, Math.ceil(paragraph.length / perLine)), 0);
}

const HEAD_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F1" } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

export async function writeExecutionWorkbook(table: ExecutionTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Baara";
  const headerRow = 3;
  const sheet = workbook.addWorksheet("Exécution", {
    views: [{ state: "frozen", ySplit: headerRow }],
    pageSetup: {
      orientation: "landscape",
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerRow}:${headerRow}`,
    },
  });
  const levels = table.levelLabels.length;
  sheet.columns = [
    ...table.levelLabels.map(() => ({ width: LEVEL_WIDTH })),
    { width: ACTIVITY_WIDTH },
    { width: 14 },
    { width: PERIOD_WIDTH },
    { width: OBSERVATIONS_WIDTH },
  ];
  sheet.getCell(1, 1).value = table.title;
  sheet.getCell(1, 1).font = { bold: true, size: 13 };
  const headers = [
    ...table.levelLabels.map((l) => l.toLocaleUpperCase("fr")),
    "ACTIVITÉS",
    "EXÉCUTÉES 1. OUI ; 2. NON",
    "PÉRIODE D'EXÉCUTION",
    "OBSERVATIONS",
  ];
  const head = sheet.getRow(headerRow);
  head.height = LINE_HEIGHT * 2 + 3;
  headers.forEach((text, i) => {
    const cell = head.getCell(i + 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.fill = HEAD_FILL;
    cell.border = THIN;
    cell.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  });

  table.rows.forEach((row, index) => {
    const r = headerRow + 1 + index;
    const values = [...row.levels.map((v) => v ?? null), row.activity, row.executed, row.period, row.observations];
    values.forEach((value, i) => {
      const cell = sheet.getCell(r, i + 1);
      if (value !== null) cell.value = value;
      cell.border = THIN;
      cell.alignment = { wrapText: true, vertical: "top", horizontal: i === levels + 1 ? "center" : "left" };
    });
    row.spans.forEach((span, level) => {
      if (span > 1) sheet.mergeCells(r, level + 1, r + span - 1, level + 1);
    });
    // Spreadsheets do not grow a row to its wrapped text when they open a file: give it the lines it needs.
    const texts = [row.activity, row.period, row.observations, ...row.levels.map((v, level) => ((row.spans[level] ?? 1) === 1 ? (v ?? "") : ""))];
    const widths = [ACTIVITY_WIDTH, PERIOD_WIDTH, OBSERVATIONS_WIDTH, ...row.levels.map(() => LEVEL_WIDTH)];
    const lines = Math.max(1, ...texts.map((text, i) => linesOf(text, widths[i] ?? LEVEL_WIDTH)));
    sheet.getRow(r).height = LINE_HEIGHT * lines + 3;
  });

  let r = headerRow + table.rows.length + 2;
  for (const note of table.notes) sheet.getCell(r++, 1).value = note;
  if (table.unplanned.length > 0) {
    r++;
    sheet.getCell(r, 1).value = "AUTRES ACTIVITÉS RÉALISÉES (NON PROGRAMMÉES)";
    sheet.getCell(r++, 1).font = { bold: true };
    for (const u of table.unplanned) {
      sheet.getCell(r, levels + 1).value = u.title;
      sheet.getCell(r, levels + 3).value = u.period;
      sheet.getCell(r, levels + 4).value = u.observations;
      r++;
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
