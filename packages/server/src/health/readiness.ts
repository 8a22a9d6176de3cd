// What a proxy needs before sending requests to this server: the database
// answers, it has every migration of this build, and the file store takes files.
import { type Database, MIGRATIONS_FOLDER } from "../db/client.ts";
import { pendingMigrations } from "../db/migrations.ts";
import type { FileStore } from "../files/store.ts";

export type ReadinessCheck = "database" | "migrations" | "storage";

/** The checks that fail, each with its reason (for the log, not for the public answer). */
export async function readinessProblems(database: Database, files: FileStore): Promise<Partial<Record<ReadinessCheck, string>>> {
  const problems: Partial<Record<ReadinessCheck, string>> = {};
  const probe = async (check: ReadinessCheck, run: () => Promise<string | null>) => {
    try {
      const problem = await run();
      if (problem) problems[check] = problem;
    } catch (error) {
      problems[check] = error instanceof Error ? error.message : String(error);
    }
  };
  await probe("database", async () => (await database.ping(), null));
  if (!problems.database) {
    await probe("migrations", async () => {
      const pending = await pendingMigrations(database.db, MIGRATIONS_FOLDER);
      return pending.length > 0 ? `not applied: ${pending.join(", ")}` : null;
    });
  }
  await probe("storage", async () => (await files.checkWritable(), null));
  return problems;
}
