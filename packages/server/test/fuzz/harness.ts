// Runs fuzz cases against a real app instance and keeps the figures: answers
// by status, cases by kind, the slowest case, memory. A failure is a 5xx
// answer, an import job that failed on an unexpected error, a request or an
// import over its time bound; each is kept with its seed, case number, the
// smallest payload that still fails and what the server logged.
import { mkdirSync, writeFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { format } from "node:util";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import {
  activities,
  agendaItems,
  budgetLines,
  committeeBodies,
  executionTransactions,
  indicators,
  indicatorValues,
  meetings,
  organisations,
  projects,
  recommendations,
  reports,
  resultNodes,
  unplannedActivities,
  users,
  workplans,
} from "../../src/db/schema.ts";
import { call, type Session, type TestContext } from "../helpers/app.ts";
import { multipart } from "../helpers/multipart.ts";
import { type FileCase, fileCase, type FileCaseKind, FILE_CASE_KINDS } from "./files.ts";
import { caseSeed, Rng } from "./random.ts";
import { type RequestCase, requestCase, setAt, type Versioned, type World } from "./requests.ts";
import { JSON_VALUES } from "./values.ts";

export interface FuzzOptions {
  seed: number;
  cases: number;
  /** Case numbers to run alone (reproducing a failure); all of them when empty. */
  only: number[];
  /** Share of file cases (uploads read and committed by the import jobs); the rest are JSON requests. */
  fileShare: number;
  requestTimeoutMs: number;
  importTimeoutMs: number;
  maxRssMb: number;
  maxHeapGrowthMb: number;
}

const numberEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return process.env[name] && Number.isFinite(value) ? value : fallback;
};

export function fuzzOptions(): FuzzOptions {
  return {
    seed: numberEnv("BAARA_FUZZ_SEED", 20240621) >>> 0,
    cases: numberEnv("BAARA_FUZZ_CASES", 200),
    only: (process.env.BAARA_FUZZ_ONLY ?? "").split(",").filter(Boolean).map(Number),
    fileShare: numberEnv("BAARA_FUZZ_FILE_SHARE", 0.2),
    requestTimeoutMs: numberEnv("BAARA_FUZZ_REQUEST_MS", 10_000),
    importTimeoutMs: numberEnv("BAARA_FUZZ_IMPORT_MS", 30_000),
    maxRssMb: numberEnv("BAARA_FUZZ_MAX_RSS_MB", 2_048),
    maxHeapGrowthMb: numberEnv("BAARA_FUZZ_MAX_HEAP_GROWTH_MB", 256),
  };
}

export interface Failure {
  problem: "5xx" | "job failed" | "hang";
  seed: number;
  case: number;
  kind: string;
  method: string;
  url: string;
  route: string;
  label: string;
  status: number | string;
  /** The smallest payload found that still fails (JSON text, or the upload's fields and file). */
  payload: string;
  answer: string;
  serverError: string;
  ms: number;
}

/** What the server logged: pino lines of the app, and console.error of the job runner. */
export class ServerLog {
  readonly lines: string[] = [];
  private restore: (() => void) | null = null;

  readonly stream = { write: (line: string) => void this.lines.push(line) };

  captureConsole(): void {
    const original = console.error;
    console.error = (...args: unknown[]) => {
      const causes = args.flatMap((a) => (a instanceof Error && a.cause instanceof Error ? [`\n[cause]: ${a.cause.message}`] : []));
      this.lines.push(format(...args) + causes.join(""));
    };
    this.restore = () => {
      console.error = original;
    };
  }

  release(): void {
    this.restore?.();
  }

  /** The errors logged since `mark`, one line each: message and the first frame in the app's code. */
  errorsSince(mark: number): string {
    return this.lines.slice(mark).map(describeLogLine).filter(Boolean).join(" | ");
  }
}

function describeLogLine(line: string): string {
  type Logged = { type?: string; message?: string; code?: string; stack?: string; cause?: Logged };
  let parsed: { msg?: string; err?: Logged } | null = null;
  try {
    parsed = JSON.parse(line);
  } catch {
    parsed = null;
  }
  const err = parsed?.err;
  const text = err ? `${err.type ?? "Error"}: ${err.message ?? ""}${err.code ? ` (${err.code})` : ""}` : line;
  const stack = err?.stack ?? line;
  const frame = stack.split("\n").find((l) => /packages\/(server|core)\/src/.test(l))?.trim() ?? "";
  // A database error wrapped by the ORM says what went wrong in its cause.
  const cause = err?.cause?.message ?? /\n\[cause\]: (.*)$/.exec(line)?.[1] ?? "";
  const head = text.split("\n")[0]?.replace(/ \("id".*$/, " (…)").slice(0, 300);
  return [head, cause && `cause: ${cause.slice(0, 200)}`, frame.replace(/^.*packages\//, "at packages/")].filter(Boolean).join(" ");
}

/** A garbage collection, when the process lets one be asked for. */
function collectGarbage(): void {
  try {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as (() => void) | undefined;
    gc?.();
  } catch {
    // No collection to ask for: the figures are then an upper bound.
  }
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const short = (text: string, max = 600) => (text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text);
const increment = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

class TimedOut extends Error {}
interface Sent {
  answer: LightMyRequestResponse | null;
  ms: number;
  payload: string;
}
async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface Figures {
  seed: number;
  database: string;
  cases: number;
  byKind: Record<string, number>;
  byStatus: Record<string, number>;
  importOutcomes: Record<string, number>;
  serverErrors: number;
  jobFailures: number;
  hangs: number;
  slowest: { case: number; kind: string; label: string; ms: number } | null;
  healthMaxMs: number;
  rssStartMb: number;
  rssPeakMb: number;
  heapStartMb: number;
  heapEndMb: number;
  seconds: number;
  failures: Failure[];
  /** One per distinct route, status and server error, with how many cases hit it. */
  distinct: (Failure & { count: number })[];
}

export class Fuzzer {
  private readonly byKind = new Map<string, number>();
  private readonly byStatus = new Map<string, number>();
  private readonly importOutcomes = new Map<string, number>();
  private readonly failures: Failure[] = [];
  private slowest: Figures["slowest"] = null;
  private healthMaxMs = 0;
  private rssPeak = 0;

  constructor(
    private readonly ctx: TestContext,
    private readonly session: Session,
    private readonly world: World,
    private readonly log: ServerLog,
    private readonly options: FuzzOptions,
  ) {}

  private get app() {
    return this.ctx.app;
  }

  async run(): Promise<Figures> {
    const started = Date.now();
    collectGarbage();
    const rssStart = process.memoryUsage().rss;
    const heapStart = process.memoryUsage().heapUsed;
    const numbers = this.options.only.length > 0 ? this.options.only : Array.from({ length: this.options.cases }, (_, i) => i);
    for (const n of numbers) {
      await this.runCase(n);
      this.rssPeak = Math.max(this.rssPeak, process.memoryUsage().rss);
      if (n % 100 === 99) await this.health();
    }
    await this.health();
    collectGarbage();
    const end = process.memoryUsage();
    this.rssPeak = Math.max(this.rssPeak, end.rss);
    const distinct = new Map<string, Failure & { count: number }>();
    for (const f of this.failures) {
      const key = `${f.problem} ${f.method} ${f.route} ${f.status} ${f.serverError.replace(/[0-9a-f]{8}-[0-9a-f-]{27}|\d+/g, "#")}`;
      const known = distinct.get(key);
      if (known) known.count++;
      else distinct.set(key, { ...f, count: 1 });
    }
    return {
      seed: this.options.seed,
      database: this.ctx.database.kind,
      cases: numbers.length,
      byKind: Object.fromEntries(this.byKind),
      byStatus: Object.fromEntries([...this.byStatus].sort()),
      importOutcomes: Object.fromEntries([...this.importOutcomes].sort()),
      serverErrors: this.failures.filter((f) => f.problem === "5xx").length,
      jobFailures: this.failures.filter((f) => f.problem === "job failed").length,
      hangs: this.failures.filter((f) => f.problem === "hang").length,
      slowest: this.slowest,
      healthMaxMs: this.healthMaxMs,
      rssStartMb: mb(rssStart),
      rssPeakMb: mb(this.rssPeak),
      heapStartMb: mb(heapStart),
      heapEndMb: mb(end.heapUsed),
      seconds: Math.round((Date.now() - started) / 100) / 10,
      failures: this.failures,
      distinct: [...distinct.values()],
    };
  }

  private async health(): Promise<void> {
    const t = Date.now();
    const answer = await within(this.options.requestTimeoutMs, call(this.app, null, { method: "GET", url: "/api/v1/health" }));
    this.healthMaxMs = Math.max(this.healthMaxMs, Date.now() - t);
    if (answer.statusCode !== 200) throw new Error(`health: ${answer.statusCode} ${answer.body}`);
  }

  private async runCase(n: number): Promise<void> {
    const rng = new Rng(caseSeed(this.options.seed, n));
    const started = Date.now();
    let kind: string;
    let label: string;
    if (rng.chance(this.options.fileShare)) {
      const made = await fileCase(rng.pick(FILE_CASE_KINDS) as FileCaseKind, rng);
      kind = made.kind;
      label = made.label;
      increment(this.byKind, kind);
      await this.fileCase(n, made, rng);
    } else {
      const made = requestCase(this.world, rng, n);
      kind = made.kind;
      label = `${made.route}: ${made.label}`;
      increment(this.byKind, kind);
      await this.requestCase(n, made);
    }
    const ms = Date.now() - started;
    if (!this.slowest || ms > this.slowest.ms) this.slowest = { case: n, kind, label, ms };
  }

  // ---- JSON requests

  private async currentVersion(table: Versioned, id: string): Promise<number> {
    const { db } = this.ctx.database;
    const tables = {
      organisations, users, projects, resultNodes, workplans, activities, budgetLines, executionTransactions, unplannedActivities,
      indicators, indicatorValues,
      committeeBodies, meetings, agendaItems, recommendations, reports,
    };
    const t = tables[table];
    const [row] = await db.select({ version: t.version }).from(t).where(eq(t.id, id));
    return row?.version ?? 1;
  }

  /** The case's body as sent: its current row version filled in, as JSON text. */
  private async bodyText(c: RequestCase, body: unknown): Promise<string | undefined> {
    if (body === undefined) return undefined;
    if (c.raw) return body as string;
    if (!c.version || !body || typeof body !== "object") return JSON.stringify(body);
    // Copied along the version's path only: the rest may be nested deeper than a deep copy could go.
    const copy = copyAlong(body, c.version.path);
    setAt(copy, c.version.path, await this.currentVersion(c.version.table, c.version.id));
    return JSON.stringify(copy);
  }

  private async send(c: RequestCase, body: unknown): Promise<Sent> {
    const payload = await this.bodyText(c, body);
    const headers = { ...(payload !== undefined && !c.raw ? { "content-type": "application/json" } : {}), ...c.headers };
    const t = Date.now();
    try {
      const answer = await within(
        this.options.requestTimeoutMs,
        call(this.app, this.session, { method: c.method, url: c.url, payload, headers }),
      );
      return { answer, ms: Date.now() - t, payload: payload ?? "" };
    } catch (error) {
      if (error instanceof TimedOut) return { answer: null, ms: Date.now() - t, payload: payload ?? "" };
      throw error;
    }
  }

  private async requestCase(n: number, c: RequestCase): Promise<void> {
    const mark = this.log.lines.length;
    const { answer, ms, payload } = await this.send(c, c.body);
    increment(this.byStatus, answer ? String(answer.statusCode) : "timeout");
    const failing = !answer || answer.statusCode >= 500 || ms > this.options.requestTimeoutMs;
    if (!failing) return;
    const minimal = answer && answer.statusCode >= 500 ? await this.shrink(c) : payload;
    this.failures.push({
      problem: answer && answer.statusCode >= 500 ? "5xx" : "hang",
      seed: this.options.seed,
      case: n,
      kind: c.kind,
      method: c.method,
      url: short(c.url, 300),
      route: c.route,
      label: c.label,
      status: answer?.statusCode ?? `no answer in ${ms} ms`,
      payload: short(minimal),
      answer: short(answer?.body ?? ""),
      serverError: this.log.errorsSince(mark),
      ms,
    });
  }

  /** The body with every top-level field that is not needed for the 5xx taken away. */
  private async shrink(c: RequestCase): Promise<string> {
    let body = c.body;
    if (c.raw || !body || typeof body !== "object" || Array.isArray(body)) return (await this.bodyText(c, body)) ?? "";
    const keep = new Set(c.damaged.map((d) => d.split(".")[0]));
    for (const key of Object.keys(body)) {
      if (keep.has(key)) continue;
      const without = { ...(body as Record<string, unknown>) };
      delete without[key];
      const { answer } = await this.send(c, without);
      if (answer && answer.statusCode >= 500) body = without;
    }
    return (await this.bodyText(c, body)) ?? "";
  }

  // ---- imports

  private async fileCase(n: number, c: FileCase, rng: Rng): Promise<void> {
    const mark = this.log.lines.length;
    const fail = (problem: Failure["problem"], status: number | string, what: string, answer: string, ms: number) => {
      const saved = this.saveFile(n, c);
      this.failures.push({
        problem,
        seed: this.options.seed,
        case: n,
        kind: c.kind,
        method: "POST",
        url: `/api/v1/projects/${this.world.projectId}/imports`,
        route: `createImport (${what})`,
        label: c.label,
        status,
        payload: short(`fields ${JSON.stringify(Object.fromEntries(Object.entries(c.fields).map(([k, v]) => [k, short(v, 200)])))}; file ${saved}`),
        answer: short(answer),
        serverError: this.log.errorsSince(mark),
        ms,
      });
    };
    const body = multipart(c.fields, c.file ?? undefined);
    const t = Date.now();
    let upload: LightMyRequestResponse;
    try {
      upload = await within(
        this.options.requestTimeoutMs,
        call(this.app, this.session, { method: "POST", url: `/api/v1/projects/${this.world.projectId}/imports`, payload: body.payload, headers: body.headers }),
      );
    } catch (error) {
      if (!(error instanceof TimedOut)) throw error;
      increment(this.byStatus, "timeout");
      return fail("hang", `no answer in ${Date.now() - t} ms`, "upload", "", Date.now() - t);
    }
    increment(this.byStatus, String(upload.statusCode));
    if (upload.statusCode >= 500) return fail("5xx", upload.statusCode, "upload", upload.body, Date.now() - t);
    if (upload.statusCode !== 202) {
      increment(this.importOutcomes, `refused ${(upload.json() as { error?: { code?: string } }).error?.code ?? upload.statusCode}`);
      return;
    }
    const importId = (upload.json() as { id: string }).id;

    // Read (and maybe read again with odd options), then maybe commit, following the import as the web app does.
    const read = await this.follow(importId, ["ready", "failed"]);
    if (read.serverError) return fail("5xx", read.serverError, "GET /imports/:id while reading", read.body, read.ms);
    if (read.timedOut) return fail("hang", `still ${read.status} after ${read.ms} ms`, "reading", "", read.ms);
    if (read.status === "failed" && read.error === "JOB_FAILED") return fail("job failed", "JOB_FAILED", "reading", read.body, read.ms);
    increment(this.importOutcomes, read.status === "ready" ? "read" : `failed ${read.error}`);
    if (read.status !== "ready") return;

    if (rng.chance(0.15)) {
      const odd = rng.pick(JSON_VALUES);
      const field = rng.pick(["year", "sheet", "roles"]);
      const step = await this.importStep(importId, "reread", { [field]: odd.make(rng) }, ["ready", "failed"]);
      if (step.failure) return fail(step.failure.problem, step.failure.status, `reread ${field}=${odd.label}`, step.failure.answer, step.failure.ms);
      if (step.status !== "ready") return;
    }
    if (!rng.chance(0.6)) return;
    const odd = rng.chance(0.3) ? rng.pick(JSON_VALUES) : null;
    const field = rng.pick(["year", "title"]);
    const commitBody = odd ? { [field]: odd.make(rng) } : {};
    const step = await this.importStep(importId, "commit", commitBody, ["committed", "ready"]);
    const what = `commit${odd ? ` ${field}=${odd.label}` : ""}`;
    if (step.failure) return fail(step.failure.problem, step.failure.status, what, step.failure.answer, step.failure.ms);
    if (step.status) increment(this.importOutcomes, step.status === "committed" ? "committed" : `commit refused ${step.error}`);
  }

  /** A reread or commit of an import, and its following until one of `statuses`. */
  private async importStep(importId: string, step: "reread" | "commit", body: object, statuses: string[]) {
    const t = Date.now();
    let answer: LightMyRequestResponse;
    try {
      answer = await within(
        this.options.requestTimeoutMs,
        call(this.app, this.session, { method: "POST", url: `/api/v1/imports/${importId}/${step}`, payload: body }),
      );
    } catch (error) {
      if (!(error instanceof TimedOut)) throw error;
      increment(this.byStatus, "timeout");
      return { failure: { problem: "hang" as const, status: `no answer in ${Date.now() - t} ms`, answer: "", ms: Date.now() - t } };
    }
    increment(this.byStatus, String(answer.statusCode));
    if (answer.statusCode >= 500) return { failure: { problem: "5xx" as const, status: answer.statusCode, answer: answer.body, ms: Date.now() - t } };
    if (answer.statusCode !== 202) return { status: null };
    const followed = await this.follow(importId, statuses);
    if (followed.serverError) {
      return { failure: { problem: "5xx" as const, status: followed.serverError, answer: `GET /imports/:id after ${step}: ${followed.body}`, ms: followed.ms } };
    }
    if (followed.timedOut) return { failure: { problem: "hang" as const, status: `still ${followed.status}`, answer: "", ms: followed.ms } };
    if (followed.error === "JOB_FAILED") return { failure: { problem: "job failed" as const, status: "JOB_FAILED", answer: followed.body, ms: followed.ms } };
    return { status: followed.status, error: followed.error };
  }

  /** Polls the import until one of `statuses`, or its time bound (or a 5xx answer). */
  private async follow(importId: string, statuses: string[]) {
    const started = Date.now();
    for (let wait = 10; ; wait = Math.min(wait * 2, 200)) {
      const answer = await within(this.options.requestTimeoutMs, call(this.app, this.session, { method: "GET", url: `/api/v1/imports/${importId}` }));
      increment(this.byStatus, String(answer.statusCode));
      const ms = Date.now() - started;
      const outcome = (status: string, error: string | null, timedOut = false, serverError = 0) =>
        ({ status, error, body: answer.body, ms, timedOut, serverError });
      if (answer.statusCode >= 500) return outcome("", null, false, answer.statusCode);
      const record = answer.json() as { status: string; error: { code: string } | null };
      if (statuses.includes(record.status)) return outcome(record.status, record.error?.code ?? null);
      if (ms > this.options.importTimeoutMs) return outcome(record.status, null, true);
      await sleep(wait);
    }
  }

  /** The failing file under artifacts/fuzz/, to reproduce it by hand. */
  private saveFile(n: number, c: FileCase): string {
    try {
      const dir = new URL("../../../../artifacts/fuzz/", import.meta.url);
      mkdirSync(dir, { recursive: true });
      const name = c.file ? `case-${this.options.seed}-${n}-${c.file.name.replace(/[^\w.-]/g, "_").slice(-60)}` : `case-${this.options.seed}-${n}-pasted.tsv`;
      const path = new URL(name, dir);
      writeFileSync(path, c.file?.bytes ?? Buffer.from(c.fields.text ?? "", "utf8"));
      return `artifacts/fuzz/${name}`;
    } catch {
      return "(not saved)";
    }
  }
}

/** A copy of `value` whose containers along `path` are new; everything else is shared. */
function copyAlong(value: unknown, path: (string | number)[]): unknown {
  if (!value || typeof value !== "object") return value;
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string | number, unknown>;
  const [step, ...rest] = path;
  if (step !== undefined && rest.length > 0) copy[step] = copyAlong(copy[step], rest);
  return copy;
}

/** The figures as printed after a run. */
export function report(figures: Figures): string {
  const lines = [
    `fuzz on ${figures.database}: seed ${figures.seed}, ${figures.cases} cases in ${figures.seconds} s`,
    `  cases by kind: ${Object.entries(figures.byKind).map(([k, v]) => `${k} ${v}`).join(", ")}`,
    `  answers by status: ${Object.entries(figures.byStatus).map(([k, v]) => `${k}: ${v}`).join(", ")}`,
    `  imports: ${Object.entries(figures.importOutcomes).map(([k, v]) => `${k} ${v}`).join(", ")}`,
    `  5xx answers: ${figures.serverErrors}, failed jobs: ${figures.jobFailures}, hangs: ${figures.hangs}`,
    `  slowest case: ${figures.slowest ? `#${figures.slowest.case} (${figures.slowest.kind}: ${short(figures.slowest.label, 120)}) ${figures.slowest.ms} ms` : "none"}`,
    `  slowest health check: ${figures.healthMaxMs} ms`,
    `  RSS: ${figures.rssStartMb} MB at start, ${figures.rssPeakMb} MB at peak; heap after GC: ${figures.heapStartMb} → ${figures.heapEndMb} MB`,
  ];
  if (figures.distinct.length > 0) {
    lines.push(`  distinct failures: ${figures.distinct.length}`);
    for (const f of figures.distinct) {
      lines.push(
        `  - ${f.problem} ×${f.count}: ${f.method} ${f.route} → ${f.status} (first: case ${f.case}, ${f.kind}: ${f.label})`,
        `      url: ${f.url}`,
        `      payload: ${f.payload}`,
        `      server: ${f.serverError || "(nothing logged)"}`,
        `      answer: ${short(f.answer, 300)}`,
        `      again: BAARA_FUZZ_SEED=${f.seed} BAARA_FUZZ_ONLY=${f.case} npm run fuzz`,
      );
    }
  }
  return lines.join("\n");
}
