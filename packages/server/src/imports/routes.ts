// Import of a work plan file: a preview that writes nothing, then a commit
// that writes the whole plan as a new version, or nothing.
import type { MultipartFile } from "@fastify/multipart";
import { type ColumnRole, type CurrencyCode, reportImport } from "@baara/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import * as z from "zod";
import { requireProject } from "../access/access.ts";
import { api } from "@baara/core";
import { AppError, invalidFields } from "../http/errors.ts";
import { requestLocale } from "../http/locale.ts";
import { presentWorkplan } from "../workplans/present.ts";
import { commitImport } from "./commit.ts";
import { importError } from "./errors.ts";
import { interpretFile } from "./interpret-file.ts";
import { MAX_FILE_BYTES } from "./read-file.ts";

const columnRole = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("field"), field: z.string() }),
  z.object({ kind: z.literal("month"), month: z.int().min(1).max(12) }),
  z.object({ kind: z.literal("quarter"), quarter: z.int().min(1).max(4) }),
  z.object({ kind: z.literal("ignored") }),
]);
const importFields = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  sheet: z.string().max(100).optional(),
  title: z.string().max(300).optional(),
  /** The column mapping as corrected by the user, JSON. */
  roles: z.string().max(20_000).optional(),
  /** Pasted text instead of a file. */
  text: z.string().max(MAX_FILE_BYTES).optional(),
});

/** Reads the multipart body: one file (or pasted text) and the form fields. */
async function readUpload(request: FastifyRequest) {
  const fields: Record<string, string> = {};
  let file: { bytes: Buffer; name: string } | null = null;
  for await (const part of request.parts()) {
    if (part.type === "file") {
      const upload = part as MultipartFile;
      const tooLarge = () => new AppError(413, "FILE_TOO_LARGE", { max: MAX_FILE_BYTES / 1024 / 1024 });
      // The multipart plugin throws its own error past the size limit: give it our code and message.
      const bytes = await upload.toBuffer().catch((error: unknown) => {
        throw (error as { code?: unknown }).code === "FST_REQ_FILE_TOO_LARGE" ? tooLarge() : error;
      });
      if (upload.file.truncated) throw tooLarge();
      file = { bytes, name: upload.filename };
    } else if (typeof part.value === "string") {
      fields[part.fieldname] = part.value;
    }
  }
  const parsed = importFields.safeParse(fields);
  if (!parsed.success) {
    throw invalidFields(parsed.error.issues.map((i) => ({ field: i.path.join("."), code: i.code, message: i.message })));
  }
  const { text, roles, ...rest } = parsed.data;
  if (!file && text) file = { bytes: Buffer.from(text, "utf8"), name: "texte collé.tsv" };
  if (!file) throw invalidFields([{ field: "file", code: "EMPTY_FILE", message: "EMPTY_FILE" }]);
  let columnRoles: ColumnRole[] | undefined;
  if (roles) {
    const decoded = z.array(columnRole).safeParse(safeJson(roles));
    if (!decoded.success) throw invalidFields([{ field: "roles", code: "invalid_type", message: "VALIDATION_ERROR" }]);
    columnRoles = decoded.data as ColumnRole[];
  }
  return { file, roles: columnRoles, ...rest };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export async function importRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.database;
  const tags = ["import"];
  const consumes = ["multipart/form-data"];

  r.post(
    "/projects/:id/imports/preview",
    { schema: { tags, consumes, params: api.idParams, description: "Read a work plan file and report what would be imported; writes nothing." } },
    async (request) => {
      const { project } = await requireProject(db, request.actor, request.params.id, "plan.create");
      const upload = await readUpload(request);
      const { plan, sheets } = await interpretFile(upload.file.bytes, {
        fileName: upload.file.name,
        sheet: upload.sheet,
        year: upload.year,
        roles: upload.roles,
        currency: project.currency as CurrencyCode,
        levelLabels: project.levelLabels,
      }).catch((error: unknown) => {
        throw importError(error);
      });
      return {
        sheets,
        sheet: plan.sheet,
        mapping: plan.mapping,
        report: reportImport(plan, requestLocale(request)),
        preview: { nodes: plan.nodes, activities: plan.activities.slice(0, 500), lines: plan.lines.slice(0, 1000) },
      };
    },
  );

  r.post(
    "/projects/:id/imports",
    { schema: { tags, consumes, params: api.idParams, description: "Import a work plan file as a new plan version: all of it or nothing." } },
    async (request, reply) => {
      const { project } = await requireProject(db, request.actor, request.params.id, "plan.create");
      const upload = await readUpload(request);
      const { plan } = await interpretFile(upload.file.bytes, {
        fileName: upload.file.name,
        sheet: upload.sheet,
        year: upload.year,
        roles: upload.roles,
        currency: project.currency as CurrencyCode,
        levelLabels: project.levelLabels,
      }).catch((error: unknown) => {
        throw importError(error);
      });
      const workplan = await db.transaction((tx) =>
        commitImport(tx, {
          actor: request.actor,
          project,
          year: upload.year ?? plan.year,
          plan,
          title: upload.title,
          sourceName: upload.file.name,
        }),
      );
      return reply.status(201).send({ workplan: presentWorkplan(workplan), report: reportImport(plan, requestLocale(request)) });
    },
  );
}
