// Imported files are read in a worker thread, never on the event loop: a large
// or hostile workbook costs that thread's time and memory, not the answers to
// other users. The thread's heap is capped (BAARA_READER_MEMORY_MB) and a
// reading is stopped after READ_SECONDS; either way the file is refused with a
// reason and the server goes on. Idle threads exit, giving their memory back.
import { NotAWorkPlanError } from "@baara/core";
import { Piscina } from "piscina";
import type { InterpretedFile, InterpretFileOptions } from "./interpret-file.ts";
import { UnreadableFileError } from "./read-file.ts";
import type { ReadAnswer, ReadTask } from "./read-task.ts";

export const READER_MEMORY_MB = Number(process.env.BAARA_READER_MEMORY_MB) || 1024;
export const READ_SECONDS = 120;
const READER_THREADS = Number(process.env.BAARA_READER_THREADS) || 1;

let pool: Piscina<ReadTask, ReadAnswer> | null = null;

function readerPool(): Piscina<ReadTask, ReadAnswer> {
  pool ??= new Piscina<ReadTask, ReadAnswer>({
    filename: new URL("./reader-worker.js", import.meta.url).href,
    minThreads: 0,
    maxThreads: READER_THREADS,
    idleTimeout: 30_000,
    resourceLimits: { maxOldGenerationSizeMb: READER_MEMORY_MB, maxYoungGenerationSizeMb: 64 },
  });
  return pool;
}

/** interpretFile, in a reader thread. */
export async function interpretInThread(bytes: Buffer, options: InterpretFileOptions): Promise<InterpretedFile> {
  let answer: ReadAnswer;
  try {
    answer = await readerPool().run({ bytes, options }, { signal: AbortSignal.timeout(READ_SECONDS * 1000) });
  } catch (error) {
    const code = (error as { code?: unknown; name?: unknown }).code ?? (error as { name?: unknown }).name;
    if (code === "ERR_WORKER_OUT_OF_MEMORY" || code === "AbortError" || code === "TimeoutError") {
      throw new UnreadableFileError("FILE_TOO_COMPLEX", { memory: READER_MEMORY_MB, seconds: READ_SECONDS });
    }
    throw error;
  }
  if (answer.ok) return { plan: answer.plan, sheets: answer.sheets };
  if ("unreadable" in answer) throw new UnreadableFileError(answer.unreadable, answer.params);
  throw new NotAWorkPlanError(answer.notAWorkPlan);
}

/** Stops the reader threads (when the server closes). */
export async function closeReaderPool(): Promise<void> {
  const closing = pool;
  pool = null;
  await closing?.destroy();
}
