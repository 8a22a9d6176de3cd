// Reads an uploaded work plan — xlsx, csv, tsv/txt or pasted text — into grids
// of cells, refusing what is not a workbook or could exhaust the server.
import { type CellValue, type Grid, readNeutralisedFormula } from "@baara/core";
import { CsvError, parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import yauzl from "yauzl";
import { MAX_FILE_BYTES, UnreadableFileError, type UnreadableReason } from "./file-limits.ts";

export { MAX_FILE_BYTES, UnreadableFileError, type UnreadableReason };

const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 2000;
const MAX_ROWS = 50_000;
const MAX_COLUMNS = 200;

export type FileKind = "xlsx" | "csv" | "tsv";

/** The kind of a file, from its first bytes and, for text, its name. */
export function fileKind(bytes: Buffer, fileName = ""): FileKind {
  if (bytes.length === 0) throw new UnreadableFileError("EMPTY_FILE");
  if (bytes.length > MAX_FILE_BYTES)
    throw new UnreadableFileError("FILE_TOO_LARGE", { max: MAX_FILE_BYTES / 1024 / 1024 });
  // Encrypted xlsx and old .xls are OLE compound files.
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])))
    throw new UnreadableFileError("ENCRYPTED_OR_OLD_EXCEL");
  if (bytes.subarray(0, 4).equals(Buffer.from("PK\u0003\u0004", "latin1"))) return "xlsx";
  if (!utf16Order(bytes) && looksBinary(bytes)) throw new UnreadableFileError("NOT_A_WORKBOOK");
  if (/\.csv$/i.test(fileName)) return "csv";
  const head = decodeText(bytes.subarray(0, 4096));
  return head.includes("\t") ? "tsv" : "csv";
}

export async function readGrids(bytes: Buffer, fileName = ""): Promise<Grid[]> {
  const kind = fileKind(bytes, fileName);
  if (kind === "xlsx") return readWorkbook(bytes);
  return [readDelimited(decodeText(bytes), kind === "tsv" ? "\t" : undefined, fileName || "texte")];
}

/** Text from clipboard or a text file: tab-separated when copied from Excel. */
export function readDelimited(text: string, delimiter: string | undefined, name: string): Grid {
  const body = text.replace(/^\ufeff/, "");
  const chosen = delimiter ?? guessDelimiter(body);
  let records: string[][];
  try {
    records = parse(body, {
      delimiter: chosen,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      quote: chosen === "\t" ? false : "\"",
    }) as string[][];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw new UnreadableFileError("CORRUPT_TEXT", { line: (error as CsvError & { lines?: number }).lines ?? 0 });
  }
  if (records.length > MAX_ROWS) throw new UnreadableFileError("TOO_MANY_ROWS", { max: MAX_ROWS });
  return { name, rows: records.map((r) => r.slice(0, MAX_COLUMNS).map((c) => (c.trim() === "" ? null : readNeutralisedFormula(c)))) };
}

function guessDelimiter(text: string): string {
  const firstLines = text.split(/\r?\n/).slice(0, 20).join("\n");
  const count = (ch: string) => firstLines.split(ch).length - 1;
  if (count("\t") > 0) return "\t";
  return count(";") > count(",") ? ";" : ",";
}

/**
 * UTF-16 text (Excel's « Texte Unicode » export), with or without its byte
 * order mark: every other byte of Latin text is zero, on one side.
 */
function utf16Order(bytes: Buffer): "le" | "be" | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "be";
  const sample = bytes.subarray(0, 4096 - (Math.min(bytes.length, 4096) % 2));
  if (sample.length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) evenZeros++;
    else oddZeros++;
  }
  const half = sample.length / 2;
  if (oddZeros > half * 0.4 && evenZeros === 0) return "le";
  if (evenZeros > half * 0.4 && oddZeros === 0) return "be";
  return null;
}

/** UTF-16 when it is, UTF-8 when the bytes are valid UTF-8, else Windows-1252 (what Excel on Windows writes). */
export function decodeText(bytes: Buffer): string {
  let text: string;
  const utf16 = utf16Order(bytes);
  if (utf16) {
    const whole = bytes.subarray(0, bytes.length - (bytes.length % 2));
    text = new TextDecoder("utf-16le").decode(utf16 === "le" ? whole : Buffer.from(whole).swap16());
  } else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      text = decodeWindows1252(bytes);
    }
  }
  // A NUL means nothing in a sheet's text, and the database cannot store it.
  return text.replaceAll("\u0000", "");
}

/** Windows-1252 bytes 0x80–0x9F (œ, ’, €…); undefined ones are kept as their C1 code points. */
const WINDOWS_1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

// Node 20's TextDecoder("windows-1252") decodes as Latin-1, which turns œ, ’ and € into control characters.
function decodeWindows1252(bytes: Buffer): string {
  return bytes.toString("latin1").replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 4096);
  let control = 0;
  for (const byte of sample) if (byte === 0 || (byte < 9 && byte !== 0)) control++;
  return control > 0;
}

async function readWorkbook(bytes: Buffer): Promise<Grid[]> {
  await checkZip(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFileError("CORRUPT_WORKBOOK");
  }
  const grids: Grid[] = [];
  workbook.eachSheet((sheet) => {
    if (sheet.rowCount > MAX_ROWS) throw new UnreadableFileError("TOO_MANY_ROWS", { max: MAX_ROWS });
    const rows: CellValue[][] = [];
    const filled: boolean[][] = [];
    const width = Math.min(sheet.columnCount, MAX_COLUMNS);
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const values: CellValue[] = [];
      const fills: boolean[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        // A merged range holds its value once, in its top-left cell.
        values.push(cell.isMerged && cell.master !== cell ? null : cellValue(cell.value));
        const fill = cell.fill;
        fills.push(fill?.type === "pattern" && fill.pattern === "solid" && !isWhite(fill.fgColor?.argb));
      }
      rows.push(values);
      filled.push(fills);
    }
    const merges = (sheet.model.merges ?? []).map(parseRange).filter((m): m is Merge => m !== null);
    grids.push({ name: sheet.name, rows, filled, merges });
  });
  return grids;
}

function isWhite(argb: string | undefined): boolean {
  return argb === undefined || /^(FF)?FFFFFF$/i.test(argb);
}

function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null || typeof result === "object")
      return result instanceof Date ? result : null;
    return result as string | number | boolean;
  }
  if ("text" in value && typeof value.text === "string") return value.text;
  if ("error" in value) return null;
  return null;
}

type Merge = NonNullable<Grid["merges"]>[number];

function parseRange(range: string): Merge | null {
  const match = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
  if (!match) return null;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return {
    top: Number(match[2]) - 1,
    left: col(match[1] ?? "A"),
    bottom: Number(match[4]) - 1,
    right: col(match[3] ?? "A"),
  };
}

/** Sheet parts, whose rows are counted while inflating. */
const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;
/** A row element, with or without a namespace prefix. */
const ROW_TAG = /<(?:[A-Za-z_][\w.-]*:)?row[\s>/]/g;

/**
 * Inflates every entry once, counting what comes out rather than trusting what
 * the zip declares: too many entries, too many inflated bytes or too many sheet
 * rows stop the reading at the limit, before ExcelJS builds anything.
 */
function checkZip(bytes: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    // validateEntrySizes: an entry inflating past its declared size is an error (a lying zip).
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) return reject(new UnreadableFileError("CORRUPT_WORKBOOK"));
      let entries = 0;
      let inflated = 0;
      let workbookPart = false;
      let settled = false;
      const fail = (reason: UnreadableReason, params?: Record<string, number>) => {
        if (settled) return;
        settled = true;
        zip.close();
        reject(new UnreadableFileError(reason, params));
      };
      zip.on("entry", (entry: yauzl.Entry) => {
        entries++;
        if (entry.fileName === "xl/workbook.xml") workbookPart = true;
        if (entries > MAX_ZIP_ENTRIES || entry.uncompressedSize > MAX_UNZIPPED_BYTES) return fail("ZIP_BOMB");
        if (entry.fileName.endsWith("/")) return zip.readEntry();
        zip.openReadStream(entry, (openError, stream) => {
          if (openError || !stream) return fail("CORRUPT_WORKBOOK");
          const sheet = SHEET_PART.test(entry.fileName);
          let rows = 0;
          let tail = "";
          stream.on("data", (chunk: Buffer) => {
            inflated += chunk.length;
            if (inflated > MAX_UNZIPPED_BYTES) {
              stream.destroy();
              return fail("ZIP_BOMB");
            }
            if (!sheet) return;
            // Tags are ASCII: latin1 keeps byte offsets; the tail catches a tag cut between chunks.
            const text = tail + chunk.toString("latin1");
            const keep = Math.max(0, text.length - 16);
            for (const match of text.matchAll(ROW_TAG)) if (match.index < keep) rows++;
            tail = text.slice(keep);
            if (rows > MAX_ROWS) {
              stream.destroy();
              fail("TOO_MANY_ROWS", { max: MAX_ROWS });
            }
          });
          stream.on("error", (streamError: Error) => fail(/too many bytes|size mismatch/i.test(streamError.message) ? "ZIP_BOMB" : "CORRUPT_WORKBOOK"));
          stream.on("end", () => {
            if (sheet && (rows += tail.match(ROW_TAG)?.length ?? 0) > MAX_ROWS) return fail("TOO_MANY_ROWS", { max: MAX_ROWS });
            if (!settled) zip.readEntry();
          });
        });
      });
      zip.on("end", () => {
        if (settled) return;
        settled = true;
        if (workbookPart) resolve();
        else reject(new UnreadableFileError("NOT_A_WORKBOOK"));
      });
      zip.on("error", () => fail("CORRUPT_WORKBOOK"));
      zip.readEntry();
    });
  });
}
