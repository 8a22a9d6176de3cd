// Once per test run: the compiled server, from the current sources, for the
// tests that start `baara` in a process of its own; and one migrated template
// database for every database suite to copy (PGlite: a dump of its data
// directory; PostgreSQL: a template database), so that no test file migrates a
// database of its own.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { MIGRATIONS_FOLDER, openDatabase } from "./packages/server/src/db/client.ts";

import "./packages/server/test/helpers/provided.ts";

const root = fileURLToPath(new URL(".", import.meta.url));
const CACHE = join(root, "node_modules/.cache/baara-test");

/** Changes whenever a migration does, so a stale template is never used. */
function migrationsHash(): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const name of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, name.name);
      if (name.isDirectory()) walk(path);
      else hash.update(name.name).update(readFileSync(path));
    }
  };
  walk(MIGRATIONS_FOLDER);
  return hash.digest("hex").slice(0, 12);
}

async function pgliteTemplate(hash: string): Promise<string> {
  const file = join(CACHE, `pglite-${hash}.tar`);
  if (existsSync(file)) return file;
  mkdirSync(CACHE, { recursive: true });
  const database = await openDatabase({ memory: true });
  try {
    await database.migrate();
    const dump = await database.dumpDataDir();
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await database.close();
  }
  return file;
}

async function postgresTemplate(hash: string, adminUrl: string): Promise<string> {
  const name = `baara_template_${hash}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const existing = await admin.query("select 1 from pg_database where datname = $1", [name]);
    if (existing.rowCount) return name;
    // Templates of older migrations go: nothing uses them any more.
    const stale = await admin.query("select datname from pg_database where datname like 'baara_template_%'");
    for (const row of stale.rows as { datname: string }[]) await admin.query(`drop database if exists "${row.datname}" with (force)`);
    await admin.query(`drop database if exists "${name}_building" with (force)`);
    await admin.query(`create database "${name}_building"`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}_building`;
    const database = await openDatabase({ url: url.toString() });
    try {
      await database.migrate();
    } finally {
      await database.close();
    }
    // Renamed when complete: a run interrupted while migrating leaves no half-built template.
    await admin.query(`alter database "${name}_building" rename to "${name}"`);
    return name;
  } finally {
    await admin.end();
  }
}

export default async function setup(project: TestProject): Promise<void> {
  execFileSync(process.execPath, [join(root, "packages/server/scripts/build.js")], { stdio: ["ignore", "ignore", "inherit"] });
  const hash = migrationsHash();
  project.provide("pgliteTemplate", await pgliteTemplate(hash));
  const url = process.env.TEST_DATABASE_URL;
  project.provide("postgresTemplate", url ? await postgresTemplate(hash, url) : null);
}
