// What a reader thread does with one file: interpret it and answer with the
// plan, or with the reason the file cannot be read (errors do not cross
// threads with their class, so the reason travels as data).
import { NotAWorkPlanError } from "@baara/core";
import { interpretFile, type InterpretFileOptions, type InterpretedFile } from "./interpret-file.ts";
import { UnreadableFileError, type UnreadableReason } from "./read-file.ts";

export interface ReadTask {
  bytes: Uint8Array;
  options: InterpretFileOptions;
}

export type ReadAnswer =
  | ({ ok: true } & InterpretedFile)
  | { ok: false; unreadable: UnreadableReason; params: Record<string, string | number> }
  | { ok: false; notAWorkPlan: NotAWorkPlanError["reason"] };

export async function readTask(task: ReadTask): Promise<ReadAnswer> {
  const bytes = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
  try {
    return { ok: true, ...(await interpretFile(bytes, task.options)) };
  } catch (error) {
    if (error instanceof UnreadableFileError) return { ok: false, unreadable: error.reason, params: error.params };
    if (error instanceof NotAWorkPlanError) return { ok: false, notAWorkPlan: error.reason };
    throw error;
  }
}
