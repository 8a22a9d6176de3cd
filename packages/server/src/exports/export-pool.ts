// Exports are written in a worker thread (threads/pool.ts): a plan of tens of
// thousands of lines takes seconds to lay out, and others keep their answers.
import { AppError } from "../http/errors.ts";
import type { FileAnswer } from "../http/route.ts";
import { ThreadLimitError, threadPool } from "../threads/pool.ts";
import type { ExportFormat, ExportPlan, ExportTask } from "./export-plan.ts";

const EXPORT_MEMORY_MB = Number(process.env.BAARA_EXPORT_MEMORY_MB) || 1024;
const EXPORT_SECONDS = 120;

const writers = threadPool<ExportTask, FileAnswer>(
  new URL("./export-worker.js", import.meta.url),
  { threads: Number(process.env.BAARA_EXPORT_THREADS) || 1, memoryMb: EXPORT_MEMORY_MB, seconds: EXPORT_SECONDS },
);

export function exportInThread(plan: ExportPlan, format: ExportFormat): Promise<FileAnswer> {
  return runExport({ plan, format });
}

export async function runExport(task: ExportTask): Promise<FileAnswer> {
  try {
    const file = await writers.run(task);
    // The bytes come back from the thread as a plain Uint8Array.
    return { ...file, body: Buffer.from(file.body.buffer, file.body.byteOffset, file.body.byteLength) };
  } catch (error) {
    if (error instanceof ThreadLimitError) throw new AppError("EXPORT_TOO_COMPLEX", { memory: EXPORT_MEMORY_MB, seconds: EXPORT_SECONDS });
    throw error;
  }
}
