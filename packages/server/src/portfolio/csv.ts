// The portfolio's budget lines as a csv file, written while it is read: each
// batch of lines (lines.ts) becomes csv records as the reply takes them, so
// that the server holds one batch at a time whatever the size of the
// portfolio. Like the plan's csv export: semicolons, CRLF and a BOM for Excel
// in French, and a text a spreadsheet would run as a formula gets a leading
// apostrophe (core's neutraliseFormula). Amounts are exact decimal strings in
// the project's currency: the declared amount, else quantity × unit cost
// (core's effectiveLineAmount), as the plan's totals count them.
import { pipeline, Readable } from "node:stream";
import {
  catalogue,
  effectiveLineAmount,
  formatAmountDecimal,
  formatQuantity,
  type Locale,
  neutraliseFormula,
  parseQuantity,
  planStatusLabel,
  storedAmount,
} from "@baara/core";
import { stringify } from "csv-stringify";
import type { ExportLine } from "./lines.ts";

/** The columns, in order; their headers are the catalogue's (portfolioExport.columns). */
export const PORTFOLIO_CSV_COLUMNS = [
  "organisation",
  "projectCode",
  "projectTitle",
  "year",
  "planVersion",
  "planStatus",
  "resultNode",
  "activityCode",
  "activityTitle",
  "lineDescription",
  "accountCode",
  "fundCode",
  "quantity",
  "unitCost",
  "amount",
  "currency",
  "funded",
] as const satisfies readonly (keyof (typeof catalogue)["fr"]["portfolioExport"]["columns"])[];

export function portfolioCsvHeader(locale: Locale): string[] {
  const { columns } = catalogue[locale].portfolioExport;
  return PORTFOLIO_CSV_COLUMNS.map((c) => columns[c]);
}

/** portefeuille-lignes-budgetaires-2024.csv, portfolio-budget-lines.csv… */
export function portfolioCsvName(locale: Locale, year: number | undefined): string {
  return `${catalogue[locale].portfolioExport.fileName}${year ? `-${year}` : ""}.csv`;
}

/** One line as a csv record, its cells in the order of the columns. */
export function portfolioCsvRecord(line: ExportLine, locale: Locale): string[] {
  const { plan } = line;
  const currency = plan.currency;
  const words = catalogue[locale].portfolioExport;
  return [
    plan.organisation,
    plan.projectCode,
    plan.projectTitle,
    String(plan.year),
    String(plan.planVersion),
    planStatusLabel(plan.status, locale),
    line.nodePath ?? "",
    line.activityCode ?? "",
    line.activityTitle,
    line.description ?? "",
    line.accountCode ?? "",
    line.fundCode ?? "",
    line.quantity === null ? "" : quantityText(line.quantity),
    line.unitCost === null ? "" : formatAmountDecimal(storedAmount(line.unitCost, currency), currency),
    formatAmountDecimal(effectiveLineAmount(line, currency), currency),
    currency,
    line.funded ? words.yes : words.no,
  ];
}

/** numeric(18,3) comes back as "3000.000": "3000". */
function quantityText(stored: string): string {
  const parsed = parseQuantity(stored);
  if (!parsed.ok) throw new RangeError(`Stored quantity "${stored}" is not valid`);
  return formatQuantity(parsed.value);
}

/**
 * The csv bytes of `batches`, header first. The next batch is asked for only
 * when the reply has taken the records before it; if the reply goes (the
 * client left), the reading stops; if a batch fails, the stream fails and the
 * reply is cut rather than ended as if the file were whole.
 */
export function portfolioCsv(batches: AsyncIterable<ExportLine[]>, locale: Locale): Readable {
  async function* records() {
    yield portfolioCsvHeader(locale);
    for await (const batch of batches) {
      for (const line of batch) yield portfolioCsvRecord(line, locale);
    }
  }
  const csv = stringify({ delimiter: ";", record_delimiter: "windows", bom: true, cast: { string: neutraliseFormula } });
  pipeline(Readable.from(records()), csv, () => {
    // pipeline destroys both streams on failure, with the error the reply sees; nothing more to do here.
  });
  return csv;
}
