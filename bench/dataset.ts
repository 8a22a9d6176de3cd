// The national data set, loaded once per seed and scale and kept: on PostgreSQL as
// a database used as a template, in PGlite as a data directory. Each run works on
// a fresh copy, so that the writes of one run never change the next one's data.
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { openDatabase } from "../packages/server/src/db/client.ts";
import type { Scale } from "./generate.ts";
import { type LoadCounts, loadPortfolio } from "./load.ts";

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const DATA_DIR = join(BENCH_DIR, ".data");

export type BenchDatabase = "pglite" | "postgresql";

export interface Dataset {
  database: BenchDatabase;
  /** What the server is started with: DATABASE_URL, or BAARA_DATA_DIR. */
  env: Record<string, string>;
  /** Seconds the load took, or null when an earlier load was reused. */
  loadSeconds: number | null;
  counts: LoadCounts;
  /** Drops this run's copy. */
  dispose(): Promise<void>;
}

interface Marker {
  seed: number;
  scale: Scale;
  counts: LoadCounts;
  loadSeconds: number;
}

function datasetName(seed: number, scale: Scale): string {
  return `baara_bench_${seed}_${scale.projects}p_${scale.largestPlanLines}l`;
}

/** A copy of the data set of `seed` and `scale` on `database`, loaded first when it is not there yet. */
export async function prepareDataset(
  database: BenchDatabase,
  seed: number,
  scale: Scale,
  options: { postgresUrl: string; fresh: boolean; log: (line: string) => void },
): Promise<Dataset> {
  return database === "postgresql" ? preparePostgres(seed, scale, options) : preparePglite(seed, scale, options);
}

async function loadInto(
  open: Parameters<typeof openDatabase>[0],
  seed: number,
  scale: Scale,
  log: (line: string) => void,
): Promise<Marker> {
  const database = await openDatabase(open);
  try {
    await database.migrate();
    const started = performance.now();
    const { counts } = await loadPortfolio(database.db, seed, scale, (index, c) => {
      if (index % 50 === 49) log(`  ${index + 1}/${scale.projects} projects, ${c.lines} budget lines`);
    });
    return { seed, scale, counts, loadSeconds: (performance.now() - started) / 1000 };
  } finally {
    await database.close();
  }
}

async function preparePostgres(
  seed: number,
  scale: Scale,
  { postgresUrl, fresh, log }: { postgresUrl: string; fresh: boolean; log: (line: string) => void },
): Promise<Dataset> {
  const name = datasetName(seed, scale);
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  const urlOf = (db: string) => {
    const url = new URL(postgresUrl);
    url.pathname = `/${db}`;
    return url.toString();
  };
  try {
    const { rows } = await admin.query<{ description: string | null }>(
      "select shobj_description(oid, 'pg_database') as description from pg_database where datname = $1",
      [name],
    );
    let marker = rows[0]?.description ? (JSON.parse(rows[0].description) as Marker) : null;
    let loadSeconds: number | null = null;
    if (!marker || fresh) {
      log(`PostgreSQL: loading the data set into ${name}`);
      await admin.query(`drop database if exists ${name}`);
      await admin.query(`create database ${name}`);
      marker = await loadInto({ url: urlOf(name) }, seed, scale, log);
      loadSeconds = marker.loadSeconds;
      await admin.query(`comment on database ${name} is '${JSON.stringify(marker).replaceAll("'", "''")}'`);
    }
    const run = `${name}_run`;
    await admin.query(`drop database if exists ${run}`);
    await admin.query(`create database ${run} template ${name}`);
    return {
      database: "postgresql",
      env: { DATABASE_URL: urlOf(run) },
      loadSeconds,
      counts: marker.counts,
      dispose: async () => {
        const client = new pg.Client({ connectionString: postgresUrl });
        await client.connect();
        await client.query(`drop database if exists ${run} with (force)`);
        await client.end();
      },
    };
  } finally {
    await admin.end();
  }
}

async function preparePglite(
  seed: number,
  scale: Scale,
  { fresh, log }: { fresh: boolean; log: (line: string) => void },
): Promise<Dataset> {
  const dir = join(DATA_DIR, datasetName(seed, scale));
  const markerFile = join(dir, "dataset.json");
  let marker = await readFile(markerFile, "utf8").then(
    (t) => JSON.parse(t) as Marker,
    () => null,
  );
  let loadSeconds: number | null = null;
  if (!marker || fresh) {
    log(`PGlite: loading the data set into ${dir}`);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    marker = await loadInto({ dataDir: join(dir, "data") }, seed, scale, log);
    loadSeconds = marker.loadSeconds;
    await writeFile(markerFile, JSON.stringify(marker, null, 2));
  }
  const run = resolve(DATA_DIR, `${datasetName(seed, scale)}-run`);
  await rm(run, { recursive: true, force: true });
  // The lock file belongs to the process that loaded: the copy starts without it.
  await cp(join(dir, "data"), run, { recursive: true, filter: (source) => !source.endsWith(".lock") });
  return {
    database: "pglite",
    env: { BAARA_DATA_DIR: run },
    loadSeconds,
    counts: marker.counts,
    dispose: () => rm(run, { recursive: true, force: true }),
  };
}

/** Bytes the database takes: pg_database_size, or the data directory on disk. */
export async function databaseBytes(dataset: Dataset): Promise<number> {
  if (dataset.database === "postgresql") {
    const client = new pg.Client({ connectionString: dataset.env.DATABASE_URL });
    await client.connect();
    const { rows } = await client.query<{ size: string }>("select pg_database_size(current_database())::text as size");
    await client.end();
    return Number(rows[0]?.size ?? 0);
  }
  return directoryBytes(dataset.env.BAARA_DATA_DIR ?? "");
}

async function directoryBytes(path: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(path, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}
