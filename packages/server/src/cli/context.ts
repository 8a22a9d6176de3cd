// The operator's context at the console: the policy lets it do anything, jobs
// run inline, files go to the store of the environment.
import type { Context } from "../context.ts";
import type { Database } from "../db/client.ts";
import { fileStoreFromEnv } from "../files/store.ts";
import { registerImportJobs } from "../imports/jobs.ts";
import { InlineJobRunner } from "../jobs/runner.ts";

export function consoleContext(database: Database): Context {
  const services = { files: fileStoreFromEnv(), jobs: new InlineJobRunner(database.db) };
  registerImportJobs(database.db, services);
  return { db: database.db, actor: null, system: true, services };
}
