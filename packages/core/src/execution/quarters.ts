// A plan's execution over its fiscal year, quarter by quarter and cumulative:
// where the activities stood and what was spent at the end of each quarter.
// Each point is core's `planExecution` of the records known by then, so a
// quarter's rates follow the very rules of the plan's (and the fourth quarter
// is the plan's execution itself).
import { daysInMonth } from "../plan/periods.ts";
import type { PlanActivityInput, PlanLineInput, PlanTree } from "../plan/types.ts";
import { periodEnd } from "./periods.ts";
import { planExecution } from "./rollup.ts";
import type { ExecutionInput, ExecutionSums, NodeExecution, ProgressInput } from "./types.ts";

export const QUARTERS = [1, 2, 3, 4] as const;
export type Quarter = (typeof QUARTERS)[number];

export interface QuarterExecution {
  quarter: Quarter;
  /** Last day of the quarter (ISO date). */
  end: string;
  plan: ExecutionSums;
  /** The top-level elements of the results framework, in the plan tree's order. */
  nodes: NodeExecution[];
}

/** Last day (ISO) of quarter `quarter` of fiscal year `year` starting in `fiscalYearStartMonth` (July 2024 → Q4 ends 2025-06-30). */
export function quarterEnd(year: number, quarter: Quarter, fiscalYearStartMonth: number): string {
  // Months from January of `year` to the quarter's last month (0 = January of `year`).
  const last = fiscalYearStartMonth - 1 + quarter * 3 - 1;
  const endYear = year + Math.floor(last / 12);
  const endMonth = (last % 12) + 1;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${endYear}-${pad(endMonth)}-${pad(daysInMonth(endYear, endMonth))}`;
}

/**
 * The plan's execution at the end of each quarter of its fiscal year. An
 * activity stands where its latest record of a period ended by then puts it (a
 * record for the whole year counts from the fourth quarter only); amounts count
 * from their date on. An undated transaction, or one dated after the year
 * (the complementary period when payments are still made), counts in the
 * fourth quarter, which therefore equals the plan's whole execution.
 */
export function quarterlyExecution<A extends PlanActivityInput, L extends PlanLineInput, P extends ProgressInput>(
  tree: PlanTree<A, L>,
  input: ExecutionInput<P>,
): QuarterExecution[] {
  const { year, fiscalYearStartMonth } = tree.input;
  const roots = new Set(tree.nodes.map((n) => n.id));
  return QUARTERS.map((quarter) => {
    const end = quarterEnd(year, quarter, fiscalYearStartMonth);
    const progress = input.progress.filter((r) => periodEnd(r.period, fiscalYearStartMonth) <= quarter * 3);
    const transactions = input.transactions.filter((t) => quarter === 4 || (t.date !== undefined && t.date <= end));
    const execution = planExecution(tree, { ...input, progress, transactions });
    return { quarter, end, plan: execution.plan, nodes: execution.nodes.filter((n) => roots.has(n.id)) };
  });
}
