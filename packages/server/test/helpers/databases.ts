// Every database suite runs on PGlite, and on PostgreSQL too when
// TEST_DATABASE_URL is set (CI sets it). Each test file gets its own fresh
// database, copied from the template the test run migrated once
// (vitest.global-setup.ts).
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import pg from "pg";
import { inject } from "vitest";
import "./provided.ts";
import { type Database, type DatabaseKind, type DatabaseOptions, openDatabase } from "../../src/db/client.ts";

export const databaseKinds: DatabaseKind[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgresql"] : ["pglite"];

if (!process.env.TEST_DATABASE_URL && !process.env.BAARA_QUIET_SKIPS) {
  console.warn("TEST_DATABASE_URL is not set: database suites run on PGlite only.");
}

export interface TestDatabase extends Database {
  /** Drops the throw-away database. */
  dispose(): Promise<void>;
}

let pgliteDump: Promise<Blob> | undefined;

export async function createTestDatabase(kind: DatabaseKind, options: Pick<DatabaseOptions, "onQuery"> = {}): Promise<TestDatabase> {
  if (kind === "pglite") {
    pgliteDump ??= readFile(inject("pgliteTemplate")).then((bytes) => new Blob([bytes]));
    const database = await openDatabase({ memory: true, loadDataDir: await pgliteDump, ...options });
    return { ...database, dispose: () => database.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  const template = inject("postgresTemplate");
  if (!adminUrl || !template) throw new Error("TEST_DATABASE_URL is not set");
  const name = `baara_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template "${template}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), ...options });
  return {
    ...database,
    dispose: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
