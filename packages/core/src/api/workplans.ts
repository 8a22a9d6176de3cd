import * as z from "zod";
import { PLAN_ACTIONS, PLAN_STATUSES } from "../plan/workflow.ts";
import { TEXT_LIMITS } from "../limits.ts";
import { resultNode } from "./projects.ts";
import {
  amountString,
  position,
  currencyCode,
  id,
  isoDate,
  pageQuery,
  patchOf,
  percentString,
  quantityString,
  requiredText,
  text,
  timestamps,
  version,
} from "./common.ts";

export const planStatus = z.enum(PLAN_STATUSES);
export const planAction = z.enum(PLAN_ACTIONS);

export const workplan = z.object({
  id,
  projectId: id,
  year: z.int(),
  planVersion: z.int(),
  title: z.string(),
  status: planStatus,
  declaredTotal: z.string().nullable(),
  copiedFromId: id.nullable(),
  /**
   * The version of the same project-year in force (the latest approved or endorsed), null before any approval. A plan
   * with a lower version number is superseded by it: read only, and it takes no workflow step.
   */
  versionInForce: z.int().nullable(),
  ...timestamps,
});
export type Workplan = z.infer<typeof workplan>;

export const createWorkplan = z.object({
  year: z.int().min(2000).max(2100),
  title: text(TEXT_LIMITS.planTitle).optional(),
  declaredTotal: amountString.nullable().default(null),
  /** Copy activities and lines from this plan (a revision, or next year's plan). */
  copyFromId: id.optional(),
});
export const updateWorkplan = z
  .object({ title: requiredText(TEXT_LIMITS.planTitle), declaredTotal: amountString.nullable() })
  .partial()
  .extend({ version });

/** How a version came to be: the first entry of its history. */
export const PLAN_ORIGINS = ["create", "import", "copy"] as const;
export const historyAction = z.enum([...PLAN_ORIGINS, ...PLAN_ACTIONS]);

/** One entry of a plan's history: its origin, then each workflow step. */
export const workplanStep = z.object({
  id,
  action: historyAction,
  /** Null on the origin entry. */
  fromStatus: planStatus.nullable(),
  toStatus: planStatus,
  /** Null when the account is gone or the plan came from the demo or a migration. */
  userId: id.nullable(),
  userName: z.string().nullable(),
  comment: z.string().nullable(),
  at: z.string(),
  /** The uploaded file's name, on an import. */
  fileName: z.string().nullable(),
  /** The copied plan's version and year, on a copy. */
  copiedFrom: z.object({ planVersion: z.int(), year: z.int() }).nullable(),
});
export type WorkplanStep = z.infer<typeof workplanStep>;
export const transitionRequest = z.object({
  action: planAction,
  comment: text(TEXT_LIMITS.workflowComment).optional(),
  /** The committee session whose decision this step records (the steering committee approving a plan or a revision). */
  meetingId: id.nullable().optional(),
  version,
});

export const declaredTotalRequest = z.object({ nodeId: id, amount: amountString.nullable() });

const month = z.int().min(1).max(12);

const activityFields = {
  resultNodeId: id.nullable().default(null),
  code: text(40).nullable().default(null),
  title: requiredText(TEXT_LIMITS.activityTitle),
  outputIndicator: text(2000).nullable().default(null),
  deadline: isoDate.nullable().default(null),
  deadlineText: text(200).nullable().default(null),
  months: z.array(month).max(12).default([]),
  responsible: text(500).nullable().default(null),
  comments: text(5000).nullable().default(null),
  noCost: z.boolean().default(false),
  continuesActivityId: id.nullable().default(null),
  position: position.optional(),
};

const budgetLineFields = {
  /** Optional: when sent, it must be the project's currency; amounts are always in that currency. */
  currency: currencyCode.optional(),
  description: text(2000).nullable().default(null),
  accountCode: text(40).nullable().default(null),
  accountLabel: text(300).nullable().default(null),
  fundCode: text(40).nullable().default(null),
  quantity: quantityString.nullable().default(null),
  unit: text(60).nullable().default(null),
  unitCost: amountString.nullable().default(null),
  amount: amountString.nullable().default(null),
  funded: z.boolean().default(true),
  genderSharePercent: percentString.nullable().default(null),
  position: position.optional(),
};

export const createBudgetLine = z.object(budgetLineFields);
export const updateBudgetLine = patchOf(budgetLineFields).extend({ version });
export const createActivity = z.object({
  ...activityFields,
  budgetLines: z.array(createBudgetLine).max(500).default([]),
});
export const updateActivity = patchOf(activityFields).extend({ version });

export const budgetLine = z.object({
  id,
  activityId: id,
  description: z.string().nullable(),
  accountCode: z.string().nullable(),
  accountLabel: z.string().nullable(),
  fundCode: z.string().nullable(),
  quantity: z.string().nullable(),
  unit: z.string().nullable(),
  unitCost: z.string().nullable(),
  amount: z.string().nullable(),
  /** quantity × unit cost when both are known. */
  computedAmount: z.string().nullable(),
  /** The amount the line counts for in totals. */
  effectiveAmount: z.string(),
  funded: z.boolean(),
  genderSharePercent: z.string().nullable(),
  position: z.int(),
  ...timestamps,
});
export type BudgetLine = z.infer<typeof budgetLine>;

export const activity = z.object({
  id,
  workplanId: id,
  resultNodeId: id.nullable(),
  code: z.string().nullable(),
  title: z.string(),
  outputIndicator: z.string().nullable(),
  deadline: z.string().nullable(),
  deadlineText: z.string().nullable(),
  months: z.array(z.int()),
  quarters: z.array(z.int()),
  responsible: z.string().nullable(),
  comments: z.string().nullable(),
  noCost: z.boolean(),
  continuesActivityId: id.nullable(),
  position: z.int(),
  total: z.string(),
  budgetLines: z.array(budgetLine),
  ...timestamps,
});
export type Activity = z.infer<typeof activity>;

export const activityListQuery = pageQuery.extend({ resultNodeId: id.optional() });

const findingSchema = z.object({
  code: z.string(),
  severity: z.enum(["error", "warning"]),
  location: z.object({
    entity: z.enum(["workplan", "node", "activity", "budgetLine"]),
    id: id.nullable(),
    path: z.array(z.string()),
  }),
  declared: z.string().nullable(),
  computed: z.string().nullable(),
  message: z.string(),
});

export type SummaryNode = {
  id: string;
  parentId: string | null;
  level: number;
  levelLabel: string;
  code: string;
  title: string;
  computed: string;
  declared: string | null;
  activityCount: number;
  children: SummaryNode[];
};
const summaryNode: z.ZodType<SummaryNode> = z.lazy(() =>
  z.object({
    id,
    parentId: id.nullable(),
    level: z.int(),
    levelLabel: z.string(),
    code: z.string(),
    title: z.string(),
    computed: z.string(),
    declared: z.string().nullable(),
    activityCount: z.int(),
    children: z.array(summaryNode),
  }),
);
const breakdown = z.object({ key: z.string().nullable(), label: z.string().nullable(), amount: z.string() });

export const workplanSummary = z.object({
  workplan,
  currency: z.string(),
  total: z.object({ computed: z.string(), declared: z.string().nullable() }),
  nodes: z.array(summaryNode),
  unassigned: z.string(),
  byAccount: z.array(breakdown),
  byFund: z.array(breakdown),
  byResponsible: z.array(breakdown),
  byQuarter: z.object({
    q1: z.string(),
    q2: z.string(),
    q3: z.string(),
    q4: z.string(),
    unscheduled: z.string(),
  }),
  funded: z.string(),
  unfunded: z.string(),
  genderTagged: z.string(),
  activityCount: z.int(),
  budgetLineCount: z.int(),
  findings: z.array(findingSchema),
});
export type WorkplanSummary = z.infer<typeof workplanSummary>;

/** Several budget lines changed at once (a pasted block): all are written, or none. */
export const lineEditsRequest = z.object({
  lines: z
    .array(updateBudgetLine.extend({ id }))
    .min(1)
    .max(2000),
});
export const lineEditsResponse = z.object({ lines: z.array(budgetLine) });

const minorString = z.string().meta({ description: "Decimal amount; negative for a decrease" });
export const compareQuery = z.object({ with: id });
export type WorkplanComparison = z.infer<typeof workplanComparison>;
export const workplanComparison = z.object({
  base: workplan,
  other: workplan,
  currency: z.string(),
  total: z.object({ base: minorString, other: minorString, difference: minorString }),
  nodes: z.array(
    z.object({
      nodeId: id,
      code: z.string(),
      title: z.string(),
      level: z.int(),
      base: minorString,
      other: minorString,
      difference: minorString,
    }),
  ),
  lines: z.array(
    z.object({
      kind: z.enum(["added", "removed", "changed"]),
      activityCode: z.string().nullable(),
      activityTitle: z.string(),
      accountCode: z.string().nullable(),
      description: z.string().nullable(),
      /** Each changed field with its stored values: decimal strings for quantity and amounts, "true"/"false" for funded. */
      changes: z.array(
        z.object({
          field: z.enum(["description", "accountCode", "fundCode", "quantity", "unitCost", "amount", "funded"]),
          before: z.string().nullable(),
          after: z.string().nullable(),
        }),
      ),
      base: minorString.nullable(),
      other: minorString.nullable(),
    }),
  ),
});

export const workplanListQuery = pageQuery.extend({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const exportFormat = z.enum(["xlsx", "awp", "csv"]);
export type ExportFormat = z.infer<typeof exportFormat>;
export const exportQuery = z.object({ format: exportFormat.default("xlsx") });

/** A row moved to another place among its siblings, in one request. */
export const moveRequest = z.object({ position, version });

/**
 * The whole plan as the editor works on it: the plan model with every record,
 * so that the browser computes the same plan tree as the server.
 */
export const workplanContent = z.object({
  workplan,
  currency: currencyCode,
  fiscalYearStartMonth: z.int(),
  levelLabels: z.array(z.string()),
  nodes: z.array(resultNode),
  activities: z.array(activity),
  declaredTotals: z.array(z.object({ nodeId: id, amount: z.string() })),
  declaredTotal: z.string().nullable(),
});
export type WorkplanContent = z.infer<typeof workplanContent>;
