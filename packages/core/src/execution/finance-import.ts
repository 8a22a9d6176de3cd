// Reading an export of the finance system (one row per commitment, liquidation
// or payment, or one row per expense with a column per stage) into
// transactions of a plan: columns recognised by their headers as the plan
// import does, each row matched to an activity (by its code) or a budget line
// (by its account code), and a fingerprint that makes the same row of the same
// export the same transaction when the file is imported again.
import type { TransactionStage } from "../domain.ts";
import { type CurrencyCode, formatAmountDecimal, MAX_LINE_AMOUNT_MINOR, parseAmount } from "../money.ts";
import { parseDateCell } from "../import/dates.ts";
import { type CellValue, cellText, columnLetter, type Grid, normalise } from "../import/grid.ts";
import { parseNumberCell } from "../import/numbers.ts";
import { fiscalYearBounds } from "../plan/periods.ts";

export const FINANCE_FIELDS = [
  "date",
  "reference",
  "code",
  "stage",
  "amount",
  "committed",
  "liquidated",
  "paid",
  "supplier",
  "category",
] as const;
export type FinanceField = (typeof FINANCE_FIELDS)[number];

/** Header words of each field, normalised (lower case, no accents); the longest one found in a header wins. */
const SYNONYMS: Record<FinanceField, string[]> = {
  date: [
    "date",
    "date operation",
    "date d'engagement",
    "date engagement",
    "date de mandat",
    "date mandat",
    "date de paiement",
    "date paiement",
    "date valeur",
    "transaction date",
  ],
  reference: [
    "reference",
    "ref",
    "n°",
    "no",
    "numero",
    "n° engagement",
    "numero engagement",
    "n° mandat",
    "numero mandat",
    "n° piece",
    "piece",
    "voucher",
    "document",
  ],
  code: [
    "code",
    "ligne",
    "ligne budgetaire",
    "imputation",
    "imputation budgetaire",
    "compte",
    "code activite",
    "activite",
    "code ligne",
    "account",
    "account code",
    "budget line",
    "activity code",
    "nature economique",
  ],
  stage: [
    "etape",
    "phase",
    "stade",
    "type",
    "type d'operation",
    "nature de l'operation",
    "operation",
    "stage",
    "transaction type",
  ],
  amount: ["montant", "amount", "valeur", "montant fcfa", "montant (fcfa)", "montant en fcfa"],
  committed: ["montant engage", "engage", "engagement", "engagements", "committed", "commitment", "commitments"],
  liquidated: ["montant liquide", "liquide", "liquidation", "liquidations", "liquidated"],
  paid: [
    "montant mandate",
    "mandate",
    "mandat",
    "mandats",
    "montant paye",
    "paye",
    "paiement",
    "paiements",
    "decaissement",
    "decaisse",
    "paid",
    "payment",
    "payments",
    "disbursed",
    "disbursement",
  ],
  supplier: ["fournisseur", "beneficiaire", "prestataire", "tiers", "supplier", "payee", "vendor", "titulaire"],
  category: [
    "nature de credit",
    "source de financement",
    "source",
    "financement",
    "fonds",
    "fund",
    "categorie",
    "category",
    "bailleur",
  ],
};

/** Where each field is in the sheet (0-based columns), and the header row. */
export interface FinanceColumns {
  headerRow: number;
  columns: Partial<Record<FinanceField, number>>;
}

function fieldOf(header: string): FinanceField | null {
  const text = normalise(header).replace(/[:.]/g, "").trim();
  if (!text) return null;
  let best: { field: FinanceField; length: number } | null = null;
  for (const field of FINANCE_FIELDS) {
    for (const word of SYNONYMS[field]) {
      const whole = text === word || text.startsWith(`${word} `) || text.endsWith(` ${word}`) || text.includes(` ${word} `);
      if (whole && (!best || word.length > best.length)) best = { field, length: word.length };
    }
  }
  return best?.field ?? null;
}

/** The header row: among the first 30 rows, the one naming an amount and a code (or a stage) with the most fields. */
export function detectFinanceColumns(grid: Grid): FinanceColumns | null {
  let found: FinanceColumns | null = null;
  let score = 0;
  for (let row = 0; row < Math.min(30, grid.rows.length); row++) {
    const columns: Partial<Record<FinanceField, number>> = {};
    (grid.rows[row] ?? []).forEach((cell, column) => {
      const field = typeof cell === "string" ? fieldOf(cell) : null;
      if (field && columns[field] === undefined) columns[field] = column;
    });
    const amounts = ["amount", "committed", "liquidated", "paid"].some((f) => columns[f as FinanceField] !== undefined);
    const count = Object.keys(columns).length;
    if (amounts && columns.code !== undefined && count > score) {
      found = { headerRow: row, columns };
      score = count;
    }
  }
  return found;
}

/** « Engagement », « mandat », « liquidé », « paiement » → the stage; null when the cell names none. */
export function stageOf(value: CellValue | undefined): TransactionStage | null {
  const text = normalise(cellText(value));
  if (/engag|commit/.test(text)) return "commitment";
  if (/liquid/.test(text)) return "liquidation";
  if (/mandat|paie|pay|decaiss|regl|disburs/.test(text)) return "payment";
  return null;
}

/** What the plan offers to match a row's code: activity codes, then budget lines' account codes. */
export interface FinanceTargets {
  activities: readonly { id: string; code: string | null }[];
  lines: readonly { id: string; activityId: string; accountCode: string | null }[];
}

export type FinanceFindingCode =
  | "FINANCE_NO_DATE"
  | "FINANCE_BAD_AMOUNT"
  | "FINANCE_DECIMALS"
  | "FINANCE_TOO_LARGE"
  | "FINANCE_NO_AMOUNT"
  | "FINANCE_NEGATIVE"
  | "FINANCE_NO_STAGE"
  | "FINANCE_UNMATCHED"
  | "FINANCE_AMBIGUOUS";

export interface FinanceFinding {
  /** 1-based row of the sheet, as a spreadsheet numbers it. */
  row: number;
  code: FinanceFindingCode;
  params: Record<string, string | number>;
}

export interface FinanceTransaction {
  row: number;
  stage: TransactionStage;
  date: string;
  amount: string;
  reference: string | null;
  supplier: string | null;
  category: string | null;
  code: string;
  activityId: string;
  lineId: string | null;
  /** Same row of the same export → same fingerprint: what makes a second import write nothing twice. */
  fingerprint: string;
  /** Dated outside the plan's fiscal year. */
  outsideYear: boolean;
}

export interface FinanceReading {
  sheet: string;
  headerRow: number;
  columns: { field: FinanceField; column: string; header: string }[];
  transactions: FinanceTransaction[];
  findings: FinanceFinding[];
  /** Data rows read (blank and total rows left out). */
  rows: number;
}

const key = (text: string) => normalise(text).replace(/\s+/g, "");
const TOTAL_ROW = /^(sous[- ]?)?total|^grand total|^total general/;

function targetIndex(targets: FinanceTargets) {
  const activities = new Map<string, string[]>();
  for (const a of targets.activities) {
    if (!a.code?.trim()) continue;
    const k = key(a.code);
    activities.set(k, [...(activities.get(k) ?? []), a.id]);
  }
  const lines = new Map<string, { id: string; activityId: string }[]>();
  for (const l of targets.lines) {
    if (!l.accountCode?.trim()) continue;
    const k = key(l.accountCode);
    lines.set(k, [...(lines.get(k) ?? []), { id: l.id, activityId: l.activityId }]);
  }
  return { activities, lines };
}

/**
 * Reads the finance export's rows. `defaultStage` applies to rows that name
 * none (an export of payments only, say). Rows that cannot be written are
 * findings naming their row; every other row becomes one transaction per stage
 * amount it holds.
 */
export function readFinanceExport(
  grid: Grid,
  targets: FinanceTargets,
  options: { currency: CurrencyCode; defaultStage?: TransactionStage | null; year?: number; fiscalYearStartMonth?: number },
): FinanceReading | null {
  const detected = detectFinanceColumns(grid);
  if (!detected) return null;
  // Dated outside the plan's fiscal year: written (late payments of a year are common), and pointed out.
  const bounds = options.year === undefined ? null : fiscalYearBounds(options.year, options.fiscalYearStartMonth ?? 1);
  const { headerRow, columns } = detected;
  const index = targetIndex(targets);
  const transactions: FinanceTransaction[] = [];
  const findings: FinanceFinding[] = [];
  const seen = new Map<string, number>();
  const text = (row: CellValue[], field: FinanceField) =>
    columns[field] === undefined ? "" : cellText(row[columns[field]]);
  let rows = 0;

  for (let r = headerRow + 1; r < grid.rows.length; r++) {
    const cells = grid.rows[r] ?? [];
    if (cells.every((c) => cellText(c) === "")) continue;
    if (cells.some((c) => typeof c === "string" && TOTAL_ROW.test(normalise(c)))) continue;
    rows++;
    const row = r + 1;
    const code = text(cells, "code");
    const date = parseDateCell(columns.date === undefined ? null : cells[columns.date], { year: options.year });
    if (!date.ok || date.date === null) {
      findings.push({ row, code: "FINANCE_NO_DATE", params: { text: text(cells, "date") } });
      continue;
    }
    // One amount with its stage, or one column per stage.
    const amounts: [TransactionStage, CellValue | undefined][] = [];
    if (columns.amount !== undefined) {
      const stage =
        columns.stage === undefined
          ? (options.defaultStage ?? null)
          : (stageOf(cells[columns.stage]) ?? options.defaultStage ?? null);
      if (!stage) {
        findings.push({ row, code: "FINANCE_NO_STAGE", params: { text: text(cells, "stage") } });
        continue;
      }
      amounts.push([stage, cells[columns.amount]]);
    }
    for (const [field, stage] of [
      ["committed", "commitment"],
      ["liquidated", "liquidation"],
      ["paid", "payment"],
    ] as const) {
      if (columns[field] !== undefined) amounts.push([stage, cells[columns[field]]]);
    }
    const parsed: [TransactionStage, string][] = [];
    let refused = false;
    for (const [stage, cell] of amounts) {
      const number = parseNumberCell(cell);
      if (number.ok && number.value === null) continue;
      const minor =
        number.ok && !("percent" in number && number.percent) ? parseAmount(number.value ?? "", options.currency) : null;
      const text = cellText(cell);
      const refusal: FinanceFinding | null = !minor?.ok
        ? {
            row,
            code: minor?.reason === "precision" ? "FINANCE_DECIMALS" : "FINANCE_BAD_AMOUNT",
            params: { text, currency: options.currency },
          }
        : minor.value < 0
          ? { row, code: "FINANCE_NEGATIVE", params: { text } }
          : minor.value > MAX_LINE_AMOUNT_MINOR
            ? { row, code: "FINANCE_TOO_LARGE", params: { text } }
            : null;
      if (refusal) {
        findings.push(refusal);
        refused = true;
        break;
      }
      if (minor?.ok && minor.value > 0) parsed.push([stage, formatAmountDecimal(minor.value, options.currency)]);
    }
    if (refused) continue;
    // A row with a code but no amount (a blank cell, or a formula error the file kept no value for) is said, not dropped.
    if (parsed.length === 0) {
      findings.push({ row, code: "FINANCE_NO_AMOUNT", params: { code } });
      continue;
    }

    const activityIds = index.activities.get(key(code)) ?? [];
    const lines = index.lines.get(key(code)) ?? [];
    let target: { activityId: string; lineId: string | null } | null = null;
    if (activityIds.length === 1 && activityIds[0]) target = { activityId: activityIds[0], lineId: null };
    else if (activityIds.length === 0 && lines.length === 1 && lines[0])
      target = { activityId: lines[0].activityId, lineId: lines[0].id };
    if (!target) {
      const count = activityIds.length > 1 ? activityIds.length : lines.length;
      findings.push(
        count > 1
          ? { row, code: "FINANCE_AMBIGUOUS", params: { code, count } }
          : { row, code: "FINANCE_UNMATCHED", params: { code, amount: parsed.map(([, a]) => a).join(" / ") } },
      );
      continue;
    }
    const reference = text(cells, "reference") || null;
    const supplier = text(cells, "supplier") || null;
    for (const [stage, amount] of parsed) {
      const identity = [stage, date.date, reference ?? "", key(code), amount, normalise(supplier ?? "")].join("|");
      const occurrence = (seen.get(identity) ?? 0) + 1;
      seen.set(identity, occurrence);
      transactions.push({
        row,
        stage,
        date: date.date,
        amount,
        reference,
        supplier,
        category: text(cells, "category") || null,
        code,
        ...target,
        fingerprint: `file:${identity}#${occurrence}`,
        outsideYear: bounds !== null && (date.date < bounds.start || date.date > bounds.end),
      });
    }
  }
  const headers = grid.rows[headerRow] ?? [];
  return {
    sheet: grid.name,
    headerRow: headerRow + 1,
    columns: FINANCE_FIELDS.filter((f) => columns[f] !== undefined)
      .sort((a, b) => (columns[a] ?? 0) - (columns[b] ?? 0))
      .map((field) => ({
        field,
        column: columnLetter(columns[field] ?? 0),
        header: cellText(headers[columns[field] ?? 0]),
      })),
    transactions,
    findings,
    rows,
  };
}
