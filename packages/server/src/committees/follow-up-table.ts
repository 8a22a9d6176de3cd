// The follow-up table of recommendations, as the CPS report's Table 4 lays it
// out: n°, recommendation, responsible structures, then the situation in
// three columns — executed (1), in progress (2), not executed (3) — where the
// recommendation's column holds its number; and the sentence that sums it up.
import { type api, catalogue, followUpColumn, type Locale, recommendationRates, type ReportDocument } from "@baara/core";
import ExcelJS from "exceljs";
import { reportDocx } from "../reports/write-docx.ts";

type Followed = Pick<api.Recommendation, "number" | "text" | "responsibleStructures" | "status">;

/** The table's rows: n°, text, structures, and "1", "2" or "3" in the column of its situation (dropped ones say so). */
export function followUpRows(items: readonly Followed[], locale: Locale): string[][] {
  const words = catalogue[locale].committeeExport;
  return items.map((r, i) => {
    const column = followUpColumn(r.status);
    return [
      String(i + 1),
      r.text,
      r.responsibleStructures.join(", "),
      column === "executed" ? "1" : "",
      column === "inProgress" ? "2" : column === "dropped" ? words.dropped : "",
      column === "notExecuted" ? "3" : "",
    ];
  });
}

export function followUpSummary(items: readonly Followed[], locale: Locale): string {
  const rates = recommendationRates(items.map((r) => r.status));
  return catalogue[locale].committeeExport.summary
    .replace("{{total}}", String(rates.total))
    .replace("{{executed}}", String(rates.executed))
    .replace("{{inProgress}}", String(rates.inProgress))
    .replace("{{notExecuted}}", String(rates.notExecuted));
}

function headers(locale: Locale): string[] {
  const w = catalogue[locale].committeeExport;
  return [w.number, w.recommendation, w.responsibleStructures, w.executed, w.inProgress, w.notExecuted];
}

export async function followUpDocx(title: string, items: readonly Followed[], locale: Locale): Promise<Buffer> {
  const widths = [6, 46, 18, 10, 10, 10];
  const document: ReportDocument = {
    title,
    fileStem: catalogue[locale].committeeExport.fileFollowUp,
    sections: [
      {
        blocks: [
          { kind: "heading", level: 2, text: title },
          {
            kind: "table",
            sheet: catalogue[locale].committeeExport.situation,
            columns: headers(locale).map((header, i) => ({ header, width: widths[i] ?? 10 })),
            rows: followUpRows(items, locale).map((cells) => ({ cells })),
          },
          { kind: "paragraph", text: followUpSummary(items, locale) },
        ],
      },
    ],
  };
  return reportDocx(document, locale);
}

export async function followUpXlsx(title: string, items: readonly Followed[], locale: Locale): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Baara";
  const sheet = workbook.addWorksheet(catalogue[locale].committeeExport.situation.slice(0, 31), {
    views: [{ state: "frozen", ySplit: 2 }],
    pageSetup: {
      orientation: "landscape",
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "2:2",
    },
  });
  sheet.columns = [{ width: 6 }, { width: 60 }, { width: 28 }, { width: 14 }, { width: 14 }, { width: 14 }];
  sheet.addRow([title]).font = { bold: true, size: 12 };
  const head = sheet.addRow(headers(locale));
  head.font = { bold: true };
  head.eachCell((c) => {
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F1" } };
    c.alignment = { wrapText: true, vertical: "middle" };
  });
  for (const row of followUpRows(items, locale)) {
    // Numbers as numbers (they add up in a spreadsheet), empty columns left empty.
    const added = sheet.addRow(row.map((v, i) => (v === "" ? null : i === 0 || (i >= 3 && /^\d$/.test(v)) ? Number(v) : v)));
    added.alignment = { wrapText: true, vertical: "top" };
  }
  sheet.addRow([]);
  sheet.addRow([followUpSummary(items, locale)]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
