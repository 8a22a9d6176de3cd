import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type Database, databaseOptionsFromEnv, openDatabase } from "../db/client.ts";
import { onStopSignal, shutdownSecondsFromEnv } from "../shutdown.ts";

const WEB_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../../web/dist");

/** The app's modules, loaded while the database opens (PGlite compiles its WebAssembly on other threads meanwhile). */
async function loadServer() {
  const [{ buildApp }, { closeThreadPools }, { refreshStaleTotals }, { refreshMissingExecutionSums }] = await Promise.all([
    import("../app.ts"),
    import("../threads/pool.ts"),
    import("../workplans/totals.ts"),
    import("../execution/sums.ts"),
  ]);
  return { buildApp, closeThreadPools, refreshStaleTotals, refreshMissingExecutionSums };
}

export async function serve(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const opening = openDatabase(databaseOptionsFromEnv(env));
  const loading = loadServer();
  // Handled below, once the database is open; a failure meanwhile is not an unhandled rejection.
  loading.catch(() => undefined);
  let database: Database;
  try {
    database = await opening;
  } catch (error) {
    await loading.catch(() => undefined);
    throw error;
  }
  const server = await loading.catch(async (error: unknown) => {
    await database.close().catch(() => undefined);
    throw error;
  });
  const app = await server.buildApp({ database, logger: { level: env.LOG_LEVEL ?? "info" }, webRoot: WEB_ROOT });
  try {
    // Servers started together take turns here: one migrates, loads the demo into an empty database and sets up
    // the job queues (app.ready starts the runner), while the others wait.
    await database.migrate(async () => {
      // A migration that adds stored totals marks the plans it could not compute.
      const refreshed = await server.refreshStaleTotals(database.db);
      if (refreshed > 0) app.log.info(`totals computed for ${refreshed} plans`);
      if (env.BAARA_DEMO === "1") {
        // The demo's data is loaded only when the demo is asked for.
        const { isDatabaseEmpty, loadDemo } = await import("../demo/load.ts");
        if (await isDatabaseEmpty(database.db)) {
          const loaded = await loadDemo(database.db);
          app.log.info(`demo data loaded: ${loaded.projects} projects, ${loaded.users} users`);
        }
      }
      const executions = await server.refreshMissingExecutionSums(database.db);
      if (executions > 0) app.log.info(`execution sums computed for ${executions} approved plans`);
      await app.ready();
    });
  } catch (error) {
    // Nothing may keep a server that could not start running: the service manager restarts it.
    await app.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw error;
  }
  const port = Number(env.PORT ?? 8080);
  onStopSignal(shutdownSecondsFromEnv(env), (message) => app.log.info(message), async () => {
    // Closing stops the listener, waits for the requests under way, then stops the job runner (onClose).
    await app.close();
    await server.closeThreadPools();
    await database.close();
  });
  await app.listen({ port, host: env.HOST ?? "0.0.0.0" });
  app.log.info(`Baara on http://localhost:${port} (database: ${database.kind})`);
}
