// The work plan as CSV: the PTBA sheet's rows with values instead of formulas,
// semicolon-separated and with a BOM so that Excel in French opens it as is.
// A text that a spreadsheet would run as a formula gets a leading apostrophe
// (core's neutraliseFormula, as OWASP advises); numbers stay numbers.
import { neutraliseFormula } from "@baara/core";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";

export function csvFromWorkbook(workbook: ExcelJS.Workbook): Buffer {
  const sheet = workbook.worksheets[0];
  if (!sheet) return Buffer.from("");
  const rows: (string | number)[][] = [];
  // ExcelJS's columnCount walks every row: read it once, not once per cell.
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: (string | number)[] = [];
    for (let c = 1; c <= width; c++) cells.push(csvValue(row.getCell(c)));
    rows.push(cells);
  });
  const text = stringify(rows, {
    delimiter: ";",
    record_delimiter: "windows",
    cast: { string: neutraliseFormula },
  });
  return Buffer.from(`\ufeff${text}`, "utf8");
}

function csvValue(cell: ExcelJS.Cell): string | number {
  if (cell.isMerged && cell.master !== cell) return "";
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object" && "formula" in value) {
    const result = value.result;
    return typeof result === "number" ? result : String(result ?? "");
  }
  if (typeof value === "object" && "richText" in value) return value.richText.map((p) => p.text).join("");
  return String(value);
}
