// Documents behind a reported value (attendance lists, survey reports): kept
// in the file store, served only to those who may read the project, added
// and removed while the value is not validated.
import type { api } from "@baara/core";
import { eq } from "drizzle-orm";
import * as z from "zod";
import { recordAudit } from "../audit/record.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/transaction.ts";
import { indicatorDocuments } from "../db/schema.ts";
import { fileBytes, fileRecord, keepFile } from "../files/records.ts";
import { AppError, notFound } from "../http/errors.ts";
import type { FileAnswer } from "../http/route.ts";
import { RequestValidationError } from "../http/validation.ts";
import type { Upload } from "../imports/upload.ts";
import { authorizeValue } from "./queries.ts";

const fields = z.object({ title: z.string().trim().max(300).optional() });

function refuseValidated(value: { status: string; reviewedAt: Date | null }) {
  if (value.status === "validated")
    throw new AppError("INDICATOR_VALUE_LOCKED", { date: value.reviewedAt?.toISOString().slice(0, 10) ?? "" });
}

export async function addIndicatorEvidence(
  ctx: Context,
  valueId: string,
  file: Omit<Upload, "options"> | null,
  values: Record<string, string>,
): Promise<z.output<typeof api.indicatorDocument>> {
  const parsed = fields.safeParse(values);
  if (!parsed.success) throw new RequestValidationError("body", parsed.error.issues);
  const { value, project } = await authorizeValue(ctx, valueId, "indicators.record");
  if (!file || file.bytes.length === 0) throw new AppError("EMPTY_FILE");
  refuseValidated(value);
  return inTransaction(ctx, async (tx) => {
    const stored = await keepFile(tx, file.bytes, { name: file.name, mimeType: file.mimeType });
    const [row] = await tx.db
      .insert(indicatorDocuments)
      .values({
        valueId: value.id,
        fileId: stored.id,
        title: parsed.data.title || file.name,
        createdById: tx.actor?.user.id ?? null,
      })
      .returning();
    if (!row) throw notFound("indicatorValue");
    await recordAudit(tx, {
      projectId: project.id,
      entity: "indicatorValue",
      entityId: value.id,
      action: "update",
      after: { document: row.id, file: stored.name },
    });
    return {
      id: row.id,
      title: row.title,
      fileName: stored.name,
      size: stored.size,
      createdAt: row.createdAt.toISOString(),
    };
  });
}

async function documentOf(ctx: Context, id: string, capability: "project.read" | "indicators.record") {
  const [row] = await ctx.db.select().from(indicatorDocuments).where(eq(indicatorDocuments.id, id));
  if (!row) throw notFound("resource");
  const { value, project, publicOnly } = await authorizeValue(ctx, row.valueId, capability);
  // A visitor of a published project does not read the documents behind its values.
  if (publicOnly) throw notFound("resource");
  return { document: row, value, project };
}

export async function indicatorEvidenceFile(ctx: Context, id: string): Promise<FileAnswer> {
  const { document } = await documentOf(ctx, id, "project.read");
  const file = await fileRecord(ctx, document.fileId);
  return { body: await fileBytes(ctx, file), mimeType: file.mimeType, fileName: file.name };
}

export async function deleteIndicatorEvidence(ctx: Context, id: string): Promise<void> {
  const { document: row, value, project } = await documentOf(ctx, id, "indicators.record");
  refuseValidated(value);
  await inTransaction(ctx, async (tx) => {
    await tx.db.delete(indicatorDocuments).where(eq(indicatorDocuments.id, row.id));
    await recordAudit(tx, {
      projectId: project.id,
      entity: "indicatorValue",
      entityId: value.id,
      action: "update",
      before: { document: row.id },
    });
  });
}
