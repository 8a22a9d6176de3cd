// `baara restore FILE`: into an empty database of the same kind only, after
// every check that can be made before writing (manifest, migrations, files
// intact, target empty), so that a refused restore leaves the target as it was.
// PostgreSQL restores in one transaction; PGlite loads into a folder aside and
// renames it into place. The restored database is then migrated forward.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, readdir, rename, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import * as tar from "tar";
import { lockDataDir } from "../db/data-dir-lock.ts";
import { type DatabaseKind, databaseOptionsFromEnv, openDatabase, pgliteDirOf, queryRows } from "../db/client.ts";
import { fileStoreFromEnv } from "../files/store.ts";
import { type BackupManifest, DATABASE_FILE, FILES_FOLDER, MANIFEST_NAME, checkMigrations, parseManifest } from "./manifest.ts";
import { pgRestore } from "./postgres-tools.ts";
import { checkStoredFiles } from "./stored-files.ts";

export async function restoreBackup(archive: string, env: NodeJS.ProcessEnv = process.env): Promise<BackupManifest> {
  const source = resolve(archive);
  if (!existsSync(source)) throw new Error(`${source} does not exist`);
  const staging = await mkdtemp(join(tmpdir(), "baara-restore-"));
  try {
    await unpack(source, staging);
    const manifestText = await readFile(join(staging, MANIFEST_NAME), "utf8").catch(() => {
      throw new Error(`${source} is not a Baara backup: it holds no ${MANIFEST_NAME}`);
    });
    const manifest = parseManifest(manifestText, source);
    const dump = join(staging, DATABASE_FILE[manifest.database]);
    if (!existsSync(dump)) throw new Error(`The backup is damaged: ${DATABASE_FILE[manifest.database]} is missing`);
    await checkMigrations(manifest);
    const options = databaseOptionsFromEnv(env);
    const targetKind: DatabaseKind = "url" in options ? "postgresql" : "pglite";
    if (targetKind !== manifest.database) {
      throw new Error(
        `This is a backup of ${describe(manifest.database)}; the target is ${describe(targetKind)}. `
        + `Restore it with ${manifest.database === "postgresql" ? "DATABASE_URL set" : "DATABASE_URL unset and BAARA_DATA_DIR"}.`,
      );
    }
    const files = await checkStoredFiles(join(staging, FILES_FOLDER));

    if ("url" in options) await restorePostgres(options.url, dump);
    else if ("dataDir" in options) await restorePglite(options.dataDir, dump);

    const database = await openDatabase(options);
    try {
      await database.migrate();
    } finally {
      await database.close();
    }
    const store = fileStoreFromEnv(env);
    for (const file of files) await store.put(await readFile(file));
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function unpack(archive: string, into: string): Promise<void> {
  try {
    // Regular files and folders only; tar itself keeps every path inside `into`.
    await tar.extract({ file: archive, cwd: into, strict: true, filter: (_path, entry) => "type" in entry && ["File", "Directory"].includes(entry.type) });
  } catch (error) {
    throw new Error(`${archive} is not a Baara backup (${error instanceof Error ? error.message : String(error)})`);
  }
}

async function restorePostgres(url: string, dump: string): Promise<void> {
  const database = await openDatabase({ url });
  try {
    const [row] = await queryRows<{ relations: number }>(
      database.db,
      sql`select count(*)::int as relations from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%' and n.nspname not like 'pg_temp%'`,
    );
    if ((row?.relations ?? 0) > 0) {
      throw new Error(`The target database is not empty (${row?.relations} tables, indexes or sequences): restore into a new, empty database`);
    }
  } finally {
    await database.close();
  }
  await pgRestore(url, dump);
}

async function restorePglite(dataDir: string, dump: string): Promise<void> {
  const target = pgliteDirOf(dataDir);
  if ((await readdir(target).catch(() => [])).length > 0) {
    throw new Error(`The embedded database in ${dataDir} is not empty: restore into a new BAARA_DATA_DIR`);
  }
  await mkdir(dataDir, { recursive: true });
  const lock = await lockDataDir(dataDir);
  const aside = `${target}.restoring`;
  try {
    await rm(aside, { recursive: true, force: true });
    const client = await PGlite.create(aside, { loadDataDir: new Blob([await readFile(dump)]) });
    await client.close();
    await rm(target, { recursive: true, force: true });
    await rename(aside, target);
  } catch (error) {
    await rm(aside, { recursive: true, force: true });
    throw error;
  } finally {
    await lock.release();
  }
}

function describe(kind: DatabaseKind): string {
  return kind === "postgresql" ? "a PostgreSQL database" : "the embedded database (PGlite)";
}
