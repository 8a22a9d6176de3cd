// Bringing a donor's results table in: the same reader for a paste and for a
// sheet (core's readResultsRows), a preview of what would be written, and one
// transaction that writes missing nodes, indicators (by code), the report
// year's milestones and current values. The demo loads the PBF table this way.
import {
  type api,
  type Locale,
  periodsOverlap,
  readResultsPaste,
  type ReadResultsTable,
  type TableIndicator,
  translate,
} from "@baara/core";
import { and, eq, max, sql } from "drizzle-orm";
import type * as z from "zod";
import { authorizeProject, type ProjectRow } from "../access/policy.ts";
import { recordAudit } from "../audit/record.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/transaction.ts";
import { indicators, indicatorTargets, indicatorValues, resultNodes } from "../db/schema.ts";
import { AppError, forbidden, invalidField } from "../http/errors.ts";
import type { IndicatorRow, NodeRow } from "./load.ts";

type Request = z.output<typeof api.resultsTableRequest>;

/** A results framework is tens of indicators; a table of more is refused before anything is written. */
export const MAX_TABLE_INDICATORS = 500;
/** The preview lists this many findings at most (with their count). */
const SHOWN_FINDINGS = 200;

function readTable(body: Request): ReadResultsTable {
  const table = readResultsPaste(body.text, body.year);
  if (table.findings.some((f) => f.kind === "NO_HEADER")) throw new AppError("NOT_A_RESULTS_TABLE");
  if (table.indicators.length > MAX_TABLE_INDICATORS)
    throw new AppError("TABLE_TOO_LARGE", { count: table.indicators.length, max: MAX_TABLE_INDICATORS });
  return table;
}

export async function previewResultsTable(ctx: Context, projectId: string, body: Request, locale: Locale) {
  const { project } = await authorizeProject(ctx, projectId, "indicators.define");
  const table = readTable(body);
  const [nodes, existing] = await Promise.all([
    ctx.db.select({ code: resultNodes.code }).from(resultNodes).where(eq(resultNodes.projectId, project.id)),
    ctx.db.select({ code: indicators.code }).from(indicators).where(eq(indicators.projectId, project.id)),
  ]);
  const nodeCodes = new Set(nodes.map((n) => n.code));
  const indicatorCodes = new Set(existing.map((i) => i.code));
  return {
    nodes: table.nodes.map((n) => ({ code: n.code, title: n.title, level: n.level, exists: nodeCodes.has(n.code) })),
    indicators: table.indicators.map((i) => ({
      code: i.code,
      name: i.name,
      level: i.level,
      nodeCode: i.nodeCode,
      measure: i.measure,
      dimensions: i.dimensions,
      baseline: i.baseline,
      endTarget: i.endTarget,
      milestone: i.milestone,
      current: i.current,
      reason: i.reason,
      row: i.row,
      exists: indicatorCodes.has(i.code),
    })),
    findingCount: table.findings.length,
    findings: table.findings.slice(0, SHOWN_FINDINGS).map((f) => ({
      ...f,
      message: translate(`TABLE_${f.kind}` as "TABLE_NO_RESULT", locale, {
        row: f.row,
        text: f.text,
        column: f.column ?? "",
      }),
    })),
  };
}

export async function importResultsTable(ctx: Context, projectId: string, body: Request) {
  const { project, capabilities } = await authorizeProject(ctx, projectId, "indicators.define");
  // Current values written as validated are an approver's word.
  if (body.validated && !capabilities.has("indicators.validate")) throw forbidden();
  const table = readTable(body);
  return inTransaction(ctx, (tx) => writeResultsTable(tx, project, table, body));
}

/** Writes a read table into a project: what it names by code is updated, what is missing is created. */
export async function writeResultsTable(
  ctx: Pick<Context, "db" | "actor">,
  project: ProjectRow,
  table: { nodes: ReadResultsTable["nodes"]; indicators: Omit<TableIndicator, "row">[] },
  options: { year: number; period: string; validated: boolean },
): Promise<z.output<typeof api.resultsTableResult>> {
  const result = {
    nodesCreated: 0,
    indicatorsCreated: 0,
    indicatorsUpdated: 0,
    valuesWritten: 0,
    valuesLocked: 0,
    valuesOverlapping: 0,
  };
  const nodes = new Map<string, NodeRow>();
  for (const n of await ctx.db.select().from(resultNodes).where(eq(resultNodes.projectId, project.id))) nodes.set(n.code, n);
  const [lastNode] = await ctx.db
    .select({ p: max(resultNodes.position) })
    .from(resultNodes)
    .where(eq(resultNodes.projectId, project.id));
  let nodePosition = (lastNode?.p ?? -1) + 1;
  for (const node of table.nodes) {
    if (nodes.has(node.code)) continue;
    const parent = node.parentCode ? (nodes.get(node.parentCode) ?? null) : null;
    const level = parent ? parent.level + 1 : 0;
    if (level >= project.levelLabels.length)
      throw invalidField("text", "NODE_TOO_DEEP", { levels: project.levelLabels.length });
    const [row] = await ctx.db
      .insert(resultNodes)
      .values({
        projectId: project.id,
        parentId: parent?.id ?? null,
        level,
        code: node.code,
        title: node.title || node.code,
        position: nodePosition++,
      })
      .returning();
    nodes.set(node.code, row!);
    result.nodesCreated++;
    await recordAudit(ctx, { projectId: project.id, entity: "resultNode", entityId: row!.id, action: "create", after: row });
  }

  // The project's indicators are locked: a value entered meanwhile waits, rather than racing the import for its period.
  const existing = new Map(
    (await ctx.db.select().from(indicators).where(eq(indicators.projectId, project.id)).for("update")).map((i) => [
      i.code,
      i,
    ]),
  );
  const [lastIndicator] = await ctx.db
    .select({ p: max(indicators.position) })
    .from(indicators)
    .where(eq(indicators.projectId, project.id));
  let position = (lastIndicator?.p ?? -1) + 1;
  const entered = { enteredById: ctx.actor?.user.id ?? null, enteredAt: new Date() };
  const reviewed = options.validated
    ? { status: "validated" as const, reviewedById: ctx.actor?.user.id ?? null, reviewedAt: new Date() }
    : { status: "entered" as const };
  for (const read of table.indicators) {
    const before = existing.get(read.code);
    const fields = definitionFromTable(read, nodes, before);
    let row;
    if (before) {
      [row] = await ctx.db
        .update(indicators)
        .set({
          ...fields,
          updatedAt: new Date(),
          version: sql`${indicators.version} + 1`,
        })
        .where(eq(indicators.id, before.id))
        .returning();
      result.indicatorsUpdated++;
    } else {
      [row] = await ctx.db
        .insert(indicators)
        .values({ ...fields, projectId: project.id, position: position++ })
        .returning();
      result.indicatorsCreated++;
    }
    existing.set(read.code, row!);
    await recordAudit(ctx, {
      projectId: project.id,
      entity: "indicator",
      entityId: row!.id,
      action: before ? "update" : "create",
      before: before ?? null,
      after: { ...row, imported: read },
    });

    if (read.milestone) {
      const key = and(
        eq(indicatorTargets.indicatorId, row!.id),
        eq(indicatorTargets.year, read.milestone.year),
        eq(indicatorTargets.period, "Y"),
      );
      await ctx.db.delete(indicatorTargets).where(key);
      await ctx.db.insert(indicatorTargets).values({
        indicatorId: row!.id,
        year: read.milestone.year,
        period: "Y",
        value: read.milestone.value,
        comment: read.milestone.comment,
      });
    }
    if (read.current?.value != null) {
      const key = and(
        eq(indicatorValues.indicatorId, row!.id),
        eq(indicatorValues.year, options.year),
        eq(indicatorValues.period, options.period),
      );
      const [value] = await ctx.db.select().from(indicatorValues).where(key);
      if (value?.status === "validated") {
        result.valuesLocked++;
        continue;
      }
      if (row!.cumulative) {
        const others = await ctx.db.select().from(indicatorValues).where(eq(indicatorValues.indicatorId, row!.id));
        if (others.some((o) => o.id !== value?.id && periodsOverlap(o, options))) {
          result.valuesOverlapping++;
          continue;
        }
      }
      const written = {
        value: read.current.value,
        breakdown: read.current.breakdown,
        comment: read.current.comment,
        varianceReason: read.reason,
        ...entered,
        ...reviewed,
      };
      if (value)
        await ctx.db
          .update(indicatorValues)
          .set({ ...written, version: sql`${indicatorValues.version} + 1` })
          .where(eq(indicatorValues.id, value.id));
      else
        await ctx.db
          .insert(indicatorValues)
          .values({ ...written, indicatorId: row!.id, year: options.year, period: options.period });
      result.valuesWritten++;
    }
  }
  return result;
}

/**
 * An indicator's fields as the table gives them. What a blank cell leaves out
 * keeps its value (a partial table does not erase a definition); the measure
 * changes only when the table says percentage or yes/no.
 */
function definitionFromTable(read: Omit<TableIndicator, "row">, nodes: Map<string, NodeRow>, before?: IndicatorRow) {
  const measure = read.measure !== "number" ? read.measure : (before?.measure ?? "number");
  return {
    code: read.code,
    name: read.name || before?.name || read.code,
    level: read.level,
    measure,
    unit: measure === "percentage" ? "%" : (before?.unit ?? null),
    resultNodeId: read.nodeCode ? (nodes.get(read.nodeCode)?.id ?? null) : (before?.resultNodeId ?? null),
    dimensions: [...new Set([...((before?.dimensions as string[] | undefined) ?? []), ...read.dimensions])],
    baselineValue: read.baseline ?? before?.baselineValue ?? null,
    endTarget: read.endTarget ?? before?.endTarget ?? null,
    endTargetComment: read.endTargetComment ?? before?.endTargetComment ?? null,
  };
}

/** A sheet's rows as tab-separated text: what the preview and the import read, as they read a paste. */
export async function sheetAsText(
  ctx: Context,
  projectId: string,
  read: (bytes: Buffer, name: string) => Promise<{ sheet: string; rows: string[][] }>,
  file: { bytes: Buffer; name: string },
): Promise<{ text: string; sheet: string }> {
  await authorizeProject(ctx, projectId, "indicators.define");
  const { sheet, rows } = await read(file.bytes, file.name);
  const text = rows.map((row) => row.map((cell) => cell.replace(/[\t\r\n]+/g, " ")).join("\t")).join("\n");
  return { text, sheet };
}
