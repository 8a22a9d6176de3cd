import * as z from "zod";
import { IMPORT_STATUSES, JOB_STATES } from "../domain.ts";
import { COLUMN_FIELDS } from "../import/columns.ts";
import { TEXT_LIMITS } from "../limits.ts";
import { id, pageQuery, text } from "./common.ts";

export const importStatus = z.enum(IMPORT_STATUSES);
export type ImportStatus = z.infer<typeof importStatus>;
export const jobState = z.enum(JOB_STATES);

export const columnRole = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("field"), field: z.enum(COLUMN_FIELDS) }),
  z.object({ kind: z.literal("month"), month: z.int().min(1).max(12) }),
  z.object({ kind: z.literal("quarter"), quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]) }),
  z.object({ kind: z.literal("ignored") }),
]);

/** How to read the file: which sheet, which year, and the columns as the user corrected them. */
export const importOptions = z.object({
  year: z.int().min(2000).max(2100).optional(),
  sheet: text(100).optional(),
  roles: z.array(columnRole).max(500).optional(),
});
export type ImportOptions = z.infer<typeof importOptions>;

export const commitImportRequest = z.object({
  year: z.int().min(2000).max(2100).optional(),
  title: text(TEXT_LIMITS.planTitle).optional(),
});

export const job = z.object({
  id,
  name: z.string(),
  state: jobState,
  /** 0–1. */
  progress: z.number(),
  stage: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Job = z.infer<typeof job>;

const importIssue = z.object({
  code: z.string(),
  severity: z.enum(["error", "warning", "info"]),
  row: z.int().nullable(),
  column: z.string().nullable(),
  declared: z.string().nullable(),
  computed: z.string().nullable(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
  /** The key of the preview row (group, activity, line) it is about; null for the sheet as a whole. */
  target: z.string().nullable(),
});

export const importReport = z.object({
  sheet: z.string(),
  currency: z.string(),
  year: z.int(),
  activities: z.int(),
  budgetLines: z.int(),
  groups: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      level: z.int(),
      levelLabel: z.string(),
      row: z.int(),
      computed: z.string(),
      declared: z.string().nullable(),
    }),
  ),
  total: z.object({ computed: z.string(), declared: z.string().nullable() }),
  /** The first findings of each kind (ISSUES_SHOWN_PER_KIND), in sheet order. */
  issues: z.array(importIssue),
  /** Every kind of finding with its full count. */
  issueCounts: z.array(z.object({ code: z.string(), severity: z.enum(["error", "warning", "info"]), count: z.int() })),
});

/** One row of the tree an import will create: a group, an activity or a budget line, with its total. */
export const importPreviewRow = z.object({
  kind: z.enum(["node", "activity", "line"]),
  key: z.string(),
  parentKey: z.string().nullable(),
  depth: z.int(),
  row: z.int(),
  code: z.string().nullable(),
  levelLabel: z.string().nullable(),
  label: z.string(),
  quantity: z.string().nullable(),
  unitCost: z.string().nullable(),
  amount: z.string(),
  declared: z.string().nullable(),
  noCost: z.boolean(),
});

/** What the file was read as; the plan itself is kept on the server and written on commit. */
export const importInterpretation = z.object({
  sheets: z.array(z.string()),
  sheet: z.string(),
  mapping: z.object({
    headers: z.array(z.string()),
    roles: z.array(columnRole),
    /** The first few texts under each header (empty lists for an import read before samples were kept). */
    samples: z.array(z.array(z.string())),
  }),
  report: importReport,
  /** The tree the commit will write, cut after the first activities and lines of a very large file. */
  preview: z.object({
    rows: z.array(importPreviewRow),
    omitted: z.object({ activities: z.int(), lines: z.int() }),
  }),
});

export const importRecord = z.object({
  id,
  projectId: id,
  status: importStatus,
  fileName: z.string(),
  fileSize: z.int(),
  fileType: z.string(),
  uploadedBy: z.object({ id: id.nullable(), name: z.string().nullable() }),
  options: importOptions,
  job: job.nullable(),
  interpretation: importInterpretation.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  workplanId: id.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ImportRecord = z.infer<typeof importRecord>;

export const importListQuery = pageQuery;
