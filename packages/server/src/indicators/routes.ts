// The indicator routes: each takes its schema and action from core's route
// table, calls one operation or query, and answers through a presenter.
import { api } from "@baara/core";
import type { FastifyInstance } from "fastify";
import { requestLocale } from "../http/locale.ts";
import { route } from "../http/route.ts";
import { AppError } from "../http/errors.ts";
import { UnreadableFileError } from "../imports/file-limits.ts";
import { readResultsSheetInThread } from "../imports/reader-pool.ts";
import { readMultipart } from "../imports/upload.ts";
import { addIndicatorEvidence, deleteIndicatorEvidence, indicatorEvidenceFile } from "./evidence.ts";
import { exportIndicators } from "./export.ts";
import { addLibraryIndicators, createLibraryIndicator, deleteLibraryIndicator } from "./library.ts";
import {
  createIndicator,
  deleteIndicator,
  recordIndicatorValue,
  reviewIndicatorValue,
  setThresholds,
  updateIndicator,
} from "./operations.ts";
import { getIndicator, listIndicators, listLibrary } from "./queries.ts";
import { importResultsTable, previewResultsTable, sheetAsText } from "./results-table.ts";

export async function indicatorRoutes(app: FastifyInstance): Promise<void> {
  const { routes } = api;

  route(app, routes.listIndicators, async ({ ctx, params, query }) => listIndicators(ctx, params.id, query));
  route(app, routes.createIndicator, async ({ ctx, params, body }) => createIndicator(ctx, params.id, body));
  route(app, routes.exportIndicators, async ({ ctx, params, query, request }) =>
    exportIndicators(ctx, params.id, query, requestLocale(request)),
  );
  route(app, routes.setIndicatorThresholds, async ({ ctx, params, body }) => setThresholds(ctx, params.id, body));
  route(app, routes.previewResultsTable, async ({ ctx, params, body, request }) =>
    previewResultsTable(ctx, params.id, body, requestLocale(request)),
  );
  route(app, routes.importResultsTable, async ({ ctx, params, body }) => importResultsTable(ctx, params.id, body));
  route(app, routes.readResultsSheet, async ({ ctx, params, request }) => {
    const { file } = await readMultipart(request);
    if (!file || file.bytes.length === 0) throw new AppError("EMPTY_FILE");
    try {
      return await sheetAsText(ctx, params.id, (bytes, name) => readResultsSheetInThread(bytes, name), file);
    } catch (error) {
      if (error instanceof UnreadableFileError) throw new AppError(error.reason, error.params);
      throw error;
    }
  });
  route(app, routes.addLibraryIndicators, async ({ ctx, params, body }) => addLibraryIndicators(ctx, params.id, body));

  route(app, routes.getIndicator, async ({ ctx, params }) => getIndicator(ctx, params.id));
  route(app, routes.updateIndicator, async ({ ctx, params, body }) => updateIndicator(ctx, params.id, body));
  route(app, routes.deleteIndicator, async ({ ctx, params }) => deleteIndicator(ctx, params.id));
  route(app, routes.recordIndicatorValue, async ({ ctx, params, body }) => recordIndicatorValue(ctx, params.id, body));
  route(app, routes.reviewIndicatorValue, async ({ ctx, params, body }) => reviewIndicatorValue(ctx, params.id, body));

  route(app, routes.addIndicatorEvidence, async ({ ctx, params, request }) => {
    const { file, values } = await readMultipart(request);
    return addIndicatorEvidence(ctx, params.id, file, values);
  });
  route(app, routes.indicatorEvidenceFile, async ({ ctx, params }) => indicatorEvidenceFile(ctx, params.id));
  route(app, routes.deleteIndicatorEvidence, async ({ ctx, params }) => deleteIndicatorEvidence(ctx, params.id));

  route(app, routes.listLibraryIndicators, async ({ ctx, params }) => listLibrary(ctx, params.id));
  route(app, routes.createLibraryIndicator, async ({ ctx, params, body }) => createLibraryIndicator(ctx, params.id, body));
  route(app, routes.deleteLibraryIndicator, async ({ ctx, params }) => deleteLibraryIndicator(ctx, params.id));
}
