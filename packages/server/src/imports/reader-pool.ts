// Imported files are read in a worker thread (threads/pool.ts). A file that
// needs more than the thread's memory or READ_SECONDS is refused with a reason.
import { NotAWorkPlanError } from "@baara/core";
import { ThreadLimitError, threadPool } from "../threads/pool.ts";
import type { InterpretedFile, InterpretFileOptions } from "./interpret-file.ts";
import { UnreadableFileError } from "./read-file.ts";
import type { ReadAnswer, ReadTask } from "./read-task.ts";

export const READER_MEMORY_MB = Number(process.env.BAARA_READER_MEMORY_MB) || 1024;
export const READ_SECONDS = 120;

const readers = threadPool<ReadTask, ReadAnswer>(new URL("./reader-worker.js", import.meta.url), {
  threads: Number(process.env.BAARA_READER_THREADS) || 1,
  memoryMb: READER_MEMORY_MB,
  seconds: READ_SECONDS,
});

/** interpretFile, in a reader thread. */
export async function interpretInThread(bytes: Buffer, options: InterpretFileOptions): Promise<InterpretedFile> {
  let answer: ReadAnswer;
  try {
    answer = await readers.run({ bytes, options });
  } catch (error) {
    if (error instanceof ThreadLimitError) {
      throw new UnreadableFileError("FILE_TOO_COMPLEX", { memory: READER_MEMORY_MB, seconds: READ_SECONDS });
    }
    throw error;
  }
  if (answer.ok) return { plan: answer.plan, sheets: answer.sheets };
  if ("unreadable" in answer) throw new UnreadableFileError(answer.unreadable, answer.params);
  throw new NotAWorkPlanError(answer.notAWorkPlan);
}
