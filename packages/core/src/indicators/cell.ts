// Reading an indicator cell as people write it in a results table:
// "15 dont 6 femmes" is 15 with 6 women; "15. Cet indicateur sera atteint au
// cours de 2021" is 15 with its comment; "50 au cours de 2021" is 50 due in
// 2021; "50%" is 50 (a percentage); "Oui" is 1; a blank cell is no value.
import { normalizeValue } from "./decimal.ts";
import { categoryKey } from "./disaggregation.ts";

export interface IndicatorCell {
  /** The figure, as an exact decimal string; null when the cell gives none. */
  value: string | null;
  /** Categories given beside the figure ("sex:women" → "6"). */
  breakdown: Record<string, string>;
  /** Whatever words came with the figure (or instead of it). */
  comment: string | null;
  /** The year the figure is due, when the cell says so ("au cours de 2021"). */
  dueYear: number | null;
  percent: boolean;
  yesNo: boolean;
}

// Word's tables pad empty cells with en spaces and non-breaking spaces.
const SPACES = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g;
const NUMBER = String.raw`\d{1,3}(?:[ .]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?`;
const LEADING = new RegExp(String.raw`^(${NUMBER})\s*(%)?(?=$|[\s.;:,)(-])`);
const CATEGORY_WORDS: [RegExp, string][] = [
  [/^(?:femmes?|filles?|f|women|girls?)$/i, categoryKey("sex", "women")],
  [/^(?:hommes?|garçons?|h|men|boys?)$/i, categoryKey("sex", "men")],
  [/^(?:jeunes?|youths?)$/i, categoryKey("age", "youth")],
];
const PART = new RegExp(String.raw`(${NUMBER})\s+([\p{L}]+)`, "gu");
// Only words right after the figure date it: "50 au cours de 2021", not "15. Cet indicateur sera atteint au cours de 2021".
const DUE = /^\s*(?:au cours de|courant|en|d'ici|avant|fin|in|by|during)\s+(?:l'année\s+|l'an\s+)?((?:19|20)\d\d)\b/i;

/** "1 200,5" / "1.200" / "37.5" / "37,5" → "1200.5" / "1200" / "37.5" / "37.5". */
export function readFigure(text: string): string | null {
  const t = text.trim();
  const grouped = /^\d{1,3}(?:[ .]\d{3})+(?:,\d+)?$/.test(t);
  const plain = grouped ? t.replace(/[ .]/g, "").replace(",", ".") : t.replace(",", ".");
  return normalizeValue(plain);
}

export function readIndicatorCell(raw: string): IndicatorCell {
  const text = raw.replace(SPACES, " ").trim();
  const none: IndicatorCell = { value: null, breakdown: {}, comment: null, dueYear: null, percent: false, yesNo: false };
  if (text === "" || /^[-–—_.]+$/.test(text)) return none;
  if (/^(?:oui|yes)\b/i.test(text) || /^(?:non|no)\b/i.test(text)) {
    const yes = /^(?:oui|yes)/i.test(text);
    const rest = text.replace(/^(?:oui|yes|non|no)[\s.,;:-]*/i, "");
    return { ...none, value: yes ? "1" : "0", comment: rest || null, yesNo: true };
  }
  // A date is not a figure (a sheet's date cell reads "2024-01-01"; people write 01/03/2021).
  if (/^\d{4}-\d{2}-\d{2}\b|^\d{1,2}\/\d{1,2}\/\d{2,4}\b/.test(text)) return { ...none, comment: text };
  const lead = LEADING.exec(text);
  if (!lead) return { ...none, comment: text, dueYear: null };
  const value = readFigure(lead[1]!);
  if (value === null) return { ...none, comment: text };
  let rest = text.slice(lead[0].length).replace(/^[\s.;:,-]+/, "");
  const breakdown: Record<string, string> = {};
  const parts = /^(?:dont|including|of which|\()\s*(.*)$/i.exec(rest);
  if (parts) {
    let consumed = 0;
    for (const m of parts[1]!.matchAll(PART)) {
      const key = CATEGORY_WORDS.find(([pattern]) => pattern.test(m[2]!))?.[1];
      const figure = readFigure(m[1]!);
      const gap = parts[1]!.slice(consumed, m.index);
      if (!key || figure === null || !/^(?:\s|,|;|et\b|and\b)*$/i.test(gap)) break;
      breakdown[key] = figure;
      consumed = m.index! + m[0].length;
    }
    if (consumed > 0)
      rest = parts[1]!
        .slice(consumed)
        .replace(/^[\s).;:,]+/, "")
        .trim();
  }
  const due = DUE.exec(text.slice(lead[0].length));
  return {
    value,
    breakdown,
    comment: rest === "" ? null : rest,
    dueYear: due ? Number(due[1]) : null,
    percent: lead[2] === "%",
    yesNo: false,
  };
}
