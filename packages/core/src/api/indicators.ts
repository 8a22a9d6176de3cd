// Results framework and indicators: definitions with metadata, baseline,
// targets and milestones; values per period with their breakdown, entered
// then validated; where each indicator stands; the donor's table brought in.
import * as z from "zod";
import {
  COLLECTION_FREQUENCIES,
  INDICATOR_DIRECTIONS,
  INDICATOR_LEVELS,
  INDICATOR_MEASURES,
  INDICATOR_STATUSES,
  INDICATOR_VALUE_STATUSES,
} from "../domain.ts";
import { DIMENSIONS } from "../indicators/disaggregation.ts";
import { TABLE_ROLES } from "../indicators/table.ts";
import { TEXT_LIMITS as L } from "../limits.ts";
import { id, isoDate, patchOf, percentString, requiredText, text, version } from "./common.ts";
import { periodKey } from "./execution.ts";

export const indicatorLevel = z.enum(INDICATOR_LEVELS);
export const indicatorMeasure = z.enum(INDICATOR_MEASURES);
export const indicatorDirection = z.enum(INDICATOR_DIRECTIONS);
export const collectionFrequency = z.enum(COLLECTION_FREQUENCIES);
export const indicatorValueStatus = z.enum(INDICATOR_VALUE_STATUSES);
export const indicatorStatus = z.enum(INDICATOR_STATUSES);
export const dimension = z.enum(DIMENSIONS);

/** An indicator figure: a decimal with at most four places, negative allowed (a change can be). */
export const indicatorNumber = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    if (!/^-?\d{1,16}(\.\d{1,4})?$/.test(value)) ctx.addIssue({ code: "custom", message: "VALUE_FORMAT" });
  })
  .meta({ description: "Decimal with at most 4 places", example: "15" });

const year = z.int().min(1900).max(2100);
const nullableText = (max: number) => text(max).nullable().default(null);

/** Categories keyed "dimension:category" ("sex:women", "location:Mopti") with their figure. */
export const breakdown = z
  .record(z.string().max(200), indicatorNumber)
  .refine((b) => Object.keys(b).length <= 60, { message: "TOO_MANY_CATEGORIES" })
  .meta({ description: "Figures per disaggregation category, keyed \"dimension:category\"", example: { "sex:women": "6" } });

export const indicatorTarget = z.object({
  year,
  period: periodKey,
  value: indicatorNumber.nullable().default(null),
  breakdown: breakdown.default({}),
  comment: nullableText(L.indicatorComment),
});

const definitionFields = {
  code: requiredText(L.indicatorCode),
  name: requiredText(L.indicatorName),
  level: indicatorLevel,
  measure: indicatorMeasure.default("number"),
  unit: nullableText(L.indicatorUnit),
  direction: indicatorDirection.default("increase"),
  cumulative: z.boolean().default(false),
  definition: nullableText(L.indicatorMetadata),
  calculationMethod: nullableText(L.indicatorMetadata),
  dataSource: nullableText(L.indicatorMetadata),
  verificationMeans: nullableText(L.indicatorMetadata),
  collectionFrequency: collectionFrequency.nullable().default(null),
  responsible: nullableText(L.indicatorMetadata),
  // A dimension named twice is named once.
  dimensions: z
    .array(dimension)
    .max(DIMENSIONS.length * 4)
    .transform((list) => [...new Set(list)])
    .default([]),
};

const indicatorFields = {
  ...definitionFields,
  resultNodeId: id.nullable().default(null),
  baselineValue: indicatorNumber.nullable().default(null),
  baselineDate: isoDate.nullable().default(null),
  baselineSource: nullableText(L.indicatorMetadata),
  endTarget: indicatorNumber.nullable().default(null),
  endTargetComment: nullableText(L.indicatorComment),
  endTargetBreakdown: breakdown.default({}),
  /** Targets of years and milestones of periods; given, they replace the indicator's. */
  targets: z.array(indicatorTarget).max(200).default([]),
};

export const createIndicator = z.object(indicatorFields);
export const updateIndicator = patchOf(indicatorFields).extend({ version });

export const indicatorDocument = z.object({
  id,
  title: z.string(),
  fileName: z.string(),
  size: z.int(),
  createdAt: z.string(),
});

export const indicatorValue = z.object({
  id,
  indicatorId: id,
  year: z.int(),
  period: z.string(),
  value: z.string().nullable(),
  textValue: z.string().nullable(),
  breakdown: z.record(z.string(), z.string()),
  comment: z.string().nullable(),
  varianceReason: z.string().nullable(),
  status: indicatorValueStatus,
  reviewComment: z.string().nullable(),
  enteredByName: z.string().nullable(),
  enteredAt: z.string(),
  reviewedByName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  documents: z.array(indicatorDocument),
  version: z.int(),
});
export type IndicatorValue = z.infer<typeof indicatorValue>;

export const recordIndicatorValue = z.object({
  year,
  period: periodKey,
  value: indicatorNumber.nullable().default(null),
  textValue: nullableText(L.indicatorTextValue),
  breakdown: breakdown.default({}),
  comment: nullableText(L.indicatorComment),
  varianceReason: nullableText(L.indicatorComment),
  /** The version read, when the period already has a value. */
  version: version.optional(),
});

export const reviewIndicatorValue = z.object({
  action: z.enum(["validate", "return", "reopen"]),
  comment: nullableText(L.indicatorComment),
  version,
});

const periodRef = z.object({ year: z.int(), period: z.string() });
export const breakdownDimension = z.object({
  dimension,
  rows: z.array(
    z.object({ key: z.string(), dimension, category: z.string(), value: z.string(), share: z.string().nullable() }),
  ),
  unspecified: z.string().nullable(),
  mismatch: z.boolean(),
});

export const indicatorProgress = z.object({
  asOf: periodRef.nullable(),
  current: z.string().nullable(),
  /** (current − baseline) ÷ (end target − baseline) in percent, two decimals ("50.00"). */
  achievement: z.string().nullable().meta({ description: "Percentage with two decimals, e.g. \"50.00\"" }),
  achievementNote: z.enum(["baseline_assumed_zero", "no_baseline", "no_target", "target_equals_baseline"]).nullable(),
  milestone: z.object({ year: z.int().nullable(), period: z.string().nullable(), value: z.string() }).nullable(),
  milestoneProgress: z.string().nullable(),
  status: indicatorStatus,
  breakdown: z.array(breakdownDimension),
});

export const indicator = z.object({
  id,
  projectId: id,
  resultNodeId: id.nullable(),
  nodeCode: z.string().nullable(),
  libraryIndicatorId: id.nullable(),
  code: z.string(),
  name: z.string(),
  level: indicatorLevel,
  measure: indicatorMeasure,
  unit: z.string().nullable(),
  direction: indicatorDirection,
  cumulative: z.boolean(),
  definition: z.string().nullable(),
  calculationMethod: z.string().nullable(),
  dataSource: z.string().nullable(),
  verificationMeans: z.string().nullable(),
  collectionFrequency: collectionFrequency.nullable(),
  responsible: z.string().nullable(),
  dimensions: z.array(dimension),
  baselineValue: z.string().nullable(),
  baselineDate: z.string().nullable(),
  baselineSource: z.string().nullable(),
  endTarget: z.string().nullable(),
  endTargetComment: z.string().nullable(),
  endTargetBreakdown: z.record(z.string(), z.string()),
  targets: z.array(
    z.object({
      year: z.int(),
      period: z.string(),
      value: z.string().nullable(),
      breakdown: z.record(z.string(), z.string()),
      comment: z.string().nullable(),
    }),
  ),
  /** The latest validated value counted, and the latest not yet validated (entered or returned). */
  latestValue: indicatorValue.nullable(),
  pendingValue: indicatorValue.nullable(),
  /** With `year` and `period` asked: the value entered for exactly that period (what the entry screen edits). */
  periodValue: indicatorValue.nullable(),
  progress: indicatorProgress,
  position: z.int(),
  version: z.int(),
});
export type Indicator = z.infer<typeof indicator>;

export const indicatorDetail = indicator.extend({
  values: z.array(indicatorValue),
  /** The value to date after each validated value: what the trend chart draws. */
  series: z.array(z.object({ year: z.int(), period: z.string(), value: z.string() })),
});

export const indicatorListQuery = z.object({
  /** Where each indicator stood at the end of this period (default: its latest validated value). */
  year: z.coerce.number().int().min(1900).max(2100).optional(),
  period: periodKey.optional(),
});

export const thresholds = z.object({ onTrack: percentString, atRisk: percentString });

export const projectIndicators = z.object({
  thresholds: z.object({ onTrack: z.string(), atRisk: z.string() }),
  locations: z.array(z.string()),
  nodes: z.array(z.object({ id, parentId: id.nullable(), code: z.string(), title: z.string(), level: z.int() })),
  indicators: z.array(indicator),
  counts: z.record(indicatorStatus, z.int()),
});

export const resultsTableRequest = z.object({
  text: z.string().min(1).max(1_000_000),
  /** The year of the report: its milestones and the period of its current values. */
  year,
  period: periodKey.default("Y"),
  /** Write the current values as validated (an approver importing a signed report). */
  validated: z.boolean().default(false),
});

export const resultsTablePreview = z.object({
  nodes: z.array(z.object({ code: z.string(), title: z.string(), level: indicatorLevel, exists: z.boolean() })),
  indicators: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      level: indicatorLevel,
      nodeCode: z.string().nullable(),
      measure: indicatorMeasure,
      dimensions: z.array(dimension),
      baseline: z.string().nullable(),
      endTarget: z.string().nullable(),
      milestone: z.object({ year: z.int(), value: z.string().nullable(), comment: z.string().nullable() }).nullable(),
      current: z
        .object({
          value: z.string().nullable(),
          breakdown: z.record(z.string(), z.string()),
          comment: z.string().nullable(),
        })
        .nullable(),
      reason: z.string().nullable(),
      row: z.int(),
      exists: z.boolean(),
    }),
  ),
  findings: z.array(
    z.object({
      kind: z.string(),
      row: z.int(),
      column: z.enum(TABLE_ROLES).nullable(),
      text: z.string(),
      message: z.string(),
    }),
  ),
});

export const resultsTableResult = z.object({
  nodesCreated: z.int(),
  indicatorsCreated: z.int(),
  indicatorsUpdated: z.int(),
  valuesWritten: z.int(),
  /** Current values the table gives for a period whose value is already validated: left as they are. */
  valuesLocked: z.int(),
  /** Current values of a cumulative indicator whose other periods already cover part of the period: left out. */
  valuesOverlapping: z.int(),
});

export const libraryIndicator = indicator
  .pick({
    code: true,
    name: true,
    level: true,
    measure: true,
    unit: true,
    direction: true,
    cumulative: true,
    definition: true,
    calculationMethod: true,
    dataSource: true,
    verificationMeans: true,
    collectionFrequency: true,
    responsible: true,
    dimensions: true,
  })
  .extend({ id, organisationId: id, version: z.int() });
export const createLibraryIndicator = z.object(definitionFields);
export const addLibraryIndicators = z.object({
  libraryIndicatorIds: z.array(id).min(1).max(200),
  resultNodeId: id.nullable().default(null),
});

export type ProjectIndicators = z.infer<typeof projectIndicators>;
export type IndicatorDetail = z.infer<typeof indicatorDetail>;
export type ResultsTablePreview = z.infer<typeof resultsTablePreview>;
export type LibraryIndicator = z.infer<typeof libraryIndicator>;
