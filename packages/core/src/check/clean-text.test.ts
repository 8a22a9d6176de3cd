import { describe, expect, it } from "vitest";
import { formatNumber, formatPercent } from "../format.ts";
import { amountInWords, amountInWordsWithCurrency, type FrenchSpelling } from "../words.ts";
import { checkDocument } from "./index.ts";

/** A seeded generator, so a failure names a variant that can be replayed. */
function random(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % below;
  };
}

// Amounts of every size, from a few francs to hundreds of billions.
const amount = (next: (n: number) => number) => 1 + next(10 ** (1 + next(11)));

// The ways reports group digits: non-breaking spaces (as Baara formats), spaces, dots.
const GROUPINGS = [
  (n: number) => formatNumber(n, "fr"),
  (n: number) => formatNumber(n, "fr").replace(/\u00a0/g, " "),
  (n: number) => formatNumber(n, "fr").replace(/\u00a0/g, "."),
];

interface Variant {
  text: string;
  /** The same report with one slip of each kind. */
  slips: { words: string; rate: string; sum: string; cents: string };
}

function report(seed: number): Variant {
  const next = random(seed);
  const spelling: FrenchSpelling = next(2) === 0 ? "traditional" : "1990";
  const figure = GROUPINGS[next(GROUPINGS.length)] as (n: number) => string;
  const words = (n: number) => amountInWords(n, "fr", spelling);
  const credit = amount(next) + 1;
  const bsi = 1 + next(credit - 1);
  const operating = credit - bsi;
  const committed = 1 + next(credit);
  const parts = [amount(next), amount(next), amount(next)];
  const total = parts.reduce((a, b) => a + b, 0);
  const planned = 2 + next(60);
  const done = 1 + next(planned);
  const donorCurrency = next(2) === 0 ? "USD" : "EUR";
  // Always some cents, so that every variant checks the cents written in words.
  const grant = next(10 ** (1 + next(10))) * 100 + 1 + next(99);
  const rate = (part: number, whole: number) => formatPercent(part / whole, "fr");
  const withCents = (minor: number) => `${figure(Math.floor(minor / 100))},${String(minor % 100).padStart(2, "0")}`;
  const sentences = (wrongWords: number, wrongRate: string, wrongTotal: number, wrongGrant = grant) => [
    `Le crédit de paiement s'élevait à ${words(wrongWords)} (${figure(credit)}) francs CFA, dont ${words(bsi)} (${figure(bsi)}) francs CFA pour le BSI et ${amountInWordsWithCurrency(operating, "XOF", "fr", spelling)} (${figure(operating)}) pour le fonctionnement.`,
    `Le crédit engagé est de ${words(committed)} (${figure(committed)}) francs CFA au 31 décembre 2023, soit un taux d'engagement de ${wrongRate}.`,
    `Les ateliers ont coûté ${figure(parts[0] ?? 0)} F CFA, les missions ${figure(parts[1] ?? 0)} F CFA et le matériel ${figure(parts[2] ?? 0)} F CFA, soit un total de ${figure(wrongTotal)} F CFA.`,
    `Le bailleur a versé ${amountInWordsWithCurrency(grant, donorCurrency, "fr", spelling)} (${withCents(wrongGrant)}).`,
    `La Cellule a réalisé ${words(done)} (${done}) activités sur les ${words(planned)} (${planned}) programmées en 2023, soit ${rate(done, planned)}.`,
  ];
  const clean = sentences(credit, rate(committed, credit), total).join("\n");
  // A wrong rate that no two figures before it happen to give (1 ÷ 299 is 0,33 % too).
  const figures = [credit, bsi, operating, committed];
  const givenByFigures = (percent: number) =>
    figures.some((a, i) => figures.some((b, j) => i !== j && Math.abs((a / b) * 100 - percent) <= 0.005));
  let wrong = Math.round((committed / credit) * 10_000) / 100;
  do wrong += 0.01 * (1 + next(50));
  while (givenByFigures(wrong));
  const wrongRate = formatPercent(wrong / 100, "fr");
  return {
    text: clean,
    slips: {
      words: sentences(credit + 10 ** next(String(credit).length), rate(committed, credit), total).join("\n"),
      rate: sentences(credit, wrongRate, total).join("\n"),
      sum: sentences(credit, rate(committed, credit), total + 1 + next(1000)).join("\n"),
      cents: sentences(credit, rate(committed, credit), total, grant + 1 + next(98)).join("\n"),
    },
  };
}

const VARIANTS = Array.from({ length: 400 }, (_, seed) => ({ seed, ...report(seed + 1) }));

describe("a clean report", () => {
  it("yields no finding, whatever the amounts, the spelling or the grouping of digits", () => {
    const noisy = VARIANTS.map((v) => ({ seed: v.seed, findings: checkDocument(v.text) })).filter(
      (v) => v.findings.length > 0,
    );
    expect(noisy.slice(0, 3)).toEqual([]);
  });

  it("yields exactly the slip put into it", () => {
    for (const variant of VARIANTS) {
      const kinds = (text: string) => checkDocument(text).map((f) => `${f.kind}:${f.severity}`);
      expect(kinds(variant.slips.words), `seed ${variant.seed}`).toEqual(["words_figure_mismatch:error"]);
      expect(kinds(variant.slips.rate), `seed ${variant.seed}`).toEqual(["rate_mismatch:error"]);
      expect(kinds(variant.slips.sum), `seed ${variant.seed}`).toEqual(["sum_mismatch:error"]);
      expect(kinds(variant.slips.cents), `seed ${variant.seed}`).toEqual(["words_figure_mismatch:error"]);
    }
  });
});
