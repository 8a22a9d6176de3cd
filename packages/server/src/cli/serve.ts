import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildApp } from "../app.ts";
import { databaseOptionsFromEnv, openDatabase } from "../db/client.ts";
import { closeThreadPools } from "../threads/pool.ts";
import { isDatabaseEmpty, loadDemo } from "../demo/load.ts";
import { onStopSignal, shutdownSecondsFromEnv } from "../shutdown.ts";
import { refreshStaleTotals } from "../workplans/totals.ts";
import { refreshMissingExecutionSums } from "../execution/sums.ts";

const WEB_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../../web/dist");

export async function serve(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const database = await openDatabase(databaseOptionsFromEnv(env));
  const app = await buildApp({ database, logger: { level: env.LOG_LEVEL ?? "info" }, webRoot: WEB_ROOT });
  try {
    // Servers started together take turns here: one migrates, loads the demo into an empty database and sets up
    // the job queues (app.ready starts the runner), while the others wait.
    await database.migrate(async () => {
      // A migration that adds stored totals marks the plans it could not compute.
      const refreshed = await refreshStaleTotals(database.db);
      if (refreshed > 0) app.log.info(`totals computed for ${refreshed} plans`);
      if (env.BAARA_DEMO === "1" && (await isDatabaseEmpty(database.db))) {
        const loaded = await loadDemo(database.db);
        app.log.info(`demo data loaded: ${loaded.projects} projects, ${loaded.users} users`);
      }
      const executions = await refreshMissingExecutionSums(database.db);
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
    await closeThreadPools();
    await database.close();
  });
  await app.listen({ port, host: env.HOST ?? "0.0.0.0" });
  app.log.info(`Baara on http://localhost:${port} (database: ${database.kind})`);
}
