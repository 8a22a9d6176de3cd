// What every operation and query runs with: the database, who acts, and the
// services for background work and files. Routes make one per request; the
// CLI and the demo loader make a system one.
import type { Actor } from "./auth/sessions.ts";
import type { Db } from "./db/client.ts";
import type { FileStore } from "./files/store.ts";
import type { JobRunner } from "./jobs/runner.ts";

export interface Services {
  files: FileStore;
  jobs: JobRunner;
}

export interface Context {
  db: Db;
  actor: Actor | null;
  /** The operator at the console (CLI, demo loader): the policy lets it do anything. */
  system: boolean;
  services: Services;
}
