// Opens the database: embedded PGlite under BAARA_DATA_DIR by default, a real
// PostgreSQL when a connection URL is given. Both get the same schema, the same
// migrations and the same queries.
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { type SQL, sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { type DataDirLock, lockDataDir } from "./data-dir-lock.ts";
import { withMigrationLock } from "./migrations.ts";
import * as schema from "./schema.ts";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = "pglite" | "postgresql";

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** PostgreSQL's connection URL, for what opens connections of its own (the job queue). */
  url: string | null;
  /** The embedded database's client, for what talks to it directly (the job queue). */
  pglite: PGlite | null;
  /**
   * Applies the migrations this build has, then runs `andThen` (start-up work
   * that must run once); on PostgreSQL under an advisory lock, so that servers
   * starting together take turns.
   */
  migrate(andThen?: () => Promise<void>): Promise<void>;
  /** One round trip: is the database answering? */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** The embedded database's data directory as a tarball (PGlite only). */
  dumpDataDir(): Promise<Blob>;
}

export const MIGRATIONS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), "../../drizzle");

export type DatabaseOptions = (
  /** `poolSize`: connections the app keeps to PostgreSQL (the job queue opens 3 more). */
  | { url: string; poolSize?: number }
  | { dataDir: string }
  /** In memory, empty or loaded from a dump of a data directory. */
  | { memory: true; loadDataDir?: Blob }
) & {
  /** Sees every SQL statement the app sends and its parameters (the tests count them, the bench replays them). */
  onQuery?: (query: string, params: unknown[]) => void;
};

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const { onQuery } = options;
  const logger = onQuery ? { logQuery: (query: string, params: unknown[]) => onQuery(query, params) } : false;
  if ("url" in options) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle connection the server closes (restart, failover, a dropped test
    // database) must not crash the process: the pool replaces it on next use.
    pool.on("error", (error) => console.warn(`PostgreSQL: idle connection lost (${error.message})`));
    const db = drizzlePg(pool, { schema, logger });
    return {
      db,
      kind: "postgresql",
      url: options.url,
      pglite: null,
      migrate: (andThen) =>
        withMigrationLock(options.url, async () => {
          await migratePg(db, { migrationsFolder: MIGRATIONS_FOLDER });
          await andThen?.();
        }),
      ping: async () => {
        await db.execute(sql`select 1`);
      },
      close: () => pool.end(),
      dumpDataDir: () => Promise.reject(new Error("a PostgreSQL database is dumped with pg_dump")),
    };
  }
  let client: PGlite;
  let lock: DataDirLock | null = null;
  if ("dataDir" in options) {
    mkdirSync(options.dataDir, { recursive: true });
    lock = await lockDataDir(options.dataDir);
    try {
      client = await PGlite.create(pgliteDirOf(options.dataDir));
    } catch (error) {
      await lock.release();
      throw error;
    }
  } else {
    client = await PGlite.create(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  }
  const db = drizzlePglite(client, { schema, logger });
  return {
    db,
    kind: "pglite",
    url: null,
    pglite: client,
    // One process holds the data directory (its lock): nobody to take turns with.
    migrate: async (andThen) => {
      await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
      await andThen?.();
    },
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: async () => {
      await client.close();
      await lock?.release();
    },
    dumpDataDir: () => client.dumpDataDir("none"),
  };
}

/** Where PGlite keeps its files inside BAARA_DATA_DIR. */
export function pgliteDirOf(dataDir: string): string {
  return join(dataDir, "pglite");
}

/** The database the environment asks for: DATABASE_URL (with BAARA_DB_POOL connections), else PGlite in BAARA_DATA_DIR. */
export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseOptions {
  if (env.DATABASE_URL) {
    const poolSize = Number(env.BAARA_DB_POOL);
    return { url: env.DATABASE_URL, ...(Number.isInteger(poolSize) && poolSize > 0 ? { poolSize } : {}) };
  }
  return { dataDir: resolve(env.BAARA_DATA_DIR ?? "./data") };
}

/** Rows of a raw SQL query; both drivers return `{ rows }`. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
