// What a reader thread does with one file: interpret it and answer with the
// plan, or with the reason the file cannot be read (errors do not cross
// threads with their class, so the reason travels as data).
import { cellText, type FinanceReading, NotAWorkPlanError, readFinanceExport, readResultsRows } from "@baara/core";
import {
  type FinanceFileOptions,
  interpretFile,
  type InterpretFileOptions,
  type InterpretedFile,
} from "./interpret-file.ts";
import { readGrids, UnreadableFileError, type UnreadableReason } from "./read-file.ts";

/** A work plan to interpret, or a finance-system export to read against a plan's codes. */
export type ReadTask =
  | { bytes: Uint8Array; options: InterpretFileOptions }
  | { bytes: Uint8Array; finance: FinanceFileOptions }
  | { bytes: Uint8Array; results: { fileName: string } };

export type ReadAnswer =
  | ({ ok: true } & InterpretedFile)
  | { ok: true; finance: FinanceReading | null; sheets: string[] }
  | { ok: true; results: { sheet: string; rows: string[][] } }
  | { ok: false; unreadable: UnreadableReason; params: Record<string, string | number> }
  | { ok: false; notAWorkPlan: NotAWorkPlanError["reason"] };

/** The sheet asked for, or the first one that reads as a finance export. */
async function readFinanceFile(bytes: Buffer, options: FinanceFileOptions): Promise<ReadAnswer> {
  const grids = await readGrids(bytes, options.fileName);
  const sheets = grids.map((g) => g.name);
  const candidates = options.sheet ? grids.filter((g) => g.name === options.sheet) : grids;
  if (options.sheet && candidates.length === 0) {
    throw new UnreadableFileError("SHEET_NOT_FOUND", { sheet: options.sheet, sheets: sheets.join(", ") });
  }
  for (const grid of candidates) {
    const reading = readFinanceExport(grid, options.targets, options);
    if (reading) return { ok: true, finance: reading, sheets };
  }
  return { ok: true, finance: null, sheets };
}

/** The first sheet that holds a results table (else the first sheet), as rows of text. */
async function readResultsFile(bytes: Buffer, fileName: string): Promise<ReadAnswer> {
  const grids = await readGrids(bytes, fileName);
  const texts = grids.map((g) => ({ sheet: g.name, rows: g.rows.map((row) => row.map((cell) => cellText(cell))) }));
  const found = texts.find((t) => readResultsRows(t.rows, 2000).findings[0]?.kind !== "NO_HEADER") ?? texts[0];
  return { ok: true, results: found ?? { sheet: "", rows: [] } };
}

export async function readTask(task: ReadTask): Promise<ReadAnswer> {
  const bytes = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
  try {
    if ("finance" in task) return await readFinanceFile(bytes, task.finance);
    if ("results" in task) return await readResultsFile(bytes, task.results.fileName);
    return { ok: true, ...(await interpretFile(bytes, task.options)) };
  } catch (error) {
    if (error instanceof UnreadableFileError) return { ok: false, unreadable: error.reason, params: error.params };
    if (error instanceof NotAWorkPlanError) return { ok: false, notAWorkPlan: error.reason };
    throw error;
  }
}
