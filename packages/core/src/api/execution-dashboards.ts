// The two views of execution across plans: a project's years side by side
// with one year quarter by quarter, and the portfolio's execution rates per
// project, organisation and currency. Every figure is the plan's stored sums
// (or a roll-up of them) with its rates; see api/execution.ts for their shape.
import * as z from "zod";
import { CREDIT_BASIS_KEYS } from "../execution/rates.ts";
import { id } from "./common.ts";
import { executionFigures, financialExecution, physicalExecution } from "./execution.ts";

const year = z.coerce.number().int().min(2000).max(2100);

export const executionYearQuery = z.object({
  /** The year to follow quarter by quarter (project) or to list (portfolio); by default the latest with an approved plan. */
  year: year.optional(),
});

const planOfYear = {
  year: z.int(),
  /** The year's current plan: its latest approved or endorsed version. */
  workplanId: id,
  planVersion: z.int(),
  status: z.enum(["approved", "endorsed"]),
};

export const projectExecution = z.object({
  projectId: id,
  currency: z.string(),
  fiscalYearStartMonth: z.int(),
  /** Every year with an approved plan, oldest first: the figures of its current plan. */
  years: z.array(
    executionFigures.extend({
      ...planOfYear,
      closed: z.boolean(),
      /** Whether cancelled activities are left out of the planned ones. */
      excludeCancelled: z.boolean(),
    }),
  ),
  /** The chosen year quarter by quarter (cumulative); null when the project has no approved plan that year. */
  timeline: z
    .object({
      ...planOfYear,
      /** What the plan's spending is read against: its payment credit, else notified credit, else allocated budget, else budget. */
      creditBasis: z.enum(CREDIT_BASIS_KEYS),
      /** The top-level elements of the results framework, in order. */
      nodes: z.array(z.object({ nodeId: id, code: z.string(), title: z.string() })),
      quarters: z.array(
        executionFigures.extend({
          quarter: z.int().min(1).max(4),
          /** Last day of the quarter. */
          end: z.string(),
          nodes: z.array(executionFigures.extend({ nodeId: id })),
        }),
      ),
    })
    .nullable(),
});
export type ProjectExecution = z.infer<typeof projectExecution>;

/** Sums of several plans: activity counts across all of them, amounts per currency. */
const rolledUp = z.object({
  plans: z.int(),
  /** byBudget is null when the plans have several currencies (their budgets do not add). */
  physical: physicalExecution,
  /** A credit (and its rates) is given only when every plan of the currency recorded it. */
  financial: z.array(financialExecution.extend({ currency: z.string(), plans: z.int() })),
});

export const portfolioExecution = z.object({
  /** The year listed; null when no visible project has an approved plan. */
  year: z.int().nullable(),
  /** Years with an approved plan among the visible projects, latest first. */
  years: z.array(z.int()),
  projects: z.array(
    executionFigures.extend({
      ...planOfYear,
      projectId: id,
      code: z.string(),
      title: z.string(),
      organisationId: id,
      organisationName: z.string(),
      currency: z.string(),
    }),
  ),
  /** The projects' organisations and those above them, depth first: each sums its projects and its sub-organisations'. */
  organisations: z.array(
    rolledUp.extend({ organisationId: id, parentId: id.nullable(), code: z.string(), name: z.string(), level: z.int() }),
  ),
  total: rolledUp,
});
export type PortfolioExecution = z.infer<typeof portfolioExecution>;
