import type { DocumentFinding } from "./findings.ts";
import { checkRates } from "./rates.ts";
import { checkSums } from "./sums.ts";
import { splitSentences } from "./text.ts";
import { checkWordsAgainstFigures } from "./words-figures.ts";

export * from "./findings.ts";

/**
 * Every slip a document's text holds between its words and its figures:
 * numbers in words that disagree with the figure beside them or are spelt
 * wrong, rates that are not the ratio of the figures they follow, totals
 * their parts don't make. In the order they appear.
 */
export function checkDocument(text: string): DocumentFinding[] {
  const sentences = splitSentences(text);
  const findings = [...sentences.flatMap(checkWordsAgainstFigures), ...checkRates(sentences), ...checkSums(sentences)];
  return findings.sort((a, b) => a.line - b.line);
}
