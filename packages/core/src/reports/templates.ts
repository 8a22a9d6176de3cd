// The report templates Baara writes, and the fields a person writes or enters
// in each: narrative text with its character limit (the donor's form sets
// them: 1 500, 3 000…), short lines (names, dates), and amounts the data does
// not hold (the gender budget of a PBF project). Labels are in the catalogue
// (`reportField`), keyed by the field's key; a field repeated per outcome has
// its key followed by the outcome's code (« outcomeSummary.1 »).
import type { CurrencyCode } from "../money.ts";
import { parseAmount } from "../money.ts";

export const REPORT_TEMPLATES = ["cps-annual", "pbf-progress", "undp-awp", "minutes"] as const;
export type ReportTemplateName = (typeof REPORT_TEMPLATES)[number];
/** Templates whose reports are kept in Baara with their narrative and approvals (minutes are a session's own). */
export const STORED_REPORT_TEMPLATES = ["cps-annual", "pbf-progress", "undp-awp"] as const;
export type StoredReportTemplate = (typeof STORED_REPORT_TEMPLATES)[number];

export const REPORT_STATUSES = ["draft", "submitted", "approved"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_ACTIONS = ["submit", "approve", "return"] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];
export const REPORT_FORMATS = ["docx", "pdf", "xlsx"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The periods a template reports on: a year, or the PBF's June, November and final reports. */
export const REPORT_PERIODS = {
  "cps-annual": ["year"],
  "pbf-progress": ["semiannual", "annual", "final"],
  "undp-awp": ["year"],
} as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[StoredReportTemplate][number];

export type ReportFieldKind = "text" | "line" | "amount";
export interface ReportField {
  key: string;
  kind: ReportFieldKind;
  /** Characters at most (text and line fields). */
  limit: number;
  /** Set on a field repeated per outcome: the outcome's code. */
  outcome?: string;
}

const text = (key: string, limit: number): ReportField => ({ key, kind: "text", limit });
const line = (key: string): ReportField => ({ key, kind: "line", limit: 200 });
const amount = (key: string): ReportField => ({ key, kind: "amount", limit: 30 });

/** A long narrative where the template sets no limit of its own. */
const LONG = 20_000;

const FIELDS: Record<StoredReportTemplate, { fields: ReportField[]; perOutcome?: ReportField[] }> = {
  "cps-annual": {
    fields: [
      text("introduction", LONG),
      text("missions", LONG),
      text("humanResources", LONG),
      text("materialResources", LONG),
      text("difficulties", LONG),
      text("perspectives", LONG),
      text("conclusion", LONG),
    ],
  },
  // The limits are the PBF form's own.
  "pbf-progress": {
    fields: [
      line("preparedBy"),
      line("approvedBy"),
      amount("approvedBudget"),
      amount("expenditure"),
      amount("genderBudgetAllocated"),
      amount("genderBudgetSpent"),
      text("overallProgress", 1500),
      text("nextSixMonths", 1000),
      text("structuralChange", 1500),
      text("humanImpact", 2000),
      text("monitoring", 1000),
      text("evaluation", 1500),
      text("other", 1500),
    ],
    perOutcome: [text("outcomeSummary", 3000), text("outcomeGender", 1000)],
  },
  "undp-awp": {
    fields: [
      line("submittedBy"),
      line("submittedOn"),
      line("approvedBy"),
      line("approvedOn"),
      line("endorsedBy"),
      line("endorsedOn"),
    ],
  },
};

/** The fields of a template for a project whose framework has these outcomes (top-level nodes). */
export function reportFields(template: StoredReportTemplate, outcomes: readonly string[] = []): ReportField[] {
  const { fields, perOutcome = [] } = FIELDS[template];
  return [
    ...fields,
    ...outcomes.flatMap((code) => perOutcome.map((f) => ({ ...f, key: `${f.key}.${code}`, outcome: code }))),
  ];
}

/** The catalogue key of a field's label: a per-outcome field's key without its outcome. */
export const fieldLabelKey = (field: ReportField): string => (field.outcome ? field.key.split(".")[0]! : field.key);

export interface ReportFieldProblem {
  field: string;
  code: "REPORT_TEXT_TOO_LONG" | "REPORT_UNKNOWN_FIELD" | "REPORT_AMOUNT_INVALID";
  params: Record<string, string | number>;
}

/** Characters as a reader counts them (a letter with its accent is one, an emoji is one). */
export const characterCount = (text: string): number => [...text.normalize("NFC")].length;

/**
 * What a report's fields refuse: text over its field's limit (naming the
 * field and the limit), a field the template does not have, an amount that
 * is not one in the project's currency.
 */
export function checkReportFields(
  fields: readonly ReportField[],
  values: Readonly<Record<string, string>>,
  currency: CurrencyCode,
): ReportFieldProblem[] {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const problems: ReportFieldProblem[] = [];
  for (const [key, value] of Object.entries(values)) {
    const field = byKey.get(key);
    if (!field) {
      problems.push({ field: key, code: "REPORT_UNKNOWN_FIELD", params: {} });
      continue;
    }
    const length = characterCount(value);
    if (length > field.limit)
      problems.push({ field: key, code: "REPORT_TEXT_TOO_LONG", params: { limit: field.limit, length } });
    else if (field.kind === "amount" && value.trim() !== "" && !parseAmount(value, currency).ok)
      problems.push({ field: key, code: "REPORT_AMOUNT_INVALID", params: { value: value.slice(0, 40) } });
  }
  return problems;
}
