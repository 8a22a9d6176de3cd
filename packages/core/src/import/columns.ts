// Finds the header row(s) of a work-plan sheet and maps its columns to plan
// fields, from French and English names.
import { type CellValue, cellText, type Grid, normalise } from "./grid.ts";

export const COLUMN_FIELDS = [
  "objective",
  "result",
  "code",
  "activity",
  "indicator",
  "deadline",
  "quantity",
  "unit",
  "unitCost",
  "percent",
  "amount",
  "responsible",
  "comments",
  "fundCode",
  "budgetDescription",
  "lineDescription",
] as const;
export type ColumnField = (typeof COLUMN_FIELDS)[number];

/** Field per column; months and quarters as their own kinds. */
export type ColumnRole =
  | { kind: "field"; field: ColumnField }
  | { kind: "month"; month: number }
  | { kind: "quarter"; quarter: 1 | 2 | 3 | 4 }
  | { kind: "ignored" };

export interface ColumnMapping {
  headerRows: number[];
  /** Header text per column, both header rows joined. */
  headers: string[];
  roles: ColumnRole[];
  /** Multiplier of each money column: 1000 under "(Milliers de F.CFA)". */
  scales: number[];
  /** Currency named by the headers, if any. */
  currencyHint: "XOF" | "USD" | "EUR" | null;
  /**
   * The first few different texts under each header (SAMPLES_PER_COLUMN, each cut to SAMPLE_LENGTH), so that a
   * person choosing a column's meaning sees what it holds. Absent from imports read before it existed.
   */
  samples?: string[][];
}

export const SAMPLES_PER_COLUMN = 3;
export const SAMPLE_LENGTH = 60;
/** Rows looked at for samples: enough to pass a title block or a sparse column, bounded for a 40 000-row sheet. */
const SAMPLE_ROWS = 300;

/**
 * Header texts of real templates per field, normalised (lower case, no accents). A header maps to the field
 * of its longest phrase found at its start ("Budget Description" is an account, "Budget" an amount), or of a
 * phrase of several words found further on outside parentheses ("Total planned budget"); `exact` fields take
 * the whole header only ("Code", but not "Code budgétaire").
 */
const SYNONYMS: { field: ColumnField; phrases: string[]; exact?: boolean }[] = [
  { field: "lineDescription", phrases: ["libelle de la ligne", "ligne budgetaire", "detail de la ligne", "budget line", "line item"] },
  {
    field: "budgetDescription",
    phrases: ["budget description", "description budgetaire", "compte", "account", "imputation", "nature de la depense",
      "nature de depense", "nature des depenses", "rubrique budgetaire"],
  },
  {
    field: "fundCode",
    phrases: ["donor", "code bailleur", "bailleur", "bailleurs", "fund", "funds", "source de financement", "sources de financement",
      "financement", "source of funds", "source of funding", "funding source"],
  },
  { field: "unitCost", phrases: ["pu", "p.u", "p.u.", "prix unitaire", "cout unitaire", "unit cost", "unit price", "couts unitaires"] },
  { field: "quantity", phrases: ["qte", "qt", "quantite", "qty", "quantity", "nombre", "nbre"] },
  { field: "percent", phrases: ["%"], exact: true },
  { field: "unit", phrases: ["unite", "unit", "unites", "units", "unite de mesure"], exact: true },
  {
    field: "deadline",
    phrases: ["date limite", "deadline", "echeance", "delai", "date de realisation", "periode", "periode d'execution", "timeline",
      "due date", "date d'execution"],
  },
  {
    field: "indicator",
    phrases: ["indicateur", "indicateurs", "expected output", "expected outputs", "output indicator", "output indicators",
      "resultat attendu", "resultats attendus", "produit attendu", "produits attendus", "indicators", "indicator"],
  },
  {
    field: "objective",
    phrases: ["objectif", "objectifs", "objectif specifique", "objectifs specifiques", "axe", "axes", "composante", "composantes",
      "outcome", "outcomes"],
    exact: true,
  },
  { field: "result", phrases: ["resultat", "resultats", "produit", "produits", "output", "outputs"], exact: true },
  {
    field: "activity",
    phrases: ["activite", "activites", "activities", "activity", "planned activities", "description des activites", "action", "actions",
      "activites prevues", "activites programmees"],
  },
  { field: "code", phrases: ["code", "n°", "no", "no.", "ref", "ref.", "reference", "num", "n° d'ordre"], exact: true },
  {
    field: "amount",
    phrases: ["budget", "montant", "cout", "couts", "total", "amount", "cost", "planned budget", "budget prevu", "montant prevu",
      "cout total", "montant total", "total budget", "budget total", "total amount"],
  },
  {
    field: "responsible",
    phrases: ["responsable", "responsables", "partenaire", "partenaires", "responsible", "responsible party", "responsible parties",
      "implementing partner", "implementing partners", "structure responsable", "structures responsables", "acteur", "acteurs"],
  },
  { field: "comments", phrases: ["commentaire", "commentaires", "observation", "observations", "comment", "comments", "remarque",
    "remarques", "note", "notes"] },
];

/** Where `phrase` starts in `text` as whole words, or -1. */
function wordIndex(text: string, phrase: string): number {
  let at = text.indexOf(phrase);
  while (at >= 0) {
    const before = at === 0 ? " " : (text[at - 1] ?? " ");
    const after = text[at + phrase.length] ?? " ";
    if (!/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after)) return at;
    at = text.indexOf(phrase, at + 1);
  }
  return -1;
}

function headerScore(text: string, phrase: string, exact: boolean): number {
  const bare = text.replace(/[\s.:;*]+$/, "");
  if (bare === phrase || text === phrase) return 3000 + phrase.length;
  if (exact) return 0;
  const at = wordIndex(text, phrase);
  if (at === 0) return 2000 + phrase.length;
  const inParentheses = at > 0 && text.lastIndexOf("(", at) > text.lastIndexOf(")", at);
  if (at > 0 && !inParentheses && phrase.includes(" ")) return 1000 + phrase.length;
  return 0;
}

const MONTHS: RegExp[] = [
  /^(j|jan|janv|janvier|january)\.?$/,
  /^(f|fev|fevr|fevrier|feb|february)\.?$/,
  /^(m|mar|mars|march)\.?$/,
  /^(a|avr|avril|apr|april)\.?$/,
  /^(m|mai|may)\.?$/,
  /^(j|jun|juin|june)\.?$/,
  /^(j|jul|juil|juillet|july)\.?$/,
  /^(a|aou|aout|aug|august)\.?$/,
  /^(s|sep|sept|septembre|september)\.?$/,
  /^(o|oct|octobre|october)\.?$/,
  /^(n|nov|novembre|november)\.?$/,
  /^(d|dec|decembre|december)\.?$/,
];
const QUARTER = /^(q|t|trim\.?|trimestre|quarter)\s*([1-4])$|^([1-4])(er|e|eme|st|nd|rd|th)? (trimestre|quarter)$/;

export function fieldOfHeader(header: string): ColumnField | null {
  const text = normalise(header);
  if (!text) return null;
  let best: { field: ColumnField; score: number } | null = null;
  for (const { field, phrases, exact } of SYNONYMS) {
    for (const phrase of phrases) {
      const score = headerScore(text, phrase, exact ?? false);
      if (score > (best?.score ?? 0)) best = { field, score };
    }
  }
  return best?.field ?? null;
}

function quarterOfHeader(header: string): 1 | 2 | 3 | 4 | null {
  const match = QUARTER.exec(normalise(header));
  if (!match) return null;
  return Number(match[2] ?? match[3]) as 1 | 2 | 3 | 4;
}

/** Index of the first of 12 consecutive month headers (J F M A M J J A S O N D …), or -1. */
function monthRunStart(cells: string[]): number {
  for (let start = 0; start + 12 <= cells.length; start++) {
    if (MONTHS.every((pattern, i) => pattern.test(normalise(cells[start + i] ?? "")))) return start;
  }
  return -1;
}

function isSubHeaderRow(cells: string[]): boolean {
  return monthRunStart(cells) >= 0 || cells.filter((c) => quarterOfHeader(c) !== null).length >= 2;
}

function scoreRow(cells: string[]): number {
  const fields = new Set(cells.map(fieldOfHeader).filter((f) => f !== null));
  const months = monthRunStart(cells) >= 0 ? 2 : 0;
  const quarters = cells.filter((c) => quarterOfHeader(c) !== null).length >= 2 ? 2 : 0;
  return fields.size + months + quarters;
}

/** Header text of each cell, with a merged header spread over every column it covers. */
function headerCells(grid: Grid, rowIndex: number): string[] {
  const row = grid.rows[rowIndex] ?? [];
  const cells = row.map((c: CellValue) => cellText(c));
  for (const m of grid.merges ?? []) {
    if (rowIndex < m.top || rowIndex > m.bottom) continue;
    const text = cellText(grid.rows[m.top]?.[m.left] ?? null);
    for (let c = m.left; c <= m.right; c++) cells[c] = cells[c] || text;
  }
  return cells;
}

/** Finds the header: the best-scoring row in the first 40, plus the row under it when it holds sub-headers. */
export function detectColumns(grid: Grid): ColumnMapping | null {
  let best = -1;
  let bestScore = 1;
  const limit = Math.min(grid.rows.length, 40);
  for (let r = 0; r < limit; r++) {
    const score = scoreRow(headerCells(grid, r));
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  if (best < 0) return null;
  const top = headerCells(grid, best);
  // Sub-headers (months, quarters) under labels not merged down: the header row above fills the blanks, as a merge would.
  const above = best > 0 ? headerCells(grid, best - 1) : [];
  if (isSubHeaderRow(top) && scoreRow(above) >= 2) {
    for (let c = 0; c < above.length; c++) top[c] = top[c] || (above[c] ?? "");
  }
  const below = best + 1 < grid.rows.length ? headerCells(grid, best + 1) : [];
  const belowHasSubHeaders = isSubHeaderRow(below);
  const width = Math.max(top.length, belowHasSubHeaders ? below.length : 0);
  const headers: string[] = [];
  for (let c = 0; c < width; c++) {
    const parts = [top[c] ?? "", belowHasSubHeaders ? (below[c] ?? "") : ""].filter(Boolean);
    headers.push(parts.join(" / "));
  }
  const roles: ColumnRole[] = headers.map(() => ({ kind: "ignored" }));
  const monthCells = belowHasSubHeaders && monthRunStart(below) >= 0 ? below : top;
  const monthStart = monthRunStart(monthCells);
  if (monthStart >= 0) for (let i = 0; i < 12; i++) roles[monthStart + i] = { kind: "month", month: i + 1 };
  const taken = new Set<ColumnField>();
  for (let c = 0; c < width; c++) {
    if (roles[c]?.kind === "month") continue;
    const sub = belowHasSubHeaders ? (below[c] ?? "") : "";
    const quarter = quarterOfHeader(sub) ?? quarterOfHeader(top[c] ?? "");
    if (quarter) {
      roles[c] = { kind: "quarter", quarter };
      continue;
    }
    // A sub-header is more precise than the merged header above it ("Budget" over "PU", "Montant").
    const field = fieldOfHeader(sub) ?? fieldOfHeader(top[c] ?? "");
    // A header repeated by a merge maps once, to its first column.
    if (field && !taken.has(field)) {
      roles[c] = { kind: "field", field };
      taken.add(field);
    }
  }
  const allHeaders = normalise(headers.join(" "));
  const headerRows = belowHasSubHeaders ? [best, best + 1] : [best];
  return {
    headerRows,
    headers,
    samples: columnSamples(grid, Math.max(...headerRows) + 1, headers),
    roles,
    scales: headers.map(scaleOfHeader),
    currencyHint: /fcfa|f\.? ?cfa|xof/.test(allHeaders)
      ? "XOF"
      : /usd|us\$|\$|dollars?/.test(allHeaders)
        ? "USD"
        : /eur|€/.test(allHeaders)
          ? "EUR"
          : null,
  };
}

/** The first different texts of each column below the header, its own header text (repeated at page breaks) left out. */
function columnSamples(grid: Grid, firstRow: number, headers: string[]): string[][] {
  const samples = headers.map((): string[] => []);
  const headerTexts = headers.map((h) => normalise(h.split(" / ")[0] ?? ""));
  const last = Math.min(grid.rows.length, firstRow + SAMPLE_ROWS);
  for (let r = firstRow; r < last; r++) {
    const row = grid.rows[r] ?? [];
    for (let c = 0; c < headers.length; c++) {
      const list = samples[c];
      if (!list || list.length >= SAMPLES_PER_COLUMN) continue;
      const text = cellText(row[c]).replace(/\s+/g, " ");
      if (!text || normalise(text) === headerTexts[c]) continue;
      const sample = text.length > SAMPLE_LENGTH ? `${text.slice(0, SAMPLE_LENGTH - 1)}…` : text;
      if (!list.includes(sample)) list.push(sample);
    }
  }
  return samples;
}

export function columnOf(mapping: ColumnMapping, field: ColumnField): number {
  return mapping.roles.findIndex((r) => r.kind === "field" && r.field === field);
}

function scaleOfHeader(header: string): number {
  const text = normalise(header);
  if (/milliers|thousands|'000|en 000\b|x ?1 ?000\b/.test(text)) return 1000;
  if (/\bmillions? de\b|in millions/.test(text)) return 1_000_000;
  return 1;
}
