// Defining indicators and reporting their values, one function per use case:
// the policy, one transaction, the audit entry, the row version. A validated
// value is locked: it changes only after an approver reopens it.
import {
  type api,
  type Dimension,
  type IndicatorMeasure,
  isKnownCategory,
  normalizeValue,
  periodsOverlap,
  toScaled,
  splitCategoryKey,
} from "@baara/core";
import { and, eq, max, sql } from "drizzle-orm";
import type * as z from "zod";
import { authorizeProject, type ProjectRow } from "../access/policy.ts";
import { recordAudit } from "../audit/record.ts";
import type { Context } from "../context.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { inTransaction } from "../db/transaction.ts";
import { indicators, indicatorTargets, indicatorValues, projects, resultNodes } from "../db/schema.ts";
import {
  AppError,
  duplicate,
  invalidField,
  invalidFields,
  notFound,
  notFoundField,
  versionConflict,
} from "../http/errors.ts";
import { loadIndicators, type ValueRow } from "./load.ts";
import { presentIndicator, presentValue } from "./present.ts";
import { authorizeIndicator, authorizeValue } from "./queries.ts";

type Breakdown = Record<string, string>;

/** Every category of a breakdown is one of the indicator's dimensions (a location one of the project's). */
export function checkBreakdown(field: string, breakdown: Breakdown, dimensions: readonly string[], project: ProjectRow) {
  for (const key of Object.keys(breakdown)) {
    if (!isKnownCategory(key, dimensions as Dimension[], project.locations))
      throw invalidField(`${field}.${key}`, "CATEGORY_UNKNOWN", { value: splitCategoryKey(key)?.category ?? key });
  }
}

function checkFigure(field: string, measure: IndicatorMeasure, value: string | null | undefined) {
  if (measure === "yes_no" && value != null && value !== "0" && value !== "1") throw invalidField(field, "YES_NO_VALUE");
}

type IndicatorInput = Partial<z.output<typeof api.createIndicator>>;
type IndicatorRow = typeof indicators.$inferSelect;

/**
 * The rules a definition holds to, on what it becomes (the request over the
 * current row): a cumulative indicator counts, a yes/no one is 0 or 1, words
 * have no figures, targets lie on the side of the baseline its direction says,
 * and values already entered still fit (yes/no; no overlapping periods once cumulative).
 */
async function checkDefinition(ctx: Context, project: ProjectRow, input: IndicatorInput, current?: IndicatorRow) {
  const measure = input.measure ?? current?.measure ?? "number";
  const direction = input.direction ?? current?.direction ?? "increase";
  const cumulative = input.cumulative ?? current?.cumulative ?? false;
  const dimensions = input.dimensions ?? (current?.dimensions as Dimension[] | undefined) ?? [];
  const baseline = input.baselineValue !== undefined ? input.baselineValue : (current?.baselineValue ?? null);
  const endTarget = input.endTarget !== undefined ? input.endTarget : (current?.endTarget ?? null);
  if (input.resultNodeId) {
    const [node] = await ctx.db.select().from(resultNodes).where(eq(resultNodes.id, input.resultNodeId));
    if (!node) throw invalidFields([notFoundField("resultNodeId", "resultNode")]);
    if (node.projectId !== project.id) throw invalidField("resultNodeId", "NODE_OTHER_PROJECT");
  }
  if (cumulative && measure !== "number") throw invalidField("cumulative", "CUMULATIVE_COUNTS_ONLY");
  const targets =
    input.targets
    ?? (current ? (await ctx.db.select().from(indicatorTargets).where(eq(indicatorTargets.indicatorId, current.id))) : []);
  const figures: [string, string | null][] = [
    ["baselineValue", baseline],
    ["endTarget", endTarget],
    ...targets.map((t, i) => [`targets.${i}.value`, t.value] as [string, string | null]),
  ];
  for (const [field, value] of figures) {
    if (value === null) continue;
    if (measure === "text") throw invalidField(field, "TEXT_NO_FIGURE");
    checkFigure(field, measure, normalizeValue(value));
    const b = baseline === null ? null : toScaled(baseline);
    const v = toScaled(value);
    if (field !== "baselineValue" && b !== null && v !== null && (direction === "increase" ? v < b : v > b))
      throw invalidField(field, "DIRECTION_MISMATCH", { direction, baseline: normalizeValue(baseline!) ?? baseline! });
  }
  if (input.endTargetBreakdown) checkBreakdown("endTargetBreakdown", input.endTargetBreakdown, dimensions, project);
  const seen = new Set<string>();
  input.targets?.forEach((t, i) => {
    const key = `${t.year}-${t.period}`;
    if (seen.has(key)) throw invalidField(`targets.${i}.period`, "DUPLICATE_PERIOD");
    seen.add(key);
    checkBreakdown(`targets.${i}.breakdown`, t.breakdown, dimensions, project);
  });
  if (!current) return;
  const values = await ctx.db.select().from(indicatorValues).where(eq(indicatorValues.indicatorId, current.id));
  if (measure === "yes_no" && values.some((v) => v.value !== null && !["0", "1"].includes(normalizeValue(v.value) ?? "")))
    throw invalidField("measure", "YES_NO_VALUE");
  if (cumulative && !current.cumulative) {
    for (const a of values) {
      const b = values.find((x) => x !== a && periodsOverlap(a, x));
      if (b) throw invalidField("cumulative", "PERIOD_OVERLAP", { period: a.period, year: a.year, other: `${b.period} ${b.year}` });
    }
  }
}

async function writeTargets(ctx: Context, indicatorId: string, targets: z.output<typeof api.indicatorTarget>[]) {
  await ctx.db.delete(indicatorTargets).where(eq(indicatorTargets.indicatorId, indicatorId));
  if (targets.length > 0) await ctx.db.insert(indicatorTargets).values(targets.map((t) => ({ ...t, indicatorId })));
}

async function presentOne(ctx: Context, project: ProjectRow, id: string): Promise<api.Indicator> {
  const loaded = await loadIndicators(ctx.db, project, id);
  const row = loaded.indicators[0];
  if (!row) throw notFound("indicator");
  return presentIndicator(loaded, row);
}

export async function createIndicator(
  ctx: Context,
  projectId: string,
  input: z.output<typeof api.createIndicator>,
): Promise<api.Indicator> {
  const { project } = await authorizeProject(ctx, projectId, "indicators.define");
  const { targets, ...fields } = input;
  return inTransaction(ctx, async (tx) => {
    await checkDefinition(tx, project, input);
    const [last] = await tx.db
      .select({ p: max(indicators.position) })
      .from(indicators)
      .where(eq(indicators.projectId, project.id));
    const [row] = await tx.db
      .insert(indicators)
      .values({ ...fields, projectId: project.id, position: (last?.p ?? -1) + 1 })
      .onConflictDoNothing()
      .returning();
    if (!row) throw duplicate("code", input.code);
    await writeTargets(tx, row.id, targets);
    await recordAudit(tx, {
      projectId: project.id,
      entity: "indicator",
      entityId: row.id,
      action: "create",
      after: { ...row, targets },
    });
    return presentOne(tx, project, row.id);
  });
}

export async function updateIndicator(
  ctx: Context,
  id: string,
  input: z.output<typeof api.updateIndicator>,
): Promise<api.Indicator> {
  const { row: current, project } = await authorizeIndicator(ctx, id, "indicators.define");
  const { version, targets, ...fields } = input;
  return inTransaction(ctx, async (tx) => {
    await checkDefinition(tx, project, input, current);
    let row;
    try {
      [row] = await tx.db
        .update(indicators)
        .set({ ...fields, updatedAt: new Date(), version: sql`${indicators.version} + 1` })
        .where(and(eq(indicators.id, id), eq(indicators.version, version)))
        .returning();
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicate("code", input.code ?? "");
      throw error;
    }
    if (!row) throw versionConflict(await presentOne(tx, project, id));
    if (targets) await writeTargets(tx, id, targets);
    await recordAudit(tx, {
      projectId: project.id,
      entity: "indicator",
      entityId: id,
      action: "update",
      before: current,
      after: { ...row, ...(targets ? { targets } : {}) },
    });
    return presentOne(tx, project, id);
  });
}

export async function deleteIndicator(ctx: Context, id: string): Promise<void> {
  const { row, project, capabilities } = await authorizeIndicator(ctx, id, "indicators.define");
  await inTransaction(ctx, async (tx) => {
    // Validated values are an approver's word: only who may validate deletes them with their indicator.
    const validated = await tx.db
      .select({ id: indicatorValues.id })
      .from(indicatorValues)
      .where(and(eq(indicatorValues.indicatorId, id), eq(indicatorValues.status, "validated")));
    if (validated.length > 0 && !capabilities.has("indicators.validate"))
      throw new AppError("INDICATOR_HAS_VALIDATED", { count: validated.length });
    await tx.db.delete(indicators).where(eq(indicators.id, id));
    await recordAudit(tx, { projectId: project.id, entity: "indicator", entityId: id, action: "delete", before: row });
  });
}

async function valueEntry(ctx: Context, project: ProjectRow, row: ValueRow): Promise<api.IndicatorValue> {
  const loaded = await loadIndicators(ctx.db, project, row.indicatorId);
  const entry = loaded.values.get(row.indicatorId)?.find((v) => v.id === row.id);
  if (!entry) throw notFound("indicatorValue");
  return presentValue(entry);
}

/** The value of a period: created, or changed in place while it is not validated (its version guards it). */
export async function recordIndicatorValue(
  ctx: Context,
  indicatorId: string,
  input: z.output<typeof api.recordIndicatorValue>,
): Promise<api.IndicatorValue> {
  const { row: indicator, project } = await authorizeIndicator(ctx, indicatorId, "indicators.record");
  const { version, ...fields } = input;
  if (indicator.measure === "text") {
    if (!fields.textValue) throw invalidField("textValue", "VALUE_REQUIRED");
    if (fields.value !== null) throw invalidField("value", "TEXT_NO_FIGURE");
    if (Object.keys(fields.breakdown).length > 0) throw invalidField("breakdown", "BREAKDOWN_TEXT");
  } else {
    if (fields.value === null) throw invalidField("value", "VALUE_REQUIRED");
    if (fields.textValue !== null) throw invalidField("textValue", "TEXT_VALUE_TEXT_ONLY");
  }
  checkFigure("value", indicator.measure, fields.value);
  checkBreakdown("breakdown", fields.breakdown, indicator.dimensions, project);
  const entered = { enteredById: ctx.actor?.user.id ?? null, enteredAt: new Date(), status: "entered" as const };
  return inTransaction(ctx, async (tx) => {
    // One writer of an indicator's values at a time: the overlap rule reads the other periods.
    await tx.db.select({ id: indicators.id }).from(indicators).where(eq(indicators.id, indicator.id)).for("update");
    const others = await tx.db.select().from(indicatorValues).where(eq(indicatorValues.indicatorId, indicator.id));
    const existing = others.find((v) => v.year === fields.year && v.period === fields.period);
    if (indicator.cumulative) {
      const overlap = others.find((v) => v !== existing && periodsOverlap(v, fields));
      if (overlap)
        throw invalidField("period", "PERIOD_OVERLAP", {
          period: fields.period,
          year: fields.year,
          other: `${overlap.period} ${overlap.year}`,
        });
    }
    let row;
    if (existing) {
      if (existing.status === "validated")
        throw new AppError(
          "INDICATOR_VALUE_LOCKED",
          { date: existing.reviewedAt?.toISOString().slice(0, 10) ?? "" },
          { current: await valueEntry(tx, project, existing) },
        );
      if (version !== existing.version) throw versionConflict(await valueEntry(tx, project, existing));
      [row] = await tx.db
        .update(indicatorValues)
        .set({ ...fields, ...entered, version: sql`${indicatorValues.version} + 1` })
        .where(and(eq(indicatorValues.id, existing.id), eq(indicatorValues.version, existing.version)))
        .returning();
    } else {
      [row] = await tx.db
        .insert(indicatorValues)
        .values({ ...fields, ...entered, indicatorId: indicator.id })
        .returning();
    }
    if (!row) throw versionConflict(null);
    await recordAudit(tx, {
      projectId: project.id,
      entity: "indicatorValue",
      entityId: row.id,
      action: existing ? "update" : "create",
      before: existing ?? null,
      after: row,
    });
    return valueEntry(tx, project, row);
  });
}

const REVIEW = {
  validate: { from: "entered", to: "validated", audit: "approve" },
  return: { from: "entered", to: "returned", audit: "return" },
  reopen: { from: "validated", to: "entered", audit: "update" },
} as const;

/** An approver validates an entered value (it is locked), returns it with a reason, or reopens a validated one. */
export async function reviewIndicatorValue(
  ctx: Context,
  valueId: string,
  input: z.output<typeof api.reviewIndicatorValue>,
): Promise<api.IndicatorValue> {
  const { value, project } = await authorizeValue(ctx, valueId, "indicators.validate");
  const step = REVIEW[input.action];
  if (value.status !== step.from)
    throw new AppError("INDICATOR_VALUE_STATE", { valueStatus: value.status, reviewAction: input.action });
  if (input.action === "return" && !input.comment) throw invalidField("comment", "RETURN_COMMENT_REQUIRED");
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .update(indicatorValues)
      .set({
        status: step.to,
        reviewComment: input.comment,
        reviewedById: ctx.actor?.user.id ?? null,
        reviewedAt: new Date(),
        version: sql`${indicatorValues.version} + 1`,
      })
      .where(
        and(
          eq(indicatorValues.id, value.id),
          eq(indicatorValues.version, input.version),
          eq(indicatorValues.status, step.from),
        ),
      )
      .returning();
    if (!row) throw versionConflict(await valueEntry(tx, project, value));
    await recordAudit(tx, {
      projectId: project.id,
      entity: "indicatorValue",
      entityId: row.id,
      action: step.audit,
      before: value,
      after: row,
    });
    return valueEntry(tx, project, row);
  });
}

export async function setThresholds(ctx: Context, projectId: string, input: z.output<typeof api.thresholds>) {
  const { project } = await authorizeProject(ctx, projectId, "indicators.validate");
  if (Number(input.atRisk) > Number(input.onTrack)) throw invalidField("atRisk", "THRESHOLD_ORDER");
  return inTransaction(ctx, async (tx) => {
    await tx.db
      .update(projects)
      .set({
        indicatorOnTrack: input.onTrack,
        indicatorAtRisk: input.atRisk,
        updatedAt: new Date(),
        version: sql`${projects.version} + 1`,
      })
      .where(eq(projects.id, project.id));
    await recordAudit(tx, {
      projectId: project.id,
      entity: "project",
      entityId: project.id,
      action: "update",
      before: { indicatorOnTrack: project.indicatorOnTrack, indicatorAtRisk: project.indicatorAtRisk },
      after: { indicatorOnTrack: input.onTrack, indicatorAtRisk: input.atRisk },
    });
    return input;
  });
}
