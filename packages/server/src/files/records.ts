// A file kept for a record: its bytes in the store, its name, type, size and
// uploader in `stored_files`.
import { eq } from "drizzle-orm";
import type { Context } from "../context.ts";
import { storedFiles } from "../db/schema.ts";
import { AppError } from "../http/errors.ts";

export type StoredFile = typeof storedFiles.$inferSelect;

export async function keepFile(ctx: Context, bytes: Buffer, meta: { name: string; mimeType: string }): Promise<StoredFile> {
  const { sha256, size } = await ctx.services.files.put(bytes);
  const [row] = await ctx.db
    .insert(storedFiles)
    .values({ sha256, size, name: meta.name, mimeType: meta.mimeType, uploadedById: ctx.actor?.user.id ?? null })
    .returning();
  if (!row) throw new Error("file record not written");
  return row;
}

export async function fileRecord(ctx: Context, id: string): Promise<StoredFile> {
  const [row] = await ctx.db.select().from(storedFiles).where(eq(storedFiles.id, id));
  if (!row) throw new AppError("FILE_MISSING");
  return row;
}

export async function fileBytes(ctx: Context, file: StoredFile): Promise<Buffer> {
  const bytes = await ctx.services.files.get(file.sha256);
  if (!bytes) throw new AppError("FILE_MISSING");
  return bytes;
}
