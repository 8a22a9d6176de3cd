// The results-table reader against many layouts of one framework: columns in
// any order, French or English headers, a label column of its own or not, a
// tab-separated paste or a table copied out of Word (one cell per line).
import { describe, expect, it } from "vitest";
import { pasteToRows, readResultsPaste, readResultsRows } from "./table.ts";

interface ModelIndicator {
  code: string;
  name: string;
  cells: Record<"baseline" | "target" | "milestone" | "current" | "reason", string>;
}
const model: { code: string; title: string; kind: "Résultat" | "Produit"; indicators: ModelIndicator[] }[] = [
  {
    code: "1",
    title: "Les comités régionaux sont fonctionnels",
    kind: "Résultat",
    indicators: [
      {
        code: "1.1",
        name: "Existence d'une matrice de cohérence",
        cells: { baseline: "0", target: "1", milestone: "1", current: "1", reason: "" },
      },
    ],
  },
  {
    code: "1.1",
    title: "Le secrétariat est renforcé",
    kind: "Produit",
    indicators: [
      {
        code: "1.1.1",
        name: "Nombre de personnes formées désagrégé par sexe",
        cells: {
          baseline: "0",
          target: "30",
          milestone: "15. Sera atteint au cours de 2021",
          current: "15 dont 6 femmes",
          reason: "Regroupements reportés",
        },
      },
      {
        code: "1.1.2",
        name: "Nombre de réunions tenues",
        cells: {
          baseline: "0",
          target: "24",
          milestone: "Les réunions se poursuivront",
          current: "9",
          reason: "\u2002\u2002\u2002",
        },
      },
    ],
  },
  {
    code: "2",
    title: "Les perceptions négatives sont réduites",
    kind: "Résultat",
    indicators: [
      {
        code: "2.1",
        name: "Réduction des perceptions négatives",
        cells: { baseline: "10%", target: "50%", milestone: "50 au cours de 2021", current: "", reason: "Enquête en 2021" },
      },
    ],
  },
];

const HEADERS = {
  fr: {
    indicator: "Indicateurs",
    baseline: "Base de référence",
    target: "Cible de fin de projet",
    milestone: "Etapes d'indicateur/ Milestone",
    current: "Progrès actuel de l'indicateur",
    reason: "Raisons pour les retards ou changements",
  },
  en: {
    indicator: "Indicators",
    baseline: "Baseline",
    target: "End of project target",
    milestone: "Indicator milestone",
    current: "Current indicator progress",
    reason: "Reasons for variance/ delay",
  },
};
type Column = keyof (typeof HEADERS)["fr"];

function seeded(seed: number) {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

function tsv(random: () => number): string {
  const lang = random() < 0.5 ? "fr" : "en";
  const values: Column[] = ["baseline", "target", "milestone", "current", "reason"];
  values.sort(() => random() - 0.5);
  const ownLabelColumn = random() < 0.5;
  const columns: (Column | "label" | "blank")[] = [...(ownLabelColumn ? ["label" as const] : []), "indicator", ...values];
  if (random() < 0.3) columns.push("blank");
  const lines = [columns.map((c) => (c === "label" || c === "blank" ? "" : HEADERS[lang][c])).join("\t")];
  for (const node of model) {
    const title = `${node.kind} ${node.code} : ${node.title}`;
    lines.push(columns.map((c) => (c === (ownLabelColumn ? "label" : "indicator") ? title : "")).join("\t"));
    for (const ind of node.indicators) {
      lines.push(
        columns
          .map((c) =>
            c === "label"
              ? `Indicateur ${ind.code}`
              : c === "indicator"
                ? ownLabelColumn
                  ? ind.name
                  : `Indicateur ${ind.code} : ${ind.name}`
                : c === "blank"
                  ? ""
                  : ind.cells[c],
          )
          .join("\t"),
      );
    }
  }
  return lines.join(random() < 0.5 ? "\n" : "\r\n");
}

/** A Word table pasted as text: each cell on a line after a tab, titles on the lines after their label. */
function wordPaste(): string {
  const out = ["\t", ...Object.values(HEADERS.fr).map((h) => `\t${h}`), ""];
  for (const node of model) {
    out.push(`\t${node.kind} ${node.code}`, "", node.title);
    for (const ind of node.indicators) {
      out.push(`\tIndicateur ${ind.code}`, ind.name);
      for (const c of ["baseline", "target", "milestone", "current", "reason"] as const) out.push(`\t${ind.cells[c]}`);
      out.push("", "\t");
    }
  }
  return out.join("\n");
}

function expectModel(text: string) {
  const read = readResultsPaste(text, 2020);
  expect(read.findings).toEqual([]);
  expect(read.nodes.map((n) => [n.code, n.title, n.level])).toEqual(
    model.map((n) => [n.code, n.title, n.kind === "Résultat" ? "outcome" : "output"]),
  );
  expect(read.indicators.map((i) => i.code)).toEqual(model.flatMap((n) => n.indicators.map((i) => i.code)));
  const [a, b, c, d] = read.indicators;
  expect(a).toMatchObject({
    name: "Existence d'une matrice de cohérence",
    level: "outcome",
    nodeCode: "1",
    baseline: "0",
    endTarget: "1",
    reason: null,
  });
  expect(b).toMatchObject({
    nodeCode: "1.1",
    level: "output",
    dimensions: ["sex"],
    endTarget: "30",
    milestone: { year: 2020, value: "15", comment: "Sera atteint au cours de 2021" },
    current: { value: "15", breakdown: { "sex:women": "6" } },
    reason: "Regroupements reportés",
  });
  expect(c).toMatchObject({
    milestone: { value: null, comment: "Les réunions se poursuivront" },
    current: { value: "9" },
    reason: null,
  });
  expect(d).toMatchObject({
    measure: "percentage",
    baseline: "10",
    endTarget: "50",
    milestone: { year: 2021, value: "50" },
    current: null,
  });
}

describe("readResultsPaste", () => {
  it("reads a table copied out of Word", () => expectModel(wordPaste()));

  it("reads 200 tab-separated layouts of the same framework", () => {
    const random = seeded(Number(process.env.BAARA_CORPUS_SEED ?? 7));
    for (let i = 0; i < 200; i++) {
      const text = tsv(random);
      try {
        expectModel(text);
      } catch (error) {
        throw new Error(`layout ${i}:\n${text}\n${String(error)}`);
      }
    }
  });

  it("says when no header names the columns, and skips placeholder rows", () => {
    expect(readResultsPaste("a\tb\tc\n1\t2\t3", 2020).findings).toEqual([
      { kind: "NO_HEADER", row: 1, column: null, text: "" },
    ]);
    const rows = pasteToRows(
      `Indicateurs\tBase\tCible\tProgrès actuel\nIndicateur 1.3\t\u2002\t\t\nIndicateur 1.4 : Taux\tn.d.\t10\t2`,
    );
    const read = readResultsRows(rows, 2020);
    expect(read.findings.map((f) => f.kind)).toEqual(["EMPTY_INDICATOR", "NOT_A_FIGURE", "NO_RESULT"]);
    expect(read.indicators[0]).toMatchObject({
      code: "1.4",
      baseline: null,
      baselineComment: "n.d.",
      current: { value: "2" },
    });
  });
});

describe("readResultsRows on clumsy tables", () => {
  it("skips codes and names longer than the fields take, says when no indicator is there, reads long tables in linear time", () => {
    const long = readResultsRows([["Indicateurs", "Base", "Cible", "Progrès actuel"], [`Indicateur ${"1.".repeat(40)}1 x`, "0", "1", "1"]], 2020);
    expect(long.findings.map((f) => f.kind)).toEqual(["TOO_LONG"]);
    expect(readResultsRows([["Indicateurs", "Base", "Cible", "Progrès actuel"]], 2020).findings.map((f) => f.kind)).toEqual(["NO_INDICATOR"]);
    const table = (n: number) => [["Indicateurs", "Base", "Cible", "Progrès actuel"], ["Résultat 1 r"], ...Array.from({ length: n }, () => ["Indicateur 1.1 a", "0", "1", "1"])];
    const timed = (n: number) => {
      const started = performance.now();
      const read = readResultsRows(table(n), 2020);
      return { read, ms: performance.now() - started };
    };
    // Ten times the rows takes about ten times as long (a quadratic reading would take a hundred): a ratio measured in
    // one run, so that a loaded machine slows both alike.
    const small = timed(6_000);
    const large = timed(60_000);
    expect(small.read.findings).toHaveLength(5_999);
    expect(large.read.findings).toHaveLength(59_999);
    expect(large.ms).toBeLessThan(35 * small.ms + 200);
  });

  it("takes « Oui »/« Non » beside other figures as a number unless they are 0 and 1", () => {
    const rows = (target: string) => [["Indicateurs", "Base", "Cible", "Progrès actuel"], ["Indicateur 1.1 Plan adopté", "Non", target, "Oui"]];
    expect(readResultsRows(rows("1"), 2020).indicators[0]!.measure).toBe("yes_no");
    expect(readResultsRows(rows("10"), 2020).indicators[0]!.measure).toBe("number");
  });
});
