// Documents that show an activity was done (mission reports, attendance
// lists, photos): kept in the file store, linked to the activity, served only
// to those who may read its plan, added and removed while its execution is open.
import type { api } from "@baara/core";
import { asc, eq } from "drizzle-orm";
import * as z from "zod";
import { authorizeWorkplan } from "../access/policy.ts";
import { loadActivity } from "../activities/queries.ts";
import { recordAudit } from "../audit/record.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/transaction.ts";
import { executionDocuments, storedFiles, users } from "../db/schema.ts";
import { fileBytes, fileRecord, keepFile } from "../files/records.ts";
import { AppError, notFound } from "../http/errors.ts";
import type { FileAnswer } from "../http/route.ts";
import { RequestValidationError } from "../http/validation.ts";
import type { Upload } from "../imports/upload.ts";
import { openExecution } from "./state.ts";

const fields = z.object({ title: z.string().trim().max(300).optional() });

const documentColumns = {
  id: executionDocuments.id,
  activityId: executionDocuments.activityId,
  title: executionDocuments.title,
  fileName: storedFiles.name,
  mimeType: storedFiles.mimeType,
  size: storedFiles.size,
  createdByName: users.name,
  createdAt: executionDocuments.createdAt,
};

function present(row: { createdAt: Date } & Omit<api.ExecutionDocument, "createdAt">): api.ExecutionDocument {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

export async function listEvidence(ctx: Context, activityId: string): Promise<api.ExecutionDocument[]> {
  const activity = await loadActivity(ctx, activityId);
  await authorizeWorkplan(ctx, activity.workplanId, "project.read");
  const rows = await ctx.db
    .select(documentColumns)
    .from(executionDocuments)
    .innerJoin(storedFiles, eq(storedFiles.id, executionDocuments.fileId))
    .leftJoin(users, eq(users.id, executionDocuments.createdById))
    .where(eq(executionDocuments.activityId, activity.id))
    .orderBy(asc(executionDocuments.createdAt));
  return rows.map(present);
}

export async function addEvidence(
  ctx: Context,
  activityId: string,
  file: Omit<Upload, "options"> | null,
  values: Record<string, string>,
): Promise<api.ExecutionDocument> {
  const parsed = fields.safeParse(values);
  if (!parsed.success) throw new RequestValidationError("body", parsed.error.issues);
  if (!file || file.bytes.length === 0) throw new AppError("EMPTY_FILE");
  const activity = await loadActivity(ctx, activityId);
  return inTransaction(ctx, async (tx) => {
    const { project } = await openExecution(tx, activity.workplanId);
    const stored = await keepFile(tx, file.bytes, { name: file.name, mimeType: file.mimeType });
    const [row] = await tx.db
      .insert(executionDocuments)
      .values({
        activityId: activity.id,
        fileId: stored.id,
        title: parsed.data.title || file.name,
        createdById: tx.actor?.user.id ?? null,
      })
      .returning();
    if (!row) throw notFound("activity");
    await recordAudit(tx, {
      projectId: project.id,
      entity: "activity",
      entityId: activity.id,
      action: "update",
      after: { document: row.id, file: stored.name },
    });
    return present({
      ...row,
      fileName: stored.name,
      mimeType: stored.mimeType,
      size: stored.size,
      createdByName: tx.actor?.user.name ?? null,
    });
  });
}

async function readableDocument(ctx: Context, id: string) {
  const [row] = await ctx.db.select().from(executionDocuments).where(eq(executionDocuments.id, id));
  if (!row) throw notFound("resource");
  const activity = await loadActivity(ctx, row.activityId);
  return { row, activity };
}

export async function evidenceFile(ctx: Context, id: string): Promise<FileAnswer> {
  const { row, activity } = await readableDocument(ctx, id);
  await authorizeWorkplan(ctx, activity.workplanId, "project.read");
  const file = await fileRecord(ctx, row.fileId);
  return { body: await fileBytes(ctx, file), mimeType: file.mimeType, fileName: file.name };
}

export async function deleteEvidence(ctx: Context, id: string): Promise<void> {
  const { row, activity } = await readableDocument(ctx, id);
  await inTransaction(ctx, async (tx) => {
    const { project } = await openExecution(tx, activity.workplanId);
    await tx.db.delete(executionDocuments).where(eq(executionDocuments.id, row.id));
    await recordAudit(tx, {
      projectId: project.id,
      entity: "activity",
      entityId: activity.id,
      action: "update",
      before: { document: row.id },
    });
  });
}
