/** One sentence of a document, with the line it starts on (1-based) for the reader to find it. */
export interface Sentence {
  text: string;
  line: number;
}

/**
 * Text as reports are pasted or exported: Word's emphasis markers (« **76,49%** »)
 * and non-breaking hyphens carry no meaning for the figures, so they go.
 */
export function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/\*\*|__/g, "")
    .replace(/[\u2010\u2011]/g, "-");
}

// Abbreviations whose period does not end a sentence.
const ABBREVIATIONS = /(?:\b(?:n°|no|art|cf|etc|M|Mme|Dr|p|pp|vol|ch|min|max|env|hab)|\b[A-Z])\.$/;

/** Sentences line by line: a line (a paragraph, a table row) never runs into the next. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  normaliseText(text)
    .split("\n")
    .forEach((line, index) => {
      let start = 0;
      // A sentence ends on . ! ? or … followed by a space and what can open a sentence.
      for (const match of line.matchAll(/[.!?…]+(?=\s+[«"“(A-ZÀ-ÖØ-Ý0-9])/g)) {
        const end = (match.index ?? 0) + match[0].length;
        const candidate = line.slice(start, end);
        if (match[0] === "." && ABBREVIATIONS.test(candidate.slice(-12))) continue;
        if (/\d\.$/.test(candidate.slice(-3)) && /^\s+\d/.test(line.slice(end, end + 3))) continue;
        pushSentence(sentences, candidate, index + 1);
        start = end;
      }
      pushSentence(sentences, line.slice(start), index + 1);
    });
  return sentences;
}

function pushSentence(sentences: Sentence[], text: string, line: number): void {
  const trimmed = text.trim();
  if (trimmed) sentences.push({ text: trimmed, line });
}
