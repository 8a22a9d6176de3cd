// Start-up and memory at rest of `baara serve`, as an operator sees them: the
// time from spawning the node process to the first 200 on GET /api/v1/health,
// and the process's resident memory (VmRSS) once it has rested. Each run starts
// a new database (migrations and the demo: "first"), stops, then starts again
// on it ("second"); the figures are medians.
//
//   npm run build && node bench/startup.mjs
//
// BENCH_RUNS (5) runs, BENCH_REST_SECONDS (8) of rest before reading memory;
// BENCH_POSTGRES_URL (e.g. postgresql://postgres@127.0.0.1:5432/postgres) adds
// PostgreSQL, on a scratch database created and dropped on that server.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = join(root, "packages/server/bin/baara.js");
const runs = Number(process.env.BENCH_RUNS) || 5;
const rest = Number(process.env.BENCH_REST_SECONDS) || 8;
const postgres = process.env.BENCH_POSTGRES_URL;
let port = 31000 + Math.floor(Math.random() * 2000);

function rssMb(pid) {
  const text = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(text)?.[1] ?? 0) / 1024;
}

function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

async function start(env) {
  const url = `http://127.0.0.1:${port}/api/v1/health`;
  const started = performance.now();
  const child = spawn(process.execPath, [bin, "serve"], {
    cwd: root,
    env: { ...process.env, HOST: "127.0.0.1", PORT: String(port++), LOG_LEVEL: "warn", BAARA_DEMO: "1", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let errors = "";
  child.stderr.on("data", (chunk) => (errors += chunk));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`baara serve exited (${child.exitCode}): ${errors}`);
    if (
      await fetch(url).then(
        (r) => r.status === 200,
        () => false,
      )
    )
      break;
    if (performance.now() - started > 120_000) throw new Error(`no answer from ${url}: ${errors}`);
    await sleep(10);
  }
  const ms = performance.now() - started;
  const cpu = cpuMs(child.pid);
  await sleep(rest * 1000);
  const rss = rssMb(child.pid);
  child.kill("SIGTERM");
  await new Promise((done) => child.on("exit", done));
  return { ms, cpu, rss };
}

function scratch(kind, i) {
  if (kind === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "baara-bench-"));
    return { env: { BAARA_DATA_DIR: dir, DATABASE_URL: "" }, drop: () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `baara_bench_${process.pid}_${i}`;
  const psql = (sql) => execFileSync("psql", [postgres, "-qc", sql]);
  psql(`create database ${name}`);
  const url = new URL(postgres);
  url.pathname = `/${name}`;
  const files = mkdtempSync(join(tmpdir(), "baara-bench-files-"));
  return {
    env: { DATABASE_URL: url.toString(), BAARA_FILES_DIR: files },
    drop: () => {
      psql(`drop database ${name} with (force)`);
      rmSync(files, { recursive: true, force: true });
    },
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

console.log("database    start   median ms   CPU ms   RSS at rest MB");
for (const kind of postgres ? ["pglite", "postgresql"] : ["pglite"]) {
  const results = { first: [], second: [] };
  for (let i = 0; i < runs; i++) {
    const database = scratch(kind, i);
    try {
      results.first.push(await start(database.env));
      results.second.push(await start(database.env));
    } finally {
      database.drop();
    }
  }
  for (const phase of ["first", "second"]) {
    const r = results[phase];
    const cells = [median(r.map((x) => x.ms)), median(r.map((x) => x.cpu)), median(r.map((x) => x.rss))].map((n) =>
      n.toFixed(0).padStart(8),
    );
    console.log(`${kind.padEnd(11)} ${phase.padEnd(7)} ${cells.join("  ")}`);
  }
}
