/** A sheet as read from xlsx, csv, tsv or pasted text: rows of cells, 0-based. */
export type CellValue = string | number | boolean | Date | null;

export interface Grid {
  name: string;
  rows: CellValue[][];
  /** Cells with a solid background: chronograms are often shaded, not marked. */
  filled?: boolean[][];
  /** Merged ranges, 0-based inclusive. */
  merges?: { top: number; left: number; bottom: number; right: number }[];
}

/** Lower case, no accents, single spaces: for matching headers and keywords. */
export function normalise(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(/[’`]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  // NUL characters and halves of a Unicode pair mean nothing in a cell and cannot be stored: dropped.
  return String(value)
    .replace(/\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
    .replace(/\r\n?/g, "\n")
    .trim();
}

export function isBlank(value: CellValue | undefined): boolean {
  return cellText(value) === "";
}

/** Spreadsheet column letters of a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
