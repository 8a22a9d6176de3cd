import {
  type CurrencyCode,
  type FinanceTargets,
  type TransactionStage,
  type ImportedPlan,
  type InterpretOptions,
  interpretGrid,
  NotAWorkPlanError,
  planInputOf,
  planTree,
} from "@baara/core";
import { readGrids, UnreadableFileError } from "./read-file.ts";

export interface InterpretFileOptions extends InterpretOptions {
  fileName?: string;
  sheet?: string;
  currency?: CurrencyCode;
}

/** A finance-system export, read against the codes of a plan's activities and lines. */
export interface FinanceFileOptions {
  fileName?: string;
  sheet?: string;
  currency: CurrencyCode;
  defaultStage: TransactionStage | null;
  year: number;
  fiscalYearStartMonth: number;
  targets: FinanceTargets;
}

export interface InterpretedFile {
  plan: ImportedPlan;
  sheets: string[];
}

/** Reads a file and interprets the sheet asked for, or the first sheet that holds a work plan. */
export async function interpretFile(bytes: Buffer, options: InterpretFileOptions): Promise<InterpretedFile> {
  const grids = await readGrids(bytes, options.fileName);
  const sheets = grids.map((g) => g.name);
  const candidates = options.sheet ? grids.filter((g) => g.name === options.sheet) : grids;
  if (options.sheet && candidates.length === 0) {
    throw new UnreadableFileError("SHEET_NOT_FOUND", { sheet: options.sheet, sheets: sheets.join(", ") });
  }
  let lastError: NotAWorkPlanError | null = null;
  for (const grid of candidates) {
    try {
      const plan = interpretGrid(grid, options);
      checkTotals(plan);
      return { plan, sheets };
    } catch (error) {
      if (!(error instanceof NotAWorkPlanError)) throw error;
      lastError = error;
    }
  }
  throw lastError ?? new NotAWorkPlanError("NO_HEADER");
}

/** Totals are computed exactly in safe integers: amounts that can't be added up that way are refused at reading, not at commit. */
function checkTotals(plan: ImportedPlan): void {
  try {
    planTree(planInputOf(plan));
  } catch (error) {
    if (error instanceof RangeError) throw new UnreadableFileError("AMOUNTS_TOO_LARGE");
    throw error;
  }
}
