// Reads deadline cells of work plans ("fevrier 2022", "Mar-22", "T1 2022",
// "Du 1er au 31 janvier 2023", Excel dates and serials) and chronogram headers.
import { daysInMonth } from "../plan/periods.ts";
import { describeCell, foldText, isBlankText, unwrapCell } from "./numbers.ts";

export type DateCellResult =
  | {
    ok: true;
    /** ISO date of the end of the period named: the deadline. Null when blank or when no year is known. */
    date: string | null;
    /** The trimmed original text when it named a period rather than one exact day. */
    text: string | null;
    /** Calendar months (1–12) the period covers, ascending. */
    months: number[];
  }
  | { ok: false; text: string };

export interface DateCellOptions {
  /** Year of the plan, for cells naming a month or a quarter without a year ("juin"). */
  year?: number;
}

const MONTH_WORDS: readonly (readonly string[])[] = [
  ["janvier", "janv", "jan", "january"],
  ["fevrier", "fevr", "fev", "feb", "febr", "february"],
  ["mars", "mar", "march"],
  ["avril", "avr", "apr", "april"],
  ["mai", "may"],
  ["juin", "jun", "june"],
  ["juillet", "juil", "jul", "july"],
  ["aout", "aou", "aug", "august"],
  ["septembre", "sept", "sep", "september"],
  ["octobre", "oct", "october"],
  ["novembre", "nov", "november"],
  ["decembre", "dec", "december"],
];
const MONTHS = new Map<string, number>(
  MONTH_WORDS.flatMap((words, i) => words.map((w) => [w, i + 1] as const)),
);
const MONTH_INITIALS = "jfmamjjasond";

const QUARTER_PREFIX = new Set(["t", "q", "trim", "trimestre", "quarter", "qtr"]);
const SEMESTER_PREFIX = new Set(["s", "h", "sem", "semestre", "semester", "half"]);
const QUARTER_SUFFIX = new Set(["trimestre", "trim", "quarter"]);
const SEMESTER_SUFFIX = new Set(["semestre", "sem", "semester", "half"]);
const ORDINAL_WORDS = new Map<string, number>([
  ["premier", 1],
  ["premiere", 1],
  ["first", 1],
  ["deuxieme", 2],
  ["second", 2],
  ["seconde", 2],
  ["troisieme", 3],
  ["third", 3],
  ["quatrieme", 4],
  ["fourth", 4],
]);
const LINK_WORDS = new Set(["au", "a", "jusqu", "jusque", "to", "till", "until", "through", "thru"]);
const FROM_WORDS = new Set(["du", "de", "from"]);
const SEP_WORDS = new Set(["et", "and", "ou", "or"]);
// Words that do not change the deadline. Anything else unknown makes the cell
// unreadable, so that "à partir de mars" is not silently read as "mars".
const FILLER_WORDS = new Set([
  "le",
  "la",
  "les",
  "l",
  "en",
  "d",
  "ici",
  "fin",
  "debut",
  "mi",
  "courant",
  "mois",
  "semaine",
  "avant",
  "plus",
  "tard",
  "annee",
  "exercice",
  "periode",
  "the",
  "of",
  "in",
  "by",
  "end",
  "before",
  "on",
  "late",
  "early",
  "mid",
  "month",
  "year",
  "week",
]);
const LINK_CHARS = new Set(["-", "‐", "‑", "‒", "–", "—", "→"]);
const SEP_CHARS = new Set([",", ";", "/", "&", "+"]);
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

type Token =
  | { kind: "date"; y: number; m: number; d: number }
  | { kind: "monthYear"; y: number; m: number }
  | { kind: "num"; n: number; digits: number; ordinal: boolean }
  | { kind: "word"; word: string }
  | { kind: "punct"; char: string }
  | { kind: "time" };

/** Two-digit years are 20yy: plans are for this century. */
function fullYear(digits: string): number {
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

// Tried in order at each position; sticky so that each must match right there.
// Numeric dates never follow a letter: "T2-2024" is a quarter, not February.
const TOKEN_RULES: readonly [RegExp, (m: RegExpExecArray) => Token][] = [
  [
    /(?<![a-z])(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)(?:t\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?/y,
    (m) => ({ kind: "date", y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) }),
  ],
  [
    /(?<![a-z])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)/y,
    (m) => ({ kind: "date", y: fullYear(m[4] ?? ""), m: Number(m[3]), d: Number(m[1]) }),
  ],
  [
    /(?<![a-z])(\d{1,2})[/.-](\d{4})(?!\d)/y,
    (m) => ({ kind: "monthYear", y: Number(m[2]), m: Number(m[1]) }),
  ],
  [/(?<![a-z])(\d{4})[/-](\d{1,2})(?!\d)/y, (m) => ({ kind: "monthYear", y: Number(m[1]), m: Number(m[2]) })],
  [/\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?/y, () => ({ kind: "time" })],
  [
    /(\d+)(?:(ere|eme|er|re|e|nd|st|rd|th)(?![a-z]))?/y,
    (m) => ({ kind: "num", n: Number(m[1]), digits: (m[1] ?? "").length, ordinal: m[2] !== undefined }),
  ],
  [/[a-z]+/y, (m) => ({ kind: "word", word: m[0] })],
  [/\S/y, (m) => ({ kind: "punct", char: m[0] })],
];

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < text.length) {
    if (text[pos] === " ") {
      pos++;
      continue;
    }
    const start = pos;
    for (const [pattern, make] of TOKEN_RULES) {
      pattern.lastIndex = pos;
      const m = pattern.exec(text);
      if (m) {
        tokens.push(make(m));
        pos = pattern.lastIndex;
        break;
      }
    }
    if (pos === start) pos++;
  }
  return tokens;
}

type MentionKind = "day" | "month" | "quarter" | "semester" | "year";

interface Mention {
  /** "day": a day number waiting for the month named after it ("14" in "14 au 19 avril"). */
  kind: MentionKind;
  firstMonth: number;
  lastMonth: number;
  day: number | null;
  year: number | null;
  yearExplicit: boolean;
  quarter: number | null;
}

type Item =
  | { type: "mention"; mention: Mention }
  | { type: "year"; year: number; used: boolean }
  | { type: "link" }
  | { type: "sep" }
  | { type: "from" };

function mention(kind: MentionKind, firstMonth: number, lastMonth = firstMonth): Mention {
  return { kind, firstMonth, lastMonth, day: null, year: null, yearExplicit: false, quarter: null };
}

function period(word: string, n: number, words: "prefix" | "suffix"): Mention | null {
  const quarters = words === "prefix" ? QUARTER_PREFIX : QUARTER_SUFFIX;
  const semesters = words === "prefix" ? SEMESTER_PREFIX : SEMESTER_SUFFIX;
  if (quarters.has(word) && n >= 1 && n <= 4) return { ...mention("quarter", n * 3 - 2, n * 3), quarter: n };
  if (semesters.has(word) && n >= 1 && n <= 2) return mention("semester", n * 6 - 5, n * 6);
  return null;
}

function isPeriodWord(word: string): boolean {
  return QUARTER_SUFFIX.has(word) || SEMESTER_SUFFIX.has(word);
}

function setYear(m: Mention, year: number): void {
  m.year = year;
  m.yearExplicit = true;
}

/**
 * Reads the year written right after a month or period ("Mar-22", "fev. 2024",
 * "T1 2022") and, after a month, an English day ("June 21, 2024").
 * Returns the index of the first token not consumed.
 */
function attachYear(tokens: Token[], index: number, m: Mention, englishDay: boolean): number {
  const a = tokens[index];
  if (englishDay && a?.kind === "num" && a.digits <= 2) {
    const b = tokens[index + 1];
    const comma = b?.kind === "punct" && b.char === ",";
    const y = comma ? tokens[index + 2] : b;
    if (y?.kind === "num" && y.digits === 4 && !y.ordinal && y.n >= MIN_YEAR && y.n <= MAX_YEAR) {
      m.day = a.n;
      setYear(m, y.n);
      return index + (comma ? 3 : 2);
    }
  }
  let k = index;
  const sep = tokens[k];
  if (sep?.kind === "punct" && ["-", "/", "'", "."].includes(sep.char)) k++;
  const y = tokens[k];
  if (y?.kind !== "num" || y.ordinal) return index;
  if (y.digits === 4 && y.n >= MIN_YEAR && y.n <= MAX_YEAR) {
    setYear(m, y.n);
    return k + 1;
  }
  const after = tokens[k + 1];
  const beforeMonth = after?.kind === "word" && (MONTHS.has(after.word) || isPeriodWord(after.word));
  if (y.digits === 2 && !beforeMonth) {
    setYear(m, 2000 + y.n);
    return k + 1;
  }
  return index;
}

/** Turns tokens into mentions of days, months, periods and years, with the words linking them; null if a word is unknown. */
function readItems(tokens: Token[]): Item[] | null {
  const items: Item[] = [];
  const push = (m: Mention) => items.push({ type: "mention", mention: m });
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!t) break;
    const next = tokens[i + 1];
    const nextWord = next?.kind === "word" ? next.word : null;
    if (t.kind === "date") {
      const m = mention("month", t.m);
      m.day = t.d;
      setYear(m, t.y);
      push(m);
      i++;
    } else if (t.kind === "monthYear") {
      const m = mention("month", t.m);
      setYear(m, t.y);
      push(m);
      i++;
    } else if (t.kind === "time") {
      i++;
    } else if (t.kind === "num") {
      if (t.digits === 4 && !t.ordinal) {
        if (t.n < MIN_YEAR || t.n > MAX_YEAR) return null;
        items.push({ type: "year", year: t.n, used: false });
        i++;
        continue;
      }
      if (t.digits > 2) return null;
      const p = nextWord ? period(nextWord, t.n, "suffix") : null;
      const month = nextWord ? MONTHS.get(nextWord) : undefined;
      if (p) {
        i = attachYear(tokens, i + 2, p, false);
        push(p);
      } else if (month) {
        const m = mention("month", month);
        m.day = t.n;
        i = attachYear(tokens, i + 2, m, false);
        push(m);
      } else {
        if (t.n < 1 || t.n > 31) return null;
        const m = mention("day", 0);
        m.day = t.n;
        push(m);
        i++;
      }
    } else if (t.kind === "word") {
      const w = t.word;
      const month = MONTHS.get(w);
      const ordinal = ORDINAL_WORDS.get(w);
      const numberAt = next?.kind === "punct" && next.char === "." ? i + 2 : i + 1;
      const n = tokens[numberAt];
      const prefixed = n?.kind === "num" && n.digits === 1 ? period(w, n.n, "prefix") : null;
      if (month) {
        const m = mention("month", month);
        i = attachYear(tokens, i + 1, m, true);
        push(m);
      } else if (ordinal && nextWord && period(nextWord, ordinal, "suffix")) {
        const p = period(nextWord, ordinal, "suffix");
        if (!p) return null;
        i = attachYear(tokens, i + 2, p, false);
        push(p);
      } else if (prefixed) {
        i = attachYear(tokens, numberAt + 1, prefixed, false);
        push(prefixed);
      } else if (LINK_WORDS.has(w)) {
        items.push({ type: "link" });
        i++;
      } else if (FROM_WORDS.has(w)) {
        items.push({ type: "from" });
        i++;
      } else if (SEP_WORDS.has(w)) {
        items.push({ type: "sep" });
        i++;
      } else if (FILLER_WORDS.has(w)) {
        i++;
      } else {
        return null;
      }
    } else {
      if (LINK_CHARS.has(t.char)) items.push({ type: "link" });
      else if (SEP_CHARS.has(t.char)) items.push({ type: "sep" });
      i++;
    }
  }
  return items;
}

function yearSource(item: Item | undefined): number | null {
  if (!item) return null;
  if (item.type === "year") {
    item.used = true;
    return item.year;
  }
  if (item.type === "mention" && item.mention.yearExplicit) return item.mention.year;
  return null;
}

/**
 * Gives every mention a month and a year: a lone day takes the month named after it;
 * a month without a year takes the next year written, else the previous one, else
 * the plan's year. False if the text cannot be completed.
 */
function complete(items: Item[], planYear: number | undefined): boolean {
  if (!items.some((it) => it.type === "mention")) {
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      if (it?.type !== "year") continue;
      const m = mention("year", 1, 12);
      setYear(m, it.year);
      items[i] = { type: "mention", mention: m };
    }
  }
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (it?.type !== "mention" || it.mention.kind === "day" || it.mention.year !== null) continue;
    let year: number | null = null;
    for (let k = i + 1; k < items.length && year === null; k++) year = yearSource(items[k]);
    for (let k = i - 1; k >= 0 && year === null; k--) year = yearSource(items[k]);
    const borrowed = year ?? planYear;
    if (borrowed !== undefined) it.mention.year = borrowed;
  }
  if (items.some((it) => it.type === "year" && !it.used)) return false;
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (it?.type !== "mention" || it.mention.kind !== "day") continue;
    let owner: Mention | null = null;
    for (let k = i + 1; k < items.length && owner === null; k++) {
      const other = items[k];
      if (other?.type === "mention" && other.mention.kind !== "day") owner = other.mention;
    }
    if (owner?.kind !== "month") return false;
    it.mention.firstMonth = owner.firstMonth;
    it.mention.lastMonth = owner.firstMonth;
    it.mention.year = owner.year;
    it.mention.yearExplicit = owner.yearExplicit;
  }
  return items.every(
    (it) => it.type !== "mention" || (it.mention.firstMonth >= 1 && it.mention.lastMonth <= 12),
  );
}

interface Range {
  from: Mention;
  to: Mention;
}

/**
 * Pairs mentions into ranges: "14 au 19 avril", "janvier - mars", and "du 1er avril
 * 30 mai" where "du" announces a range whose "au" was forgotten. Other mentions
 * stand alone ("mars, juin 2022").
 */
function toRanges(items: Item[]): Range[] {
  const ranges: Range[] = [];
  let open: Range | null = null;
  let link = false;
  let fromPending = false;
  let fromOpen = false;
  for (const it of items) {
    if (it.type === "mention") {
      if (open && (link || fromOpen)) {
        open.to = it.mention;
        open = null;
        fromOpen = false;
      } else {
        open = { from: it.mention, to: it.mention };
        ranges.push(open);
        fromOpen = fromPending;
      }
      link = false;
      fromPending = false;
    } else if (it.type === "link") {
      link = true;
    } else if (it.type === "sep") {
      link = false;
      fromOpen = false;
    } else if (it.type === "from") {
      fromPending = true;
      fromOpen = false;
    }
  }
  return ranges;
}

interface Day {
  year: number | null;
  month: number;
  day: number;
}

function validDay(d: Day): boolean {
  // Without a year, 29 February is given the benefit of the doubt.
  return d.day >= 1 && d.day <= daysInMonth(d.year ?? 2024, d.month);
}

function key(d: Day): number {
  return (d.year ?? 0) * 10_000 + d.month * 100 + d.day;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${pad(month)}-${pad(day)}`;
}

function bounds(r: Range): { start: Day; end: Day } {
  const start = { year: r.from.year, month: r.from.firstMonth, day: r.from.day ?? 1 };
  const endMonth = r.to.lastMonth;
  const end = { year: r.to.year, month: endMonth, day: r.to.day ?? daysInMonth(r.to.year ?? 2024, endMonth) };
  return { start, end };
}

function monthsBetween(start: Day, end: Day): number[] {
  const months = new Set<number>();
  let month = start.month;
  let year = start.year ?? 0;
  const endYear = end.year ?? (end.month < start.month ? year + 1 : year);
  while ((year < endYear || (year === endYear && month <= end.month)) && months.size < 12) {
    months.add(month);
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return [...months];
}

type DateTextResult = { date: string | null; months: number[]; exact: boolean };

function readDateText(text: string, planYear: number | undefined): DateTextResult | null {
  const prepared = foldText(text)
    .replace(/\^\{?([a-z]+)\}?/g, "$1")
    .replace(/\([^)]*\)|\[[^\]]*\]/g, " ");
  const items = readItems(tokenize(prepared));
  if (!items || !complete(items, planYear)) return null;
  const ranges = toRanges(items);
  if (ranges.length === 0) return null;
  const months = new Set<number>();
  let latest: Day | null = null;
  for (const r of ranges) {
    let { start, end } = bounds(r);
    const crossesNewYear = start.year !== null && start.year === end.year && start.month > end.month;
    if (crossesNewYear && r.from.kind !== "day" && !r.from.yearExplicit) {
      r.from.year = (r.from.year ?? 0) - 1;
      ({ start, end } = bounds(r));
    }
    if (!validDay(start) || !validDay(end)) return null;
    if (start.year !== null && end.year !== null && key(start) > key(end)) return null;
    for (const m of monthsBetween(start, end)) months.add(m);
    if (!latest || key(end) > key(latest)) latest = end;
  }
  const only = ranges.length === 1 ? ranges[0] : undefined;
  const single =
    only !== undefined
    && only.from === only.to
    && items.every((it) => it.type !== "from" && it.type !== "link");
  const exact = single && only.from.day !== null && only.from.yearExplicit;
  const date = latest && latest.year !== null ? iso(latest.year, latest.month, latest.day) : null;
  return { date, months: [...months].sort((a, b) => a - b), exact };
}

const DAY_MS = 86_400_000;

/**
 * Day of an Excel serial in the 1900 date system, which counts a 29 February 1900
 * that never existed (serial 60): later serials are one day ahead.
 */
function fromSerial(serial: number): { year: number; month: number; day: number } | null {
  const n = Math.floor(serial);
  if (!Number.isFinite(n) || n < 1 || n > 2_958_465 || n === 60) return null;
  const epoch = n < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const d = new Date(epoch + n * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function exactDay(year: number, month: number, day: number): DateCellResult {
  return { ok: true, date: iso(year, month, day), text: null, months: [month] };
}

/**
 * Reads a deadline cell. Exact days (Excel dates and serials, "21/06/2024",
 * "27 janvier 2023") give that day; periods ("fevrier 2022", "T1 2022",
 * "22 au 30 juin 2023", "2022") give their last day and keep the text.
 * Whole numbers from 1900 to 2100 are years, not serials: those serials fall in
 * 1905, and a year typed into a number cell is far more likely.
 */
export function parseDateCell(value: unknown, options: DateCellOptions = {}): DateCellResult {
  const cell = unwrapCell(value);
  if (cell === null || cell === undefined) return { ok: true, date: null, text: null, months: [] };
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return { ok: false, text: describeCell(cell) };
    return exactDay(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  }
  if (typeof cell === "number") {
    if (Number.isInteger(cell) && cell >= MIN_YEAR && cell <= MAX_YEAR) {
      return {
        ok: true,
        date: iso(cell, 12, 31),
        text: String(cell),
        months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      };
    }
    const day = fromSerial(cell);
    return day ? exactDay(day.year, day.month, day.day) : { ok: false, text: String(cell) };
  }
  if (typeof cell !== "string") return { ok: false, text: describeCell(cell) };
  const text = cell.trim().replace(/^['’]/, "").trim();
  if (isBlankText(text)) return { ok: true, date: null, text: null, months: [] };
  if (/^\d{5}$/.test(text)) {
    const day = fromSerial(Number(text));
    return day ? exactDay(day.year, day.month, day.day) : { ok: false, text };
  }
  const read = readDateText(text, options.year);
  if (!read) return { ok: false, text };
  return { ok: true, date: read.date, text: read.exact ? null : text, months: read.months };
}

function headerWord(text: string): string {
  return foldText(text).replace(/[.\s]/g, "");
}

/** Month of an unambiguous month header ("Janv.", "février", "Sept", "Dec"); null for "J", "M", "A". */
export function parseMonthHeader(text: string): number | null {
  return MONTHS.get(headerWord(text)) ?? null;
}

/**
 * Months of a chronogram's 12 column headers, in column order, when they read as
 * consecutive months: initials "J F M A M J J A S O N D" (decidable only as a run),
 * names or abbreviations, mixed or not. A fiscal year starting in July gives [7 … 12, 1 … 6].
 */
export function monthSequenceFromHeaders(headers: string[]): number[] | null {
  if (headers.length !== 12) return null;
  const words = headers.map(headerWord);
  for (let first = 1; first <= 12; first++) {
    const months = Array.from({ length: 12 }, (_, k) => ((first - 1 + k) % 12) + 1);
    const matches = months.every((m, k) => {
      const w = words[k] ?? "";
      return w === MONTH_INITIALS[m - 1] || MONTHS.get(w) === m;
    });
    if (matches) return months;
  }
  return null;
}

/** Quarter of a header such as "Q1", "T1", "Trim 1", "1er trimestre", "Quarter 1" (a year may follow). */
export function parseQuarterHeader(text: string): 1 | 2 | 3 | 4 | null {
  const items = readItems(tokenize(foldText(text)));
  if (!items) return null;
  const mentions = items.filter((it) => it.type !== "year");
  const only = mentions.length === 1 ? mentions[0] : undefined;
  if (only?.type !== "mention" || only.mention.kind !== "quarter") return null;
  const q = only.mention.quarter;
  return q === 1 || q === 2 || q === 3 || q === 4 ? q : null;
}
