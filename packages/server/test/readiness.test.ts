// Readiness, as a proxy asks it: 200 when the database answers, has every
// migration of this build and the file store takes files; 503 naming the
// failing checks otherwise, without their reasons (the answer is public).
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.ts";
import type { Database } from "../src/db/client.ts";
import { DirectoryFileStore } from "../src/files/directory.ts";
import { InlineJobRunner } from "../src/jobs/runner.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "./helpers/databases.ts";

describe.each(databaseKinds)("readiness on %s", (kind) => {
  let database: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    dir = await mkdtemp(join(tmpdir(), "baara-ready-"));
  });
  afterAll(async () => {
    await database.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  async function ready(files: DirectoryFileStore, answering: Database = database) {
    const app = await buildApp({ database: answering, services: { files, jobs: new InlineJobRunner(answering.db) } });
    try {
      const response = await app.inject({ method: "GET", url: "/api/v1/ready", headers: { "accept-language": "fr" } });
      return { status: response.statusCode, body: response.json() };
    } finally {
      await app.close();
    }
  }

  it("is ready on a migrated database with a writable file store, and leaves no probe behind", async () => {
    const files = join(dir, "files");
    expect(await ready(new DirectoryFileStore(files))).toEqual({
      status: 200,
      body: { status: "ready", checks: { database: "ok", migrations: "ok", storage: "ok" } },
    });
    expect(await readdir(files)).toEqual([]);
  });

  it("is not ready when the file store cannot take files", async () => {
    const notADirectory = join(dir, "a-file");
    await writeFile(notADirectory, "");
    const answer = await ready(new DirectoryFileStore(notADirectory));
    expect(answer.status).toBe(503);
    expect(answer.body.error).toMatchObject({ code: "NOT_READY", message: "Serveur pas encore prêt : storage.", details: { failing: ["storage"] } });
    expect(JSON.stringify(answer.body)).not.toContain(dir);
  });

  it("is not ready when the database lacks a migration of this build", async () => {
    await database.db.execute(sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`);
    const answer = await ready(new DirectoryFileStore(join(dir, "files")));
    expect(answer.status).toBe(503);
    expect(answer.body.error.details).toEqual({ failing: ["migrations"] });
  });

  it("is not ready when the database does not answer", async () => {
    const down: Database = { ...database, ping: () => Promise.reject(new Error("connect ECONNREFUSED 10.20.30.40:5432")) };
    const answer = await ready(new DirectoryFileStore(join(dir, "files")), down);
    expect(answer.status).toBe(503);
    expect(answer.body.error.details).toEqual({ failing: ["database"] });
    expect(JSON.stringify(answer.body)).not.toContain("10.20.30.40");
  });
});
