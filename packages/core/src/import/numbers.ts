// Reads amounts, quantities and percentages typed into work-plan cells
// (ExcelJS values, CSV text, pasted text) as exact decimal strings.
import { type CurrencyCode, currencyDecimals, type Minor, type ParseResult } from "../money.ts";

export type NumberCellResult =
  | { ok: true; value: string; percent?: boolean }
  | { ok: true; value: null }
  | { ok: false; text: string };

/** Lower case, accents and ligatures removed, typographic apostrophes straightened, single spaces. */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[’‘`´]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/**
 * The plain value of an ExcelJS cell: the cached result of a formula, the text of
 * rich text or of a hyperlink, the code of an error ("#DIV/0!"). A formula without
 * a cached result becomes its "=…" text so that it reads as unparseable, not blank.
 */
export function unwrapCell(value: unknown): unknown {
  if (!isRecord(value) || value instanceof Date) return value;
  if (Array.isArray(value.richText)) {
    return value.richText
      .map((run: unknown) => (isRecord(run) && typeof run.text === "string" ? run.text : ""))
      .join("");
  }
  if ("result" in value && value.result !== undefined) return unwrapCell(value.result);
  const formula = value.formula ?? value.sharedFormula;
  if (typeof formula === "string") return `=${formula}`;
  if (typeof value.error === "string") return value.error;
  if ("text" in value) return unwrapCell(value.text);
  return value;
}

/** Text shown back to the user for a cell that could not be read. */
export function describeCell(value: unknown): string {
  if (typeof value === "string") return value.trim();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  if (isRecord(value)) {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

const BLANK = /^[-‐‑‒–—―−]?$/;

/** Empty, blank, or a lone dash: the usual "nothing here" of a spreadsheet. */
export function isBlankText(text: string): boolean {
  return BLANK.test(text.trim());
}

/** Expands "1e+21" / "1.5e-7" into plain digits. */
function expandExponent(text: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const [, sign = "", int = "", frac = "", exp = "0"] = m;
  const digits = int + frac;
  const point = int.length + Number(exp);
  let out: string;
  if (point <= 0) out = `0.${"0".repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + "0".repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return sign + out;
}

/**
 * Shortest decimal that reads back as `n`. Non-integers are first rounded to 15
 * significant digits, the precision Excel displays, so that formula noise such as
 * 0.1 + 0.2 = 0.30000000000000004 reads as the 0.3 the user sees.
 */
export function numberToDecimal(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  if (Number.isInteger(n)) return expandExponent(String(n));
  return expandExponent(String(Number(n.toPrecision(15))));
}

const CURRENCY = String.raw`(?:f\.?\s?cfa|francs?\s+cfa|cfa|xof|xaf|gnf|francs?|frs?|fg|usd|us\s?\$|\$|euros?|eur|€|f)\.?`;
const CURRENCY_PREFIX = new RegExp(String.raw`^${CURRENCY}\s*`, "i");
const CURRENCY_SUFFIX = new RegExp(String.raw`\s*${CURRENCY}$`, "i");
const SIGN = /^([-+−])\s*/;

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/**
 * Canonical decimal of digits grouped by spaces, commas or dots. The decimal mark is
 * the last of two different marks, or a lone mark unless it is followed by exactly
 * three digits after a non-zero integer part ("1,000" is a thousand, "0,125" and
 * "12,5" are decimals). With space grouping, a lone comma or dot is the decimal mark.
 */
function parseDigits(text: string): string | null {
  if (!/^[\d., ]*\d[\d., ]*$/.test(text)) return null;
  const dots = count(text, ".");
  const commas = count(text, ",");
  const hasSpace = text.includes(" ");
  let group: string | null = hasSpace ? " " : null;
  let decimal: string | null = null;
  if (dots > 0 && commas > 0) {
    if (hasSpace) return null;
    decimal = text.lastIndexOf(".") > text.lastIndexOf(",") ? "." : ",";
    group = decimal === "." ? "," : ".";
    if (count(text, decimal) !== 1) return null;
  } else if (dots + commas > 0) {
    const mark = dots > 0 ? "." : ",";
    if (hasSpace) {
      if (dots + commas > 1) return null;
      decimal = mark;
    } else if (dots + commas > 1) {
      group = mark;
    } else {
      const [intPart = "", frac = ""] = text.split(mark);
      if (frac.length === 3 && /^[1-9]\d{0,2}$/.test(intPart)) group = mark;
      else decimal = mark;
    }
  }
  const [intRaw = "", fracRaw = ""] = decimal ? text.split(decimal) : [text];
  if (!/^\d*$/.test(fracRaw)) return null;
  let intDigits = intRaw;
  if (group) {
    const groups = intRaw.split(group);
    if (groups.length > 1) {
      const [first = "", ...rest] = groups;
      if (!/^\d{1,3}$/.test(first) || rest.some((g) => !/^\d{3}$/.test(g))) return null;
    }
    intDigits = groups.join("");
  }
  if (!/^\d*$/.test(intDigits) || (intDigits === "" && fracRaw === "")) return null;
  const int = intDigits.replace(/^0+/, "") || "0";
  const frac = fracRaw.replace(/0+$/, "");
  return frac ? `${int}.${frac}` : int;
}

function parseNumberText(raw: string): { value: string; percent: boolean } | null {
  let text = raw.replace(/\s+/g, " ").trim();
  let negative = false;
  const paren = /^\((.*)\)$/.exec(text);
  if (paren) {
    negative = true;
    text = (paren[1] ?? "").trim();
  }
  let percent = false;
  if (text.endsWith("%")) {
    percent = true;
    text = text.slice(0, -1).trim();
  }
  let signed = false;
  const takeSign = () => {
    const m = SIGN.exec(text);
    if (!m || signed) return;
    signed = true;
    if (m[1] !== "+") negative = !negative;
    text = text.slice(m[0].length);
  };
  takeSign();
  if (!percent) {
    const before = text;
    text = text.replace(CURRENCY_PREFIX, "");
    if (text === before) text = text.replace(CURRENCY_SUFFIX, "");
  }
  takeSign();
  if (paren && signed) return null;
  const value = parseDigits(text.trim());
  if (value === null) return null;
  return { value: negative && value !== "0" ? `-${value}` : value, percent };
}

/**
 * Reads a numeric cell as a canonical decimal string ("35000000", "1699285.76", "-1000").
 * Blank cells and lone dashes are `value: null`; "12 %" is `value: "12", percent: true`.
 */
export function parseNumberCell(value: unknown): NumberCellResult {
  const cell = unwrapCell(value);
  if (cell === null || cell === undefined) return { ok: true, value: null };
  if (typeof cell === "number") {
    const decimal = numberToDecimal(cell);
    return decimal === null ? { ok: false, text: String(cell) } : { ok: true, value: decimal };
  }
  if (typeof cell === "bigint") return { ok: true, value: cell.toString() };
  if (typeof cell !== "string") return { ok: false, text: describeCell(cell) };
  const text = cell.trim().replace(/^['’]/, "");
  if (isBlankText(text)) return { ok: true, value: null };
  const parsed = parseNumberText(text);
  if (!parsed) return { ok: false, text: cell.trim() };
  return parsed.percent
    ? { ok: true, value: parsed.value, percent: true }
    : { ok: true, value: parsed.value };
}

/** "PM" (pour mémoire): a planned activity with no cost of its own. */
export function isPmMarker(value: unknown): boolean {
  const cell = unwrapCell(value);
  if (typeof cell !== "string") return false;
  const letters = foldText(cell).replace(/[^a-z]/g, "");
  return letters === "pm" || letters === "pourmemoire";
}

const MAX_MINOR = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Converts a canonical decimal (as returned by parseNumberCell) to minor units of
 * `currency`, multiplied by `scale` first (1000 for a column in thousands), exactly.
 * Trailing zero decimals are accepted ("12.50" USD, "35000000.00" XOF); a remainder
 * below the minor unit after scaling is a precision error.
 */
export function toMinorUnits(decimal: string, currency: CurrencyCode, scale = 1): ParseResult<Minor> {
  if (!Number.isSafeInteger(scale) || scale <= 0) throw new RangeError(`Invalid scale: ${scale}`);
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal);
  if (!m) return { ok: false, reason: "format" };
  const [, sign = "", int = "", frac = ""] = m;
  const numerator = BigInt(int + frac) * BigInt(scale) * 10n ** BigInt(currencyDecimals(currency));
  const denominator = 10n ** BigInt(frac.length);
  if (numerator % denominator !== 0n) return { ok: false, reason: "precision" };
  const abs = numerator / denominator;
  if (abs > MAX_MINOR) return { ok: false, reason: "range" };
  return { ok: true, value: sign && abs !== 0n ? -Number(abs) : Number(abs) };
}
