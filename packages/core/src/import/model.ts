import type { CurrencyCode } from "../money.ts";
import type { ColumnMapping } from "./columns.ts";

/** Rows are 1-based sheet rows, as the user sees them in Excel; columns are letters. */
export interface ImportedNode {
  key: string;
  parentKey: string | null;
  level: number;
  code: string;
  title: string;
  row: number;
}

export interface ImportedActivity {
  key: string;
  nodeKey: string | null;
  code: string | null;
  title: string;
  outputIndicator: string | null;
  deadline: string | null;
  deadlineText: string | null;
  months: number[];
  responsible: string | null;
  comments: string | null;
  noCost: boolean;
  row: number;
}

export interface ImportedLine {
  key: string;
  activityKey: string;
  description: string | null;
  accountCode: string | null;
  accountLabel: string | null;
  fundCode: string | null;
  quantity: string | null;
  unit: string | null;
  unitCost: string | null;
  amount: string | null;
  funded: boolean;
  row: number;
}

export type ImportIssueCode =
  | "QTY_PRICE_MISMATCH"
  | "SUBTOTAL_MISMATCH"
  | "TOTAL_MISMATCH"
  | "MISSING_AMOUNT"
  | "DEADLINE_OUTSIDE_YEAR"
  | "TIMEFRAME_AFTER_DEADLINE"
  | "UNPARSEABLE_NUMBER"
  | "DECIMAL_AMOUNT"
  | "UNPARSEABLE_DATE"
  | "UNKNOWN_COLUMN"
  | "EMPTY_ACTIVITY"
  | "SHIFTED_ROW"
  | "UNMATCHED_TOTAL"
  | "REPEATED_SUBTOTAL"
  | "NEGATIVE_AMOUNT";

export interface ImportIssue {
  code: ImportIssueCode;
  severity: "error" | "warning" | "info";
  row: number | null;
  column: string | null;
  declared: string | null;
  computed: string | null;
  params: Record<string, string | number>;
}

export interface DeclaredFigure {
  amount: string;
  row: number;
  column: string | null;
}

export interface ImportedPlan {
  sheet: string;
  mapping: ColumnMapping;
  currency: CurrencyCode;
  year: number;
  levelLabels: string[];
  nodes: ImportedNode[];
  activities: ImportedActivity[];
  lines: ImportedLine[];
  declaredTotals: (DeclaredFigure & { nodeKey: string })[];
  declaredTotal: DeclaredFigure | null;
  declaredFunded: DeclaredFigure | null;
  declaredUnfunded: DeclaredFigure | null;
  issues: ImportIssue[];
}
