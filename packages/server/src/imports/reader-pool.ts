// Imported files are read in a worker thread (threads/pool.ts). A file that
// needs more than the thread's memory or READ_SECONDS is refused with a reason.
import { type FinanceReading, NotAWorkPlanError } from "@baara/core";
import { ThreadLimitError, threadPool } from "../threads/pool.ts";
import type { FinanceFileOptions, InterpretedFile, InterpretFileOptions } from "./interpret-file.ts";
import { UnreadableFileError } from "./file-limits.ts";
import type { ReadAnswer, ReadTask } from "./read-task.ts";

export const READER_MEMORY_MB = Number(process.env.BAARA_READER_MEMORY_MB) || 1024;
export const READ_SECONDS = 120;

const readers = threadPool<ReadTask, ReadAnswer>(new URL("./reader-worker.js", import.meta.url), {
  threads: Number(process.env.BAARA_READER_THREADS) || 1,
  memoryMb: READER_MEMORY_MB,
  seconds: READ_SECONDS,
});

async function run(task: ReadTask): Promise<ReadAnswer> {
  try {
    return await readers.run(task);
  } catch (error) {
    if (error instanceof ThreadLimitError) {
      throw new UnreadableFileError("FILE_TOO_COMPLEX", { memory: READER_MEMORY_MB, seconds: READ_SECONDS });
    }
    throw error;
  }
}

/** interpretFile, in a reader thread. */
export async function interpretInThread(bytes: Buffer, options: InterpretFileOptions): Promise<InterpretedFile> {
  const answer = await run({ bytes, options });
  if (answer.ok && "plan" in answer) return { plan: answer.plan, sheets: answer.sheets };
  if (answer.ok) throw new Error("reader answered a finance export to a work plan");
  if ("unreadable" in answer) throw new UnreadableFileError(answer.unreadable, answer.params);
  throw new NotAWorkPlanError(answer.notAWorkPlan);
}

/** A finance-system export read in a reader thread: its reading, or null when no sheet reads as one. */
export async function readFinanceInThread(
  bytes: Buffer,
  finance: FinanceFileOptions,
): Promise<{ reading: FinanceReading | null; sheets: string[] }> {
  const answer = await run({ bytes, finance });
  if (answer.ok && "finance" in answer) return { reading: answer.finance, sheets: answer.sheets };
  if (!answer.ok && "unreadable" in answer) throw new UnreadableFileError(answer.unreadable, answer.params);
  throw new Error("reader did not answer a finance reading");
}

/** A results table's sheet (the first one with its header), as rows of text, read in a reader thread. */
export async function readResultsSheetInThread(
  bytes: Buffer,
  fileName: string,
): Promise<{ sheet: string; rows: string[][] }> {
  const answer = await run({ bytes, results: { fileName } });
  if (answer.ok && "results" in answer) return answer.results;
  if (!answer.ok && "unreadable" in answer) throw new UnreadableFileError(answer.unreadable, answer.params);
  throw new Error("reader did not answer a results sheet");
}
