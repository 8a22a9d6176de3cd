// The execution routes: each takes its schema and action from core's route
// table, calls one operation or query, and answers through a presenter.
import { api } from "@baara/core";
import type { FastifyInstance } from "fastify";
import { requestLocale } from "../http/locale.ts";
import { pageOf } from "../http/pagination.ts";
import { route } from "../http/route.ts";
import { AppError } from "../http/errors.ts";
import { readMultipart } from "../imports/upload.ts";
import { addEvidence, deleteEvidence, evidenceFile, listEvidence } from "./evidence.ts";
import { exportExecutionTable } from "./export.ts";
import { commitFinanceImport, createFinanceImport, financeImportFile, presentFinanceImport, readFinanceImport } from "./finance-import.ts";
import {
  closeExecution,
  createTransaction,
  deleteTransaction,
  recordProgress,
  setExecutionSettings,
  updateTransaction,
} from "./operations.ts";
import { presentExecution, presentProgress, presentTransaction, presentUnplanned } from "./present.ts";
import { activityProgressHistory, listTransactions, listUnplanned, workplanExecution } from "./queries.ts";
import { reprogramActivities } from "./reprogram.ts";
import { createUnplanned, deleteUnplanned, updateUnplanned } from "./unplanned.ts";

export async function executionRoutes(app: FastifyInstance): Promise<void> {
  const { routes } = api;

  route(app, routes.workplanExecution, async ({ ctx, params, request }) =>
    presentExecution(await workplanExecution(ctx, params.id), requestLocale(request)),
  );
  route(app, routes.setExecutionSettings, async ({ ctx, params, body, request }) => {
    await setExecutionSettings(ctx, params.id, body);
    return presentExecution(await workplanExecution(ctx, params.id), requestLocale(request));
  });
  route(app, routes.closeExecution, async ({ ctx, params, body, request }) => {
    await closeExecution(ctx, params.id, body);
    return presentExecution(await workplanExecution(ctx, params.id), requestLocale(request));
  });
  route(app, routes.exportExecution, async ({ ctx, params, request }) =>
    exportExecutionTable(ctx, params.id, requestLocale(request)),
  );

  route(app, routes.recordProgress, async ({ ctx, params, body }) => recordProgress(ctx, params.id, body));
  route(app, routes.activityProgress, async ({ ctx, params }) =>
    (await activityProgressHistory(ctx, params.id)).map(presentProgress),
  );

  route(app, routes.listTransactions, async ({ ctx, params, query }) => {
    const { rows, total } = await listTransactions(ctx, params.id, query);
    return pageOf(rows.map(presentTransaction), query, total);
  });
  route(app, routes.createTransaction, async ({ ctx, params, body }) => createTransaction(ctx, params.id, body));
  route(app, routes.updateTransaction, async ({ ctx, params, body }) => updateTransaction(ctx, params.id, body));
  route(app, routes.deleteTransaction, async ({ ctx, params }) => deleteTransaction(ctx, params.id));

  route(app, routes.listUnplanned, async ({ ctx, params }) => (await listUnplanned(ctx, params.id)).map(presentUnplanned));
  route(app, routes.createUnplanned, async ({ ctx, params, body }) => createUnplanned(ctx, params.id, body));
  route(app, routes.updateUnplanned, async ({ ctx, params, body }) => updateUnplanned(ctx, params.id, body));
  route(app, routes.deleteUnplanned, async ({ ctx, params }) => deleteUnplanned(ctx, params.id));

  route(app, routes.listEvidence, async ({ ctx, params }) => listEvidence(ctx, params.id));
  route(app, routes.addEvidence, async ({ ctx, params, request }) => {
    const { file, values } = await readMultipart(request);
    return addEvidence(ctx, params.id, file, values);
  });
  route(app, routes.evidenceFile, async ({ ctx, params }) => evidenceFile(ctx, params.id));
  route(app, routes.deleteEvidence, async ({ ctx, params }) => deleteEvidence(ctx, params.id));

  route(app, routes.createFinanceImport, async ({ ctx, params, request }) => {
    const { file, values } = await readMultipart(request);
    if (!file || file.bytes.length === 0) throw new AppError("EMPTY_FILE");
    return presentFinanceImport(ctx, await createFinanceImport(ctx, params.id, file, values), requestLocale(request));
  });
  route(app, routes.getFinanceImport, async ({ ctx, params, request }) =>
    presentFinanceImport(ctx, await readFinanceImport(ctx, params.id), requestLocale(request)),
  );
  route(app, routes.commitFinanceImport, async ({ ctx, params, body, request }) =>
    presentFinanceImport(ctx, await commitFinanceImport(ctx, params.id, body), requestLocale(request)),
  );
  route(app, routes.financeImportFile, async ({ ctx, params }) => financeImportFile(ctx, params.id));

  route(app, routes.reprogramActivities, async ({ ctx, params, body }) => reprogramActivities(ctx, params.id, body));
}
