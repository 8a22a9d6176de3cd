// Applying migrations when several servers start at once, and telling whether
// a database has them all (the readiness check).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { type Db, queryRows } from "./client.ts";

/** The advisory lock every Baara process takes around its migrations (any fixed 64-bit number). */
export const MIGRATION_LOCK = 7_251_946_031_880_117n;

/**
 * Runs `migrate` holding the database's migration lock on a connection of its
 * own: a second server starting at the same time waits for the first to finish,
 * then finds nothing left to apply. The lock goes with the connection, so a
 * server killed while migrating does not leave it taken.
 */
export async function withMigrationLock(url: string, migrate: () => Promise<void>): Promise<void> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK.toString()]);
    try {
      await migrate();
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK.toString()]);
    }
  } finally {
    await client.end();
  }
}

/** Tags of the migrations this build has that the database has not applied. */
export async function pendingMigrations(db: Db, migrationsFolder: string): Promise<string[]> {
  const journal = JSON.parse(await readFile(join(migrationsFolder, "meta/_journal.json"), "utf8")) as {
    entries: { tag: string; when: number }[];
  };
  const [row] = await queryRows<{ last: string | null }>(
    db,
    sql`select case when to_regclass('drizzle.__drizzle_migrations') is null then null
        else (select max(created_at)::text from drizzle.__drizzle_migrations) end as last`,
  );
  // Drizzle applies by date: a migration is pending when it is newer than the last one applied.
  const last = Number(row?.last ?? 0);
  return journal.entries.filter((entry) => entry.when > last).map((entry) => entry.tag);
}
