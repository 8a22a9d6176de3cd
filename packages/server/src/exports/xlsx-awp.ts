// The work plan in UNDP's annual work plan (AWP) layout: outputs, activities
// with quarter marks, one row per budget line with donor code and budget
// description, Sub Total per output, then Grand TOTAL, Funded, Unfunded and
// TOTAL Budget, and the signature block. Outputs are the framework's top level.
// The writer only lays the plan tree out: every figure comes from core's roll-up.
import { columnLetter, type CurrencyCode, formatAmountDecimal, quartersOfMonths } from "@baara/core";
import ExcelJS from "exceljs";
import { type ExportActivity, type ExportNode, type ExportPlan, shownNodes } from "./export-plan.ts";
import { moneyFormat } from "./xlsx-ptba.ts";

const HEADER_ROW = 4;
const SUB_ROW = 5;
const C = { output: 1, activity: 2, q1: 3, responsible: 7, donor: 8, description: 9, amount: 10 } as const;
const BOLD_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F1" } };

export async function writeAwpWorkbook(plan: ExportPlan): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Baara";
  const sheet = workbook.addWorksheet(`AWP ${plan.workplan.year}`, {
    views: [{ state: "frozen", ySplit: SUB_ROW }],
    pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER_ROW}:${SUB_ROW}` },
  });
  sheet.columns = [30, 44, 5, 5, 5, 5, 22, 12, 34, 16].map((width) => ({ width }));
  const currency = plan.project.currency;
  const money = moneyFormat(currency);
  const amountCol = columnLetter(C.amount - 1);

  sheet.getCell(1, 1).value = `ANNUAL WORK PLAN ${plan.workplan.year}`;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(2, 1).value = `${plan.project.code} — ${plan.project.title} (${currency})`;
  const top = ["EXPECTED OUTPUTS", "PLANNED ACTIVITIES", "TIMEFRAME", "", "", "", "RESPONSIBLE PARTY", "PLANNED BUDGET", "", ""];
  const sub = ["", "", "Q1", "Q2", "Q3", "Q4", "", "Donor code", "Budget Description", "Amount"];
  top.forEach((text, i) => {
    sheet.getCell(HEADER_ROW, i + 1).value = text || null;
    sheet.getCell(SUB_ROW, i + 1).value = sub[i] || null;
  });
  sheet.mergeCells(HEADER_ROW, C.q1, HEADER_ROW, C.q1 + 3);
  sheet.mergeCells(HEADER_ROW, C.donor, HEADER_ROW, C.amount);
  for (const c of [C.output, C.activity, C.responsible]) sheet.mergeCells(HEADER_ROW, c, SUB_ROW, c);
  for (const r of [HEADER_ROW, SUB_ROW]) {
    sheet.getRow(r).font = { bold: true };
    sheet.getRow(r).alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  }

  let r = SUB_ROW + 1;
  const funded: string[] = [];
  const unfunded: string[] = [];
  const writeActivities = (activities: ExportActivity[]) => {
    for (const { activity, lines: totals } of activities) {
      const lines = totals.length > 0 ? totals : [null];
      lines.forEach((line, i) => {
        const row = sheet.getRow(r++);
        if (i === 0) {
          row.getCell(C.activity).value = activity.code ? `${activity.code}. ${activity.title}` : activity.title;
          for (const q of quartersOfMonths(activity.months, plan.project.fiscalYearStartMonth)) row.getCell(C.q1 + q - 1).value = "X";
          row.getCell(C.responsible).value = activity.responsible;
          if (!line && activity.noCost) row.getCell(C.amount).value = "PM";
        }
        if (!line) return;
        row.getCell(C.donor).value = line.line.fundCode;
        row.getCell(C.description).value = [line.line.accountLabel, line.line.accountCode].filter(Boolean).join(" - ") || line.line.description;
        const amount = row.getCell(C.amount);
        amount.value = major(line.amount, currency);
        amount.numFmt = money;
        (line.line.funded ? funded : unfunded).push(`${amountCol}${row.number}`);
      });
    }
  };
  const subtotals: string[] = [];
  const writeOutput = (node: ExportNode) => {
    const head = sheet.getRow(r++);
    head.getCell(C.output).value = `${node.levelLabel ? `${node.levelLabel} ` : ""}${node.code}: ${node.title}`;
    head.font = { bold: true };
    const first = r;
    writeActivities(allActivities(node));
    const row = sheet.getRow(r++);
    row.getCell(C.activity).value = "Sub Total";
    row.getCell(C.amount).value = {
      formula: r - 1 > first ? `SUM(${amountCol}${first}:${amountCol}${r - 2})` : "0",
      result: major(node.computed, currency),
    };
    row.getCell(C.amount).numFmt = money;
    row.font = { bold: true };
    row.eachCell((cell) => {
      cell.fill = BOLD_FILL;
    });
    subtotals.push(`${amountCol}${row.number}`);
  };
  shownNodes(plan.tree.nodes).forEach(writeOutput);
  if (plan.tree.loose.length > 0) {
    const first = r;
    writeActivities(plan.tree.loose);
    subtotals.push(`${amountCol}${first}:${amountCol}${r - 1}`);
  }

  const { tree } = plan;
  const fundedRow = r + 1;
  const closing: [string, string, number][] = [
    ["Grand TOTAL", `SUM(${subtotals.join(",") || "0"})`, tree.total.computed],
    ["Funded", funded.length ? `SUM(${funded.join(",")})` : "0", tree.funded],
    ["Unfunded", unfunded.length ? `SUM(${unfunded.join(",")})` : "0", tree.unfunded],
    ["TOTAL Budget", `${amountCol}${fundedRow}+${amountCol}${fundedRow + 1}`, tree.total.computed],
  ];
  for (const [label, formula, minor] of closing) {
    const row = sheet.getRow(r++);
    row.getCell(C.activity).value = label;
    row.getCell(C.amount).value = { formula, result: major(minor, currency) };
    row.getCell(C.amount).numFmt = money;
    row.font = { bold: true };
  }
  r++;
  for (const label of ["Submitted by:", "Approved by:", "Endorsed by:"]) {
    sheet.getCell(r, C.output).value = label;
    sheet.getCell(r++, C.activity).value = "Name, title, date and signature";
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** An output's activities, its own then those of its sub-levels, as the AWP lists them. */
function allActivities(node: ExportNode): ExportActivity[] {
  return [...node.activities, ...node.children.flatMap(allActivities)];
}

function major(minor: number, currency: CurrencyCode): number {
  return Number(formatAmountDecimal(minor, currency));
}
