// A layout-variant corpus for the work-plan import: one plan model, with planted
// defects, rendered as a sheet in one of many layouts that real templates use
// (UNDP AWP, PTBA, PTA; French and English; one- and two-row headers; group
// titles in their own column or on their own row; totals in any text column;
// amounts typed as text with any separators). The test reads each rendering
// back and checks that it finds the model again, and only the planted findings.
import { type CurrencyCode, formatAmountDecimal } from "../money.ts";
import type { Grid } from "./grid.ts";

export interface ModelLine {
  text: string;
  /** Minor units; null is the planted missing amount. */
  amount: number | null;
  quantity: number | null;
  fundCode: string;
}
export interface ModelActivity {
  code: string;
  title: string;
  responsible: string;
  quarters: number[];
  lines: ModelLine[];
}
export interface ModelGroup {
  code: string;
  title: string;
  activities: ModelActivity[];
  /** Minor units, as the sheet declares it. */
  declared: number;
}
export interface PlanModel {
  currency: CurrencyCode;
  groups: ModelGroup[];
  declaredTotal: number;
  planted: ("SUBTOTAL_MISMATCH" | "TOTAL_MISMATCH" | "MISSING_AMOUNT")[];
}

export type Rng = () => number;

/** A small seeded generator (mulberry32): the same seed gives the same variant. */
export function seeded(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
const chance = (rng: Rng, p: number) => rng() < p;
const between = (rng: Rng, low: number, high: number) => low + Math.floor(rng() * (high - low + 1));

const OUTPUT_TITLES = [
  "Les capacités de planification des services techniques sont renforcées",
  "Access to basic social services is improved in the target communes",
  "La gouvernance locale et la participation des femmes sont améliorées",
  "Livelihoods of returnees and host communities are restored",
  "Le système de suivi-évaluation du secteur est opérationnel",
];
const ACTIVITY_TITLES = [
  "Organiser des ateliers de formation des agents",
  "Conduct a baseline survey in the intervention zones",
  "Elaborer le rapport annuel de performance",
  "Support community dialogue sessions",
  "Réhabiliter les points d'eau des écoles",
  "Procure motorbikes for the extension agents",
  "Tenir les sessions du comité de pilotage",
  "Recruit an international consultant for the mid-term review",
];
const LINE_TEXTS = [
  "Training, Workshops and Confer - 75700",
  "Contractual Services-Companies - 72100",
  "Travel - 71600",
  "Per diem des participants",
  "Location de salle",
  "Equipment and Furniture - 72200",
  "Carburant",
  "Local Consultants - 71300",
];
const PEOPLE = ["DNPD", "UNDP", "Cellule de planification", "DRPSIAP Mopti", "UN Women", "CPS/SDR"];
const FUNDS = ["30000", "TRAC", "BAD", "11888", "ETAT"];

export function makeModel(rng: Rng): PlanModel {
  const currency = pick(rng, ["XOF", "USD"] as const);
  const unit = currency === "XOF" ? 1 : 100;
  const groups: ModelGroup[] = Array.from({ length: between(rng, 2, 4) }, (_, g) => {
    const activities = Array.from({ length: between(rng, 1, 3) }, (_, a): ModelActivity => {
      const lines = Array.from({ length: between(rng, 1, 3) }, (): ModelLine => {
        const quantity = between(rng, 1, 12);
        // Whole units in XOF; cents in USD, now and then.
        const unitCost = between(rng, 5, 900) * 1000 * unit + (currency === "USD" && chance(rng, 0.3) ? between(rng, 1, 99) : 0);
        return { text: pick(rng, LINE_TEXTS), amount: quantity * unitCost, quantity, fundCode: pick(rng, FUNDS) };
      });
      const first = between(rng, 1, 4);
      return {
        code: `${g + 1}.${a + 1}`,
        title: `${pick(rng, ACTIVITY_TITLES)} (${g + 1}.${a + 1})`,
        responsible: pick(rng, PEOPLE),
        quarters: Array.from({ length: between(rng, 1, 5 - first) }, (_, i) => first + i),
        lines,
      };
    });
    return { code: String(g + 1), title: OUTPUT_TITLES[g % OUTPUT_TITLES.length] ?? "", activities, declared: 0 };
  });
  const planted: PlanModel["planted"] = [];
  const allLines = groups.flatMap((g) => g.activities.flatMap((a) => a.lines));
  if (chance(rng, 0.5)) {
    const line = pick(rng, allLines);
    line.amount = null;
    line.quantity = null;
    planted.push("MISSING_AMOUNT");
  }
  const sum = (lines: ModelLine[]) => lines.reduce((s, l) => s + (l.amount ?? 0), 0);
  for (const group of groups) group.declared = sum(group.activities.flatMap((a) => a.lines));
  if (chance(rng, 0.5)) {
    // A sub-total that disagrees with its lines by a few cents or dollars in USD, thousands in F CFA (a sheet may count in thousands).
    pick(rng, groups).declared += between(rng, 1, 99) * (currency === "XOF" ? 1000 : chance(rng, 0.5) ? 1 : unit);
    planted.push("SUBTOTAL_MISMATCH");
  }
  let declaredTotal = sum(allLines);
  if (chance(rng, 0.4)) {
    declaredTotal += between(rng, 1, 50) * unit * 1000;
    planted.push("TOTAL_MISMATCH");
  }
  return { currency, groups, declaredTotal, planted };
}

// ---- Layout ----------------------------------------------------------------

type Field = "group" | "code" | "activity" | "line" | "fund" | "responsible" | "quantity" | "unitCost" | "amount" | "timeframe";

/** Header texts of real templates, French and English, per column. */
const HEADERS: { [F in Exclude<Field, "timeframe">]: readonly string[] } = {
  group: [
    "EXPECTED OUTPUTS (Please include baseline, associated indicators and annual targets)",
    "EXPECTED OUTPUTS",
    "Expected Outputs and indicators including annual targets",
    "Résultats attendus",
    "Produits attendus",
    "Produits",
    "Outputs",
  ],
  code: ["Code", "N°", "No.", "Réf."],
  activity: [
    "PLANNED ACTIVITIES (List key activities to be undertaken during the year towards stated output)",
    "PLANNED ACTIVITIES List activity results and associated actions",
    "Activités",
    "Activités prévues",
    "Description des activités",
    "Activities",
  ],
  line: ["Budget Description", "Libellé de la ligne", "Ligne budgétaire", "Budget line", "Nature de la dépense"],
  fund: ["Donor Code", "Source of Funds", "Source de financement", "Bailleur", "Fund"],
  responsible: ["RESPONSIBLE PARTY", "Responsible Party", "Responsables", "Structure responsable", "Implementing partner"],
  quantity: ["Quantité", "QTE", "Qty"],
  unitCost: ["PU", "Prix unitaire", "Unit cost", "Coût unitaire"],
  amount: ["Amount", "Montant", "Total", "Budget", "Coût total", "Montant total", "PLANNED BUDGET"],
};
const TIMEFRAME_HEADERS = ["TIMEFRAME", "Chronogramme", "Calendrier", "Période"];
const QUARTER_LABELS = [
  ["Q1", "Q2", "Q3", "Q4"],
  ["T1", "T2", "T3", "T4"],
  ["1er trimestre", "2e trimestre", "3e trimestre", "4e trimestre"],
] as const;
const MONTH_LABELS = [
  ["J", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", "D"],
  ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
] as const;
const SUBTOTAL_LABELS = ["Sub Total", "Sub-total", "Sous-total", "Sous total", "SOUS-TOTAL", "S/Total"];
const TOTAL_LABELS = ["Grand TOTAL", "TOTAL GÉNÉRAL", "TOTAL", "Total général", "TOTAL BUDGET"];
const OUTPUT_PREFIXES = ["Output", "OUTPUT", "Produit", "Résultat", "Résultat attendu"];

export interface Layout {
  columns: Field[];
  groupStyle: "column-merged" | "column-repeated" | "row-merged" | "row-in-activity";
  /** "Output 1: …" before the title; without it, the importer numbers the groups itself. */
  groupPrefix: string | null;
  codeInActivity: "column" | "prefix" | "prefix-dot";
  timeframe: "none" | "quarters" | "months";
  twoRowHeader: boolean;
  amountStyle: "number" | "space" | "nbsp" | "comma" | "dot";
  subtotalColumn: Field;
  totalColumn: Field;
  spacers: boolean;
  pageBreak: boolean;
  /** Grand TOTAL, Funded, Unfunded, TOTAL Budget (AWP) instead of one total row. */
  awpClosing: boolean;
  /** Amounts in thousands, said by the amount header (F CFA only, without quantity and unit cost). */
  thousands: boolean;
  /** The group cell holds baseline, indicators and targets on lines below the title (AWP). */
  groupDetails: boolean;
  signature: boolean;
  titleRows: number;
}

export function makeLayout(rng: Rng, model: PlanModel): Layout {
  const groupStyle = pick(rng, ["column-merged", "column-repeated", "row-merged", "row-in-activity"] as const);
  const inColumn = groupStyle.startsWith("column");
  const codeInActivity = pick(rng, ["column", "prefix", "prefix-dot"] as const);
  const multiLine = model.groups.some((g) => g.activities.some((a) => a.lines.length > 1));
  const withQuantity = chance(rng, 0.35);
  const columns: Field[] = [];
  if (inColumn) columns.push("group");
  if (codeInActivity === "column") columns.push("code");
  columns.push("activity");
  const timeframe = pick(rng, ["none", "quarters", "months"] as const);
  const middle: Field[] = [];
  if (timeframe !== "none") middle.push("timeframe");
  if (chance(rng, 0.7)) middle.push("responsible");
  if (multiLine || chance(rng, 0.5)) middle.push("line");
  if (chance(rng, 0.5)) middle.push("fund");
  if (withQuantity) middle.push("quantity", "unitCost");
  middle.push("amount");
  // The columns after the activity come in any order, as templates differ.
  for (let i = middle.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [middle[i], middle[j]] = [middle[j] as Field, middle[i] as Field];
  }
  columns.push(...middle);
  const textColumns = columns.filter((c) => ["group", "code", "activity", "line", "responsible"].includes(c));
  return {
    columns,
    groupStyle,
    groupPrefix: chance(rng, 0.7) || !inColumn ? pick(rng, OUTPUT_PREFIXES) : null,
    codeInActivity,
    timeframe,
    twoRowHeader: chance(rng, 0.5),
    amountStyle: pick(rng, ["number", "space", "nbsp", "comma", "dot"] as const),
    subtotalColumn: inColumn && chance(rng, 0.6) ? "group" : pick(rng, textColumns.filter((c) => c !== "code")),
    totalColumn: pick(rng, textColumns.filter((c) => c !== "code")),
    spacers: chance(rng, 0.4),
    pageBreak: chance(rng, 0.3),
    awpClosing: chance(rng, 0.3),
    thousands: model.currency === "XOF" && !withQuantity && chance(rng, 0.3),
    groupDetails: inColumn && chance(rng, 0.4),
    signature: chance(rng, 0.5),
    titleRows: between(rng, 0, 3),
  };
}

/** An amount as a person types it: a number, or text with the layout's separators. */
export function amountText(minor: number, currency: CurrencyCode, style: Layout["amountStyle"]): string | number {
  const decimal = formatAmountDecimal(minor, currency);
  if (style === "number") return Number(decimal);
  const [int = "", cents = ""] = decimal.split(".");
  const groups = int.replace(/\B(?=(\d{3})+(?!\d))/g, "|");
  const [group, mark] = ({ space: [" ", ","], nbsp: ["\u202f", ","], comma: [",", "."], dot: [".", ","] } as const)[style];
  const shownCents = cents && cents !== "00" ? `${mark}${cents}` : "";
  return `${groups.split("|").join(group)}${shownCents}`;
}

export interface Rendering {
  grid: Grid;
  /** The sheet as TSV, printed when a variant fails. */
  tsv: string;
}

export function render(model: PlanModel, layout: Layout, rng: Rng): Rendering {
  const width = layout.columns.reduce((n, c) => n + (c === "timeframe" ? (layout.timeframe === "months" ? 12 : 4) : 1), 0);
  const startOf = (field: Field) => {
    let at = 0;
    for (const c of layout.columns) {
      if (c === field) return at;
      at += c === "timeframe" ? (layout.timeframe === "months" ? 12 : 4) : 1;
    }
    return -1;
  };
  const rows: (string | number | null)[][] = [];
  const merges: NonNullable<Grid["merges"]> = [];
  const blank = () => Array.from({ length: width }, () => null as string | number | null);
  const put = (row: (string | number | null)[], field: Field, value: string | number | null) => {
    const c = startOf(field);
    if (c >= 0) row[c] = value;
  };
  const money = (minor: number) => amountText(layout.thousands ? minor / 1000 : minor, model.currency, layout.amountStyle);

  const titles = ["ANNUAL WORK PLAN 2024", "Projet d'appui à la décentralisation (PADEC)", `Montants en ${model.currency}`];
  for (let i = 0; i < layout.titleRows; i++) {
    const row = blank();
    row[0] = titles[i] ?? "";
    rows.push(row);
    merges.push({ top: rows.length - 1, left: 0, bottom: rows.length - 1, right: width - 1 });
  }
  if (layout.titleRows > 0) rows.push(blank());

  // Header: one row, or two with TIMEFRAME over its periods and single labels merged down.
  const headerTexts = new Map<Field, string>();
  for (const field of layout.columns) if (field !== "timeframe") headerTexts.set(field, pick(rng, HEADERS[field]));
  if (layout.thousands) headerTexts.set("amount", `${headerTexts.get("amount") ?? ""} ${pick(rng, ["(Milliers de F.CFA)", "(en milliers F CFA)"])}`);
  const periods = layout.timeframe === "months" ? pick(rng, MONTH_LABELS) : pick(rng, QUARTER_LABELS);
  const headerRows: (string | number | null)[][] = [];
  const top = blank();
  for (const [field, text] of headerTexts) put(top, field, text);
  if (layout.twoRowHeader && layout.timeframe !== "none") {
    const below = blank();
    put(top, "timeframe", pick(rng, TIMEFRAME_HEADERS));
    periods.forEach((label, i) => (below[startOf("timeframe") + i] = label));
    headerRows.push(top, below);
  } else {
    if (layout.timeframe !== "none") periods.forEach((label, i) => (top[startOf("timeframe") + i] = label));
    headerRows.push(top);
  }
  const headerStart = rows.length;
  rows.push(...headerRows.map((r) => [...r]));
  if (headerRows.length === 2) {
    for (const field of layout.columns) {
      if (field === "timeframe") merges.push({ top: headerStart, left: startOf(field), bottom: headerStart, right: startOf(field) + 11 });
      else merges.push({ top: headerStart, left: startOf(field), bottom: headerStart + 1, right: startOf(field) });
    }
    const tf = merges.find((m) => m.top === headerStart && m.left === startOf("timeframe") && m.bottom === headerStart);
    if (tf) tf.right = tf.left + periods.length - 1;
  }

  const groupTitle = (group: ModelGroup) => (layout.groupPrefix ? `${layout.groupPrefix} ${group.code}: ${group.title}` : group.title);
  const groupText = (group: ModelGroup) =>
    layout.groupDetails ? `${groupTitle(group)}\nBaseline: 2 (2023)\nIndicators: number of communes\nTargets: 10` : groupTitle(group);
  const activityText = (activity: ModelActivity) =>
    layout.codeInActivity === "prefix"
      ? `${activity.code} ${activity.title}`
      : layout.codeInActivity === "prefix-dot"
        ? `${activity.code}. ${activity.title}`
        : activity.title;
  const labelRow = (field: Field, label: string, minor: number) => {
    const row = blank();
    put(row, field, label);
    put(row, "amount", money(minor));
    return row;
  };

  let pageBreakDone = false;
  model.groups.forEach((group, g) => {
    if (layout.groupStyle === "row-merged") {
      const row = blank();
      row[0] = groupTitle(group);
      rows.push(row);
      merges.push({ top: rows.length - 1, left: 0, bottom: rows.length - 1, right: width - 1 });
    } else if (layout.groupStyle === "row-in-activity") {
      const row = blank();
      put(row, "activity", groupTitle(group));
      rows.push(row);
    }
    const groupTop = rows.length;
    for (const activity of group.activities) {
      activity.lines.forEach((line, l) => {
        const row = blank();
        if (layout.groupStyle === "column-repeated" || (layout.groupStyle === "column-merged" && rows.length === groupTop)) {
          put(row, "group", groupText(group));
        }
        if (l === 0) {
          put(row, "code", activity.code);
          put(row, "activity", activityText(activity));
          put(row, "responsible", activity.responsible);
          const start = startOf("timeframe");
          if (start >= 0) {
            for (const q of activity.quarters) {
              if (layout.timeframe === "quarters") row[start + q - 1] = "X";
              else for (let m = q * 3 - 3; m < q * 3; m++) row[start + m] = "x";
            }
          }
        }
        put(row, "line", line.text);
        put(row, "fund", line.fundCode);
        if (line.amount !== null) {
          put(row, "amount", money(line.amount));
          if (line.quantity !== null) {
            put(row, "quantity", line.quantity);
            put(row, "unitCost", money(line.amount / line.quantity));
          }
        }
        rows.push(row);
      });
      if (layout.spacers && chance(rng, 0.3)) rows.push(blank());
    }
    if (layout.groupStyle === "column-merged" && rows.length - 1 > groupTop) {
      const c = startOf("group");
      merges.push({ top: groupTop, left: c, bottom: rows.length - 1, right: c });
    }
    const sub = labelRow(layout.subtotalColumn, pick(rng, SUBTOTAL_LABELS), group.declared);
    if (layout.groupStyle === "column-repeated" && layout.subtotalColumn !== "group") put(sub, "group", groupText(group));
    rows.push(sub);
    if (layout.spacers) rows.push(blank());
    // A page break repeats the header, once, between two groups.
    if (layout.pageBreak && !pageBreakDone && g < model.groups.length - 1) {
      rows.push(...headerRows.map((r) => [...r]));
      pageBreakDone = true;
    }
  });
  if (layout.awpClosing) {
    rows.push(labelRow(layout.totalColumn, "Grand TOTAL", model.declaredTotal));
    rows.push(labelRow(layout.totalColumn, "Funded", model.declaredTotal));
    rows.push(labelRow(layout.totalColumn, "Unfunded", 0));
    rows.push(labelRow(layout.totalColumn, "TOTAL Budget", model.declaredTotal));
  } else {
    rows.push(labelRow(layout.totalColumn, pick(rng, TOTAL_LABELS), model.declaredTotal));
  }
  if (layout.signature) {
    rows.push(blank());
    const sign = blank();
    sign[0] = pick(rng, ["Prepared by:", "Submitted by:", "Elaboré par :", "Approuvé par :"]);
    sign[Math.min(width - 1, 3)] = pick(rng, ["Approved by:", "Visa du coordonnateur"]);
    rows.push(sign);
    const names = blank();
    names[0] = "Awa Traoré, Chargée de programme";
    rows.push(names);
  }
  const tsv = rows.map((r) => r.map((v) => (v === null ? "" : String(v))).join("\t")).join("\n");
  return { grid: { name: "AWP 2024", rows, merges }, tsv };
}
