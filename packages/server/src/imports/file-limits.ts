// The largest upload and the reasons a file cannot be read, on their own: the
// web server checks sizes and reports reasons without loading the readers
// (ExcelJS and the zip and csv parsers run in reader threads).
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type UnreadableReason =
  | "EMPTY_FILE"
  | "FILE_TOO_LARGE"
  | "ENCRYPTED_OR_OLD_EXCEL"
  | "NOT_A_WORKBOOK"
  | "ZIP_BOMB"
  | "CORRUPT_WORKBOOK"
  | "TOO_MANY_ROWS"
  | "FILE_TOO_COMPLEX"
  | "CORRUPT_TEXT"
  | "AMOUNTS_TOO_LARGE"
  | "SHEET_NOT_FOUND";

export class UnreadableFileError extends Error {
  constructor(
    readonly reason: UnreadableReason,
    readonly params: Record<string, string | number> = {},
  ) {
    super(reason);
  }
}
