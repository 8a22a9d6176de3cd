// Importing an export of the finance system into a plan's execution: the file
// is kept, read in a reader thread against the plan's activity and account
// codes (core's readFinanceExport), shown before anything is written, then
// written in one transaction where a transaction that a previous import wrote
// (same fingerprint) is skipped, never counted twice.
import {
  type api,
  type CurrencyCode,
  type FinanceReading,
  formatAmountDecimal,
  formatMoney,
  isMessageCode,
  type Locale,
  parseAmount,
  sumMinor,
  type TransactionStage,
  translate,
  TRANSACTION_STAGES,
} from "@baara/core";
import { and, eq, inArray, sql } from "drizzle-orm";
import * as z from "zod";
import { authorizeWorkplan } from "../access/policy.ts";
import { recordAudit } from "../audit/record.ts";
import type { Context } from "../context.ts";
import { chunks } from "../db/chunks.ts";
import { inTransaction } from "../db/transaction.ts";
import {
  activities,
  budgetLines,
  executionTransactions,
  projects,
  storedFiles,
  transactionImports,
  workplans,
} from "../db/schema.ts";
import { fileBytes, fileRecord, keepFile } from "../files/records.ts";
import { AppError, notFound, versionConflict } from "../http/errors.ts";
import type { FileAnswer } from "../http/route.ts";
import { RequestValidationError } from "../http/validation.ts";
import { readFinanceInThread } from "../imports/reader-pool.ts";
import { UnreadableFileError } from "../imports/file-limits.ts";
import type { Upload } from "../imports/upload.ts";
import { openExecution } from "./state.ts";
import { refreshExecutionSums } from "./sums.ts";

type ImportRow = typeof transactionImports.$inferSelect;
interface Stored {
  reading: FinanceReading;
  /** Fingerprints already written by an earlier import when this one was read. */
  alreadyImported: string[];
}

const fields = z.object({ stage: z.enum(TRANSACTION_STAGES).optional(), sheet: z.string().trim().max(200).optional() });

export async function createFinanceImport(
  ctx: Context,
  workplanId: string,
  upload: Omit<Upload, "options">,
  values: Record<string, string>,
): Promise<ImportRow> {
  const options = fields.safeParse(values);
  if (!options.success) throw new RequestValidationError("body", options.error.issues);
  const { workplan, project } = await authorizeWorkplan(ctx, workplanId, "execution.record");
  // Refused before the file is read when the plan's execution is not open.
  await inTransaction(ctx, (tx) => openExecution(tx, workplan.id));
  const acts = await ctx.db
    .select({ id: activities.id, code: activities.code })
    .from(activities)
    .where(eq(activities.workplanId, workplan.id));
  const lines = await ctx.db
    .select({ id: budgetLines.id, activityId: budgetLines.activityId, accountCode: budgetLines.accountCode })
    .from(budgetLines)
    .where(eq(budgetLines.workplanId, workplan.id));
  let reading: FinanceReading | null;
  try {
    ({ reading } = await readFinanceInThread(upload.bytes, {
      fileName: upload.name,
      ...(options.data.sheet ? { sheet: options.data.sheet } : {}),
      currency: project.currency,
      defaultStage: options.data.stage ?? null,
      year: workplan.year,
      fiscalYearStartMonth: project.fiscalYearStartMonth,
      targets: { activities: acts, lines },
    }));
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new AppError(error.reason, error.params);
    throw error;
  }
  if (!reading) throw new AppError("NOT_A_FINANCE_EXPORT");
  const alreadyImported = await existingFingerprints(
    ctx,
    workplan.id,
    reading.transactions.map((t) => t.fingerprint),
  );
  return inTransaction(ctx, async (tx) => {
    const file = await keepFile(tx, upload.bytes, { name: upload.name, mimeType: upload.mimeType });
    const stored: Stored = { reading, alreadyImported };
    const [row] = await tx.db
      .insert(transactionImports)
      .values({
        workplanId: workplan.id,
        fileId: file.id,
        status: "ready",
        options: options.data,
        reading: stored,
        createdById: tx.actor?.user.id ?? null,
      })
      .returning();
    if (!row) throw notFound("import");
    await recordAudit(tx, {
      projectId: project.id,
      entity: "import",
      entityId: row.id,
      action: "create",
      after: { workplanId: workplan.id, file: file.name, read: reading.transactions.length },
    });
    return row;
  });
}

async function existingFingerprints(ctx: Context, workplanId: string, fingerprints: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const [, chunk] of chunks(fingerprints)) {
    const rows = await ctx.db
      .select({ fingerprint: executionTransactions.fingerprint })
      .from(executionTransactions)
      .where(and(eq(executionTransactions.workplanId, workplanId), inArray(executionTransactions.fingerprint, chunk)));
    found.push(...rows.map((r) => r.fingerprint));
  }
  return found;
}

async function loadImport(ctx: Context, id: string): Promise<ImportRow> {
  const [row] = await ctx.db.select().from(transactionImports).where(eq(transactionImports.id, id));
  if (!row) throw notFound("import");
  return row;
}

export async function readFinanceImport(ctx: Context, id: string): Promise<ImportRow> {
  const row = await loadImport(ctx, id);
  await authorizeWorkplan(ctx, row.workplanId, "project.read");
  return row;
}

/** Writes what was read, once: a transaction already in the plan (same fingerprint) is skipped. */
export async function commitFinanceImport(ctx: Context, id: string, input: { version: number }): Promise<ImportRow> {
  const before = await loadImport(ctx, id);
  return inTransaction(ctx, async (tx) => {
    const { workplan, project, settings } = await openExecution(tx, before.workplanId);
    const [current] = await tx.db.select().from(transactionImports).where(eq(transactionImports.id, id)).for("update");
    if (!current || current.version !== input.version) throw versionConflict({ version: current?.version });
    if (current.status !== "ready") throw new AppError("IMPORT_NOT_READY", { importStatus: current.status });
    const { reading } = current.reading as Stored;
    let written = 0;
    for (const [, chunk] of chunks(reading.transactions)) {
      const rows = await tx.db
        .insert(executionTransactions)
        .values(
          chunk.map((t) => ({
            workplanId: workplan.id,
            activityId: t.activityId,
            budgetLineId: t.lineId,
            stage: t.stage,
            date: t.date,
            amount: t.amount,
            reference: t.reference,
            supplier: t.supplier,
            category: t.category,
            importId: id,
            fingerprint: t.fingerprint,
            createdById: tx.actor?.user.id ?? null,
          })),
        )
        .onConflictDoNothing({ target: [executionTransactions.workplanId, executionTransactions.fingerprint] })
        .returning({ id: executionTransactions.id });
      written += rows.length;
    }
    const skipped = reading.transactions.length - written;
    const [row] = await tx.db
      .update(transactionImports)
      .set({ status: "committed", written, skipped, version: sql`${transactionImports.version} + 1`, updatedAt: new Date() })
      .where(eq(transactionImports.id, id))
      .returning();
    if (!row) throw notFound("import");
    await refreshExecutionSums(tx.db, workplan, project, settings);
    await recordAudit(tx, {
      projectId: project.id,
      entity: "import",
      entityId: id,
      action: "update",
      after: { status: "committed", written, skipped },
    });
    return row;
  });
}

export async function financeImportFile(ctx: Context, id: string): Promise<FileAnswer> {
  const row = await readFinanceImport(ctx, id);
  const file = await fileRecord(ctx, row.fileId);
  return { body: await fileBytes(ctx, file), mimeType: file.mimeType, fileName: file.name };
}

const SHOWN = 500;

/** What the screen shows of an import: counts, totals per stage, the first rows and the findings in words. */
export async function presentFinanceImport(
  ctx: Context,
  row: ImportRow,
  locale: Locale,
): Promise<z.infer<typeof api.financeImport>> {
  const { reading, alreadyImported } = row.reading as Stored;
  const [context] = await ctx.db
    .select({ fileName: storedFiles.name, currency: projects.currency })
    .from(workplans)
    .innerJoin(projects, eq(projects.id, workplans.projectId))
    .innerJoin(storedFiles, eq(storedFiles.id, row.fileId))
    .where(eq(workplans.id, row.workplanId));
  const currency = context?.currency ?? "XOF";
  const done = new Set(alreadyImported);
  const shown = reading.transactions.slice(0, SHOWN);
  const labels = await targetLabels(
    ctx,
    shown.map((t) => t.activityId),
    shown.flatMap((t) => (t.lineId ? [t.lineId] : [])),
  );
  const total = (stage: TransactionStage) =>
    formatAmountDecimal(
      sumMinor(
        reading.transactions
          .filter((t) => t.stage === stage && !done.has(t.fingerprint))
          .map((t) => minor(t.amount, currency)),
      ),
      currency,
    );
  const money = (text: string) =>
    text
      .split(" / ")
      .map((a) => formatMoney(minor(a, currency), currency, locale))
      .join(" / ");
  return {
    id: row.id,
    workplanId: row.workplanId,
    status: row.status === "committed" ? "committed" : "ready",
    fileName: context?.fileName ?? "",
    sheet: reading.sheet,
    headerRow: reading.headerRow,
    columns: reading.columns,
    rows: reading.rows,
    toWrite: reading.transactions.filter((t) => !done.has(t.fingerprint)).length,
    alreadyImported: reading.transactions.filter((t) => done.has(t.fingerprint)).length,
    totals: { commitment: total("commitment"), liquidation: total("liquidation"), payment: total("payment") },
    transactions: shown.map((t) => ({
      row: t.row,
      stage: t.stage,
      date: t.date,
      amount: t.amount,
      reference: t.reference,
      supplier: t.supplier,
      code: t.code,
      activity: labels.activities.get(t.activityId) ?? "",
      line: t.lineId ? (labels.lines.get(t.lineId) ?? null) : null,
      alreadyImported: done.has(t.fingerprint),
      outsideYear: t.outsideYear ?? false,
    })),
    outsideYear: reading.transactions.filter((t) => t.outsideYear).length,
    findings: reading.findings.slice(0, SHOWN).map((f) => ({
      row: f.row,
      code: f.code,
      message: isMessageCode(f.code)
        ? translate(f.code, locale, {
            ...f.params,
            ...("amount" in f.params ? { amount: money(String(f.params.amount)) } : {}),
          })
        : f.code,
    })),
    findingCount: reading.findings.length,
    written: row.written,
    skipped: row.skipped,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

function minor(amount: string, currency: CurrencyCode): number {
  const parsed = parseAmount(amount, currency);
  return parsed.ok ? parsed.value : 0;
}

async function targetLabels(ctx: Context, activityIds: string[], lineIds: string[]) {
  const acts = new Map<string, string>();
  for (const [, chunk] of chunks([...new Set(activityIds)])) {
    const rows = await ctx.db
      .select({ id: activities.id, code: activities.code, title: activities.title })
      .from(activities)
      .where(inArray(activities.id, chunk));
    for (const r of rows) acts.set(r.id, [r.code, r.title].filter(Boolean).join(" "));
  }
  const lines = new Map<string, string>();
  for (const [, chunk] of chunks([...new Set(lineIds)])) {
    const rows = await ctx.db
      .select({ id: budgetLines.id, code: budgetLines.accountCode, text: budgetLines.description })
      .from(budgetLines)
      .where(inArray(budgetLines.id, chunk));
    for (const r of rows) lines.set(r.id, [r.code, r.text].filter(Boolean).join(" · "));
  }
  return { activities: acts, lines };
}
