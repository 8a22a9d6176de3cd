import { amountInWords } from "../words.ts";

const UNITS: Record<string, number> = {
  zéro: 0,
  zero: 0,
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  onze: 11,
  douze: 12,
  treize: 13,
  quatorze: 14,
  quinze: 15,
  seize: 16,
};
const TENS: Record<string, number> = {
  vingt: 20,
  vingts: 20,
  trente: 30,
  quarante: 40,
  cinquante: 50,
  soixante: 60,
};
const HUNDRED = new Set(["cent", "cents"]);
const SCALES: Record<string, number> = {
  mil: 1000,
  mille: 1000,
  milles: 1000,
  million: 1e6,
  millions: 1e6,
  milliard: 1e9,
  milliards: 1e9,
};

/** Whether a word can be part of a number written in French words. */
export function isNumberWord(word: string): boolean {
  const w = word.toLowerCase();
  return w in UNITS || w in TENS || HUNDRED.has(w) || w in SCALES || w === "et";
}

/** Whether a word multiplies what stands before it (« mille », « millions »…). */
export function isScaleWord(word: string): boolean {
  return word.toLowerCase() in SCALES;
}

/**
 * The value of French number words, read the way people write them: hyphens
 * or spaces, with or without the plural of « cent », « vingt » and
 * « million », « trente un » as well as « trente et un ». Null when the words
 * are not one number (« deux trois », « mille mille »).
 */
export function parseNumberWords(words: readonly string[]): number | null {
  let total = 0;
  let lastScale = Infinity;
  let hundreds = 0;
  let rest = 0;
  let afterEt = false;
  let previous = "";
  let any = false;
  for (const raw of words) {
    const word = raw.toLowerCase();
    if (word === "et") {
      // « et » joins tens to « un », and soixante to « onze ».
      if (afterEt || rest < 20 || rest > 60 || rest % 10 !== 0) return null;
      afterEt = true;
      previous = word;
      continue;
    }
    if (word in UNITS) {
      const v = UNITS[word] ?? 0;
      if (afterEt) {
        if (!(v === 1 || (v === 11 && rest === 60))) return null;
        rest += v;
      } else if (rest === 0) rest = v;
      else if (rest >= 20 && rest % 10 === 0 && v < 10) rest += v;
      else if ((rest === 60 || rest === 80) && v >= 10) rest += v;
      else if (rest === 10 && v >= 7 && v <= 9) rest += v;
      else return null;
    } else if (word in TENS) {
      if (afterEt) return null;
      const v = TENS[word] ?? 0;
      if (v === 20 && rest === 4 && previous === "quatre") rest = 80;
      else if (rest === 0) rest = v;
      else return null;
    } else if (HUNDRED.has(word)) {
      if (afterEt || hundreds > 0 || rest >= 10) return null;
      hundreds = rest === 0 ? 1 : rest;
      rest = 0;
    } else if (word in SCALES) {
      const scale = SCALES[word] ?? 0;
      const group = hundreds * 100 + rest;
      if (afterEt || scale >= lastScale) return null;
      if (group === 0 && scale !== 1000) return null;
      total += (group === 0 ? 1 : group) * scale;
      lastScale = scale;
      hundreds = 0;
      rest = 0;
    } else return null;
    afterEt = false;
    previous = word;
    any = true;
  }
  if (!any || afterEt) return null;
  return total + hundreds * 100 + rest;
}

/** Written words split into words and the separators between them (space or hyphen). */
export function splitWritten(written: string): { words: string[]; separators: string[] } {
  const parts = written
    .trim()
    .toLowerCase()
    .split(/(\s*-\s*|\s+)/);
  const words = parts.filter((_, i) => i % 2 === 0);
  const separators = parts.filter((_, i) => i % 2 === 1).map((s) => (s.includes("-") ? "-" : " "));
  return { words, separators };
}

/** What differs between a writing and a correct one, as short « written → expected » pieces. */
export interface Spelling {
  expected: string;
  deviations: string[];
}

/**
 * Compares number words as written with the two correct spellings of their
 * value (traditional, 1990) and answers null when they match one of them.
 * « une » stands for « un » (« vingt et une personnes »), and the 1990
 * spelling may or may not hyphenate « million » and « milliard » (guides differ).
 */
export function checkSpelling(written: string, value: number): Spelling | null {
  const asWritten = splitWritten(written);
  const normalised = {
    words: asWritten.words.map((w) => (w === "une" ? "un" : w)),
    separators: asWritten.separators,
  };
  const candidates = [amountInWords(value, "fr"), amountInWords(value, "fr", "1990")].map(splitWritten);
  const nounsFree = (s: { words: string[]; separators: string[] }) =>
    s.separators.map((sep, i) =>
      /^milli(on|ard)s?$/.test(s.words[i] ?? "") || /^milli(on|ard)s?$/.test(s.words[i + 1] ?? "") ? "?" : sep,
    );
  const comparisons = candidates.map((candidate, index) => {
    const loose = index === 1;
    const deviations = compareWords(normalised, candidate, loose ? nounsFree : (s) => s.separators);
    return { expected: candidate, deviations };
  });
  if (comparisons.some((c) => c.deviations.length === 0)) return null;
  const best = comparisons.reduce((a, b) => (b.deviations.length < a.deviations.length ? b : a));
  return { expected: joinWritten(best.expected), deviations: best.deviations };
}

function joinWritten(s: { words: string[]; separators: string[] }): string {
  return s.words.map((w, i) => (i === 0 ? w : `${s.separators[i - 1] ?? " "}${w}`)).join("");
}

type Written = { words: string[]; separators: string[] };

function compareWords(written: Written, expected: Written, separatorsOf: (s: Written) => string[]): string[] {
  if (written.words.join(" ") !== expected.words.join(" ")) return wordDifferences(written.words, expected.words);
  const a = separatorsOf(written);
  const b = separatorsOf(expected);
  const deviations: string[] = [];
  b.forEach((sep, i) => {
    if (sep === "?" || a[i] === "?" || sep === a[i]) return;
    const left = written.words[i] ?? "";
    const right = written.words[i + 1] ?? "";
    deviations.push(`${left}${written.separators[i]}${right} → ${left}${sep}${right}`);
  });
  return deviations;
}

/** The words that differ, each change shown with its neighbours when it only adds or removes. */
function wordDifferences(a: string[], b: string[]): string[] {
  // Longest common subsequence, then the runs between common words.
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--) {
      const row = lcs[i] ?? [];
      row[j] = a[i] === b[j] ? (lcs[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(lcs[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  const hunks: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    const fromI = i;
    const fromJ = j;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i] === b[j]) break;
      if (j >= b.length || (i < a.length && (lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0))) i++;
      else j++;
    }
    const removed = a.slice(fromI, i);
    const added = b.slice(fromJ, j);
    if (removed.length > 0 && added.length > 0) hunks.push(`${removed.join(" ")} → ${added.join(" ")}`);
    else {
      const before = a[fromI - 1] ?? "";
      const after = a[i] ?? "";
      const context = (middle: string[]) => [before, ...middle, after].filter(Boolean).join(" ");
      hunks.push(`${context(removed)} → ${context(added)}`);
    }
  }
  return hunks;
}
