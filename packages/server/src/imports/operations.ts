// An import is a file kept in the file store, read in the background into a
// plan the user reviews, then written as a new plan version, also in the
// background: uploading, reading again with other options, and committing
// are the three use cases.
import type { api } from "@baara/core";
import { and, eq, sql } from "drizzle-orm";
import { authorizeProject } from "../access/policy.ts";
import type { Context } from "../context.ts";
import { imports } from "../db/schema.ts";
import { inTransaction } from "../db/transaction.ts";
import { keepFile } from "../files/records.ts";
import { AppError, notFound } from "../http/errors.ts";
import type { QueuedJob } from "../jobs/runner.ts";
import { COMMIT_IMPORT, type CommitJob, READ_IMPORT, type ReadJob } from "./jobs.ts";
import { type ImportRow, readableImport } from "./queries.ts";
import type { Upload } from "./upload.ts";

/** Keeps the file, records the import and queues its reading; answers at once (202), the job tells the progress. */
export async function createImport(ctx: Context, projectId: string, upload: Upload): Promise<ImportRow> {
  const { project } = await authorizeProject(ctx, projectId, "plan.create");
  const { row, job } = await inTransaction(ctx, async (tx) => {
    const file = await keepFile(tx, upload.bytes, { name: upload.name, mimeType: upload.mimeType });
    const [created] = await tx.db
      .insert(imports)
      .values({ projectId: project.id, fileId: file.id, options: upload.options, createdById: ctx.actor?.user.id ?? null })
      .returning();
    if (!created) throw new Error("import not recorded");
    return queueReading(tx, created);
  });
  await job.dispatch();
  return row;
}

/** Reads the kept file again with other options (sheet, year, corrected columns). */
export async function rereadImport(ctx: Context, importId: string, options: api.ImportOptions): Promise<ImportRow> {
  const current = await authorizedImport(ctx, importId);
  if (current.status !== "ready" && current.status !== "failed") throw new AppError("IMPORT_NOT_READY", { importStatus: current.status });
  const { row, job } = await inTransaction(ctx, async (tx) => {
    const [updated] = await tx.db
      .update(imports)
      .set({ options, status: "reading", plan: null, error: null, version: sql`${imports.version} + 1`, updatedAt: new Date() })
      .where(and(eq(imports.id, current.id), eq(imports.version, current.version)))
      .returning();
    if (!updated) throw new AppError("IMPORT_NOT_READY", { importStatus: "reading" });
    return queueReading(tx, updated);
  });
  await job.dispatch();
  return row;
}

/** Queues the writing of what was read as a new plan version: all of it or nothing. */
export async function commitImport(
  ctx: Context,
  importId: string,
  input: { year?: number | undefined; title?: string | undefined },
): Promise<ImportRow> {
  const current = await authorizedImport(ctx, importId);
  if (current.status !== "ready" || !current.plan) throw new AppError("IMPORT_NOT_READY", { importStatus: current.status });
  const year = input.year ?? current.options.year ?? current.plan.year;
  const { row, job } = await inTransaction(ctx, async (tx) => {
    const [updated] = await tx.db
      .update(imports)
      .set({ status: "committing", error: null, version: sql`${imports.version} + 1`, updatedAt: new Date() })
      .where(and(eq(imports.id, current.id), eq(imports.version, current.version), eq(imports.status, "ready")))
      .returning();
    if (!updated) throw new AppError("IMPORT_NOT_READY", { importStatus: "committing" });
    const data: CommitJob = {
      importId: updated.id,
      version: updated.version,
      year,
      title: input.title ?? null,
      userId: ctx.actor?.user.id ?? null,
    };
    return withJob(tx, updated, await tx.services.jobs.enqueue(tx.db, COMMIT_IMPORT, data, owner(tx, updated)));
  });
  await job.dispatch();
  return row;
}

async function authorizedImport(ctx: Context, importId: string): Promise<ImportRow> {
  const row = await readableImport(ctx, importId);
  await authorizeProject(ctx, row.projectId, "plan.create");
  return row;
}

async function queueReading(tx: Context, row: ImportRow): Promise<{ row: ImportRow; job: QueuedJob }> {
  const data: ReadJob = { importId: row.id, version: row.version };
  return withJob(tx, row, await tx.services.jobs.enqueue(tx.db, READ_IMPORT, data, owner(tx, row)));
}

async function withJob(tx: Context, row: ImportRow, job: QueuedJob): Promise<{ row: ImportRow; job: QueuedJob }> {
  const [updated] = await tx.db.update(imports).set({ jobId: job.id }).where(eq(imports.id, row.id)).returning();
  if (!updated) throw notFound("import");
  return { row: updated, job };
}

const owner = (ctx: Context, row: ImportRow) => ({ projectId: row.projectId, createdById: ctx.actor?.user.id ?? null });
