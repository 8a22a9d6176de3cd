// Background work on the database the app already has: pg-boss queues the
// jobs (on PostgreSQL with its own connections, on PGlite through the
// embedded database), retries them, and survives a restart; the `jobs` table
// holds what the API shows of each (state, progress, stage, error). The CLI
// runs the same handlers inline, with no queue.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { PGlite } from "@electric-sql/pglite";
import { and, eq, lt, sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import type { Database, Db } from "../db/client.ts";
import { jobs } from "../db/schema.ts";
import { failureOf, isExpectedFailure, type JobFailure } from "./failures.ts";

export interface JobOwner {
  projectId: string | null;
  createdById: string | null;
}

export interface JobProgress {
  /** 0–1, and a short word on what is being done. */
  (ratio: number, stage: string): Promise<void>;
}

export interface JobHandler<T> {
  run(data: T, progress: JobProgress): Promise<void>;
  /** Called once when the job has failed for good (an expected failure, or the last retry). */
  failed?(data: T, failure: JobFailure): Promise<void>;
}

export interface JobRunner {
  /** Records the job in `db` (the caller's transaction); it is queued once `dispatch` runs after commit. */
  enqueue(db: Db, name: string, data: object, owner: JobOwner): Promise<QueuedJob>;
  register<T>(name: string, handler: JobHandler<T>): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface QueuedJob {
  id: string;
  /** Hands the job to the queue (inline runners run it now). */
  dispatch(): Promise<void>;
}

const RETRY_LIMIT = 2;
/** This server process, as the `jobs` rows it runs name it. */
const WORKER = `${hostname()}/${process.pid}`;

/** Shared by both runners: the `jobs` row follows the handler through its life. */
abstract class BaseRunner implements JobRunner {
  protected readonly handlers = new Map<string, JobHandler<never>>();
  constructor(protected readonly db: Db) {}

  register<T>(name: string, handler: JobHandler<T>): void {
    this.handlers.set(name, handler as JobHandler<never>);
  }

  async enqueue(db: Db, name: string, data: object, owner: JobOwner): Promise<QueuedJob> {
    if (!this.handlers.has(name)) throw new Error(`no handler for job ${name}`);
    const id = randomUUID();
    await db.insert(jobs).values({ id, name, data, projectId: owner.projectId, createdById: owner.createdById });
    return { id, dispatch: () => this.dispatch(id, name, data) };
  }

  protected abstract dispatch(id: string, name: string, data: object): Promise<void>;
  abstract start(): Promise<void>;
  abstract stop(): Promise<void>;

  /** Runs one attempt; answers whether the queue should try again. */
  protected async attempt(id: string, name: string, data: object, retriesLeft: boolean): Promise<"done" | "retry"> {
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`no handler for job ${name}`);
    const update = (values: Partial<typeof jobs.$inferInsert>) =>
      this.db.update(jobs).set({ ...values, updatedAt: new Date() }).where(eq(jobs.id, id));
    await this.db
      .update(jobs)
      .set({ state: "active", progress: 0, stage: null, error: null, attempts: sql`${jobs.attempts} + 1`, worker: WORKER, updatedAt: new Date() })
      .where(eq(jobs.id, id));
    const progress: JobProgress = async (ratio, stage) => {
      await update({ progress: Math.max(0, Math.min(1, ratio)), stage });
    };
    try {
      await handler.run(data as never, progress);
      await update({ state: "completed", progress: 1 });
      return "done";
    } catch (error) {
      const failure = failureOf(error);
      if (!isExpectedFailure(error) && retriesLeft) {
        await update({ state: "retry", error: failure });
        return "retry";
      }
      await update({ state: "failed", error: failure });
      await handler.failed?.(data as never, failure);
      if (!isExpectedFailure(error)) console.error(`job ${name} ${id} failed`, error);
      return "done";
    }
  }
}

/** The CLI's runner: a job runs as soon as it is dispatched, in this process. */
export class InlineJobRunner extends BaseRunner {
  protected async dispatch(id: string, name: string, data: object): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      if ((await this.attempt(id, name, data, attempt < RETRY_LIMIT)) === "done") return;
    }
  }

  async start(): Promise<void> {}
  async stop(): Promise<void> {}
}

/** The server's runner. */
export class QueueJobRunner extends BaseRunner {
  private readonly boss: PgBoss;
  private readonly workers = new Map<string, string>();
  private started = false;

  constructor(
    database: Database,
    private readonly stopTimeoutMs = 15_000,
  ) {
    super(database.db);
    const common = { schedule: false, retryLimit: RETRY_LIMIT, retryDelay: 1, expireInMinutes: 30 } as const;
    this.boss =
      database.kind === "postgresql"
        ? new PgBoss({ ...common, connectionString: database.url ?? "", max: 3 })
        : new PgBoss({ ...common, db: pgliteExecutor(database.pglite as PGlite) });
    this.boss.on("error", (error) => console.error("job queue:", error.message));
  }

  async start(): Promise<void> {
    await this.boss.start();
    for (const name of this.handlers.keys()) {
      await this.boss.createQueue(name, { name, retryLimit: RETRY_LIMIT, retryDelay: 1 });
      const worker = await this.boss.work<object>(
        name,
        { pollingIntervalSeconds: 2, batchSize: 1, includeMetadata: true },
        async ([job]) => {
          if (!job) return;
          // Once this job is done, the worker fetches the next at once instead of waiting for its next poll.
          const self = this.workers.get(name);
          if (self) this.boss.notifyWorker(self);
          const outcome = await this.attempt(job.id, name, job.data, job.retryCount < job.retryLimit);
          // pg-boss retries a job whose handler throws.
          if (outcome === "retry") throw new Error(`job ${job.id} will be retried`);
        },
      );
      this.workers.set(name, worker);
    }
    this.started = true;
    await this.requeueLost();
  }

  /**
   * Takes no new jobs, waits up to `stopTimeoutMs` for the running ones, then
   * hands back those still running: pg-boss fails them so that they are
   * retried (by another server, or this one when it is back), and their rows
   * say so.
   */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, wait: true, timeout: this.stopTimeoutMs });
    await this.db
      .update(jobs)
      .set({ state: "retry", stage: null, updatedAt: new Date() })
      .where(and(eq(jobs.worker, WORKER), eq(jobs.state, "active")));
  }

  protected async dispatch(id: string, name: string, data: object): Promise<void> {
    await this.boss.send(name, data, { id, retryLimit: RETRY_LIMIT, retryDelay: 1 });
    // The worker of this server takes it now rather than at its next poll.
    const worker = this.workers.get(name);
    if (worker) this.boss.notifyWorker(worker);
  }

  /** Jobs recorded but never queued (a server stopped between commit and dispatch) are queued now. */
  private async requeueLost(): Promise<void> {
    const waiting = await this.db
      .select({ id: jobs.id, name: jobs.name, data: jobs.data })
      .from(jobs)
      .where(and(eq(jobs.state, "created"), lt(jobs.createdAt, sql`now() - interval '1 minute'`)));
    for (const job of waiting) {
      if (this.handlers.has(job.name) && !(await this.boss.getJobById(job.name, job.id)))
        await this.dispatch(job.id, job.name, job.data);
    }
  }
}

/** pg-boss's queries on the embedded database: several statements at once go through `exec`. */
function pgliteExecutor(client: PGlite): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      if (!values || values.length === 0) {
        const results = await client.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      const result = await client.query(text, values);
      return { rows: result.rows };
    },
  };
}
