// The work plan as CSV: the PTBA sheet's rows with values instead of formulas,
// semicolon-separated and with a BOM so that Excel in French opens it as is.
import ExcelJS from "exceljs";

export async function csvFromWorkbook(xlsx: Buffer): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return Buffer.from("");
  const lines: string[] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(csvCell(row.getCell(c)));
    lines.push(cells.join(";"));
  });
  return Buffer.from(`\ufeff${lines.join("\r\n")}\r\n`, "utf8");
}

function csvCell(cell: ExcelJS.Cell): string {
  if (cell.isMerged && cell.master !== cell) return "";
  const value = cell.value;
  let text = "";
  if (value === null || value === undefined) text = "";
  else if (value instanceof Date) text = value.toISOString().slice(0, 10);
  else if (typeof value === "object" && "formula" in value) text = String(value.result ?? "");
  else if (typeof value === "object" && "richText" in value) text = value.richText.map((p) => p.text).join("");
  else text = String(value);
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, "\"\"")}"` : text;
}
