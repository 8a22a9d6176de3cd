// `baara backup --out FILE`: the database (PGlite's data directory, or a
// pg_dump in custom format) and the stored files, in one .tar.gz with a
// manifest. Written aside and renamed, so that FILE is whole or absent.
import { existsSync } from "node:fs";
import { mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import * as tar from "tar";
import { databaseOptionsFromEnv, openDatabase } from "../db/client.ts";
import { fileDirectoryOf } from "../files/store.ts";
import { type BackupManifest, DATABASE_FILE, FILES_FOLDER, MANIFEST_NAME, appliedMigrations } from "./manifest.ts";
import { pgDump } from "./postgres-tools.ts";
import { copyStoredFiles } from "./stored-files.ts";

export async function writeBackup(out: string, env: NodeJS.ProcessEnv = process.env): Promise<BackupManifest> {
  const target = resolve(out);
  if (existsSync(target)) throw new Error(`${target} already exists: choose another file name`);
  const staging = await mkdtemp(join(dirname(target), ".baara-backup-"));
  try {
    const database = await openDatabase(databaseOptionsFromEnv(env));
    let manifest: BackupManifest;
    try {
      const migrations = await appliedMigrations(database.db);
      if (database.kind === "postgresql" && database.url) {
        await pgDump(database.url, join(staging, DATABASE_FILE.postgresql));
      } else {
        const dump = await database.dumpDataDir();
        await writeFile(join(staging, DATABASE_FILE.pglite), Buffer.from(await dump.arrayBuffer()));
      }
      // After the database: every file it names is already in the store.
      const files = env.BAARA_S3_BUCKET ? null : await copyStoredFiles(fileDirectoryOf(env), join(staging, FILES_FOLDER));
      manifest = { format: "baara-backup", formatVersion: 1, createdAt: new Date().toISOString(), database: database.kind, migrations, files };
    } finally {
      await database.close();
    }
    await writeFile(join(staging, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`);
    const part = `${target}.part`;
    const entries = [MANIFEST_NAME, DATABASE_FILE[manifest.database], ...(manifest.files ? [FILES_FOLDER] : [])];
    await tar.create({ gzip: true, file: part, cwd: staging, portable: true }, entries);
    await rename(part, target);
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
