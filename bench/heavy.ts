// The heavy jobs, each run a few times against the server and set beside its
// limit measured here: an import beside a bare ExcelJS read of the same file, an
// export beside ExcelJS writing the same cells without formulas or styles.
import { setTimeout as sleep } from "node:timers/promises";
import { generatePlanContent } from "./generate.ts";
import type { Targets } from "./direct.ts";
import type { Session } from "./load-generator.ts";
import type { BenchFigures } from "./report.ts";
import { bareRead, bareWrite, planWorkbook } from "./workbooks.ts";

const RUNS = 3;
export const IMPORT_LINES = 5000;

export interface HeavyJob {
  name: string;
  run(): Promise<BenchFigures>;
}

interface Call {
  status: number;
  body: Buffer;
}

async function call(url: string, session: Session, method: string, path: string, body?: FormData | object): Promise<Call> {
  const form = body instanceof FormData;
  const response = await fetch(`${url}/api/v1${path}`, {
    method,
    headers: {
      cookie: session.cookie,
      ...(method === "GET" ? {} : { "x-csrf-token": session.csrfToken }),
      ...(body && !form ? { "content-type": "application/json" } : {}),
    },
    body: body === undefined ? undefined : form ? body : JSON.stringify(body),
  });
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
}

/** Runs `run` a few times; a run answers false (or throws) when the server refused or failed the job. */
async function timedRuns(run: () => Promise<boolean>): Promise<{ samples: number[]; errors: number }> {
  const samples: number[] = [];
  let errors = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const ok = await run().catch((error: unknown) => {
      console.warn(`  failed: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    });
    if (!ok) errors++;
    samples.push(performance.now() - started);
  }
  return { samples, errors };
}

function figures(
  { samples, errors }: { samples: number[]; errors: number },
  limitSamples: number[] | null,
  extra: Partial<BenchFigures> = {},
): BenchFigures {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const round = (n: number) => Math.round(n * 100) / 100;
  const p50 = median(samples);
  const limit = limitSamples ? median(limitSamples) : null;
  return {
    // A few runs: the median, and the worst run for p95 and p99.
    p50Ms: round(p50),
    p95Ms: round(sorted[sorted.length - 1] ?? 0),
    p99Ms: round(sorted[sorted.length - 1] ?? 0),
    rps: null,
    requests: samples.length,
    errors,
    limitMs: limit === null ? null : round(limit),
    ratio: limit ? round(p50 / limit) : null,
    statements: null,
    ...extra,
  };
}

async function waitForImport(url: string, session: Session, id: string, until: string[]): Promise<string> {
  for (;;) {
    const response = await call(url, session, "GET", `/imports/${id}`);
    const { status } = JSON.parse(response.body.toString()) as { status: string };
    if (until.includes(status) || status === "failed") return status;
    await sleep(50);
  }
}

export function heavyJobs(url: string, session: Session, targets: Targets, seed: number): HeavyJob[] {
  const importYear = targets.year + 1;
  const importFile = (async () =>
    planWorkbook(generatePlanContent(seed, IMPORT_LINES, "XOF", importYear), importYear, IMPORT_LINES))();

  const exportJob = (plan: Targets["largestPlan"], format: "xlsx" | "csv"): HeavyJob => ({
    name: `export of a ${plan.lines}-line plan to ${format}`,
    run: async () => {
      const runs = await timedRuns(async () => {
        const response = await call(url, session, "GET", `/workplans/${plan.id}/export?format=${format}`);
        return response.status === 200 && response.body.byteLength > 0;
      });
      // The limit: the same lines as plain cells, written by ExcelJS in this process.
      const content = JSON.parse((await call(url, session, "GET", `/workplans/${plan.id}/content`)).body.toString()) as {
        activities: { code: string | null; title: string; budgetLines: Record<string, unknown>[] }[];
      };
      const rows = content.activities.flatMap((a) =>
        a.budgetLines.map((l) => [
          a.code,
          a.title,
          l.description,
          l.accountCode,
          l.fundCode,
          l.quantity,
          l.unit,
          l.unitCost,
          l.amount,
        ]),
      );
      const limit = await timedRuns(async () => (await bareWrite(rows)) > 0);
      return figures(runs, limit.samples, { perLineMs: Math.round((median(runs.samples) / plan.lines) * 1000) / 1000 });
    },
  });

  return [
    {
      name: `import of a ${IMPORT_LINES}-line xlsx, read and checked`,
      run: async () => {
        const file = await importFile;
        const runs = await timedRuns(async () => {
          const form = new FormData();
          form.set("year", String(importYear));
          form.set("file", new Blob([file]), `ptba-${importYear}.xlsx`);
          const created = await call(url, session, "POST", `/projects/${targets.largestPlan.projectId}/imports`, form);
          if (created.status !== 202) return false;
          const { id } = JSON.parse(created.body.toString()) as { id: string };
          return (await waitForImport(url, session, id, ["ready"])) === "ready";
        });
        const limit = await timedRuns(async () => (await bareRead(file)) > 0);
        return figures(runs, limit.samples);
      },
    },
    {
      name: `import commit of ${IMPORT_LINES} lines`,
      run: async () => {
        const commitMs: number[] = [];
        const runs = await timedRuns(async () => {
          // Each run commits an import of its own: a new version of the year's plan.
          const form = new FormData();
          form.set("year", String(importYear));
          form.set("file", new Blob([await importFile]), `ptba-${importYear}.xlsx`);
          const created = await call(url, session, "POST", `/projects/${targets.largestPlan.projectId}/imports`, form);
          const { id, version } = JSON.parse(created.body.toString()) as { id: string; version: number };
          if ((await waitForImport(url, session, id, ["ready"])) !== "ready") return false;
          const started = performance.now();
          const committed = await call(url, session, "POST", `/imports/${id}/commit`, { year: importYear, version });
          const done = committed.status < 300 && (await waitForImport(url, session, id, ["committed"])) === "committed";
          commitMs.push(performance.now() - started);
          return done;
        });
        return figures({ samples: commitMs, errors: runs.errors }, null);
      },
    },
    exportJob(targets.largestPlan, "xlsx"),
    exportJob(targets.largestPlan, "csv"),
    exportJob(targets.halfPlan, "xlsx"),
    exportJob(targets.halfPlan, "csv"),
    {
      name: "export of the whole portfolio (csv, all budget lines)",
      run: async () => {
        let bytes = 0;
        const runs = await timedRuns(async () => {
          const response = await call(url, session, "GET", "/portfolio/export.csv");
          bytes = response.body.byteLength;
          return response.status === 200;
        });
        return figures(runs, null, { bytes });
      },
    },
  ];
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
}
