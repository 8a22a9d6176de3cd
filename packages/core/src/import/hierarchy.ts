// Recognises the rows of a work plan that are not activities: results-framework
// levels (Composante B, Sous-composante B1, B.1.1, Résultat 1:, 1.2.), declared
// totals (Sous Total, TOTAL, Grand TOTAL, Funded…), and signature blocks.
import { normalise } from "./grid.ts";

interface LevelKeyword {
  pattern: RegExp;
  rank: number;
  label: string;
}

// Rank orders levels across documents: a Composante sits above a Sous-composante,
// an Objectif above a Résultat, a Résultat above a Produit.
const LEVEL_KEYWORDS: LevelKeyword[] = [
  { pattern: /^(axe|pilier|programme)\b/, rank: 0, label: "Axe" },
  { pattern: /^(sous[- ]?composante|sub[- ]?component)\b/, rank: 30, label: "Sous-composante" },
  { pattern: /^(composante|component)\b/, rank: 10, label: "Composante" },
  { pattern: /^(objectifs? specifiques?|specific objectives?)\b/, rank: 25, label: "Objectif spécifique" },
  { pattern: /^(objectifs?|objectives?|outcomes?|effets?)\b/, rank: 20, label: "Objectif" },
  { pattern: /^(resultats?|results?)( (attendus?|escomptes?|intermediaires?))?\b/, rank: 40, label: "Résultat" },
  { pattern: /^((expected )?(produits?|outputs?))( (attendus?|escomptes?))?\b/, rank: 50, label: "Produit" },
  { pattern: /^(actions?)\b/, rank: 60, label: "Action" },
];
/** Rank of rows that carry only a code ("B.1.1 …"): below every named level, deeper codes deeper. */
const CODE_RANK = 100;

export interface HierarchyRow {
  rank: number;
  label: string | null;
  code: string;
  title: string;
}

const CODE = /^([A-Z]{1,3}(?:[.-]?\d+)*|\d+(?:\.\d+)*)(?=[.:)\s-]|$)\.?/;
const SEPARATOR = /^\s*[:.)–—-]?\s*/;

/** "Composante B: Titre" → { rank, label: Composante, code: B, title: Titre }; null for other text. */
export function parseHierarchyText(text: string, projectLabels: readonly string[] = []): HierarchyRow | null {
  const clean = text.replace(/\s+/g, " ").trim();
  const plain = normalise(clean);
  // The project's own level names come first, ranked in the project's order.
  const own = projectLabels.map((label, level) => ({
    pattern: new RegExp(`^${normalise(label).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`),
    rank: -100 + level,
    label,
  }));
  for (const keyword of [...own, ...LEVEL_KEYWORDS]) {
    const match = keyword.pattern.exec(plain);
    if (!match) continue;
    const rest = clean.slice(match[0].length).replace(SEPARATOR, "");
    const code = CODE.exec(rest);
    if (!code?.[1]) continue;
    return { rank: keyword.rank, label: keyword.label, code: code[1], title: rest.slice(code[0].length).replace(SEPARATOR, "").trim() };
  }
  // A bare code with several parts (B.1.1, 1.2.) opens a level; a lone number does not.
  const code = /^((?:[A-Z]{1,3}|\d+)(?:\.\d+)+)\.?\s+(\S.*)$/.exec(clean);
  if (code?.[1] && code[2]) {
    return { rank: CODE_RANK + code[1].split(".").length, label: null, code: code[1], title: code[2].trim() };
  }
  return null;
}

/**
 * A leading code and the title after it: "1.1. Les plans…" → 1.1 / Les plans…,
 * "1.1.2.Elaboration…" → 1.1.2 / Elaboration…. A lone number counts only when
 * punctuated ("1. Planifier"), so "3 ateliers" keeps its number.
 */
export function splitCode(text: string): { code: string | null; title: string } {
  const clean = text.replace(/\s+/g, " ").trim();
  const match = /^((?:[A-Z]{1,3}|\d+)(?:\.\d+)*)([.:)]\s*|\s+)(?=\S)/.exec(clean);
  const code = match?.[1];
  if (!match || !code || !/\d/.test(code)) return { code: null, title: clean };
  const punctuated = match[2]?.trim() !== "";
  if (!code.includes(".") && !punctuated) return { code: null, title: clean };
  return { code, title: clean.slice(match[0].length).trim() };
}

const ACTIVITY_PREFIX = /^(activit[eé]s?|activite|acti[eé]|activity)\s*[:.-]\s*/i;

/** Strips "Activité :" and its misspellings; tells whether the prefix was there. */
export function stripActivityPrefix(text: string): { title: string; prefixed: boolean } {
  const clean = text.replace(/\s+/g, " ").trim();
  const stripped = clean.replace(ACTIVITY_PREFIX, "");
  return { title: stripped.charAt(0).toUpperCase() + stripped.slice(1), prefixed: stripped !== clean };
}

export type TotalKind = "subtotal" | "total" | "funded" | "unfunded";

/** "Sous Total B1" → subtotal naming B1; "TOTAL COMPOSANTE B" → total naming B; "Grand TOTAL" → total. */
export function parseTotalText(text: string): { kind: TotalKind; names: string | null } | null {
  const plain = normalise(text);
  if (/^(funded|finance|budget finance)$/.test(plain)) return { kind: "funded", names: null };
  if (/^(unfunded|non finance|gap|budget non finance)$/.test(plain)) return { kind: "unfunded", names: null };
  const sub = /^(sous[- ]?totale?|sub[- ]?total|s\/total|st)\b\s*(.*)$/.exec(plain);
  if (sub) return { kind: "subtotal", names: namedCode(text, sub[2] ?? "") };
  const total = /^(grand total|total general|total budget|cout total|total)\b\s*(.*)$/.exec(plain);
  if (total) return { kind: "total", names: namedCode(text, total[2] ?? "") };
  return null;
}

/** The code a total row names, as its last word ("Sous Total B1", "TOTAL COMPOSANTE B", "Sous-total Action B.1.1"). */
function namedCode(original: string, rest: string): string | null {
  const last = rest.trim().split(" ").pop() ?? "";
  const match = /^([a-z]{1,3}(?:[.-]?\d+)*|\d+(?:\.\d+)*)\.?$/.exec(last);
  if (!match?.[1]) return null;
  // Give the code back in the document's own letter case.
  const index = original.toLowerCase().lastIndexOf(match[1]);
  return index >= 0 ? original.slice(index, index + match[1].length) : match[1].toUpperCase();
}

const SIGNATURE =
  /^(submitted by|approved by|endorsed by|prepared by|soumis par|approuve par|valide par|elabore par|prepare par|signature|visa)\b/;

export function isSignatureText(text: string): boolean {
  return SIGNATURE.test(normalise(text));
}

/** "Training, Workshops and Confer - 75700" → account 75700 with its label; "GMS" → account GMS. */
export function splitAccount(text: string): { accountCode: string | null; accountLabel: string | null } {
  const clean = text.replace(/\s+/g, " ").trim();
  if (!clean) return { accountCode: null, accountLabel: null };
  const trailing = /^(.*?)\s*[-–:]\s*(\d{4,6})$/.exec(clean);
  if (trailing?.[2]) return { accountCode: trailing[2], accountLabel: trailing[1]?.trim() || null };
  const leading = /^(\d{4,6})\s*[-–:]?\s*(.*)$/.exec(clean);
  if (leading?.[1]) return { accountCode: leading[1], accountLabel: leading[2]?.trim() || null };
  if (/^[A-Z]{2,6}$/.test(clean)) return { accountCode: clean, accountLabel: null };
  return { accountCode: null, accountLabel: clean };
}
