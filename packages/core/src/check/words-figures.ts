import { type Figure, figuresIn, figureValue, sameValue } from "./figures.ts";
import type { DocumentFinding } from "./findings.ts";
import { checkSpelling, isNumberWord, isScaleWord, parseNumberWords, splitWritten } from "./number-words.ts";
import type { Sentence } from "./text.ts";

const WORD = "[A-Za-zÀ-ÖØ-öø-ÿœŒ]+";
// A currency may stand between the words and the figure: « deux millions de francs CFA (2 000 000) ».
const CURRENCY_BEFORE_PARENTHESIS =
  /(?:\s+(?:de\s+|d['’]\s*)?(?:francs?(?:\s+CFA)?|F\s*CFA|FCFA|euros?|dollars?(?:\s+US)?))?\s*\(\s*$/i;
// « … dollars US et soixante-seize cents (1 699 285,76) »: whole units, the currency, « et », the cents.
const CURRENCY_NAME = String.raw`(?:de\s+|d['’]\s*)?(?:francs?(?:\s+CFA)?|euros?|dollars?(?:\s+US)?)`;
const CENTS_BEFORE_PARENTHESIS = new RegExp(
  String.raw`^(.*)\s+${CURRENCY_NAME}\s+et\s+(.+?)\s+(?:cents?|centimes?)\s*\(\s*$`,
  "isu",
);
// The longest amount in words below a thousand billion is under 200 characters: look no further back.
const REACH = 400;
const WORDS_AFTER = new RegExp(`^\\s*\\)\\s*((?:${WORD}[\\s-]+)*${WORD})`, "i");

/** The number words that end a stretch of text, as written, and their value; null when none parse. */
function trailingNumberWords(text: string): { written: string; value: number } | null {
  const { words, separators } = splitWritten(text);
  let first = words.length;
  while (first > 0 && isNumberWord(words[first - 1] ?? "")) first--;
  // The longest run of number words that reads as one number ("et deux" reads from "deux").
  for (let from = first; from < words.length; from++) {
    const value = parseNumberWords(words.slice(from));
    if (value !== null) {
      const written = words
        .slice(from)
        .map((w, i) => (i === 0 ? w : `${separators[from + i - 1]}${w}`))
        .join("");
      return { written: originalCase(text, written), value };
    }
  }
  return null;
}

// The words as they stand in the text, found back by position from the end.
function originalCase(text: string, lowered: string): string {
  const trimmed = text.trimEnd();
  const candidate = trimmed.slice(trimmed.length - lowered.length);
  return candidate.toLowerCase() === lowered ? candidate : lowered;
}

/**
 * Every figure in parentheses that follows number words: the words must give
 * the figure's value (an error otherwise) and be spelt as French writes it (a warning).
 */
export function checkWordsAgainstFigures(sentence: Sentence): DocumentFinding[] {
  const findings: DocumentFinding[] = [];
  for (const figure of figuresIn(sentence.text)) {
    if (!figure.parenthesised || figure.percent) continue;
    if (figure.decimals > 0) {
      const finding = compareWithCents(sentence, figure);
      if (finding) findings.push(finding);
      continue;
    }
    const before = sentence.text.slice(Math.max(0, figure.start - REACH), figure.start);
    const words = trailingNumberWords(before.replace(CURRENCY_BEFORE_PARENTHESIS, ""));
    if (!words) continue;
    const finding = compare(sentence, figure, words, sentence.text.slice(figure.end, figure.end + REACH));
    if (finding) findings.push(finding);
  }
  return findings;
}

function compare(
  sentence: Sentence,
  figure: Figure,
  words: { written: string; value: number },
  after: string,
): DocumentFinding | null {
  const value = figureValue(figure);
  const base = { line: sentence.line, sentence: sentence.text, figures: [figure.text] };
  if (words.value === value) {
    const spelling = checkSpelling(words.written, value);
    if (!spelling) return null;
    return {
      ...base,
      kind: "words_spelling",
      severity: "warning",
      code: "DOC_WORDS_SPELLING",
      params: {
        words: words.written,
        figure: figure.text,
        expected: spelling.expected,
        details: spelling.deviations.join(" ; "),
      },
    };
  }
  // « quatre (4 000 000) millions »: the figure cuts the words; read on after it.
  const continuation = WORDS_AFTER.exec(after)?.[1];
  if (continuation) {
    const { words: tail } = splitWritten(continuation);
    const firstOther = tail.findIndex((w) => !isScaleWord(w));
    const scales = firstOther === -1 ? tail : tail.slice(0, firstOther);
    const joined = `${words.written} ${scales.join(" ")}`;
    if (scales.length > 0 && parseNumberWords(splitWritten(joined).words) === value) {
      return {
        ...base,
        kind: "words_spelling",
        severity: "warning",
        code: "DOC_WORDS_SPLIT",
        params: {
          words: words.written,
          after: scales.join(" "),
          figure: figure.text,
          expected: checkSpelling(joined, value)?.expected ?? joined,
        },
      };
    }
  }
  return {
    ...base,
    kind: "words_figure_mismatch",
    severity: "error",
    code: "DOC_WORDS_FIGURE_MISMATCH",
    params: { words: words.written, value: words.value, figure: figure.text },
  };
}

/** An amount with cents, written « <units> <currency> et <cents> cents »: both parts must give the figure. */
function compareWithCents(sentence: Sentence, figure: Figure): DocumentFinding | null {
  const reach = Math.max(0, figure.start - REACH);
  const match = CENTS_BEFORE_PARENTHESIS.exec(sentence.text.slice(reach, figure.start));
  if (!match?.[1] || !match[2]) return null;
  const units = trailingNumberWords(match[1]);
  const cents = trailingNumberWords(match[2]);
  if (!units || !cents || cents.written.toLowerCase() !== match[2].trim().toLowerCase() || cents.value > 99) return null;
  const from = sentence.text.lastIndexOf(units.written, reach + match[1].length);
  const written =
    from < 0 ? `${units.written} … ${cents.written}` : sentence.text.slice(from, figure.start).replace(/\s*\(\s*$/, "");
  const base = { line: sentence.line, sentence: sentence.text, figures: [figure.text] };
  const value = units.value + cents.value / 100;
  if (!sameValue({ digits: BigInt(units.value) * 100n + BigInt(cents.value), decimals: 2 }, figure)) {
    return {
      ...base,
      kind: "words_figure_mismatch",
      severity: "error",
      code: "DOC_WORDS_FIGURE_MISMATCH",
      params: { words: written, value, figure: figure.text },
    };
  }
  const spellings = [checkSpelling(units.written, units.value), checkSpelling(cents.written, cents.value)];
  const wrong = spellings.filter((s) => s !== null);
  if (wrong.length === 0) return null;
  return {
    ...base,
    kind: "words_spelling",
    severity: "warning",
    code: "DOC_WORDS_SPELLING",
    params: {
      words: written,
      figure: figure.text,
      expected: spellings.map((s, i) => s?.expected ?? (i === 0 ? units.written : cents.written)).join(" … "),
      details: wrong.flatMap((s) => s.deviations).join(" ; "),
    },
  };
}
