// The work plan as a PTBA sheet: hierarchy rows, activities and their budget
// lines, monthly chronogram, responsible and comments — with live formulas
// (quantity × unit cost, sub-totals, total) so the sheet keeps working in Excel.
// The writer only lays the plan tree out: every figure comes from core's roll-up.
import { columnLetter, type CurrencyCode, currencyDecimals, formatAmountDecimal, parseDateCell } from "@baara/core";
import ExcelJS from "exceljs";
import type { ActivityRow } from "../workplans/plan-tree.ts";
import { type ExportActivity, type ExportNode, type ExportPlan, shownNodes } from "./export-plan.ts";

const MONTH_LETTERS = ["J", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", "D"];
const COLUMNS = [
  { key: "code", header: "Code", width: 10 },
  { key: "activity", header: "Activités", width: 48 },
  { key: "indicator", header: "Indicateurs de résultats", width: 32 },
  { key: "deadline", header: "Date limite", width: 14 },
  { key: "line", header: "Libellé de la ligne", width: 32 },
  { key: "quantity", header: "QTE", width: 9 },
  { key: "unit", header: "Unité", width: 9 },
  { key: "unitCost", header: "PU", width: 14 },
  { key: "amount", header: "Montant", width: 16 },
  ...MONTH_LETTERS.map((letter, i) => ({ key: `m${i + 1}`, header: letter, width: 3.5 })),
  { key: "responsible", header: "Responsables", width: 20 },
  { key: "comments", header: "Commentaires", width: 36 },
  { key: "fund", header: "Code bailleur", width: 12 },
  { key: "account", header: "Compte", width: 24 },
] as const;
type ColumnKey = (typeof COLUMNS)[number]["key"];
const col = (key: ColumnKey) => COLUMNS.findIndex((c) => c.key === key) + 1;
const letter = (key: ColumnKey) => columnLetter(col(key) - 1);

const HEADER_ROW = 4;
const MONTHS_ROW = 5;
const GROUP_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F1" } };
const TOTAL_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFCE4D6" } };
const MARK_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF5B9BD5" } };

export async function writePtbaWorkbook(plan: ExportPlan): Promise<Buffer> {
  return Buffer.from(await ptbaWorkbook(plan).xlsx.writeBuffer());
}

/** The PTBA workbook in memory (the csv export reads its sheet as it is). */
export function ptbaWorkbook(plan: ExportPlan): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Baara";
  const sheet = workbook.addWorksheet(`PTBA ${plan.workplan.year}`.slice(0, 31), {
    views: [{ state: "frozen", ySplit: MONTHS_ROW, xSplit: 2 }],
    pageSetup: {
      orientation: "landscape",
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${MONTHS_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
  });
  sheet.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  const currency = plan.project.currency;
  const money = moneyFormat(currency);
  sheet.getCell(1, 1).value = `PLAN DE TRAVAIL ET BUDGET ANNUEL ${plan.workplan.year} — ${plan.project.title}`;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, COLUMNS.length);
  sheet.getCell(2, 1).value = `${plan.project.code} · ${plan.workplan.title} · version ${plan.workplan.planVersion} · montants en ${currency}`;
  sheet.mergeCells(2, 1, 2, COLUMNS.length);

  COLUMNS.forEach((c, i) => {
    const isMonth = c.key.startsWith("m") && c.key !== "amount";
    const top = sheet.getCell(HEADER_ROW, i + 1);
    top.value = isMonth ? "Chronogramme" : c.key === "amount" ? `Montant (${currency})` : c.header;
    if (isMonth) sheet.getCell(MONTHS_ROW, i + 1).value = c.header;
  });
  sheet.mergeCells(HEADER_ROW, col("m1"), HEADER_ROW, col("m12"));
  for (const key of COLUMNS.map((c) => c.key).filter((k) => !/^m\d+$/.test(k))) {
    sheet.mergeCells(HEADER_ROW, col(key), MONTHS_ROW, col(key));
  }
  for (const r of [HEADER_ROW, MONTHS_ROW]) {
    const row = sheet.getRow(r);
    row.font = { bold: true };
    row.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
    row.eachCell((cell) => {
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9D9D9" } };
      cell.border = thin();
    });
  }

  let r = MONTHS_ROW + 1;
  /** Writes a node's rows and returns the address of its sub-total cell. */
  const writeNode = (node: ExportNode): string => {
    const head = sheet.getRow(r++);
    head.getCell(col("code")).value = node.code;
    head.getCell(col("activity")).value = `${node.levelLabel ? `${node.levelLabel} ` : ""}${node.code} : ${node.title}`;
    head.font = { bold: true };
    for (let c = 1; c <= COLUMNS.length; c++) head.getCell(c).fill = GROUP_FILL;
    const parts = [...shownNodes(node.children).map(writeNode)];
    const own = writeActivities(node.activities);
    if (own) parts.push(own);
    const total = sheet.getRow(r++);
    total.getCell(col("activity")).value = `Sous-total ${node.levelLabel ? `${node.levelLabel} ` : ""}${node.code}`;
    const cell = total.getCell(col("amount"));
    cell.value = { formula: sumOf(parts), result: major(node.computed, currency) };
    cell.numFmt = money;
    // The sheet's sub-totals are live sums; a source document's different figure is noted beside it.
    if (node.declared !== null && node.declared !== node.computed) {
      total.getCell(col("comments")).value = `Sous-total déclaré dans le document source : ${formatAmountDecimal(node.declared, currency)}`;
    }
    total.font = { bold: true };
    for (let c = 1; c <= COLUMNS.length; c++) total.getCell(c).fill = TOTAL_FILL;
    return `${letter("amount")}${total.number}`;
  };

  /** Writes activities with one row per budget line; returns the range of their amount cells. */
  const writeActivities = (activities: ExportActivity[]): string | null => {
    if (activities.length === 0) return null;
    const first = r;
    for (const { activity, lines: totals } of activities) {
      const lines = totals.length > 0 ? totals : [null];
      lines.forEach((line, i) => {
        const row = sheet.getRow(r++);
        if (i === 0) {
          row.getCell(col("code")).value = activity.code;
          row.getCell(col("activity")).value = activity.title;
          row.getCell(col("indicator")).value = activity.outputIndicator;
          row.getCell(col("deadline")).value = deadlineValue(activity);
          if (activity.deadline && !activity.deadlineText) row.getCell(col("deadline")).numFmt = "dd/mm/yyyy";
          for (const month of activity.months) {
            const mark = row.getCell(col(`m${month}` as ColumnKey));
            mark.value = "X";
            mark.fill = MARK_FILL;
            mark.alignment = { horizontal: "center" };
          }
          row.getCell(col("responsible")).value = activity.responsible;
          row.getCell(col("comments")).value = activity.comments;
          if (!line && activity.noCost) row.getCell(col("amount")).value = "PM";
        }
        if (line) writeLine(row, line);
        // A line named after its activity (its cost on the activity's row, as imported) is not said twice.
        if (line && i === 0 && line.line.description === activity.title) row.getCell(col("line")).value = null;
        row.alignment = { vertical: "top", wrapText: true };
        row.height = wrappedHeight(row);
      });
    }
    return `${letter("amount")}${first}:${letter("amount")}${r - 1}`;
  };

  const writeLine = (row: ExcelJS.Row, { line, amount: effective, expected }: ExportActivity["lines"][number]) => {
    row.getCell(col("line")).value = line.description;
    if (line.quantity !== null) row.getCell(col("quantity")).value = Number(line.quantity);
    row.getCell(col("unit")).value = line.unit;
    const unitCost = row.getCell(col("unitCost"));
    if (line.unitCost !== null) unitCost.value = Number(line.unitCost);
    unitCost.numFmt = money;
    const amount = row.getCell(col("amount"));
    // A declared amount that differs from quantity × unit cost is kept as typed, never replaced by the formula.
    if (expected !== null && effective === expected) {
      const formula = `${letter("quantity")}${row.number}*${letter("unitCost")}${row.number}`;
      amount.value = { formula, result: major(effective, currency) };
    } else if (line.amount !== null) {
      amount.value = major(effective, currency);
    }
    amount.numFmt = money;
    row.getCell(col("fund")).value = line.fundCode;
    const account = [line.accountLabel, line.accountCode].filter(Boolean).join(" - ");
    row.getCell(col("account")).value = account || null;
  };

  const parts = shownNodes(plan.tree.nodes).map(writeNode);
  const loose = writeActivities(plan.tree.loose);
  if (loose) parts.push(loose);
  r++;
  const total = sheet.getRow(r);
  total.getCell(col("activity")).value = "TOTAL GÉNÉRAL";
  total.getCell(col("amount")).value = { formula: sumOf(parts), result: major(plan.tree.total.computed, currency) };
  total.getCell(col("amount")).numFmt = money;
  total.font = { bold: true };
  for (let c = 1; c <= COLUMNS.length; c++) total.getCell(c).fill = TOTAL_FILL;

  return workbook;
}

/** French separators whatever the reader's settings: 465 000 000. */
export function moneyFormat(currency: CurrencyCode): string {
  return currencyDecimals(currency) === 0 ? "[$-40C]#,##0" : "[$-40C]#,##0.00";
}

function sumOf(parts: string[]): string {
  return parts.length === 0 ? "0" : `SUM(${parts.join(",")})`;
}

/** The original wording when it reads back as the same date ("Mar-22"), else the date itself. */
function deadlineValue(activity: ActivityRow): string | Date | null {
  if (!activity.deadline) return activity.deadlineText;
  if (activity.deadlineText) {
    const parsed = parseDateCell(activity.deadlineText, { year: Number(activity.deadline.slice(0, 4)) });
    if (parsed.ok && parsed.date === activity.deadline) return activity.deadlineText;
  }
  return new Date(`${activity.deadline}T00:00:00Z`);
}

/** A cached formula result as Excel holds it: a number in the currency's units. */
function major(minor: number, currency: CurrencyCode): number {
  return Number(formatAmountDecimal(minor, currency));
}

/** Spreadsheet readers do not all grow a row to fit wrapped text: give it the height its longest text needs. */
function wrappedHeight(row: ExcelJS.Row): number {
  let lines = 1;
  COLUMNS.forEach((column, i) => {
    const value = row.getCell(i + 1).value;
    if (typeof value !== "string") return;
    const perLine = Math.max(4, Math.floor(column.width * 1.15));
    const needed = value.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
    lines = Math.max(lines, needed);
  });
  return Math.min(409, 15 * lines + 2);
}

function thin(): Partial<ExcelJS.Borders> {
  const side = { style: "thin" as const, color: { argb: "FF999999" } };
  return { top: side, left: side, bottom: side, right: side };
}
