// Changes to a draft plan's activities and budget lines, one function per use
// case: policy, one transaction, audit entry, row-version guard, and the
// plan's stored totals refreshed before commit.
import { type api, type CurrencyCode, lineTotalOf } from "@baara/core";
import { and, asc, eq, inArray, max, sql } from "drizzle-orm";
import type * as z from "zod";
import type { ProjectRow, WorkplanAccess } from "../access/policy.ts";
import { recordAudit } from "../audit/record.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/transaction.ts";
import { activities, budgetLines, resultNodes, workplans } from "../db/schema.ts";
import { invalidField, invalidFields, notFound, notFoundField, versionConflict } from "../http/errors.ts";
import { canonicalAmounts, checkCurrency, checkLineProduct } from "../workplans/amounts.ts";
import { authorizeDraft } from "../workplans/editable.ts";
import type { ActivityRow, BudgetLineRow } from "../workplans/plan-tree.ts";
import { refreshPlanTotals } from "../workplans/totals.ts";
import { presentBudgetLine } from "./present.ts";
import { activityWithLines, loadActivity, loadLine } from "./queries.ts";

const LINE_AMOUNTS = ["unitCost", "amount"] as const;
type LineInput = z.output<typeof api.createBudgetLine>;

/** Amounts in the project's currency and within bounds, in canonical form; a line naming another currency is refused. */
function checkedLine<T extends Partial<LineInput>>(line: T, currency: CurrencyCode, prefix = ""): Omit<T, "currency"> {
  checkCurrency(line, currency, prefix);
  const { currency: _currency, ...values } = canonicalAmounts(line, LINE_AMOUNTS, currency, prefix);
  return values;
}

/** The results node and the continued activity must exist, in this project. */
async function checkLinks(
  ctx: Context,
  projectId: string,
  links: { resultNodeId?: string | null; continuesActivityId?: string | null },
) {
  if (links.resultNodeId) {
    const [node] = await ctx.db
      .select({ projectId: resultNodes.projectId })
      .from(resultNodes)
      .where(eq(resultNodes.id, links.resultNodeId));
    if (!node) throw invalidFields([notFoundField("resultNodeId", "resultNode")]);
    if (node.projectId !== projectId) throw invalidField("resultNodeId", "NODE_OTHER_PROJECT");
  }
  if (links.continuesActivityId) {
    const [previous] = await ctx.db
      .select({ projectId: workplans.projectId })
      .from(activities)
      .innerJoin(workplans, eq(workplans.id, activities.workplanId))
      .where(eq(activities.id, links.continuesActivityId));
    if (!previous || previous.projectId !== projectId) throw invalidFields([notFoundField("continuesActivityId", "activity")]);
  }
}

const sortedMonths = (months: readonly number[]) => [...new Set(months)].sort((a, b) => a - b);

/** The activity with its plan, if the actor may edit that draft. */
async function editableActivity(ctx: Context, activityId: string): Promise<WorkplanAccess & { activity: ActivityRow }> {
  const activity = await loadActivity(ctx, activityId);
  return { ...(await authorizeDraft(ctx, activity.workplanId)), activity };
}

export async function createActivity(
  ctx: Context,
  workplanId: string,
  input: z.output<typeof api.createActivity>,
): Promise<api.Activity> {
  const { workplan, project } = await authorizeDraft(ctx, workplanId);
  const { budgetLines: lineInputs, ...fields } = input;
  const lines = lineInputs.map((line, i) => {
    const values = checkedLine(line, project.currency, `budgetLines.${i}.`);
    checkLineProduct(values, project.currency, `budgetLines.${i}.`);
    return values;
  });
  return inTransaction(ctx, async (tx) => {
    await checkLinks(tx, project.id, fields);
    const position = fields.position ?? (await nextActivityPosition(tx, workplan.id));
    const [row] = await tx.db
      .insert(activities)
      .values({ ...fields, months: sortedMonths(fields.months), position, workplanId: workplan.id })
      .returning();
    if (!row) throw notFound("activity");
    if (lines.length > 0) {
      await tx.db.insert(budgetLines).values(
        lines.map((line, i) => ({ ...line, position: line.position ?? i, activityId: row.id, workplanId: workplan.id })),
      );
    }
    const presented = await activityWithLines(tx, row, project);
    await refreshPlanTotals(tx, workplan.id);
    await recordAudit(tx, { projectId: project.id, entity: "activity", entityId: row.id, action: "create", after: presented });
    return presented;
  });
}

export async function updateActivity(
  ctx: Context,
  activityId: string,
  input: z.output<typeof api.updateActivity>,
): Promise<api.Activity> {
  const { activity, project } = await editableActivity(ctx, activityId);
  const { version, ...changes } = input;
  return inTransaction(ctx, async (tx) => {
    await checkLinks(tx, project.id, changes);
    const [row] = await tx.db
      .update(activities)
      .set({ ...changes, ...(changes.months ? { months: sortedMonths(changes.months) } : {}), version: sql`${activities.version} + 1`, updatedAt: new Date() })
      .where(and(eq(activities.id, activity.id), eq(activities.version, version)))
      .returning();
    if (!row) throw versionConflict(await activityWithLines(tx, await loadActivity(tx, activity.id), project));
    await refreshPlanTotals(tx, activity.workplanId);
    await recordAudit(tx, { projectId: project.id, entity: "activity", entityId: activity.id, action: "update", before: activity, after: row });
    return activityWithLines(tx, row, project);
  });
}

export async function deleteActivity(ctx: Context, activityId: string): Promise<void> {
  const { activity, project } = await editableActivity(ctx, activityId);
  await inTransaction(ctx, async (tx) => {
    const before = await activityWithLines(tx, activity, project);
    await tx.db.delete(activities).where(eq(activities.id, activity.id));
    await refreshPlanTotals(tx, activity.workplanId);
    await recordAudit(tx, { projectId: project.id, entity: "activity", entityId: activity.id, action: "delete", before });
  });
}

/** Puts an activity at `position` among the activities of its results node, renumbering them in one go. */
export async function moveActivity(
  ctx: Context,
  activityId: string,
  input: z.output<typeof api.moveRequest>,
): Promise<api.Activity[]> {
  const { activity, project } = await editableActivity(ctx, activityId);
  return inTransaction(ctx, async (tx) => {
    const siblings = await tx.db
      .select()
      .from(activities)
      .where(and(eq(activities.workplanId, activity.workplanId), activity.resultNodeId === null ? sql`${activities.resultNodeId} is null` : eq(activities.resultNodeId, activity.resultNodeId)))
      .orderBy(asc(activities.position), asc(activities.createdAt));
    const moved = await reorder(
      siblings,
      activity,
      input,
      (id, position) => tx.db.update(activities).set({ position, version: sql`${activities.version} + 1`, updatedAt: new Date() }).where(eq(activities.id, id)).returning(),
      (row) => ({ id: row.id, position: row.position, version: row.version }),
    );
    await recordAudit(tx, { projectId: project.id, entity: "activity", entityId: activity.id, action: "move", before: { position: activity.position }, after: { position: input.position } });
    // The order is content too: the plan's row records the change (plan-cache.ts).
    await refreshPlanTotals(tx, activity.workplanId);
    const presented: Awaited<ReturnType<typeof activityWithLines>>[] = [];
    for (const row of moved) presented.push(await activityWithLines(tx, row, project));
    return presented;
  });
}

export async function createBudgetLine(ctx: Context, activityId: string, input: LineInput): Promise<api.BudgetLine> {
  const { activity, project } = await editableActivity(ctx, activityId);
  const line = checkedLine(input, project.currency);
  checkLineProduct(line, project.currency);
  return inTransaction(ctx, async (tx) => {
    const position = line.position ?? (await nextLinePosition(tx, activity.id));
    const [created] = await tx.db
      .insert(budgetLines)
      .values({ ...line, position, activityId: activity.id, workplanId: activity.workplanId })
      .returning();
    if (!created) throw notFound("budgetLine");
    await refreshPlanTotals(tx, activity.workplanId);
    await recordAudit(tx, { projectId: project.id, entity: "budgetLine", entityId: created.id, action: "create", after: created });
    return presentLine(created, project.currency);
  });
}

export async function updateBudgetLine(
  ctx: Context,
  lineId: string,
  input: z.output<typeof api.updateBudgetLine>,
): Promise<api.BudgetLine> {
  const before = await loadLine(ctx, lineId);
  const { project } = await editableActivity(ctx, before.activityId);
  return inTransaction(ctx, async (tx) => {
    const row = await writeLine(tx, before, input, project, "");
    await refreshPlanTotals(tx, before.workplanId);
    return presentLine(row, project.currency);
  });
}

export async function deleteBudgetLine(ctx: Context, lineId: string): Promise<void> {
  const before = await loadLine(ctx, lineId);
  const { project } = await editableActivity(ctx, before.activityId);
  await inTransaction(ctx, async (tx) => {
    await tx.db.delete(budgetLines).where(eq(budgetLines.id, before.id));
    await refreshPlanTotals(tx, before.workplanId);
    await recordAudit(tx, { projectId: project.id, entity: "budgetLine", entityId: before.id, action: "delete", before });
  });
}

/** Puts a budget line at `position` among the lines of its activity, in one request. */
export async function moveBudgetLine(
  ctx: Context,
  lineId: string,
  input: z.output<typeof api.moveRequest>,
): Promise<api.BudgetLine[]> {
  const line = await loadLine(ctx, lineId);
  const { project } = await editableActivity(ctx, line.activityId);
  return inTransaction(ctx, async (tx) => {
    const siblings = await tx.db
      .select()
      .from(budgetLines)
      .where(eq(budgetLines.activityId, line.activityId))
      .orderBy(asc(budgetLines.position), asc(budgetLines.createdAt));
    const moved = await reorder(
      siblings,
      line,
      input,
      (id, position) => tx.db.update(budgetLines).set({ position, version: sql`${budgetLines.version} + 1`, updatedAt: new Date() }).where(eq(budgetLines.id, id)).returning(),
      (row) => presentLine(row, project.currency),
    );
    await recordAudit(tx, { projectId: project.id, entity: "budgetLine", entityId: line.id, action: "move", before: { position: line.position }, after: { position: input.position } });
    await refreshPlanTotals(tx, line.workplanId);
    return moved.map((row) => presentLine(row, project.currency));
  });
}

/** A block of budget-line changes (a paste from Excel): every line is written, or none. */
export async function editLines(
  ctx: Context,
  workplanId: string,
  input: z.output<typeof api.lineEditsRequest>,
): Promise<api.BudgetLine[]> {
  const { workplan, project } = await authorizeDraft(ctx, workplanId);
  const edits = input.lines;
  const rows = await ctx.db.select().from(budgetLines).where(inArray(budgetLines.id, edits.map((e) => e.id)));
  const byId = new Map(rows.filter((row) => row.workplanId === workplan.id).map((row) => [row.id, row]));
  const missing = edits.flatMap((e, i) => (byId.has(e.id) ? [] : [notFoundField(`lines.${i}.id`, "budgetLine")]));
  if (missing.length > 0) throw invalidFields(missing);
  return inTransaction(ctx, async (tx) => {
    const updated: BudgetLineRow[] = [];
    for (const [i, { id, ...changes }] of edits.entries()) {
      const before = byId.get(id);
      if (before) updated.push(await writeLine(tx, before, changes, project, `lines.${i}.`));
    }
    await refreshPlanTotals(tx, workplan.id);
    return updated.map((row) => presentLine(row, project.currency));
  });
}

/** One budget line update inside the caller's transaction: checks, version guard, audit. */
async function writeLine(
  tx: Context,
  before: BudgetLineRow,
  input: z.output<typeof api.updateBudgetLine>,
  project: ProjectRow,
  prefix: string,
): Promise<BudgetLineRow> {
  const { currency } = project;
  const { version, ...changes } = checkedLine(input, currency, prefix);
  checkLineProduct(
    {
      quantity: changes.quantity === undefined ? before.quantity : changes.quantity,
      unitCost: changes.unitCost === undefined ? before.unitCost : changes.unitCost,
    },
    currency,
    prefix,
  );
  const [updated] = await tx.db
    .update(budgetLines)
    .set({ ...changes, version: sql`${budgetLines.version} + 1`, updatedAt: new Date() })
    .where(and(eq(budgetLines.id, before.id), eq(budgetLines.version, version)))
    .returning();
  if (!updated) throw versionConflict(presentLine(await loadLine(tx, before.id), currency));
  await recordAudit(tx, { projectId: project.id, entity: "budgetLine", entityId: before.id, action: "update", before, after: updated });
  return updated;
}

const presentLine = (row: BudgetLineRow, currency: CurrencyCode) => presentBudgetLine(lineTotalOf(row, currency), currency);

async function nextActivityPosition(ctx: Context, workplanId: string): Promise<number> {
  const [last] = await ctx.db
    .select({ p: max(activities.position) })
    .from(activities)
    .where(eq(activities.workplanId, workplanId));
  return (last?.p ?? -1) + 1;
}

async function nextLinePosition(ctx: Context, activityId: string): Promise<number> {
  const [last] = await ctx.db
    .select({ p: max(budgetLines.position) })
    .from(budgetLines)
    .where(eq(budgetLines.activityId, activityId));
  return (last?.p ?? -1) + 1;
}

/**
 * Renumbers siblings 0…n−1 with `row` at the asked position; the moved row's
 * version must be the one the client read. Answers the rows whose position changed.
 */
async function reorder<T extends { id: string; position: number; version: number }>(
  siblings: T[],
  row: T,
  input: { position: number; version: number },
  write: (id: string, position: number) => Promise<T[]>,
  present: (row: T) => unknown,
): Promise<T[]> {
  const current = siblings.find((s) => s.id === row.id);
  if (!current || current.version !== input.version) throw versionConflict(current ? present(current) : null);
  const order = siblings.filter((s) => s.id !== row.id);
  order.splice(Math.min(input.position, order.length), 0, current);
  const changed: T[] = [];
  for (const [position, sibling] of order.entries()) {
    if (sibling.position === position && sibling.id !== row.id) continue;
    const [written] = await write(sibling.id, position);
    if (written) changed.push(written);
  }
  return changed;
}
