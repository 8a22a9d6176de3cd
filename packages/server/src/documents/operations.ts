// Checking a document: anyone signed in may (it reads nothing of anyone's); nothing is stored.
import { checkDocument, type DocumentFinding } from "@baara/core";
import { requireSignedIn } from "../access/policy.ts";
import type { Context } from "../context.ts";
import { AppError } from "../http/errors.ts";
import { documentText, UnreadableDocument } from "./document-text.ts";

export interface DocumentUpload {
  file: { bytes: Uint8Array; name: string } | null;
  text?: string;
}

/** The findings of an uploaded file or pasted text; the body is read only once the actor may check. */
export async function checkUploadedDocument(ctx: Context, read: () => Promise<DocumentUpload>): Promise<DocumentFinding[]> {
  requireSignedIn(ctx);
  const { file, text: pasted } = await read();
  const text = file
    ? await documentText(file.bytes, file.name).catch((error: unknown) => {
        throw error instanceof UnreadableDocument ? new AppError("DOCUMENT_UNREADABLE", { name: file.name }) : error;
      })
    : pasted;
  if (!text?.trim()) throw new AppError("EMPTY_FILE");
  return checkDocument(text);
}
