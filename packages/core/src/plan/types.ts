import type { CurrencyCode, Minor } from "../money.ts";

/**
 * A plan as the rules see it: plain data, amounts as canonical decimal
 * strings. Callers may pass richer activity and line records (database rows,
 * API records): the plan tree carries them through untouched.
 */
export interface PlanInput<A extends PlanActivityInput = PlanActivityInput, L extends PlanLineInput = PlanLineInput> {
  currency: CurrencyCode;
  year: number;
  /** 1 = January. A fiscal year starting in July 2024 is "2024" and ends in June 2025. */
  fiscalYearStartMonth: number;
  levelLabels: readonly string[];
  nodes: readonly PlanNodeInput[];
  activities: readonly A[];
  lines: readonly L[];
  /** Sub-totals as the source document declared them, by results node. */
  declaredTotals: readonly { nodeId: string; amount: string }[];
  declaredTotal: string | null;
}

export interface PlanNodeInput {
  id: string;
  parentId: string | null;
  level: number;
  code: string;
  title: string;
  position: number;
}

export interface PlanActivityInput {
  id: string;
  resultNodeId: string | null;
  code: string | null;
  title: string;
  /** ISO date (YYYY-MM-DD) or null. */
  deadline: string | null;
  /** Calendar months 1–12 of the timeframe. */
  months: readonly number[];
  responsible: string | null;
  noCost: boolean;
  position: number;
}

export interface PlanLineInput {
  id: string;
  activityId: string;
  description: string | null;
  accountCode: string | null;
  accountLabel: string | null;
  fundCode: string | null;
  quantity: string | null;
  unitCost: string | null;
  /** Declared amount; null means quantity × unit cost. */
  amount: string | null;
  funded: boolean;
  genderSharePercent: string | null;
  position: number;
}

export type FindingCode =
  | "QTY_PRICE_MISMATCH"
  | "SUBTOTAL_MISMATCH"
  | "TOTAL_MISMATCH"
  | "MISSING_AMOUNT"
  | "DEADLINE_OUTSIDE_YEAR"
  | "TIMEFRAME_AFTER_DEADLINE";

export type FindingSeverity = "error" | "warning";

export interface Finding {
  code: FindingCode;
  severity: FindingSeverity;
  location: {
    entity: "workplan" | "node" | "activity" | "budgetLine";
    id: string | null;
    /** Human path: node codes, then activity code or title, then line number. */
    path: string[];
  };
  declared: Minor | null;
  computed: Minor | null;
  /** Extra values the message needs (dates, months). */
  params: Record<string, string | number>;
}

export interface LineTotal<L extends PlanLineInput = PlanLineInput> {
  line: L;
  /** What the line counts for: its declared amount, else quantity × unit cost, else 0. */
  amount: Minor;
  /** Quantity × unit cost, when both are known. */
  expected: Minor | null;
}

export interface ActivityTotal<A extends PlanActivityInput = PlanActivityInput, L extends PlanLineInput = PlanLineInput> {
  activity: A;
  amount: Minor;
  /** In order of position. */
  lines: LineTotal<L>[];
}

export interface NodeTotal<A extends PlanActivityInput = PlanActivityInput, L extends PlanLineInput = PlanLineInput> {
  id: string;
  parentId: string | null;
  level: number;
  levelLabel: string;
  code: string;
  title: string;
  computed: Minor;
  declared: Minor | null;
  /** Activities and lines of the node and all its descendants. */
  activityCount: number;
  lineCount: number;
  /** The node's own activities, in order of position. */
  activities: ActivityTotal<A, L>[];
  children: NodeTotal<A, L>[];
}

export interface Breakdown {
  key: string | null;
  label: string | null;
  amount: Minor;
}

/** A plan with every total, count and finding computed once: what every screen, list, export and report reads. */
export interface PlanTree<A extends PlanActivityInput = PlanActivityInput, L extends PlanLineInput = PlanLineInput> {
  input: PlanInput<A, L>;
  total: { computed: Minor; declared: Minor | null };
  /** The results framework, in order, each node with its activities. */
  nodes: NodeTotal<A, L>[];
  /** Activities with no results node (or one outside the framework), in order. */
  loose: ActivityTotal<A, L>[];
  unassigned: Minor;
  activityAmounts: Map<string, Minor>;
  lineAmounts: Map<string, Minor>;
  byAccount: Breakdown[];
  byFund: Breakdown[];
  byResponsible: Breakdown[];
  /** Fiscal quarters 1–4 from the activities' months; "unscheduled" has no months. */
  byQuarter: { q1: Minor; q2: Minor; q3: Minor; q4: Minor; unscheduled: Minor };
  funded: Minor;
  unfunded: Minor;
  genderTagged: Minor;
  findings: Finding[];
  counts: PlanCounts;
}

/** What lists show of a plan without reading it: stored with the plan, kept equal to a fresh roll-up. */
export interface PlanCounts {
  total: Minor;
  activities: number;
  lines: number;
  findings: number;
}
