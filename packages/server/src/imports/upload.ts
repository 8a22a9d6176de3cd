// Reads an import's multipart body: one file (or pasted cells) and the
// reading options, each refused with the field it came in.
import type { MultipartFile } from "@fastify/multipart";
import { api } from "@baara/core";
import type { FastifyRequest } from "fastify";
import * as z from "zod";
import { AppError, invalidField, invalidFields } from "../http/errors.ts";
import { unstorableTextError, unstorableTextPath } from "../http/validation.ts";
import { MAX_FILE_BYTES } from "./read-file.ts";

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

export async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) throw new AppError("EMPTY_FILE");
  const values: Record<string, string> = {};
  let file: Omit<Upload, "options"> | null = null;
  for await (const part of request.parts()) {
    if (part.type === "file") {
      const upload = part as MultipartFile;
      // The multipart plugin throws its own error past the size limit: give it our code and message.
      const bytes = await upload.toBuffer().catch((error: unknown) => {
        throw (error as { code?: unknown }).code === "FST_REQ_FILE_TOO_LARGE" ? tooLarge() : error;
      });
      if (upload.file.truncated) throw tooLarge();
      file = { bytes, name: upload.filename || "fichier", mimeType: upload.mimetype || "application/octet-stream" };
    } else if (typeof part.value === "string") {
      values[part.fieldname] = part.value;
    }
  }
  const unstorable = unstorableTextPath(values);
  if (unstorable) throw unstorableTextError("body", unstorable);
  const parsed = fields.safeParse(values);
  if (!parsed.success) {
    throw invalidFields(parsed.error.issues.map((i) => ({ field: i.path.join("."), code: i.code, message: i.message })));
  }
  const { text, roles, year, sheet } = parsed.data;
  if (!file && text) file = { bytes: Buffer.from(text, "utf8"), name: "texte collé.tsv", mimeType: "text/tab-separated-values" };
  if (!file || file.bytes.length === 0) throw new AppError("EMPTY_FILE");
  const options: api.ImportOptions = {};
  if (year !== undefined) options.year = year;
  if (sheet) options.sheet = sheet;
  if (roles) {
    const decoded = api.importOptions.shape.roles.safeParse(safeJson(roles));
    if (!decoded.success || !decoded.data) throw invalidField("roles", "VALIDATION_ERROR");
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
