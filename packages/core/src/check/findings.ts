import { formatNumber, formatPercent } from "../format.ts";
import { type Locale, type MessageCode, translate } from "../i18n/messages.ts";

export const DOCUMENT_FINDING_KINDS = ["words_figure_mismatch", "words_spelling", "rate_mismatch", "sum_mismatch"] as const;
export type DocumentFindingKind = (typeof DOCUMENT_FINDING_KINDS)[number];
export type DocumentFindingSeverity = "error" | "warning";

/**
 * One slip in a document: what kind, how grave (a wrong value or rate is an
 * error, a right value spelt wrong a warning), where, the figures as written,
 * and the catalogue message that explains it.
 */
export interface DocumentFinding {
  kind: DocumentFindingKind;
  severity: DocumentFindingSeverity;
  line: number;
  sentence: string;
  figures: string[];
  code: MessageCode;
  /** Texts as the document writes them; numbers Baara computed, shown in the reader's language. */
  params: Record<string, string | number>;
}

// The parameters that are ratios (shown as percentages); every other number is a quantity.
const RATIOS = new Set(["actual"]);

/** The finding's explanation in the reader's language. */
export function describeDocumentFinding(finding: DocumentFinding, locale: Locale): string {
  const params = Object.fromEntries(
    Object.entries(finding.params).map(([key, value]) => [
      key,
      typeof value === "string" ? value : RATIOS.has(key) ? formatPercent(value, locale) : formatNumber(value, locale),
    ]),
  );
  return translate(finding.code, locale, params);
}
