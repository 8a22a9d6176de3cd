// The bench's figures: one row per measure and database, and the table printed at the end.
import type { LoadCounts } from "./load.ts";

export interface BenchFigures {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Requests a second; null for the heavy jobs, run one at a time. */
  rps: number | null;
  requests: number;
  errors: number;
  /** The same work without the app around it (raw SQL, bare ExcelJS), measured in the same run. */
  limitMs: number | null;
  /** p50 ÷ limit. */
  ratio: number | null;
  /** SQL statements one request sends. */
  statements: number | null;
  perLineMs?: number;
  /** Answers other than 2xx, by status. */
  statuses?: Record<string, number>;
  bytes?: number;
}

export interface BenchResult extends BenchFigures {
  name: string;
  database: "pglite" | "postgresql";
  /** The server's highest resident memory while this was measured. */
  peakRssMb: number;
}

export interface RunFigures {
  database: "pglite" | "postgresql";
  /** From spawning `baara serve` on the loaded data set to its first 200 on /api/v1/ready. */
  startupMs: number;
  restRssMb: number;
  /** Forty seconds after the heavy jobs, once idle worker threads have exited. */
  afterBurstRssMb: number;
  databaseMb: number;
  loadSeconds: number | null;
  counts: LoadCounts;
}

const cell = (n: number | null | undefined) => (n === null || n === undefined ? "–" : String(n));

export function printTable(report: {
  machine: { cpus: number; cpuModel: string; memoryMb: number; node: string };
  date: string;
  options: { seconds: number; mixedSeconds: number };
  bundleKbGzip: number | null;
  runs: RunFigures[];
  results: BenchResult[];
}): string {
  const lines = [
    `Machine: ${report.machine.cpus} × ${report.machine.cpuModel}, ${report.machine.memoryMb} MB, Node ${report.machine.node}; ${report.date}`,
    `Each read for ${report.options.seconds} s on one connection; the mixed workload for ${report.options.mixedSeconds} s.`,
    "",
    "| Measure | Database | p50 ms | p95 ms | p99 ms | req/s | errors | limit ms | ÷ limit | SQL stmts | peak RSS MB |",
    "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ...report.results.map(
      (r) =>
        `| ${r.name} | ${r.database} | ${r.p50Ms} | ${r.p95Ms} | ${r.p99Ms} | ${cell(r.rps)} | ${r.errors} | ${cell(r.limitMs)} | ${cell(r.ratio)} | ${cell(r.statements)} | ${r.peakRssMb} |`,
    ),
    "",
    "| Database | start-up ms | RSS at rest MB | RSS after burst MB | database MB | load s | projects | plans | lines | transactions |",
    "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ...report.runs.map(
      (r) =>
        `| ${r.database} | ${r.startupMs} | ${r.restRssMb} | ${r.afterBurstRssMb} | ${r.databaseMb} | ${cell(r.loadSeconds)} | ${r.counts.projects} | ${r.counts.workplans} | ${r.counts.lines} | ${r.counts.transactions} |`,
    ),
    "",
    `Initial web bundle: ${cell(report.bundleKbGzip)} KB gzip`,
  ];
  return lines.join("\n");
}
