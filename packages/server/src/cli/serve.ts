import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildApp } from "../app.ts";
import { databaseOptionsFromEnv, openDatabase } from "../db/client.ts";
import { closeThreadPools } from "../threads/pool.ts";
import { isDatabaseEmpty, loadDemo } from "../demo/load.ts";
import { refreshStaleTotals } from "../workplans/totals.ts";

const WEB_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../../web/dist");

export async function serve(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const database = await openDatabase(databaseOptionsFromEnv(env));
  await database.migrate();
  // A migration that adds stored totals marks the plans it could not compute.
  const refreshed = await refreshStaleTotals(database.db);
  const app = await buildApp({ database, logger: { level: env.LOG_LEVEL ?? "info" }, webRoot: WEB_ROOT });
  if (env.BAARA_DEMO === "1" && (await isDatabaseEmpty(database.db))) {
    const loaded = await loadDemo(database.db);
    app.log.info(`demo data loaded: ${loaded.projects} projects, ${loaded.users} users`);
  }
  if (refreshed > 0) app.log.info(`totals computed for ${refreshed} plans`);
  const port = Number(env.PORT ?? 8080);
  const shutdown = async () => {
    await app.close();
    await closeThreadPools();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  await app.listen({ port, host: env.HOST ?? "0.0.0.0" });
  app.log.info(`Baara on http://localhost:${port} (database: ${database.kind})`);
}
