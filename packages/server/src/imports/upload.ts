// Reads an import's multipart body: one file (or pasted cells) and the
// reading options, each refused with the field it came in.
import type { MultipartFile } from "@fastify/multipart";
import { api, planTitleFromFileName } from "@baara/core";
import type { FastifyRequest } from "fastify";
import * as z from "zod";
import { AppError, invalidField } from "../http/errors.ts";
import { RequestValidationError, unstorableTextError, unstorableTextPath } from "../http/validation.ts";
import { MAX_FILE_BYTES } from "./file-limits.ts";

export interface Upload {
  bytes: Buffer;
  name: string;
  mimeType: string;
  options: api.ImportOptions;
}

const fields = z.object({
  year: z.coerce.number().pipe(api.importOptions.shape.year.unwrap()).optional(),
  sheet: api.importOptions.shape.sheet,
  /** The column mapping as corrected by the user, JSON. */
  roles: z.string().max(50_000).optional(),
  /** Pasted cells instead of a file. */
  text: z.string().max(MAX_FILE_BYTES).optional(),
});

const tooLarge = () => new AppError("FILE_TOO_LARGE", { max: MAX_FILE_BYTES / 1024 / 1024 });

/** The parts of a multipart body; a body that is not well-formed multipart is a bad request, not a server error. */
async function* partsOf(request: FastifyRequest) {
  try {
    yield* request.parts();
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: unknown }).code;
    if (code === "FST_REQ_FILE_TOO_LARGE" || code === "FST_FILES_LIMIT" || code === "FST_PARTS_LIMIT" || code === "FST_FIELDS_LIMIT") throw tooLarge();
    throw new AppError("BAD_REQUEST");
  }
}

/** The name pasted cells are kept under. */
export const PASTED_TEXT_NAME = "texte collé.tsv";

/** The title an imported plan takes when none is given: its file's name without a version marker (pasted cells name nothing). */
export function titleOfUpload(fileName: string): string | null {
  return fileName === PASTED_TEXT_NAME ? null : planTitleFromFileName(fileName);
}

/** The file's name as the user's system gave it, without what cannot be stored or shown. */
function storableName(name: string | undefined): string {
  const clean = (name ?? "").replace(/[\u0000-\u001f\u007f]|[\uD800-\uDFFF]/g, "").trim().slice(0, 255);
  return clean || "fichier";
}

/** A media type such as `text/csv`; anything else is kept as plain bytes. */
function storableType(type: string | undefined): string {
  return type && /^[\w.+-]+\/[\w.+-]+$/.test(type) ? type.toLowerCase() : "application/octet-stream";
}

/** A multipart body's one file (or none) and its text fields, each refused with the field it came in. */
export async function readMultipart(request: FastifyRequest): Promise<{ file: Omit<Upload, "options"> | null; values: Record<string, string> }> {
  if (!request.isMultipart()) throw new AppError("EMPTY_FILE");
  const values: Record<string, string> = {};
  let file: Omit<Upload, "options"> | null = null;
  for await (const part of partsOf(request)) {
    if (part.type === "file") {
      const upload = part as MultipartFile;
      // The multipart plugin throws its own error past the size limit: give it our code and message.
      const bytes = await upload.toBuffer().catch((error: unknown) => {
        throw (error as { code?: unknown }).code === "FST_REQ_FILE_TOO_LARGE" ? tooLarge() : error;
      });
      if (upload.file.truncated) throw tooLarge();
      file = { bytes, name: storableName(upload.filename), mimeType: storableType(upload.mimetype) };
    } else if (typeof part.value === "string") {
      // Past the field size limit the plugin cuts the value: refuse it rather than read half of it.
      if (part.valueTruncated) throw tooLarge();
      values[part.fieldname] = part.value;
    }
  }
  const unstorable = unstorableTextPath(values);
  if (unstorable) throw unstorableTextError("body", unstorable);
  return { file, values };
}

export async function readUpload(request: FastifyRequest): Promise<Upload> {
  const { values, file: uploaded } = await readMultipart(request);
  let file = uploaded;
  const parsed = fields.safeParse(values);
  // Rendered as any request that does not match its schema: 400, in the user's language.
  if (!parsed.success) throw new RequestValidationError("body", parsed.error.issues);
  const { text, roles, year, sheet } = parsed.data;
  if (!file && text) file = { bytes: Buffer.from(text, "utf8"), name: PASTED_TEXT_NAME, mimeType: "text/tab-separated-values" };
  if (!file || file.bytes.length === 0) throw new AppError("EMPTY_FILE");
  const options: api.ImportOptions = {};
  if (year !== undefined) options.year = year;
  if (sheet) options.sheet = sheet;
  if (roles) {
    const decoded = api.importOptions.shape.roles.safeParse(safeJson(roles));
    if (!decoded.success) throw new RequestValidationError("body", decoded.error.issues.map((i) => ({ ...i, path: ["roles", ...i.path] })));
    if (!decoded.data) throw invalidField("roles", "VALIDATION_ERROR");
    options.roles = decoded.data;
  }
  return { ...file, options };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
