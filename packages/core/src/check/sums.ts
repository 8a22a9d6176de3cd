import { amountsIn, exactSum, type Figure, sameValue } from "./figures.ts";
import type { DocumentFinding } from "./findings.ts";
import type { Sentence } from "./text.ts";

// « soit un total de X », « soit un montant total de X », « soit au total X »: a sum of what came before.
const TOTAL_AFTER_PARTS =
  /\bsoit\s+(?:un\s+(?:montant\s+)?total\s+(?:général\s+)?(?:de\s+)?|au\s+total\s+(?:de\s+)?)(?=\d)/gi;
// « Au total, X … : A pour …, B pour … »: a sum of what comes after (or, without parts there, of the sentence before).
const TOTAL_FIRST = /^(?:au\s+total|en\s+tout|le\s+(?:montant\s+)?total)\b[^\d]{0,60}?(?=\d)/i;
// A part names its currency when the sentence also counts other things (« 3 ateliers pour 5 000 000 F CFA »).
const CURRENCY_AFTER = /^\s*(?:de\s+|d['’]\s*)?(?:francs?|F\s*CFA|FCFA|€|\$|euros?|dollars?|USD|EUR|XOF)\b/i;

/** Every stated total must be the sum of the amounts it sums up, to the unit. */
export function checkSums(sentences: readonly Sentence[]): DocumentFinding[] {
  const findings: DocumentFinding[] = [];
  sentences.forEach((sentence, index) => {
    const amounts = amountsIn(sentence.text);
    const byStart = new Map(amounts.map((f, i) => [f.start, i]));
    // A second total in the same sentence sums what came after the first.
    let from = 0;
    for (const match of sentence.text.matchAll(TOTAL_AFTER_PARTS)) {
      const at = byStart.get((match.index ?? 0) + match[0].length);
      const stated = at === undefined ? undefined : amounts[at];
      if (at === undefined || !stated) continue;
      const parts = amounts.slice(from, at).filter((f) => f.end <= (match.index ?? 0));
      from = at + 1;
      const finding = compare(sentence, stated, parts);
      if (finding) findings.push(finding);
    }
    const first = TOTAL_FIRST.exec(sentence.text);
    if (first) {
      const stated = amounts.find((f) => f.start === first[0].length);
      if (!stated) return;
      const after = amounts.filter((f) => f.start > stated.end);
      const previous = sentences[index - 1];
      const parts = after.length >= 2 || !previous ? after : amountsIn(previous.text);
      const finding = compare(sentence, stated, parts);
      if (finding) findings.push(finding);
    }
  });
  return findings;
}

function compare(sentence: Sentence, stated: Figure, parts: Figure[]): DocumentFinding | null {
  if (parts.length < 2) return null;
  if (sameValue(exactSum(parts), stated)) return null;
  const withCurrency = parts.filter((p) => CURRENCY_AFTER.test(sentence.text.slice(p.end)));
  if (withCurrency.length >= 2 && sameValue(exactSum(withCurrency), stated)) return null;
  const counted = withCurrency.length >= 2 ? withCurrency : parts;
  const sum = exactSum(counted);
  const scale = Math.max(sum.decimals, stated.decimals);
  const scaled = (f: { digits: bigint; decimals: number }) => f.digits * 10n ** BigInt(scale - f.decimals);
  const value = (digits: bigint) => Number(digits) / 10 ** scale;
  return {
    kind: "sum_mismatch",
    severity: "error",
    line: sentence.line,
    sentence: sentence.text,
    figures: [stated.text, ...counted.map((p) => p.text)],
    code: "DOC_SUM_MISMATCH",
    params: {
      stated: stated.text,
      parts: counted.map((p) => p.text).join(" + "),
      computed: value(scaled(sum)),
      difference: value(scaled(sum) - scaled(stated)),
    },
  };
}
