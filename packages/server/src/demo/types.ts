import type { TableIndicator } from "@baara/core";
import type { Role } from "@baara/core";

export interface DemoLine {
  description?: string;
  quantity?: string;
  unitCost?: string;
  amount?: string;
  accountCode?: string;
  accountLabel?: string;
  fundCode?: string;
  funded?: boolean;
  genderSharePercent?: string;
}

export interface DemoActivity {
  code?: string;
  title: string;
  outputIndicator?: string;
  deadline?: string;
  deadlineText?: string;
  months?: number[];
  responsible?: string;
  comments?: string;
  noCost?: boolean;
  lines: DemoLine[];
}

export interface DemoNode {
  code: string;
  title: string;
  /** Sub-total as the source document declared it. */
  declared?: string;
  children?: DemoNode[];
  activities?: DemoActivity[];
}

export interface DemoProject {
  code: string;
  title: string;
  organisationCode: string;
  currency: "XOF" | "USD";
  startDate?: string;
  endDate?: string;
  genderMarker?: "GEN0" | "GEN1" | "GEN2" | "GEN3";
  riskMarker?: "0" | "1" | "2" | "3";
  sector?: string;
  locations?: string[];
  levelLabels: string[];
  published?: boolean;
  partners: { organisationCode: string; role: "funder" | "implementer" | "responsible" | "other" }[];
  framework: DemoNode[];
  /** A donor's results table, written as its import writes it (values validated). */
  resultsTable?: { year: number; indicators: Omit<TableIndicator, "row">[] };
  /** Past years' approved plans and their execution, loaded after the framework. */
  history?: DemoPastPlan[];
  plan?: {
    year: number;
    title: string;
    declaredTotal?: string;
    /** Workflow steps already taken, by demo user e-mail. */
    steps?: { action: "submit" | "approve" | "endorse"; by: string; comment?: string }[];
  };
}

export interface DemoOrganisation {
  code: string;
  name: string;
  kind: "ministry" | "agency" | "unit" | "partner" | "donor" | "other";
  children?: DemoOrganisation[];
}

export interface DemoUser {
  email: string;
  name: string;
  platformAdmin?: boolean;
  roles: { organisationCode: string; role: Role }[];
}

/** An activity of a past year's plan, with how it ended. */
export interface DemoPastActivity {
  /** Title of the results node it sits under (new nodes are given in `newNodes`). */
  node: string;
  code: string;
  title: string;
  /** Planned cost in FCFA, or « PM » (pour mémoire: no cost). */
  cost: number | "PM";
  fund?: "BSI" | "FONCT";
  /** Executed, in the period written here. */
  done?: string;
  /** Otherwise its status at the end of the year. */
  status?: "not_started" | "reprogrammed";
  observations?: string;
  delayReason?: string;
  /** Code of the activity of the next year's plan that continues it. */
  continuedBy?: string;
}

/** A past year's approved plan of a demo project, with its execution. */
export interface DemoPastPlan {
  year: number;
  title: string;
  approvedBy: string;
  newNodes?: DemoNode[];
  activities: DemoPastActivity[];
  credits: { kind: "allocated" | "notified" | "payment"; category: string; amount: string }[];
  /** [activity code, committed, liquidated and paid, date]. */
  spending: [code: string, committed: number, liquidated: number, date: string][];
  unplanned: { title: string; periodText?: string; observations?: string }[];
}
