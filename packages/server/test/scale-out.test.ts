// Two Baara servers, two processes, one PostgreSQL database and one file
// directory, as behind a reverse proxy: whatever one server knows, the other
// must know too. Each assertion below fails when that state is kept in a
// process's memory (a session, a throttle or rate counter, a job, a file).
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { api } from "@baara/core";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, MIGRATIONS_FOLDER, openDatabase, queryRows } from "../src/db/client.ts";
import { demoProjects } from "../src/demo/load.ts";
import { DEMO_PASSWORD } from "../src/demo/organisations.ts";
import { PGSM_TSV_LINES } from "./fixtures/workplans.ts";
import { Browser, type ServerProcess, startServer } from "./helpers/server-process.ts";

const adminUrl = process.env.TEST_DATABASE_URL;
const HEAVY_PER_MINUTE = 12;

async function emptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `baara_scale_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

const tsvFile = (lines: readonly (readonly string[])[], name: string) => {
  const form = new FormData();
  form.append("file", new Blob([lines.map((l) => l.join("\t")).join("\n")], { type: "text/tab-separated-values" }), name);
  return form;
};

/** Follows an import from `server` until its status is one of `statuses`; answers every record seen. */
async function follow(browser: Browser, server: ServerProcess, id: string, statuses: string[], timeoutMs = 60_000) {
  const seen: api.ImportRecord[] = [];
  const started = Date.now();
  for (;;) {
    const response = await browser.send(server, "GET", `/imports/${id}`);
    expect(response.status, response.text).toBe(200);
    const record = response.json<api.ImportRecord>();
    seen.push(record);
    if (statuses.includes(record.status)) return seen;
    if (Date.now() - started > timeoutMs) throw new Error(`import ${id} still ${record.status}`);
    await sleep(100);
  }
}

/** Every migration of the repository, once each. */
const MIGRATIONS = (JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as { entries: unknown[] }).entries.length;

describe.skipIf(!adminUrl)("two servers on one PostgreSQL database", () => {
  let database: { url: string; drop(): Promise<void> };
  let filesDir: string;
  let a: ServerProcess;
  let b: ServerProcess;
  let db: Database;
  const env = () => ({
    DATABASE_URL: database.url,
    BAARA_FILES_DIR: filesDir,
    BAARA_DEMO: "1",
    BAARA_HEAVY_PER_MINUTE: String(HEAVY_PER_MINUTE),
    BAARA_SHUTDOWN_SECONDS: "20",
  });

  beforeAll(async () => {
    database = await emptyDatabase();
    filesDir = await mkdtemp(join(tmpdir(), "baara-scale-"));
    // Both start at once on an empty database: one migrates and loads the demo, the other waits its turn.
    [a, b] = await Promise.all([startServer(env()), startServer(env())]);
    db = await openDatabase({ url: database.url });
  }, 180_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.close();
    await database?.drop();
    await rm(filesDir, { recursive: true, force: true });
  }, 60_000);

  it("started together on an empty database: the migrations applied once, the demo loaded once", async () => {
    const [migrations] = await queryRows<{ n: number }>(db.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    const [projects] = await queryRows<{ n: number }>(db.db, sql`select count(*)::int as n from projects`);
    const [people] = await queryRows<{ n: number }>(db.db, sql`select count(*)::int as n from users where email = 'manager@baara.example'`);
    expect({ migrations: migrations?.n, projects: projects?.n, managers: people?.n })
      .toEqual({ migrations: MIGRATIONS, projects: demoProjects.length, managers: 1 });
  });

  it("a session opened on one server is valid on the other, and a logout on one ends it on both", async () => {
    const browser = new Browser();
    expect((await browser.login(a, "viewer@baara.example", DEMO_PASSWORD)).status).toBe(200);
    expect((await browser.send(b, "GET", "/auth/session")).status).toBe(200);
    expect((await browser.send(b, "POST", "/auth/logout")).status).toBe(204);
    expect((await browser.send(a, "GET", "/auth/session")).status).toBe(401);
    expect((await browser.send(b, "GET", "/auth/session")).status).toBe(401);
  });

  it("a password changed on one server ends the person's other sessions on both", async () => {
    const here = new Browser();
    const there = new Browser();
    expect((await here.login(a, "approver@baara.example", DEMO_PASSWORD)).status).toBe(200);
    expect((await there.login(b, "approver@baara.example", DEMO_PASSWORD)).status).toBe(200);
    const me = await here.send(a, "GET", `/users/${here.userId}`);
    expect(me.status, me.text).toBe(200);
    const changed = await here.send(a, "PATCH", `/users/${here.userId}`, {
      password: "un-nouveau-mot-de-passe",
      currentPassword: DEMO_PASSWORD,
      version: me.json<{ version: number }>().version,
    });
    expect(changed.status, changed.text).toBe(200);
    expect((await there.send(b, "GET", "/auth/session")).status).toBe(401);
    expect((await there.send(a, "GET", "/auth/session")).status).toBe(401);
    expect((await new Browser().login(b, "approver@baara.example", "un-nouveau-mot-de-passe")).status).toBe(200);
  });

  it("login throttling counts the failures made on both servers", async () => {
    const browser = new Browser();
    for (let i = 0; i < 5; i++) {
      const server = i % 2 === 0 ? a : b;
      expect((await browser.login(server, "cps.editor@baara.example", `faux-${i}`)).status).toBe(401);
    }
    // Five failures from this address for this account, spread over both servers: the pair now waits.
    const refused = await browser.login(b, "cps.editor@baara.example", DEMO_PASSWORD);
    expect(refused.status, refused.text).toBe(429);
    expect((await browser.login(a, "cps.editor@baara.example", DEMO_PASSWORD)).status).toBe(429);
  });

  it("an import started on one server is followed on the other with its progress, run once, its file downloadable from both", async () => {
    const manager = new Browser();
    expect((await manager.login(a, "manager@baara.example", DEMO_PASSWORD)).status).toBe(200);
    const projects = await manager.send(a, "GET", "/projects?q=PGSM");
    const projectId = projects.json<{ items: { id: string; code: string }[] }>().items[0]?.id;
    expect(projectId).toBeTruthy();
    const uploaded = await manager.send(a, "POST", `/projects/${projectId}/imports`, tsvFile(PGSM_TSV_LINES, "ptba-2022.tsv"));
    expect(uploaded.status, uploaded.text).toBe(202);
    const id = uploaded.json<api.ImportRecord>().id;
    const seen = await follow(manager, b, id, ["ready", "failed"]);
    const last = seen.at(-1);
    expect(last?.status).toBe("ready");
    expect(last?.interpretation?.report.activities).toBeGreaterThan(0);
    expect(seen.every((r) => r.job !== null && typeof r.job.progress === "number")).toBe(true);
    expect(last?.job).toMatchObject({ state: "completed", progress: 1 });

    const file = await manager.send(b, "GET", `/imports/${id}/file`);
    expect(file.status).toBe(200);
    expect(file.text).toBe(PGSM_TSV_LINES.map((l) => l.join("\t")).join("\n"));

    // Three more imports sent alternately to both: each job run by one worker, once.
    const more = await Promise.all(
      [b, a, b].map(async (server, i) => {
        const response = await manager.send(server, "POST", `/projects/${projectId}/imports`, tsvFile(PGSM_TSV_LINES, `copie-${i}.tsv`));
        expect(response.status, response.text).toBe(202);
        return response.json<api.ImportRecord>().id;
      }),
    );
    for (const other of more) expect((await follow(manager, a, other, ["ready", "failed"])).at(-1)?.status).toBe("ready");
    const runs = await queryRows<{ attempts: number; worker: string | null }>(
      db.db,
      sql`select j.attempts, j.worker from jobs j join imports i on i.job_id = j.id where i.project_id = ${projectId}`,
    );
    expect(runs).toHaveLength(4);
    const pids = new Set([a.child.pid, b.child.pid].map(String));
    for (const run of runs) {
      expect(run.attempts).toBe(1);
      expect(pids.has(run.worker?.split("/").at(-1) ?? "")).toBe(true);
    }
  });

  it("concurrent edits sent alternately to both servers leave stored totals equal to the lines; a stale edit gets 409 across them", async () => {
    const editor = new Browser();
    expect((await editor.login(b, "manager@baara.example", DEMO_PASSWORD)).status).toBe(200);
    const projects = await editor.send(b, "GET", "/projects?q=PGSM");
    const projectId = projects.json<{ items: { id: string }[] }>().items[0]?.id;
    const created = await editor.send(b, "POST", `/projects/${projectId}/workplans`, { year: 2023, title: "Essai deux serveurs" });
    expect(created.status, created.text).toBe(201);
    const planId = created.json<{ id: string }>().id;
    const activity = await editor.send(a, "POST", `/workplans/${planId}/activities`, {
      title: "Ateliers régionaux",
      budgetLines: Array.from({ length: 24 }, (_, i) => ({ description: `Ligne ${i + 1}`, quantity: "1", unitCost: "1000" })),
    });
    expect(activity.status, activity.text).toBe(201);
    const lines = activity.json<api.Activity>().budgetLines;
    // Every line changed at once, half through each server.
    const edits = await Promise.all(
      lines.map((line, i) =>
        editor.send(i % 2 ? a : b, "PATCH", `/budget-lines/${line.id}`, { quantity: String(i + 2), version: line.version }),
      ),
    );
    expect(edits.map((e) => e.status)).toEqual(lines.map(() => 200));
    const expected = lines.reduce((sum, _line, i) => sum + (i + 2) * 1000, 0);
    for (const server of [a, b]) {
      const summary = (await editor.send(server, "GET", `/workplans/${planId}/summary`)).json<api.WorkplanSummary>();
      expect(Number(summary.total.computed)).toBe(expected);
    }
    // The total stored on the plan (what lists and the portfolio show) has every edit.
    const [row] = await queryRows<{ total: string; lines: number }>(
      db.db,
      sql`select total_computed::text as total, line_count as lines from workplans where id = ${planId}`,
    );
    expect({ total: Number(row?.total), lines: row?.lines }).toEqual({ total: expected, lines: lines.length });

    const line = edits[0]?.json<api.BudgetLine>();
    if (!line) throw new Error("no edit");
    expect((await editor.send(a, "PATCH", `/budget-lines/${line.id}`, { quantity: "7", version: line.version })).status).toBe(200);
    const stale = await editor.send(b, "PATCH", `/budget-lines/${line.id}`, { quantity: "8", version: line.version });
    expect(stale.status, stale.text).toBe(409);
    expect(stale.json<{ error: { code: string } }>().error.code).toBe("VERSION_CONFLICT");
  });

  it("heavy requests are counted across both servers", async () => {
    const viewer = new Browser();
    expect((await viewer.login(a, "viewer@baara.example", DEMO_PASSWORD)).status).toBe(200);
    const projects = await viewer.send(a, "GET", "/projects?q=PGSM");
    const projectId = projects.json<{ items: { id: string }[] }>().items[0]?.id;
    const plans = await viewer.send(a, "GET", `/projects/${projectId}/workplans`);
    const planId = plans.json<{ items: { id: string }[] }>().items[0]?.id;
    const statuses: number[] = [];
    for (let i = 0; i <= HEAVY_PER_MINUTE; i++) {
      statuses.push((await viewer.send(i % 2 ? a : b, "GET", `/workplans/${planId}/export?format=csv`)).status);
    }
    // Counted per server, each would have allowed twice as many.
    expect(statuses).toEqual([...Array.from({ length: HEAVY_PER_MINUTE }, () => 200), 429]);
  });
});

describe.skipIf(!adminUrl)("a server stopped with SIGTERM", () => {
  let database: { url: string; drop(): Promise<void> };
  let filesDir: string;
  let db: Database;
  const env = (shutdownSeconds: number) => ({
    DATABASE_URL: database.url,
    BAARA_FILES_DIR: filesDir,
    BAARA_DEMO: "1",
    BAARA_SHUTDOWN_SECONDS: String(shutdownSeconds),
  });
  // A plan of 49 000 lines: reading it takes seconds, so that the stop comes while it runs.
  const bigPlan = [
    ["Activité", "Indicateurs", "QTE", "PU", "Budget en FCFA", "Responsable"],
    ...Array.from({ length: 49_000 }, (_, i) => [
      `Activité ${i + 1} : atelier régional de restitution`, "Nombre d'ateliers tenus", "2", "1500", "3000", "Cellule de planification",
    ]),
  ];

  beforeAll(async () => {
    database = await emptyDatabase();
    filesDir = await mkdtemp(join(tmpdir(), "baara-stop-"));
    db = await openDatabase({ url: database.url });
  });

  afterAll(async () => {
    await db?.close();
    await database?.drop();
    await rm(filesDir, { recursive: true, force: true });
  });

  async function jobOf(importId: string) {
    const [job] = await queryRows<{ state: string; attempts: number; worker: string | null }>(
      db.db,
      sql`select j.state, j.attempts, j.worker from jobs j join imports i on i.job_id = j.id where i.id = ${importId}`,
    );
    return job;
  }

  /** Uploads the big plan to `server`, and answers once its reading job is running there. */
  async function startReading(server: ServerProcess) {
    const manager = new Browser();
    expect((await manager.login(server, "manager@baara.example", DEMO_PASSWORD)).status).toBe(200);
    const projects = await manager.send(server, "GET", "/projects?q=PGSM");
    const projectId = projects.json<{ items: { id: string }[] }>().items[0]?.id;
    const uploaded = await manager.send(server, "POST", `/projects/${projectId}/imports`, tsvFile(bigPlan, "grand-plan.tsv"));
    expect(uploaded.status, uploaded.text).toBe(202);
    const id = uploaded.json<api.ImportRecord>().id;
    for (let i = 0; (await jobOf(id))?.state !== "active"; i++) {
      if (i > 600) throw new Error("the reading job never started");
      await sleep(20);
    }
    return { manager, id };
  }

  /** Sends SIGTERM; answers how long the process took to exit, its code, and whether it still took requests. */
  async function stop(server: ServerProcess) {
    const started = performance.now();
    server.child.kill("SIGTERM");
    await sleep(300);
    const after = await fetch(`${server.url}/api/v1/ready`).then((r) => r.status, () => "refused" as const);
    const code = await server.exited;
    const ms = performance.now() - started;
    console.info(`SIGTERM → exit ${code} in ${Math.round(ms)} ms; a request 300 ms after the signal: ${after}`);
    return { ms, code, after };
  }

  it("hands back a job it could not finish in time: another server runs it, and the stop stays within its time", async () => {
    const other = await startServer(env(20));
    const server = await startServer(env(3));
    try {
      const { manager, id } = await startReading(server);
      const stopped = await stop(server);
      expect(stopped.after === "refused" || stopped.after === 503, `answered ${stopped.after} while stopping`).toBe(true);
      expect(stopped.code, server.output()).toBe(0);
      expect(stopped.ms).toBeLessThan(3000 + 1000);
      const record = (await follow(manager, other, id, ["ready", "failed"], 120_000)).at(-1);
      expect(record?.status, JSON.stringify(record?.error)).toBe("ready");
      expect(record?.interpretation?.report.activities).toBe(49_000);
      const job = await jobOf(id);
      expect(job).toMatchObject({ state: "completed", attempts: 2 });
      expect(job?.worker?.split("/").at(-1)).toBe(String(other.child.pid));
    } finally {
      await Promise.all([other.stop(), server.stop()]);
    }
  }, 240_000);

  it("finishes a running job when its time allows, then exits", async () => {
    const server = await startServer(env(60));
    const { id } = await startReading(server);
    const stopped = await stop(server);
    expect(stopped.code, server.output()).toBe(0);
    expect(stopped.ms).toBeLessThan(60_000);
    const job = await jobOf(id);
    expect(job).toMatchObject({ state: "completed", attempts: 1 });
    expect(job?.worker?.split("/").at(-1)).toBe(String(server.child.pid));
  }, 240_000);
});
