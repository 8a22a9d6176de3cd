import { describe, expect, it } from "vitest";
import type * as api from "../api/index.ts";
import { checkDocument } from "../check/index.ts";
import { breakdownOf, type Dimension } from "../indicators/disaggregation.ts";
import { type ReportBlock, reportTables, reportText } from "./document.ts";
import { type PbfProgressData, pbfProgressDocument } from "./pbf-progress.ts";

const NBSP = "\u00a0";

/** An indicator as the list gives it: only what the report reads is set apart from defaults. */
function indicator(fields: {
  code: string;
  name: string;
  baseline?: string | null;
  target?: string | null;
  milestone?: { year: number; value: string; comment?: string } | null;
  current?: string | null;
  breakdown?: Record<string, string>;
  dimensions?: Dimension[];
  achievement?: string | null;
  reason?: string | null;
}): api.Indicator {
  const current = fields.current ?? null;
  const dimensions = fields.dimensions ?? [];
  const milestone = fields.milestone ?? null;
  return {
    id: `id-${fields.code}`,
    projectId: "project",
    resultNodeId: null,
    nodeCode: null,
    libraryIndicatorId: null,
    code: fields.code,
    name: fields.name,
    level: "output",
    measure: "number",
    unit: null,
    direction: "increase",
    cumulative: false,
    definition: null,
    calculationMethod: null,
    dataSource: null,
    verificationMeans: null,
    collectionFrequency: null,
    responsible: null,
    dimensions,
    baselineValue: fields.baseline ?? null,
    baselineDate: null,
    baselineSource: null,
    endTarget: fields.target ?? null,
    endTargetComment: null,
    endTargetBreakdown: {},
    targets: milestone
      ? [{ year: milestone.year, period: "Y", value: milestone.value, breakdown: {}, comment: milestone.comment ?? null }]
      : [],
    latestValue:
      current === null
        ? null
        : {
            id: `value-${fields.code}`,
            indicatorId: `id-${fields.code}`,
            year: 2020,
            period: "Y",
            value: current,
            textValue: null,
            breakdown: fields.breakdown ?? {},
            comment: null,
            varianceReason: fields.reason ?? null,
            status: "validated",
            reviewComment: null,
            enteredByName: null,
            enteredAt: "2020-11-30T00:00:00.000Z",
            reviewedByName: null,
            reviewedAt: null,
            documents: [],
            version: 1,
          },
    pendingValue: null,
    periodValue: null,
    progress: {
      asOf: current === null ? null : { year: 2020, period: "Y" },
      current,
      achievement: fields.achievement ?? null,
      achievementNote: null,
      milestone: milestone ? { year: milestone.year, period: "Y", value: milestone.value } : null,
      milestoneProgress: null,
      status: current === null ? "no_data" : "on_track",
      // What the server's presenter gives: core's reading of the breakdown.
      breakdown: breakdownOf("number", current, fields.breakdown ?? {}, dimensions, ["Mopti", "Ségou"]),
    },
    position: 0,
    version: 1,
  };
}

const trained = indicator({
  code: "1.1.1",
  name: "Nombre des personnes formées désagrégé par sexe et par âge",
  baseline: "0",
  target: "30",
  milestone: { year: 2020, value: "15", comment: "Cet indicateur sera atteint au cours de 2021" },
  current: "15",
  breakdown: { "sex:women": "6" },
  dimensions: ["sex", "age"],
  achievement: "50.00",
  reason: "Les activités de regroupement ont été reportées suite aux instructions gouvernementales",
});
const meetings = indicator({
  code: "1.2.1",
  name: "Nombre de réunions tenues",
  baseline: "0",
  target: "24",
  milestone: { year: 2020, value: "12" },
  current: "9",
  breakdown: { "location:Mopti": "5", "location:Ségou": "4" },
  dimensions: ["location"],
  achievement: "37.50",
});
const matrix = indicator({
  code: "1.1",
  name: "Existence d'une matrice de cohérence des actions de consolidation de la paix",
  baseline: "0",
  target: "1",
  milestone: { year: 2020, value: "1" },
  current: "1",
  achievement: "100.00",
});
const surveys = indicator({ code: "2.1", name: "Nombre de sondages organisés", baseline: "0", target: "4" });

const data: PbfProgressData = {
  template: "pbf-progress",
  project: {
    code: "PBF/MLI/A-2",
    title: "Appui au nouveau cadre politique de gestion de la crise du centre (Mopti et Ségou)",
    organisationName: "Secrétariat permanent du cadre politique de gestion de la crise au centre",
    currency: "USD",
    levelLabels: ["Résultat", "Produit"],
    country: "Mali",
    recipientAgencies: ["Programme des Nations Unies pour le développement – Mali"],
    startDate: "2020-01-01",
    endDate: "2021-12-31",
    genderMarker: "GEN1",
    riskMarker: "2",
  },
  year: 2020,
  period: "annual",
  outcomes: [
    {
      code: "1",
      title: "Les instances de pilotage de la consolidation de la paix sont fonctionnelles",
      indicators: [matrix],
      outputs: [
        { code: "1.1", title: "Le Secrétariat permanent est renforcé", indicators: [trained] },
        { code: "1.2", title: "Les comités régionaux sont installés", indicators: [meetings] },
      ],
    },
    { code: "2", title: "Les citoyens adhèrent aux mécanismes de gestion de la crise", indicators: [surveys], outputs: [] },
  ],
  unplaced: [],
};

const narrative: Record<string, string> = {
  preparedBy: "Aminata Traoré",
  approvedBy: "Seydou Konaté",
  approvedBudget: "1498000",
  expenditure: "554260",
  genderBudgetAllocated: "324547",
  genderBudgetSpent: "86645",
  overallProgress: "Les comités régionaux de Mopti et Ségou sont opérationnels.",
  "outcomeSummary.1": "Le secrétariat permanent a été doté des équipements nécessaires.",
  "outcomeGender.1": "Les comités comptent au moins 30 % de femmes.",
  "outcomeSummary.2": "Les radios communautaires ont été identifiées.",
  monitoring: "Tenue du comité de coordination technique.",
};

const fieldsOf = (blocks: ReportBlock[]) =>
  new Map(blocks.flatMap((b) => (b.kind === "fields" ? b.rows : [])).map(([label, value]) => [label, value]));

describe("the PBF progress report", () => {
  const document = pbfProgressDocument(data, narrative, "fr");
  const [front, annex] = document.sections;
  const fields = fieldsOf(front!.blocks);
  const [table] = reportTables(document);
  const rowOf = (code: string) =>
    table!.rows.find(
      (r) =>
        r.cells[0] === `Indicateur ${code} : ${[trained, meetings, matrix, surveys].find((i) => i.code === code)!.name}`,
    );

  it("opens with the project's identity, markers and who prepared it", () => {
    expect(front!.blocks[0]).toEqual({ kind: "title", text: "Rapport de progrès de projet PBF" });
    expect(fields.get("Pays")).toBe("Mali");
    expect(fields.get("Type de rapport")).toBe("Annuel (novembre)");
    expect(fields.get("Numéro du projet / MPTF Gateway")).toBe("PBF/MLI/A-2");
    expect(fields.get("Agences récipiendaires")).toBe("Programme des Nations Unies pour le développement – Mali");
    expect(fields.get("Date de fin de projet")).toBe(`31${NBSP}décembre${NBSP}2021`);
    expect(fields.get("Marqueur de genre du projet")).toBe("GEN1");
    expect(fields.get("Marqueur de risque du projet")).toBe("2");
    expect(fields.get("Rapport préparé par")).toBe("Aminata Traoré");
    expect(document.fileStem).toBe("PBF_MLI_A-2-rapport-pbf-2020-annual");
  });

  it("states the budget, the gender budget and the implementation rate: expenditure ÷ approved budget, exactly", () => {
    expect(fields.get("Budget PBF total approuvé")).toBe(`1${NBSP}498${NBSP}000,00${NBSP}$US`);
    expect(fields.get("Dépenses à ce jour")).toBe(`554${NBSP}260,00${NBSP}$US`);
    // 554 260 ÷ 1 498 000 = 0,369999…: 37,00 %.
    expect(fields.get("Taux de mise en œuvre (dépenses ÷ budget approuvé)")).toBe(`37,00${NBSP}%`);
    expect(fields.get("Budget alloué aux activités dédiées à l'égalité des sexes ou à l'autonomisation des femmes")).toBe(
      `324${NBSP}547,00${NBSP}$US`,
    );
    expect(fields.get("Budget dépensé à ce jour pour ces activités")).toBe(`86${NBSP}645,00${NBSP}$US`);
  });

  it("invents no rate when a budget figure is missing, zero or not an amount", () => {
    const rate = (values: Record<string, string>) =>
      fieldsOf(pbfProgressDocument(data, { ...narrative, ...values }, "fr").sections[0]!.blocks).get(
        "Taux de mise en œuvre (dépenses ÷ budget approuvé)",
      );
    expect(rate({ expenditure: "" })).toBe("non renseigné");
    expect(rate({ approvedBudget: "   " })).toBe("non renseigné");
    expect(rate({ approvedBudget: "0" })).toBe("non renseigné");
    expect(rate({ approvedBudget: "environ un million" })).toBe("non renseigné");
    const { approvedBudget: _a, expenditure: _e, ...without } = narrative;
    const missing = fieldsOf(pbfProgressDocument(data, without, "fr").sections[0]!.blocks);
    expect(missing.get("Budget PBF total approuvé")).toBe("non renseigné");
    expect(missing.get("Dépenses à ce jour")).toBe("non renseigné");
  });

  it("places each narrative under its part, with the form's question as its label", () => {
    const order = front!.blocks.map((b) =>
      b.kind === "heading" ? `# ${b.text}` : b.kind === "narrative" ? `${b.field}: ${b.label}` : b.kind,
    );
    const at = (entry: string) => {
      const i = order.findIndex((o) => o.startsWith(entry));
      expect(i, entry).toBeGreaterThanOrEqual(0);
      return i;
    };
    expect(at("# Partie I")).toBeLessThan(at("overallProgress: Expliquer brièvement l'état global"));
    expect(at("overallProgress")).toBeLessThan(at("# Partie II"));
    expect(at("# Partie II")).toBeLessThan(at("# Résultat 1 : Les instances de pilotage"));
    expect(at("# Résultat 1")).toBeLessThan(at("outcomeSummary.1: Résumé de progrès"));
    expect(at("outcomeSummary.1")).toBeLessThan(at("outcomeGender.1: Indiquez toute analyse supplémentaire"));
    expect(at("outcomeGender.1")).toBeLessThan(at("# Résultat 2"));
    expect(at("# Résultat 2")).toBeLessThan(at("outcomeSummary.2"));
    expect(at("outcomeSummary.2")).toBeLessThan(at("# Partie III"));
    expect(at("# Partie III")).toBeLessThan(at("monitoring: Suivi : indiquez les activités de suivi"));
    // Questions left unanswered are left out.
    expect(order.some((o) => o.startsWith("humanImpact") || o.startsWith("outcomeGender.2"))).toBe(false);
    const summary = front!.blocks.find((b) => b.kind === "narrative" && b.field === "outcomeSummary.1");
    expect(summary).toMatchObject({ text: "Le secrétariat permanent a été doté des équipements nécessaires." });
  });

  it("puts the indicator table in a landscape section, in the PBF's columns, grouped by outcome and output", () => {
    expect(annex!.landscape).toBe(true);
    expect(annex!.blocks[0]).toEqual({
      kind: "heading",
      level: 1,
      text: "Partie IV : Évaluation de la performance du projet sur la base des indicateurs",
    });
    expect(table!.columns.map((c) => c.header)).toEqual([
      "Indicateurs",
      "Base de référence",
      "Cible de fin de projet",
      "Étape d'indicateur (jalon)",
      "Progrès actuel de l'indicateur",
      "Raisons des retards ou changements",
    ]);
    expect(table!.columns.reduce((sum, c) => sum + c.width, 0)).toBe(100);
    const outline = table!.rows.map((r) =>
      r.style === "group" ? String(r.cells[0]).split(" :")[0] : String(r.cells[0]).split(" :")[0],
    );
    expect(outline).toEqual([
      "Résultat 1",
      "Indicateur 1.1",
      "Produit 1.1",
      "Indicateur 1.1.1",
      "Produit 1.2",
      "Indicateur 1.2.1",
      "Résultat 2",
      "Indicateur 2.1",
    ]);
    expect(table!.rows.filter((r) => r.style === "group").every((r) => r.span === 6)).toBe(true);
  });

  it("reads 1.1.1 as the sample does: 0, 30, 15 due this year, « 15 dont 6 femmes », its achievement and reason", () => {
    const row = rowOf("1.1.1")!;
    expect(row.cells[1]).toEqual({ text: "0", value: "0", kind: "number" });
    expect(row.cells[2]).toEqual({ text: "30", value: "30", kind: "number" });
    expect(row.cells[3]).toBe("15 (Cet indicateur sera atteint au cours de 2021)");
    expect(row.cells[4]).toBe(`15 dont 6 femmes (atteinte : 50,00${NBSP}%)`);
    expect(row.cells[5]).toBe("Les activités de regroupement ont été reportées suite aux instructions gouvernementales");
  });

  it("writes places with their capital, and leaves a value not yet measured blank", () => {
    expect(rowOf("1.2.1")!.cells[4]).toBe(`9 dont 5 à Mopti, 4 à Ségou (atteinte : 37,50${NBSP}%)`);
    expect(rowOf("1.2.1")!.cells[3]).toEqual({ text: "12", value: "12", kind: "number" });
    expect(rowOf("2.1")!.cells.slice(3)).toEqual(["", "", ""]);
  });

  it("speaks English on request: « 15 of which 6 women »", () => {
    const english = pbfProgressDocument(data, narrative, "en");
    const row = reportTables(english)[0]!.rows.find((r) => String(r.cells[0]).startsWith("Indicator 1.1.1:"));
    expect(row!.cells[4]).toBe("15 of which 6 women (achievement: 50.00%)");
    expect(fieldsOf(english.sections[0]!.blocks).get("Implementation rate (expenditure ÷ approved budget)")).toBe("37.00%");
  });

  it("holds no slip between its words and its figures, in either language", () => {
    expect(checkDocument(reportText(document))).toEqual([]);
    expect(checkDocument(reportText(pbfProgressDocument(data, narrative, "en")))).toEqual([]);
    expect(checkDocument(reportText(pbfProgressDocument(data, {}, "fr")))).toEqual([]);
    // The checker reads the report whole: a slip a writer adds is found.
    const slip = { ...narrative, monitoring: "Sur 24 réunions prévues, 9 ont été tenues, soit 40 %." };
    expect(checkDocument(reportText(pbfProgressDocument(data, slip, "fr"))).map((f) => f.kind)).toEqual(["rate_mismatch"]);
  });
});
