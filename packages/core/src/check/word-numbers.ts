import { isNumberWord, parseNumberWords } from "./number-words.ts";

/**
 * Numbers a sentence writes only in words (« quatorze activités sur
 * vingt-deux »), for the rates, with where they end. « un » and « une » alone
 * are left out: they are articles far more often than counts. Words followed by
 * their figure in parentheses are left to the figure.
 */
export function numbersInWords(text: string): { written: string; value: number; end: number }[] {
  const numbers: { written: string; value: number; end: number }[] = [];
  const runs = text.matchAll(/[A-Za-zÀ-ÖØ-öø-ÿœŒ]+(?:(?:\s+|\s*-\s*)[A-Za-zÀ-ÖØ-öø-ÿœŒ]+)*/g);
  for (const run of runs) {
    let current: string[] = [];
    let end = run.index ?? 0;
    const flush = () => {
      while (current[0] === "et") current = current.slice(1);
      const value = current.length > 0 ? parseNumberWords(current) : null;
      const hasFigure = /^[^\p{L}\d]{0,3}\(\s*\d/u.test(text.slice(end));
      if (value !== null && value >= 2 && !hasFigure) numbers.push({ written: current.join(" "), value, end });
      current = [];
    };
    for (const word of run[0].matchAll(/[^\s-]+/g)) {
      if (isNumberWord(word[0])) {
        current.push(word[0].toLowerCase());
        end = (run.index ?? 0) + (word.index ?? 0) + word[0].length;
      } else flush();
    }
    flush();
  }
  return numbers;
}
