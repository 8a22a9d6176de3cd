import { amountsIn, type Figure, figuresIn, figureValue } from "./figures.ts";
import type { DocumentFinding } from "./findings.ts";
import { numbersInWords } from "./word-numbers.ts";
import type { Sentence } from "./text.ts";

// « soit un taux d'exécution de 76,49 % », « soit 37 % »: the percentage a sentence derives from its figures.
const STATED_RATE = /\bsoit\s+(?:un\s+taux\b[^%\d]{0,80}?)?(?=\d)/gi;

/** How many sentences before the rate may hold its denominator (the credit stated two sentences earlier). */
const RATE_WINDOW = 4;
/** How many figures before the rate, in its sentence, may be its numerator, and in all, its denominator. */
const NUMERATORS = 8;
const DENOMINATORS = 40;

interface Quantity {
  text: string;
  value: number;
  end: number;
}

const asQuantity = (f: Figure): Quantity => ({ text: f.text, value: figureValue(f), end: f.end });

/** The quantities of a sentence: figures that are neither dates nor percentages, and numbers written only in words. */
function quantities(sentence: string): Quantity[] {
  const figures = amountsIn(sentence).map(asQuantity);
  const inWords = numbersInWords(sentence).map((n) => ({ text: n.written, value: n.value, end: n.end }));
  return [...figures, ...inWords].sort((a, b) => a.end - b.end);
}

/** A percentage written with d decimals stands for any ratio that rounds to it. */
function gives(numerator: number, denominator: number, stated: Figure): boolean {
  if (denominator === 0) return false;
  const tolerance = 0.5 * 10 ** -stated.decimals + 1e-9;
  return Math.abs((numerator / denominator) * 100 - figureValue(stated)) <= tolerance;
}

/**
 * Every « soit … X % » must be the ratio of a figure stated before it in its
 * sentence to a figure of that sentence or of the few before it. When it is
 * not, the finding names the ratio that gives X % (if any) and what the
 * sentence's own figure gives over that denominator.
 */
export function checkRates(sentences: readonly Sentence[]): DocumentFinding[] {
  const findings: DocumentFinding[] = [];
  // Each sentence's quantities, read once: a rate looks at its own sentence and the few before.
  const read = new Map<number, Quantity[]>();
  const quantitiesOf = (i: number) => read.get(i) ?? read.set(i, quantities(sentences[i]?.text ?? "")).get(i) ?? [];
  sentences.forEach((sentence, index) => {
    const percentages = new Map(
      figuresIn(sentence.text)
        .filter((f) => f.percent)
        .map((f) => [f.start, f]),
    );
    const own = quantitiesOf(index);
    // The rates come in the order of the text: the quantities before each one only grow.
    let seen = 0;
    for (const match of sentence.text.matchAll(STATED_RATE)) {
      const at = (match.index ?? 0) + match[0].length;
      const stated = percentages.get(at);
      if (!stated) continue;
      while (seen < own.length && (own[seen]?.end ?? 0) <= (match.index ?? 0)) seen++;
      const before = own.slice(Math.max(0, seen - DENOMINATORS), seen);
      const numerators = before.slice(-NUMERATORS);
      const first = Math.max(0, index - RATE_WINDOW);
      const earlier = Array.from({ length: index - first }, (_, k) => quantitiesOf(first + k).slice(-DENOMINATORS)).flat();
      const denominators = [...earlier, ...before].slice(-DENOMINATORS);
      if (numerators.length === 0) continue;
      const fits = numerators.some((n) => denominators.some((d) => d !== n && gives(n.value, d.value, stated)));
      if (fits) continue;
      findings.push(rateFinding(sentence, stated, numerators, denominators));
    }
  });
  return findings;
}

function rateFinding(sentence: Sentence, stated: Figure, numerators: Quantity[], denominators: Quantity[]): DocumentFinding {
  // The figure the sentence gives the rate of: the last one before « soit ».
  const subject = numerators[numerators.length - 1] as Quantity;
  const other = denominators.flatMap((n) =>
    denominators.filter((d) => d !== n && gives(n.value, d.value, stated)).map((d) => [n, d] as const),
  )[0];
  const statedText = `${stated.text} %`;
  const common = {
    kind: "rate_mismatch" as const,
    severity: "error" as const,
    line: sentence.line,
    sentence: sentence.text,
  };
  if (other) {
    const [n, d] = other;
    // The sentence's own figure meant over that denominator: the one whose ratio comes nearest.
    const [own] = closestRatio(
      numerators.filter((q) => q !== d),
      [d],
      figureValue(stated),
    ) ?? [subject];
    return {
      ...common,
      figures: [statedText, own.text, n.text, d.text],
      code: "DOC_RATE_OTHER_RATIO",
      params: {
        stated: statedText,
        numerator: n.text,
        denominator: d.text,
        figure: own.text,
        actual: own.value / d.value,
      },
    };
  }
  const closest = closestRatio(numerators, denominators, figureValue(stated));
  return {
    ...common,
    figures: [statedText, ...(closest ? [closest[0].text, closest[1].text] : [subject.text])],
    code: closest ? "DOC_RATE_NO_RATIO" : "DOC_RATE_NO_FIGURES",
    params: closest
      ? {
          stated: statedText,
          figure: closest[0].text,
          denominator: closest[1].text,
          actual: closest[0].value / closest[1].value,
        }
      : { stated: statedText, figure: subject.text },
  };
}

/** The ratio of the sentence's figures to those before that comes nearest the stated rate: the likeliest intent. */
function closestRatio(numerators: Quantity[], denominators: Quantity[], stated: number): [Quantity, Quantity] | undefined {
  let best: [Quantity, Quantity] | undefined;
  let distance = Infinity;
  for (const n of numerators)
    for (const d of denominators) {
      if (d === n || d.value === 0) continue;
      const gap = Math.abs((n.value / d.value) * 100 - stated);
      if (gap <= distance) [best, distance] = [[n, d], gap];
    }
  return best;
}
