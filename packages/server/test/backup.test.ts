// `baara backup` and `baara restore`, run as an operator runs them: the demo
// plus an imported plan (so that stored files exist) is backed up, restored
// into an empty database of the same kind, and every row of every table,
// every stored file and a signed-in reading of the totals are found equal.
// A refused restore leaves its target as it was.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import pg from "pg";
import * as tar from "tar";
import { afterAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.ts";
import { type DatabaseKind, type DatabaseOptions, openDatabase, queryRows } from "../src/db/client.ts";
import { DEMO_PASSWORD } from "../src/demo/organisations.ts";
import { DirectoryFileStore } from "../src/files/directory.ts";
import { databaseKinds } from "./helpers/databases.ts";
import { PGSM_TSV_LINES } from "./fixtures/workplans.ts";

const bin = resolve(dirname(fileURLToPath(import.meta.url)), "../bin/baara.js");
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function baara(args: string[], env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, DATABASE_URL: "", ...env }, stdio: "pipe" });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", fail);
    child.on("close", (code) => done({ code: code ?? -1, out, err }));
    child.stdin.end();
  });
}

async function folder(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A place for a database of the given kind, as environment variables for the CLI. */
async function target(kind: DatabaseKind): Promise<{ env: Record<string, string>; options: DatabaseOptions }> {
  const dir = await folder("baara-backup-");
  const filesEnv = { BAARA_FILES_DIR: join(dir, "files") };
  if (kind === "pglite") return { env: { BAARA_DATA_DIR: dir, ...filesEnv }, options: { dataDir: dir } };
  const adminUrl = process.env.TEST_DATABASE_URL ?? "";
  const name = `baara_backup_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  cleanups.push(async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { env: { DATABASE_URL: url.toString(), ...filesEnv }, options: { url: url.toString() } };
}

/** Every row of every table of the app's schemas, in a stable order. */
async function everyRow(options: DatabaseOptions): Promise<Record<string, unknown[]>> {
  const database = await openDatabase(options);
  try {
    const tables = await queryRows<{ schema: string; name: string }>(
      database.db,
      sql`select table_schema as schema, table_name as name from information_schema.tables
          where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1, 2`,
    );
    const rows: Record<string, unknown[]> = {};
    for (const { schema, name } of tables) {
      const table = sql.raw(`"${schema}"."${name}"`);
      rows[`${schema}.${name}`] = (
        await queryRows<{ row: string }>(database.db, sql`select row_to_json(t)::text as row from ${table} t order by 1`)
      ).map((r) => r.row);
    }
    return rows;
  } finally {
    await database.close();
  }
}

async function storedFiles(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files: Record<string, string> = {};
  for (const entry of entries.filter((e) => e.isFile())) {
    const path = join(entry.parentPath, entry.name);
    files[relative(dir, path)] = (await readFile(path)).toString("base64");
  }
  return files;
}

/** The totals of every plan, read through the API by a signed-in demo user. */
async function totalsSeenBy(options: DatabaseOptions, filesDir: string): Promise<unknown[]> {
  const database = await openDatabase(options);
  const app = await buildApp({ database, services: { files: new DirectoryFileStore(filesDir) } });
  try {
    const login = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "admin@baara.example", password: DEMO_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const cookie = String(login.headers["set-cookie"]).split(";")[0] ?? "";
    const plans = await queryRows<{ id: string }>(database.db, sql`select id from workplans order by id`);
    const totals = [];
    for (const { id } of plans) {
      const answer = await app.inject({ method: "GET", url: `/api/v1/workplans/${id}/summary`, headers: { cookie } });
      expect(answer.statusCode).toBe(200);
      totals.push(answer.json());
    }
    return totals;
  } finally {
    await app.close();
    await database.close();
  }
}

async function repack(archive: string, change: (dir: string) => Promise<void>): Promise<string> {
  const dir = await folder("baara-repack-");
  await tar.extract({ file: archive, cwd: dir });
  await change(dir);
  const out = join(await folder("baara-repacked-"), "changed.tar.gz");
  await tar.create({ gzip: true, file: out, cwd: dir }, await readdir(dir));
  return out;
}

describe.each(databaseKinds)("backup and restore (%s)", (kind) => {
  it("restores the demo and an imported plan into an empty database: every row, file and total equal", async () => {
    const source = await target(kind);
    expect((await baara(["demo:load"], source.env)).code).toBe(0);
    const plan = join(await folder("baara-plan-"), "ptba.tsv");
    await writeFile(plan, `${PGSM_TSV_LINES.map((cells) => cells.join("\t")).join("\n")}\n`);
    const imported = await baara(["import-plan", plan, "--project", "CPS-SCI-PA", "--year", "2031"], source.env);
    expect(imported.err).toBe("");
    expect(imported.code).toBe(0);

    const archive = join(await folder("baara-archive-"), "baara.tar.gz");
    const backup = await baara(["backup", "--out", archive], source.env);
    expect(backup.err).toBe("");
    expect(backup.out).toMatch(new RegExp(`\\(${kind}, \\d+ migrations, 1 stored files\\)`));

    const restored = await target(kind);
    const restore = await baara(["restore", archive], restored.env);
    expect(restore.err).toBe("");
    expect(restore.code).toBe(0);

    const before = await everyRow(source.options);
    expect(before["public.workplans"]?.filter((row) => String(row).includes(`"year":2031`))).toHaveLength(1);
    expect(before["public.stored_files"]).toHaveLength(1);
    expect(await everyRow(restored.options)).toEqual(before);
    const files = await storedFiles(source.env.BAARA_FILES_DIR ?? "");
    expect(Object.keys(files)).toHaveLength(1);
    expect(await storedFiles(restored.env.BAARA_FILES_DIR ?? "")).toEqual(files);
    const totals = await totalsSeenBy(source.options, source.env.BAARA_FILES_DIR ?? "");
    expect(await totalsSeenBy(restored.options, restored.env.BAARA_FILES_DIR ?? "")).toEqual(totals);

    // Into a database that holds data: refused, and that database is untouched.
    const signedIn = await everyRow(restored.options);
    const again = await baara(["restore", archive], restored.env);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/not empty/);
    expect(await everyRow(restored.options)).toEqual(signedIn);

    // A backup made by a newer version, or whose stored file was altered, is refused before anything is written.
    const newer = await repack(archive, async (dir) => {
      const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8"));
      await writeFile(join(dir, "manifest.json"), JSON.stringify({ ...manifest, migrations: [...manifest.migrations, "9999_future"] }));
    });
    const damaged = await repack(archive, async (dir) => {
      const [file] = Object.keys(await storedFiles(join(dir, "files")));
      await writeFile(join(dir, "files", file ?? ""), "altered");
    });
    const empty = await target(kind);
    const refusals = [
      [newer, /another version of Baara \(migration 9999_future/],
      [damaged, /damaged: stored file [0-9a-f]{64}/],
      [plan, /is not a Baara backup/],
    ] as const;
    for (const [file, message] of refusals) {
      const refused = await baara(["restore", file], empty.env);
      expect(refused.code).toBe(2);
      expect(refused.err).toMatch(message);
    }
    if (databaseKinds.includes("postgresql")) {
      const other = await target(kind === "pglite" ? "postgresql" : "pglite");
      const wrongKind = await baara(["restore", archive], other.env);
      expect(wrongKind.err).toMatch(/This is a backup of/);
    }
    if (kind === "pglite") expect(await readdir(empty.env.BAARA_DATA_DIR ?? "")).toEqual([]);
    else expect(Object.keys(await everyRow(empty.options))).toEqual([]);
  }, 180_000);

  it.runIf(kind === "pglite")("refuses to back up an embedded database that a running server holds", async () => {
    const source = await target(kind);
    const database = await openDatabase(source.options);
    await database.migrate();
    try {
      const archive = join(await folder("baara-archive-"), "held.tar.gz");
      const backup = await baara(["backup", "--out", archive], source.env);
      expect(backup.code).toBe(2);
      expect(backup.err).toContain(`in use by process ${process.pid}`);
      await expect(readdir(dirname(archive))).resolves.toEqual([]);
    } finally {
      await database.close();
    }
    // A lock left by a process that no longer runs (kill -9, power cut) does not keep the database closed.
    await writeFile(join(source.env.BAARA_DATA_DIR ?? "", "baara.lock"), "4194999\n");
    const after = await baara(["backup", "--out", join(await folder("baara-archive-"), "free.tar.gz")], source.env);
    expect(after.err).toBe("");
    expect(after.code).toBe(0);
  }, 60_000);
});
