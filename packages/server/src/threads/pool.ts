// Work that costs a whole file or plan (reading an upload, writing an export)
// runs in worker threads, never on the event loop: it costs that thread's time
// and memory, not the answers to other users. Each thread's heap is capped and
// each task has a deadline; idle threads exit, giving their memory back.
import { Piscina } from "piscina";

export interface ThreadPool<T, R> {
  /** Runs a task; rejects with ThreadLimitError when the thread runs out of memory or time. */
  run(task: T): Promise<R>;
  close(): Promise<void>;
}

export class ThreadLimitError extends Error {
  constructor(readonly limit: "memory" | "time") {
    super(`worker thread over its ${limit} limit`);
  }
}

const pools = new Set<{ close(): Promise<void> }>();

export function threadPool<T, R>(
  worker: URL,
  options: { threads: number; memoryMb: number; seconds: number },
): ThreadPool<T, R> {
  let pool: Piscina<T, R> | null = null;
  const handle: ThreadPool<T, R> = {
    async run(task) {
      pool ??= new Piscina<T, R>({
        filename: worker.href,
        minThreads: 0,
        maxThreads: options.threads,
        idleTimeout: 30_000,
        resourceLimits: { maxOldGenerationSizeMb: options.memoryMb, maxYoungGenerationSizeMb: 64 },
      });
      try {
        return await pool.run(task, { signal: AbortSignal.timeout(options.seconds * 1000) });
      } catch (error) {
        const code = (error as { code?: unknown }).code ?? (error as { name?: unknown }).name;
        if (code === "ERR_WORKER_OUT_OF_MEMORY") throw new ThreadLimitError("memory");
        if (code === "AbortError" || code === "TimeoutError") throw new ThreadLimitError("time");
        throw error;
      }
    },
    async close() {
      const closing = pool;
      pool = null;
      await closing?.destroy();
    },
  };
  pools.add(handle);
  return handle;
}

/** Stops every thread pool (when the server closes). */
export async function closeThreadPools(): Promise<void> {
  await Promise.all([...pools].map((p) => p.close()));
}
