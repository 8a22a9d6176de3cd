// The compiled server (scripts/build.js → dist/server/), which `baara` and `npm
// start` run: it runs on node alone, with no TypeScript loader, and finds from
// where it lies what it needs: the migrations, the web app, the entries of its
// reader and export threads, and the script that creates an embedded database.
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, utimesSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { api } from "@baara/core";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { OUT, staleReason } from "../scripts/build.js";
import { openDatabase, PGLITE_SHARED_BUFFERS, queryRows } from "../src/db/client.ts";
import { DEMO_PASSWORD } from "../src/demo/organisations.ts";
import { PGSM_TSV_LINES } from "./fixtures/workplans.ts";
import { Browser, type ServerProcess, startServer } from "./helpers/server-process.ts";
import { ensureWebBuild } from "./helpers/web-build.ts";

const run = promisify(execFile);
const server = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const main = join(OUT, "main.js");
const dirs: string[] = [];

afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe("the compiled server", () => {
  it("is built in dist/server and runs `baara --help` on plain node", async () => {
    expect(OUT).toBe(join(server, "dist/server"));
    const { stdout } = await run(process.execPath, [main, "--help"], { env: { ...process.env, NODE_OPTIONS: "" } });
    for (const command of ["serve", "migrate", "import-plan", "export-plan", "user:create", "backup", "restore"]) {
      expect(stdout).toContain(command);
    }
  });

  it("serves a new embedded database from dist: health, the web app, an import read in a reader thread, an export written in an export thread", async () => {
    await ensureWebBuild();
    const dir = await mkdtemp(join(tmpdir(), "baara-compiled-"));
    dirs.push(dir);
    let app: ServerProcess | null = null;
    try {
      app = await startServer({ DATABASE_URL: "", BAARA_DATA_DIR: dir, BAARA_DEMO: "1", NODE_OPTIONS: "" }, 120_000, main);
      const health = await fetch(`${app.url}/api/v1/health`);
      expect(await health.json()).toEqual({ status: "ok", database: "pglite" });
      const page = await fetch(`${app.url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("Baara");

      // The embedded database was created aside by a process of its own, then moved into place.
      expect(existsSync(join(dir, "pglite/PG_VERSION"))).toBe(true);
      expect(readdirSync(dir).filter((name) => name.includes(".init-"))).toEqual([]);

      const manager = new Browser();
      expect((await manager.login(app, "manager@baara.example", DEMO_PASSWORD)).status).toBe(200);
      const projects = await manager.send(app, "GET", "/projects?q=PGSM");
      const projectId = projects.json<{ items: { id: string }[] }>().items[0]?.id;
      const form = new FormData();
      form.append(
        "file",
        new Blob([PGSM_TSV_LINES.map((l) => l.join("\t")).join("\n")], { type: "text/tab-separated-values" }),
        "ptba.tsv",
      );
      const uploaded = await manager.send(app, "POST", `/projects/${projectId}/imports`, form);
      expect(uploaded.status, uploaded.text).toBe(202);
      const id = uploaded.json<api.ImportRecord>().id;
      let record: api.ImportRecord | null = null;
      for (let i = 0; i < 300; i++) {
        record = (await manager.send(app, "GET", `/imports/${id}`)).json<api.ImportRecord>();
        if (record.status === "ready" || record.status === "failed") break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(record?.status, JSON.stringify(record?.error)).toBe("ready");
      expect(record?.interpretation?.report.activities).toBeGreaterThan(0);

      const plans = await manager.send(app, "GET", `/projects/${projectId}/workplans`);
      const planId = plans.json<{ items: { id: string }[] }>().items[0]?.id;
      const xlsx = await manager.send(app, "GET", `/workplans/${planId}/export?format=xlsx`);
      expect(xlsx.status, xlsx.text).toBe(200);
      expect(xlsx.bytes.subarray(0, 2).toString()).toBe("PK");
    } finally {
      await app?.stop();
    }
  }, 180_000);

  it("is compiled again when a source is newer than the build", async () => {
    expect(staleReason()).toBeNull();
    const source = join(server, "src/cli/run.ts");
    const { atime, mtime } = statSync(source);
    const builtAt = () => (JSON.parse(readFileSync(join(OUT, "build.json"), "utf8")) as { builtAt: number }).builtAt;
    const before = builtAt();
    try {
      const later = new Date(Date.now() + 5_000);
      utimesSync(source, later, later);
      expect(staleReason()).toBe("src/cli/run.ts changed");
      const { stdout } = await run(process.execPath, [join(server, "bin/baara.js"), "--help"]);
      expect(stdout).toContain("import-plan");
      expect(builtAt()).toBeGreaterThan(before);
    } finally {
      utimesSync(source, atime, mtime);
    }
    expect(staleReason()).toBeNull();
  }, 60_000);
});

describe("the embedded database", () => {
  it(`runs with ${PGLITE_SHARED_BUFFERS} of shared buffers`, async () => {
    const database = await openDatabase({ memory: true });
    try {
      const [row] = await queryRows<{ shared_buffers: string }>(database.db, sql`show shared_buffers`);
      expect(row?.shared_buffers).toBe("32MB");
    } finally {
      await database.close();
    }
  });
});
