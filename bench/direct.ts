// What the bench measures on the database itself, before the server starts (an
// embedded database has one owner at a time): the records the load will aim at,
// and the limit of each read, the SQL that one request of it sends, replayed
// directly through the driver without the app around it.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { sql } from "drizzle-orm";
import { buildApp } from "../packages/server/src/app.ts";
import { type Database, type DatabaseOptions, openDatabase, queryRows } from "../packages/server/src/db/client.ts";
import { DirectoryFileStore } from "../packages/server/src/files/directory.ts";
import { InlineJobRunner } from "../packages/server/src/jobs/runner.ts";

export interface Targets {
  /** The plan with the most lines, and one with about half as many (exports must be linear). */
  largestPlan: { id: string; projectId: string; lines: number };
  halfPlan: { id: string; projectId: string; lines: number };
  projectIds: string[];
  /** Approved plans of the current year, in force: where commitments are recorded; one line of each. */
  executionLines: { workplanId: string; budgetLineId: string }[];
  /** Activities of the current year's draft revisions: where editors add lines. */
  draftActivityIds: string[];
  year: number;
}

export interface Statement {
  sql: string;
  params: unknown[];
}

export interface ReadLimit {
  statements: number;
  p50Ms: number;
  p95Ms: number;
}

async function findTargets(db: Database["db"]): Promise<Targets> {
  const plans = await queryRows<{ id: string; project_id: string; line_count: number }>(
    db,
    sql`select id, project_id, line_count from workplans order by line_count desc`,
  );
  const largest = plans[0];
  if (!largest) throw new Error("the data set has no plan");
  const half = plans.reduce((best, p) =>
    Math.abs(p.line_count - largest.line_count / 2) < Math.abs(best.line_count - largest.line_count / 2) ? p : best,
  );
  const [{ year } = { year: 0 }] = await queryRows<{ year: number }>(db, sql`select max(year) as year from workplans`);
  const projectIds = (await queryRows<{ id: string }>(db, sql`select id from projects order by code`)).map((r) => r.id);
  const executionLines = (
    await queryRows<{ workplan_id: string; budget_line_id: string }>(
      db,
      sql`select distinct on (w.id) w.id as workplan_id, l.id as budget_line_id
          from workplans w join budget_lines l on l.workplan_id = w.id
          where w.year = ${year} and w.status = 'approved' order by w.id, l.position`,
    )
  ).map((r) => ({ workplanId: r.workplan_id, budgetLineId: r.budget_line_id }));
  const draftActivityIds = (
    await queryRows<{ id: string }>(
      db,
      sql`select distinct on (w.id) a.id from workplans w join activities a on a.workplan_id = w.id
          where w.year = ${year} and w.status = 'draft' order by w.id, a.position`,
    )
  ).map((r) => r.id);
  const plan = (p: typeof largest) => ({ id: p.id, projectId: p.project_id, lines: p.line_count });
  return { largestPlan: plan(largest), halfPlan: plan(half), projectIds, executionLines, draftActivityIds, year };
}

/** Runs `statements` once, in order, on a connection of their own. */
type Replayer = { run(statements: Statement[]): Promise<void>; close(): Promise<void> };

async function replayer(options: DatabaseOptions, database: Database): Promise<Replayer> {
  if ("url" in options) {
    const client = new pg.Client({ connectionString: options.url });
    await client.connect();
    return {
      run: async (statements) => {
        for (const s of statements) await client.query(s.sql, s.params);
      },
      close: () => client.end(),
    };
  }
  const pglite = database.pglite;
  if (!pglite) throw new Error("no embedded database");
  return {
    run: async (statements) => {
      for (const s of statements) await pglite.query(s.sql, s.params);
    },
    close: async () => undefined,
  };
}

function percentiles(samples: number[]): { p50Ms: number; p95Ms: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return { p50Ms: round(at(50)), p95Ms: round(at(95)) };
}

async function timed(iterations: number, run: () => Promise<void>): Promise<{ p50Ms: number; p95Ms: number }> {
  for (let i = 0; i < Math.min(5, iterations); i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return percentiles(samples);
}

/**
 * Opens the data set, finds the targets, then for each read sends one request to
 * the app in this process (no network), records its SQL and replays it
 * `iterations` times; also times the plan summary's roll-up as one statement.
 */
export async function measureDirect(
  options: DatabaseOptions,
  reads: (targets: Targets) => { name: string; path: string }[],
  signInAs: { email: string; password: string },
  iterations: number,
): Promise<{ targets: Targets; limits: Map<string, ReadLimit>; rollupMs: { p50Ms: number; p95Ms: number } }> {
  let recording: Statement[] | null = null;
  const database = await openDatabase({ ...options, onQuery: (query, params) => recording?.push({ sql: query, params }) });
  const filesDir = await mkdtemp(join(tmpdir(), "baara-bench-files-"));
  const app = await buildApp({
    database,
    services: { files: new DirectoryFileStore(filesDir), jobs: new InlineJobRunner(database.db) },
    heavyLimits: { signedIn: 1_000_000, anonymous: 1_000_000 },
  });
  const replay = await replayer(options, database);
  try {
    await app.ready();
    const targets = await findTargets(database.db);
    const login = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: signInAs });
    if (login.statusCode !== 200) throw new Error(`sign-in for the SQL capture: ${login.statusCode} ${login.body}`);
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const limits = new Map<string, ReadLimit>();
    for (const read of reads(targets)) {
      recording = [];
      const response = await app.inject({ method: "GET", url: `/api/v1${read.path}`, headers: { cookie } });
      const statements: Statement[] = recording;
      recording = null;
      if (response.statusCode !== 200)
        throw new Error(`${read.name}: ${response.statusCode} ${response.body.slice(0, 300)}`);
      limits.set(read.name, { statements: statements.length, ...(await timed(iterations, () => replay.run(statements))) });
    }
    const rollup: Statement = {
      sql: `select a.result_node_id, sum(l.amount) from budget_lines l join activities a on a.id = l.activity_id
            where l.workplan_id = $1 group by a.result_node_id`,
      params: [targets.largestPlan.id],
    };
    const rollupMs = await timed(iterations, () => replay.run([rollup]));
    return { targets, limits, rollupMs };
  } finally {
    await replay.close();
    await app.close();
    await database.close();
    await rm(filesDir, { recursive: true, force: true });
  }
}
