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
    ...table.levelLabels.map(() => ({ width: 30 })),
    { width: 48 },
    { width: 14 },
    { width: 24 },
    { width: 36 },
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
