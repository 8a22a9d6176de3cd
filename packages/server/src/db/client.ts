// Opens the database: embedded PGlite under BAARA_DATA_DIR by default, a real
// PostgreSQL when a connection URL is given. Both get the same schema, the same
// migrations and the same queries.
// Each driver is loaded only when its kind of database is opened.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { PGlite, PGliteOptions } from "@electric-sql/pglite";
import { type SQL, sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
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
    const [{ default: pg }, { drizzle: drizzlePg }, { migrate: migratePg }] = await Promise.all([
      import("pg"),
      import("drizzle-orm/node-postgres"),
      import("drizzle-orm/node-postgres/migrator"),
    ]);
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
  const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("drizzle-orm/pglite"),
    import("drizzle-orm/pglite/migrator"),
  ]);
  let client: PGlite;
  let lock: DataDirLock | null = null;
  if ("dataDir" in options) {
    mkdirSync(options.dataDir, { recursive: true });
    lock = await lockDataDir(options.dataDir);
    try {
      const dir = pgliteDirOf(options.dataDir);
      if (!existsSync(join(dir, "PG_VERSION"))) await initPgliteDir(dir);
      client = await PGlite.create(dir, pgliteOptions(PGlite));
    } catch (error) {
      await lock.release();
      throw error;
    }
  } else {
    const loaded = options.loadDataDir ? { loadDataDir: options.loadDataDir } : {};
    client = await PGlite.create({ ...pgliteOptions(PGlite), ...loaded });
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

/**
 * PGlite's shared buffers: 32 MB instead of PostgreSQL's 128 MB. The embedded database
 * lives in the server's memory, which WebAssembly never gives back: 128 MB of buffers cost
 * as much resident memory as the rest of the server, for an office's database that the
 * system's file cache holds anyway.
 */
export const PGLITE_SHARED_BUFFERS = "32MB";

function pgliteOptions(PGlite: typeof import("@electric-sql/pglite").PGlite): PGliteOptions {
  return { startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${PGLITE_SHARED_BUFFERS}`] };
}

/**
 * Creates an embedded database in `dir` in a process of its own: initdb takes a
 * few hundred megabytes that PGlite keeps until its process ends, and the server
 * would carry them for its whole life. Written aside and renamed, so that `dir`
 * is a whole database or absent.
 */
async function initPgliteDir(dir: string): Promise<void> {
  const aside = `${dir}.init-${process.pid}`;
  rmSync(aside, { recursive: true, force: true });
  const child = spawn(process.execPath, [fileURLToPath(new URL("./pglite-init.js", import.meta.url)), aside], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let errors = "";
  child.stderr.on("data", (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const code = await new Promise<number | null>((done, fail) => {
    child.on("error", fail);
    child.on("close", done);
  });
  if (code !== 0) {
    rmSync(aside, { recursive: true, force: true });
    throw new Error(`the embedded database could not be created in ${dir}: ${errors.trim() || `exit code ${code}`}`);
  }
  try {
    renameSync(aside, dir);
  } catch (error) {
    rmSync(aside, { recursive: true, force: true });
    throw new Error(`${dir} holds files but no database: move them away (${(error as Error).message})`);
  }
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
