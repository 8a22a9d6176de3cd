// Import of a work plan file: upload (202, read in the background), read
// again with other options, commit as a new plan version (202); the client
// follows the import's job.
import { api } from "@baara/core";
import type { FastifyInstance } from "fastify";
import { fileBytes, fileRecord } from "../files/records.ts";
import { requestLocale } from "../http/locale.ts";
import { pageOf } from "../http/pagination.ts";
import { route } from "../http/route.ts";
import { commitImport, createImport, rereadImport } from "./operations.ts";
import { presentImport } from "./present.ts";
import { importDetails, listImports, readableImport } from "./queries.ts";
import { readUpload } from "./upload.ts";

export async function importRoutes(app: FastifyInstance): Promise<void> {
  const { routes } = api;

  route(app, routes.createImport, async ({ ctx, params, request }) => {
    const row = await createImport(ctx, params.id, await readUpload(request));
    return presentImport(await importDetails(ctx, row), requestLocale(request));
  });

  route(app, routes.listImports, async ({ ctx, params, query, request }) => {
    const { rows, total } = await listImports(ctx, params.id, query);
    return pageOf(rows.map((r) => presentImport(r, requestLocale(request))), query, total);
  });

  route(app, routes.getImport, async ({ ctx, params, request }) =>
    presentImport(await importDetails(ctx, await readableImport(ctx, params.id)), requestLocale(request)),
  );

  route(app, routes.rereadImport, async ({ ctx, params, body, request }) =>
    presentImport(await importDetails(ctx, await rereadImport(ctx, params.id, body)), requestLocale(request)),
  );

  route(app, routes.commitImport, async ({ ctx, params, body, request }) =>
    presentImport(await importDetails(ctx, await commitImport(ctx, params.id, body)), requestLocale(request)),
  );

  route(app, routes.importFile, async ({ ctx, params }) => {
    const row = await readableImport(ctx, params.id);
    const file = await fileRecord(ctx, row.fileId);
    return { body: await fileBytes(ctx, file), mimeType: file.mimeType, fileName: file.name };
  });
}
