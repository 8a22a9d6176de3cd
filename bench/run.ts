// `npm run bench`: the national data set on PGlite and on PostgreSQL, the main
// reads, a mixed workload and the heavy jobs against a real server on loopback,
// each figure beside its limit measured in the same run. Writes
// bench/results/<date>.json and prints a table.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Faker, base } from "@faker-js/faker";
import { bundleKbGzip } from "./bundle.ts";
import { BENCH_DIR, type BenchDatabase, databaseBytes, prepareDataset } from "./dataset.ts";
import { measureDirect, type Targets } from "./direct.ts";
import { NATIONAL_SCALE, SMALL_SCALE } from "./generate.ts";
import { heavyJobs } from "./heavy.ts";
import { BENCH_PASSWORD } from "./load.ts";
import { type LoadRequest, measure, signIn } from "./load-generator.ts";
import { type BenchResult, type RunFigures, printTable } from "./report.ts";
import { startBenchServer } from "./server.ts";
import { generateDirectory } from "./generate.ts";

const { values: args } = parseArgs({
  options: {
    database: { type: "string", default: "both" },
    scale: { type: "string", default: "national" },
    seed: { type: "string", default: "1" },
    seconds: { type: "string", default: "10" },
    "mixed-seconds": { type: "string", default: "60" },
    fresh: { type: "boolean", default: false },
  },
});
const scale = args.scale === "small" ? SMALL_SCALE : NATIONAL_SCALE;
const seed = Number(args.seed);
const seconds = Number(args.seconds);
const mixedSeconds = Number(args["mixed-seconds"]);
const databases: BenchDatabase[] = args.database === "both" ? ["postgresql", "pglite"] : [args.database as BenchDatabase];
const postgresUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const log = (line: string) => console.log(line);

/** The reads of a day's work, each by its path under /api/v1. */
function mainReads(t: Targets): { name: string; path: string }[] {
  return [
    { name: "portfolio home", path: "/portfolio" },
    { name: "project page", path: `/projects/${t.largestPlan.projectId}` },
    { name: "project's plans (list)", path: `/projects/${t.largestPlan.projectId}/workplans` },
    { name: `plan summary (${t.largestPlan.lines} lines)`, path: `/workplans/${t.largestPlan.id}/summary` },
    { name: `plan content for the editor (${t.largestPlan.lines} lines)`, path: `/workplans/${t.largestPlan.id}/content` },
    { name: "plan execution", path: `/workplans/${t.largestPlan.id}/execution` },
    { name: "project execution dashboard", path: `/projects/${t.largestPlan.projectId}/execution` },
    { name: "portfolio execution", path: `/portfolio/execution?year=${t.year}` },
    { name: "transactions (list)", path: `/workplans/${t.largestPlan.id}/transactions` },
    { name: "approver's inbox", path: "/inbox" },
    { name: "organisations (list)", path: "/organisations" },
    { name: "projects (list)", path: "/projects" },
  ];
}

/** 50 people at work: nine reads for one write, writes being commitments recorded and lines added to drafts. */
function mixedRequests(t: Targets, random: Faker): LoadRequest[] {
  const pick = <T>(items: T[]): T => random.helpers.arrayElement(items);
  const get = (path: () => string): LoadRequest => ({ method: "GET", next: () => ({ path: path() }) });
  let writes = 0;
  const write: LoadRequest = {
    method: "POST",
    next: () => {
      if (writes++ % 2 === 0 || t.draftActivityIds.length === 0) {
        const line = pick(t.executionLines);
        return {
          path: `/workplans/${line.workplanId}/transactions`,
          body: {
            budgetLineId: line.budgetLineId,
            stage: "commitment",
            date: `${t.year}-11-15`,
            amount: "125000",
            reference: `BENCH-${writes}`,
          },
        };
      }
      return {
        path: `/activities/${pick(t.draftActivityIds)}/budget-lines`,
        body: { description: "Perdiem des participants", quantity: "10", unitCost: "15000" },
      };
    },
  };
  return [
    get(() => "/portfolio"),
    get(() => `/projects/${pick(t.projectIds)}`),
    get(() => `/projects/${pick(t.projectIds)}/workplans`),
    get(() => `/workplans/${pick(t.executionLines).workplanId}/summary`),
    write,
    get(() => `/workplans/${pick(t.executionLines).workplanId}/execution`),
    get(() => `/projects/${pick(t.projectIds)}/execution`),
    get(() => "/inbox"),
    get(() => `/workplans/${pick(t.executionLines).workplanId}/transactions`),
    get(() => `/projects/${pick(t.projectIds)}/workplans`),
  ];
}

async function benchDatabase(database: BenchDatabase, results: BenchResult[]): Promise<RunFigures> {
  const dataset = await prepareDataset(database, seed, scale, { postgresUrl, fresh: args.fresh, log });
  const filesDir = await mkdtemp(join(tmpdir(), "baara-bench-files-"));
  const directory = generateDirectory(seed, scale);
  const atRoot = directory.users.filter((u) => u.organisationCode === directory.organisations[0]?.code);
  const manager = atRoot.find((u) => u.role === "manager");
  const editors = atRoot.filter((u) => u.role === "editor");
  if (!manager || editors.length === 0) throw new Error("the data set has no manager or editor at its root organisation");
  try {
    log(`${database}: SQL of each read, replayed without the app`);
    const options = dataset.env.DATABASE_URL
      ? { url: dataset.env.DATABASE_URL }
      : { dataDir: dataset.env.BAARA_DATA_DIR ?? "" };
    const direct = await measureDirect(options, mainReads, { email: manager.email, password: BENCH_PASSWORD }, 50);

    log(`${database}: starting the server`);
    const server = await startBenchServer({
      ...dataset.env,
      BAARA_FILES_DIR: filesDir,
      BAARA_HEAVY_PER_MINUTE: "100000",
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const restRssMb = await server.rssMb();
      const reader = await signIn(server.url, manager.email, BENCH_PASSWORD);
      const row = async (name: string, figures: Omit<BenchResult, "name" | "database" | "peakRssMb">) => {
        const peakRssMb = Math.max(server.peakMb(), await server.rssMb());
        results.push({ name, database, ...figures, peakRssMb });
      };

      for (const read of mainReads(direct.targets)) {
        log(`${database}: ${read.name}`);
        server.resetPeak();
        const latency = await measure(server.url, [reader], [{ method: "GET", next: () => ({ path: read.path }) }], {
          connections: 1,
          seconds,
        });
        const limit = direct.limits.get(read.name);
        await row(read.name, {
          ...latency,
          limitMs: limit?.p50Ms ?? null,
          ratio: limit ? round(latency.p50Ms / limit.p50Ms) : null,
          statements: limit?.statements ?? null,
        });
        if (read.path.endsWith("/summary")) {
          await row("plan summary ÷ its one-statement SQL roll-up", {
            ...latency,
            limitMs: direct.rollupMs.p50Ms,
            ratio: round(latency.p50Ms / direct.rollupMs.p50Ms),
            statements: 1,
          });
        }
      }

      log(`${database}: mixed workload, 50 connections for ${mixedSeconds} s`);
      const people = await Promise.all(
        [manager, ...editors.slice(0, 4)].map((u) => signIn(server.url, u.email, BENCH_PASSWORD)),
      );
      server.resetPeak();
      const random = new Faker({ locale: [base] });
      random.seed(seed);
      const mixed = await measure(server.url, people, mixedRequests(direct.targets, random), {
        connections: 50,
        seconds: mixedSeconds,
      });
      await row("mixed workload: 50 users, 90 % reads, 10 % writes", {
        ...mixed,
        limitMs: null,
        ratio: null,
        statements: null,
      });

      for (const job of heavyJobs(server.url, reader, direct.targets, seed)) {
        log(`${database}: ${job.name}`);
        server.resetPeak();
        await row(job.name, await job.run());
      }
      // Idle reader and export threads exit after 30 s (threads/pool.ts), giving their memory back.
      await new Promise((resolve) => setTimeout(resolve, 40_000));
      const afterBurstRssMb = await server.rssMb();
      return {
        database,
        startupMs: server.startupMs,
        restRssMb,
        afterBurstRssMb,
        databaseMb: Math.round((await databaseBytes(dataset)) / 1024 / 1024),
        loadSeconds: dataset.loadSeconds === null ? null : Math.round(dataset.loadSeconds),
        counts: dataset.counts,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await dataset.dispose();
    await rm(filesDir, { recursive: true, force: true });
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

const results: BenchResult[] = [];
const runs: RunFigures[] = [];
for (const database of databases) runs.push(await benchDatabase(database, results));
const report = {
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? "",
    memoryMb: Math.round(totalmem() / 1024 / 1024),
    node: process.version,
  },
  date: new Date().toISOString(),
  seed,
  scale,
  options: { seconds, mixedSeconds },
  bundleKbGzip: await bundleKbGzip(),
  runs,
  results,
};
await mkdir(join(BENCH_DIR, "results"), { recursive: true });
const file = join(BENCH_DIR, "results", `${report.date.slice(0, 10)}.json`);
await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
console.log(printTable(report));
console.log(`\nWritten to ${file}`);
