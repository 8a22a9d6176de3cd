// Work-plan files damaged in seeded ways, from the valid fixtures: flipped
// bytes and truncations (as import-safety.test.ts does), odd cell values,
// duplicated or removed rows, shuffled headers, and odd upload fields.
import ExcelJS from "exceljs";
import { awpXlsx, cpsXlsx, PGSM_TSV_LINES, pgsmSampleText, pgsmXlsx, windows1252 } from "../fixtures/workplans.ts";
import { BYTE_MUTATION_KINDS, mutateBytes, type Rng } from "./random.ts";
import { CELL_VALUES, JSON_VALUES, type Odd } from "./values.ts";

export type FileCaseKind = "file-bytes" | "file-cells" | "file-rows" | "file-header" | "file-fields";
export const FILE_CASE_KINDS: readonly FileCaseKind[] = ["file-bytes", "file-cells", "file-rows", "file-header", "file-fields"];

export interface FileCase {
  kind: FileCaseKind;
  /** What was done to the file, short enough to print. */
  label: string;
  /** The file, or null when the cells come pasted in the `text` field. */
  file: { name: string; bytes: Buffer } | null;
  fields: Record<string, string>;
}

type Grid = string[][];
type Format = "xlsx" | "csv" | "csv;" | "csv-1252" | "tsv" | "tsv-crlf" | "pasted";
const FORMATS: readonly Format[] = ["xlsx", "csv", "csv;", "csv-1252", "tsv", "tsv-crlf", "pasted"];

/** The PGSM sample as a grid: its title lines, then the table (header on the fifth line). */
function pgsmGrid(): Grid {
  return [[""], [""], ["PLAN DE TRAVAIL ET BUDGET ANNUEL DU PGSM 2022"], [""], ...PGSM_TSV_LINES.map((cells) => [...cells])];
}
const HEADER_ROW = 4;

let bases: Promise<{ name: string; bytes: Buffer }[]> | null = null;
/** The valid files the byte mutations start from, built once. */
function baseFiles(): Promise<{ name: string; bytes: Buffer }[]> {
  bases ??= (async () => [
    { name: "ptba-2022.xlsx", bytes: await pgsmXlsx() },
    { name: "plan-action-2024.xlsx", bytes: await cpsXlsx() },
    { name: "awp.xlsx", bytes: (await awpXlsx()).buffer },
    { name: "ptba-2022.tsv", bytes: Buffer.from(pgsmSampleText(), "utf8") },
    { name: "ptba-2022.csv", bytes: await serialise(pgsmGrid(), "csv") },
  ])();
  return bases;
}

const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

function csvCell(cell: string, separator: string): string {
  return /["\r\n]/.test(cell) || cell.includes(separator) ? `"${cell.replace(/"/g, "\"\"")}"` : cell;
}

async function serialise(grid: Grid, format: Format): Promise<Buffer> {
  switch (format) {
    case "xlsx": {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet("PTBA 2022");
      grid.forEach((cells, r) => {
        const row = sheet.getRow(r + 1);
        cells.forEach((cell, c) => {
          if (cell === "") return;
          const target = row.getCell(c + 1);
          if (NUMBER.test(cell) && Number.isFinite(Number(cell))) target.value = Number(cell);
          else if (cell.startsWith("=") && cell.length > 1) target.value = { formula: cell.slice(1), result: 0 };
          else target.value = cell;
        });
      });
      return Buffer.from(await workbook.xlsx.writeBuffer());
    }
    case "csv":
    case "csv;":
    case "csv-1252": {
      const separator = format === "csv;" ? ";" : ",";
      const text = grid.map((cells) => cells.map((c) => csvCell(c, separator)).join(separator)).join("\r\n") + "\r\n";
      if (format !== "csv-1252") return Buffer.from(text, "utf8");
      try {
        return windows1252(text);
      } catch {
        return Buffer.from(text, "latin1");
      }
    }
    case "tsv":
    case "pasted":
      return Buffer.from(grid.map((cells) => cells.join("\t")).join("\n") + "\n", "utf8");
    case "tsv-crlf":
      return Buffer.from(grid.map((cells) => cells.join("\t")).join("\r\n") + "\r\n", "utf8");
  }
}

async function asFile(grid: Grid, format: Format, label: string, kind: FileCaseKind): Promise<FileCase> {
  const bytes = await serialise(grid, format);
  if (format === "pasted") return { kind, label: `${label}, pasted`, file: null, fields: { text: bytes.toString("utf8") } };
  const extension = format === "xlsx" ? "xlsx" : format.startsWith("csv") ? "csv" : "tsv";
  return { kind, label: `${label}, as ${format}`, file: { name: `ptba-2022.${extension}`, bytes }, fields: {} };
}

const cellAt = (grid: Grid, r: number, c: number) => grid[r]?.[c] ?? "";
function setCell(grid: Grid, r: number, c: number, value: string) {
  const row = grid[r] ?? [];
  while (row.length <= c) row.push("");
  row[c] = value;
  grid[r] = row;
}

/** One to three cells of the table (header included) given odd values. */
function mutateCells(grid: Grid, rng: Rng): string {
  const labels: string[] = [];
  for (let n = 1 + (rng.chance(0.3) ? rng.int(3) : 0); n > 0; n--) {
    const r = HEADER_ROW + (rng.chance(0.1) ? 0 : 1 + rng.int(grid.length - HEADER_ROW - 1));
    // Mostly the number columns (QTE, PU, %, Budget), where parsing happens.
    const c = rng.chance(0.6) ? rng.pick([3, 4, 5, 6]) : rng.int(10);
    const odd = rng.pick(CELL_VALUES);
    const value = odd.make(rng);
    const mixed = rng.chance(0.2) ? `${cellAt(grid, r, c)}${value}` : value;
    setCell(grid, r, c, mixed);
    labels.push(`R${r + 1}C${c + 1}=${mixed === value ? "" : "…+"}${odd.label}`);
  }
  return `cells ${labels.join(", ")}`;
}

function mutateRows(grid: Grid, rng: Rng): string {
  const body = () => HEADER_ROW + 1 + rng.int(grid.length - HEADER_ROW - 1);
  const what = rng.weighted([
    ["duplicate", 4],
    ["remove", 3],
    ["duplicate subtotals", 1],
    ["repeat many", 1],
    ["swap", 1],
  ] as const);
  switch (what) {
    case "duplicate": {
      const r = body();
      grid.splice(r, 0, [...(grid[r] ?? [])]);
      return `duplicate row ${r + 1}`;
    }
    case "remove": {
      const removed: number[] = [];
      for (let n = 1 + rng.int(3); n > 0; n--) {
        const r = body();
        grid.splice(r, 1);
        removed.push(r + 1);
      }
      return `remove rows ${removed.join(",")}`;
    }
    case "duplicate subtotals": {
      // The same groups and sub-totals twice: the preview must say what the commit would refuse.
      const table = grid.slice(HEADER_ROW + 1);
      grid.push(...table.map((cells) => [...cells]));
      return "table body twice";
    }
    case "repeat many": {
      const r = body();
      const times = rng.pick([100, 1_000, 3_000]);
      grid.splice(r, 0, ...Array.from({ length: times }, () => [...(grid[r] ?? [])]));
      return `row ${r + 1} repeated ${times} times`;
    }
    case "swap": {
      const a = body();
      const b = body();
      [grid[a], grid[b]] = [grid[b] ?? [], grid[a] ?? []];
      return `swap rows ${a + 1} and ${b + 1}`;
    }
  }
}

function mutateHeader(grid: Grid, rng: Rng): string {
  const header = grid[HEADER_ROW] ?? [];
  const what = rng.weighted([
    ["shuffle header", 3],
    ["shuffle columns", 2],
    ["blank a header cell", 2],
    ["remove header", 1],
    ["header twice", 1],
    ["duplicate a header cell", 1],
  ] as const);
  switch (what) {
    case "shuffle header":
      grid[HEADER_ROW] = rng.shuffle(header);
      return `header shuffled: ${grid[HEADER_ROW]?.map((h) => h.slice(0, 6)).join("|")}`;
    case "shuffle columns": {
      const order = rng.shuffle(header.map((_, i) => i));
      for (let r = HEADER_ROW; r < grid.length; r++) {
        const cells = grid[r] ?? [];
        grid[r] = order.map((i) => cells[i] ?? "");
      }
      return `columns reordered ${order.join(",")}`;
    }
    case "blank a header cell": {
      const c = rng.int(header.length);
      header[c] = "";
      return `header cell ${c + 1} blank`;
    }
    case "remove header":
      grid.splice(HEADER_ROW, 1);
      return "no header row";
    case "header twice":
      grid.splice(HEADER_ROW + 1 + rng.int(grid.length - HEADER_ROW - 1), 0, [...header]);
      return "header repeated inside the table";
    case "duplicate a header cell": {
      const from = rng.int(header.length);
      const to = rng.int(header.length);
      header[to] = header[from] ?? "";
      return `header cell ${to + 1} = header cell ${from + 1}`;
    }
  }
}

/** An upload field given an odd value. */
function oddField(rng: Rng): { fields: Record<string, string>; label: string; name?: string } {
  const field = rng.pick(["year", "sheet", "roles", "name"] as const);
  const odd: Odd<unknown> = rng.pick(JSON_VALUES);
  const value = odd.make(rng);
  const text = typeof value === "string" ? value : JSON.stringify(value) ?? "";
  switch (field) {
    case "year":
      return { fields: { year: text }, label: `year=${odd.label}` };
    case "sheet":
      return { fields: { sheet: text }, label: `sheet=${odd.label}` };
    case "name":
      return { fields: {}, name: text.slice(0, 20_000), label: `file name ${odd.label}` };
    case "roles": {
      // A valid mapping of the PGSM columns, one role made odd.
      const roles: unknown[] = [
        { kind: "field", field: "activity" },
        { kind: "field", field: "indicator" },
        { kind: "field", field: "deadline" },
        { kind: "field", field: "quantity" },
        { kind: "field", field: "unitCost" },
        { kind: "field", field: "percent" },
        { kind: "field", field: "amount" },
        { kind: "field", field: "responsible" },
        { kind: "field", field: "comments" },
      ];
      const at = rng.int(roles.length + 1);
      const key = rng.pick(["kind", "field", "month", "quarter", null]);
      if (key === null) roles[at] = value;
      else roles[at] = { ...(roles[at] as object | undefined), [key]: value };
      return { fields: { roles: JSON.stringify(roles) ?? "" }, label: `roles[${at}]${key ? `.${key}` : ""}=${odd.label}` };
    }
  }
}

/** One file case of `kind`, drawn from `rng`. */
export async function fileCase(kind: FileCaseKind, rng: Rng): Promise<FileCase> {
  const year: Record<string, string> = rng.chance(0.8) ? { year: "2022" } : {};
  if (kind === "file-bytes") {
    const base = rng.pick(await baseFiles());
    const { label, bytes } = mutateBytes(base.bytes, rng.pick(BYTE_MUTATION_KINDS), rng.next);
    return { kind, label: `${base.name}: ${label}`, file: { name: base.name, bytes }, fields: year };
  }
  const grid = pgsmGrid();
  const format = rng.pick(FORMATS);
  if (kind === "file-fields") {
    const { fields, label, name } = oddField(rng);
    const made = await asFile(grid, format, label, kind);
    if (name !== undefined && made.file) made.file.name = name;
    return { ...made, fields: { ...made.fields, ...year, ...fields } };
  }
  const label = kind === "file-cells" ? mutateCells(grid, rng) : kind === "file-rows" ? mutateRows(grid, rng) : mutateHeader(grid, rng);
  const made = await asFile(grid, format, label, kind);
  return { ...made, fields: { ...made.fields, ...year } };
}
