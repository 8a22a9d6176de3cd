// Checking a document people wrote, from an upload or pasted text.
import { api } from "@baara/core";
import type { FastifyInstance } from "fastify";
import { requestLocale } from "../http/locale.ts";
import { route } from "../http/route.ts";
import { readMultipart } from "../imports/upload.ts";
import { checkUploadedDocument } from "./operations.ts";
import { presentDocumentCheck } from "./present.ts";

export async function documentRoutes(app: FastifyInstance): Promise<void> {
  route(app, api.routes.checkDocument, async ({ ctx, request }) => {
    const findings = await checkUploadedDocument(ctx, async () => {
      const { file, values } = await readMultipart(request);
      return { file, text: values.text };
    });
    return presentDocumentCheck(findings, requestLocale(request));
  });
}
