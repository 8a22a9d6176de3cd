// A national portfolio, generated from a seed: the same seed and scale give the
// same organisations, people, plans and transactions, byte for byte. Projects are
// generated one at a time (each from its own seed), so that the national data set
// never has to sit in memory at once.
import {
  formatAmountDecimal,
  type ImportedActivity,
  type ImportedLine,
  type ImportedNode,
  type Minor,
  parseAmount,
} from "@baara/core";
import { Faker, base, fr } from "@faker-js/faker";
import {
  ACTION_TARGETS,
  ACTIONS,
  AGENCY_KINDS,
  FAMILY_NAMES,
  FIRST_NAMES,
  LINE_KINDS,
  OBJECTIVES,
  PROJECT_PREFIXES,
  REGIONS,
  RESULTS,
  SECTORS,
  SUPPLIERS,
} from "./vocabulary.ts";

export interface Scale {
  organisations: number;
  projects: number;
  firstYear: number;
  years: number;
  users: number;
  /** Budget lines of the largest plan; project i has about largest ÷ (i + 1)^0.95. */
  largestPlanLines: number;
}

/** The national portfolio: 40 organisations, 300 projects, 3 years, ~200 000 lines stored. */
export const NATIONAL_SCALE: Scale = {
  organisations: 40,
  projects: 300,
  firstYear: 2024,
  years: 3,
  users: 1000,
  largestPlanLines: 5000,
};

export const SMALL_SCALE: Scale = {
  organisations: 6,
  projects: 8,
  firstYear: 2025,
  years: 2,
  users: 24,
  largestPlanLines: 60,
};

export type Role = "manager" | "editor" | "approver" | "viewer";

export interface GeneratedOrganisation {
  code: string;
  name: string;
  kind: "ministry" | "agency" | "unit";
  parentCode: string | null;
}

export interface GeneratedUser {
  email: string;
  name: string;
  organisationCode: string;
  role: Role;
}

export interface GeneratedDirectory {
  organisations: GeneratedOrganisation[];
  users: GeneratedUser[];
}

export interface GeneratedTransaction {
  lineIndex: number;
  stage: "commitment" | "liquidation" | "payment";
  date: string;
  amount: string;
  reference: string;
  supplier: string;
}

export interface GeneratedProgress {
  activityIndex: number;
  period: "Y" | "S1";
  status: "not_started" | "in_progress" | "done" | "postponed" | "cancelled" | "reprogrammed";
  percent: string;
}

/** One version's content, in the shape the import writes. */
export interface GeneratedContent {
  nodes: ImportedNode[];
  activities: ImportedActivity[];
  lines: ImportedLine[];
}

export interface GeneratedPlan {
  year: number;
  title: string;
  /** Version 1, approved; then version 2, the revision (endorsed, or a draft in the last year). */
  versions: [GeneratedContent, GeneratedContent];
  /** The version in force: 2 when the revision was endorsed, else 1. */
  inForce: 1 | 2;
  credits: { allocated: string; notified: string };
  /** On the version in force, by index of its lines. */
  transactions: GeneratedTransaction[];
  progress: GeneratedProgress[];
}

export interface GeneratedProject {
  code: string;
  title: string;
  organisationCode: string;
  currency: "XOF" | "USD";
  startDate: string;
  endDate: string;
  sector: string;
  locations: string[];
  levelLabels: string[];
  plans: GeneratedPlan[];
}

function faker(seed: number, stream: number): Faker {
  const f = new Faker({ locale: [fr, base] });
  f.seed([seed, stream]);
  return f;
}

/** Organisations (a ministry of planning above the sector ministries and their agencies) and people. */
export function generateDirectory(seed: number, scale: Scale): GeneratedDirectory {
  const f = faker(seed, 0);
  const organisations: GeneratedOrganisation[] = [
    {
      code: "MEF-DGPD",
      name: "Direction générale de la planification et du développement",
      kind: "ministry",
      parentCode: null,
    },
  ];
  const ministries = SECTORS.slice(0, Math.max(1, Math.min(SECTORS.length, Math.floor(scale.organisations / 4))));
  for (const sector of ministries) {
    organisations.push({
      code: `MIN-${sector.code.toUpperCase()}`,
      name: sector.ministry,
      kind: "ministry",
      parentCode: "MEF-DGPD",
    });
  }
  for (let i = organisations.length; i < scale.organisations; i++) {
    const sector = ministries[i % ministries.length] ?? ministries[0];
    const kind = f.helpers.arrayElement(AGENCY_KINDS);
    const region = f.helpers.arrayElement(REGIONS);
    organisations.push({
      code: `ORG-${String(i).padStart(3, "0")}`,
      name: `${kind} (${sector?.label ?? "plan"}) de ${region}`,
      kind: kind.startsWith("Direction") ? "unit" : "agency",
      parentCode: `MIN-${(sector?.code ?? "plan").toUpperCase()}`,
    });
  }
  const users: GeneratedUser[] = [];
  // Roles per organisation as a planning cell has them: a head, a few approvers, the planning officers, readers.
  const roles: Role[] = ["manager", "approver", "editor", "editor", "editor", "viewer", "approver", "editor", "viewer"];
  for (let i = 0; i < scale.users; i++) {
    const organisation = organisations[i % organisations.length];
    if (!organisation) break;
    const first = f.helpers.arrayElement(FIRST_NAMES);
    const family = f.helpers.arrayElement(FAMILY_NAMES);
    const ascii = `${first}.${family}`
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase();
    users.push({
      email: `${ascii}.${i}@bench.baara.test`,
      name: `${first} ${family.toUpperCase()}`,
      organisationCode: organisation.code,
      role: roles[Math.floor(i / organisations.length) % roles.length] ?? "viewer",
    });
  }
  return { organisations, users };
}

/** Lines in project `index`'s plans: a few very large projects, many small ones. */
export function planSize(scale: Scale, index: number): number {
  return Math.max(6, Math.round(scale.largestPlanLines / (index + 1) ** 0.95));
}

/** Project `index` of the portfolio, with its plans for every year. */
export function generateProject(seed: number, scale: Scale, index: number, directory: GeneratedDirectory): GeneratedProject {
  const f = faker(seed, index + 1);
  const holders = directory.organisations.filter((o) => o.kind !== "ministry" || directory.organisations.length < 4);
  const organisation = holders[index % holders.length] ?? directory.organisations[0];
  const sector = f.helpers.arrayElement(SECTORS);
  const currency = f.number.int({ min: 0, max: 4 }) === 0 ? "USD" : "XOF";
  const lastYear = scale.firstYear + scale.years - 1;
  const regions = f.helpers.arrayElements(REGIONS, { min: 1, max: 4 });
  const framework = generateFramework(f, planSize(scale, index));
  const plans: GeneratedPlan[] = [];
  for (let year = scale.firstYear; year <= lastYear; year++) {
    plans.push(generatePlan(f, framework, currency, year, index, planSize(scale, index), year === lastYear));
  }
  return {
    code: `P${String(index + 1).padStart(3, "0")}-${sector.code.slice(0, 4).toUpperCase()}`,
    title: `${f.helpers.arrayElement(PROJECT_PREFIXES)} la ${sector.label} dans les régions de ${regions.join(", ")}`,
    organisationCode: organisation?.code ?? "MEF-DGPD",
    currency,
    startDate: `${scale.firstYear - f.number.int({ min: 0, max: 3 })}-01-01`,
    endDate: `${lastYear + f.number.int({ min: 1, max: 4 })}-12-31`,
    sector: sector.label,
    locations: regions,
    levelLabels: ["Objectif", "Résultat"],
    plans,
  };
}

/** A plan of exactly `lines` budget lines, for the import's file. */
export function generatePlanContent(seed: number, lines: number, currency: "XOF" | "USD", year: number): GeneratedContent {
  const f = faker(seed, -1);
  return generateContent(f, generateFramework(f, lines), currency, year, lines);
}

function generateFramework(f: Faker, lines: number): ImportedNode[] {
  const activities = Math.ceil(lines / 5);
  const objectives = Math.min(OBJECTIVES.length, Math.max(1, Math.ceil(Math.sqrt(activities / 12))));
  const results = Math.min(RESULTS.length, Math.max(1, Math.ceil(activities / objectives / 18)));
  const nodes: ImportedNode[] = [];
  for (let o = 1; o <= objectives; o++) {
    nodes.push({
      key: `${o}`,
      parentKey: null,
      level: 0,
      code: `${o}`,
      title: OBJECTIVES[(o - 1) % OBJECTIVES.length] ?? "",
      row: 0,
    });
    const titles = f.helpers.arrayElements(RESULTS, results);
    titles.forEach((title, r) => {
      nodes.push({ key: `${o}.${r + 1}`, parentKey: `${o}`, level: 1, code: `${o}.${r + 1}`, title, row: 0 });
    });
  }
  return nodes;
}

function generatePlan(
  f: Faker,
  framework: ImportedNode[],
  currency: "XOF" | "USD",
  year: number,
  projectIndex: number,
  size: number,
  last: boolean,
): GeneratedPlan {
  const lineCount = Math.max(6, Math.round(size * f.number.float({ min: 0.9, max: 1.1 })));
  const first = generateContent(f, framework, currency, year, lineCount);
  const revision = revise(f, first, currency);
  const inForce = last ? 1 : 2;
  const content = inForce === 1 ? first : revision;
  const total = content.lines.reduce((sum, l) => sum + minor(l.amount ?? "0", currency), 0);
  return {
    year,
    title: `PTBA ${year}`,
    versions: [first, revision],
    inForce,
    credits: { allocated: major(total, currency), notified: major(Math.round(total * 0.9), currency) },
    transactions: generateTransactions(f, content, currency, year, projectIndex, last),
    progress: generateProgress(f, content, last),
  };
}

function generateContent(f: Faker, framework: ImportedNode[], currency: "XOF" | "USD", year: number, lineCount: number) {
  const leaves = framework.filter((n) => n.level === 1);
  const activities: ImportedActivity[] = [];
  const lines: ImportedLine[] = [];
  const perLeaf = new Map<string, number>();
  while (lines.length < lineCount) {
    const leaf = leaves[activities.length % leaves.length];
    if (!leaf) break;
    const n = (perLeaf.get(leaf.key) ?? 0) + 1;
    perLeaf.set(leaf.key, n);
    const key = `a${activities.length}`;
    const months = f.helpers
      .arrayElements([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], { min: 1, max: 4 })
      .sort((a, b) => a - b);
    const deadlineMonth = months[months.length - 1] ?? 12;
    activities.push({
      key,
      nodeKey: leaf.key,
      code: `${leaf.code}.${n}`,
      title: `${f.helpers.arrayElement(ACTIONS)} ${f.helpers.arrayElement(ACTION_TARGETS)}`,
      outputIndicator: null,
      deadline: `${year}-${String(deadlineMonth).padStart(2, "0")}-28`,
      deadlineText: null,
      months,
      responsible: f.helpers.arrayElement(["CPS", "DNS", "DRS", "UCP", "DFM", "Point focal genre"]),
      comments: null,
      noCost: false,
      row: 0,
    });
    const count = Math.min(lineCount - lines.length, f.number.int({ min: 1, max: 9 }));
    for (let i = 0; i < count; i++) lines.push(generateLine(f, key, `l${lines.length}`, currency));
  }
  return { nodes: framework, activities, lines };
}

function generateLine(f: Faker, activityKey: string, key: string, currency: "XOF" | "USD"): ImportedLine {
  const kind = f.helpers.arrayElement(LINE_KINDS);
  const quantity = kind.unit === "forfait" ? 1 : f.number.int({ min: 1, max: 60 });
  // XOF by 500 francs; USD at about 600 francs a dollar, in cents.
  const xof = Math.round(f.number.int({ min: kind.cost[0], max: kind.cost[1] }) / 500) * 500;
  const unitMinor = currency === "XOF" ? xof : Math.round((xof / 600) * 100);
  const fund = f.helpers.weightedArrayElement([
    { value: "BSI", weight: 5 },
    { value: "FONCT", weight: 3 },
    { value: "PTF", weight: 2 },
  ]);
  return {
    key,
    activityKey,
    description: kind.description,
    accountCode: kind.account,
    accountLabel: null,
    fundCode: fund,
    quantity: String(quantity),
    unit: kind.unit,
    unitCost: major(unitMinor, currency),
    amount: major(unitMinor * quantity, currency),
    funded: f.number.int({ min: 0, max: 19 }) !== 0,
    row: 0,
  };
}

/** The revision of a plan: about one line in twenty re-costed, a few activities added. */
function revise(f: Faker, plan: GeneratedContent, currency: "XOF" | "USD"): GeneratedContent {
  const lines = plan.lines.map((line) => {
    if (f.number.int({ min: 0, max: 19 }) !== 0 || !line.unitCost) return line;
    const quantity = Math.max(1, Number(line.quantity ?? "1") + f.number.int({ min: -2, max: 4 }));
    return { ...line, quantity: String(quantity), amount: major(minor(line.unitCost, currency) * quantity, currency) };
  });
  const activities = [...plan.activities];
  const added = Math.max(1, Math.round(plan.activities.length / 40));
  for (let i = 0; i < added; i++) {
    const like = f.helpers.arrayElement(plan.activities);
    const key = `a${activities.length}`;
    activities.push({ ...like, key, code: `${like.code}.b`, title: `${f.helpers.arrayElement(ACTIONS)} (révision)` });
    lines.push(generateLine(f, key, `l${lines.length}`, currency));
  }
  return { nodes: plan.nodes, activities, lines };
}

function generateTransactions(
  f: Faker,
  plan: GeneratedContent,
  currency: "XOF" | "USD",
  year: number,
  projectIndex: number,
  current: boolean,
): GeneratedTransaction[] {
  const out: GeneratedTransaction[] = [];
  // A closed year has most of its lines committed; the current one a fifth.
  const commitShare = current ? 0.2 : 0.45;
  plan.lines.forEach((line, lineIndex) => {
    if (f.number.float() >= commitShare) return;
    const budget = minor(line.amount ?? "0", currency);
    // Now and then a commitment above the line's budget, which the app flags.
    const share = f.number.int({ min: 70, max: f.number.int({ min: 0, max: 29 }) === 0 ? 115 : 100 });
    const committed = Math.round((budget * share) / 100);
    const month = f.number.int({ min: 1, max: current ? 9 : 10 });
    const supplier = f.helpers.arrayElement(SUPPLIERS);
    const date = (m: number) =>
      `${year}-${String(Math.min(12, m)).padStart(2, "0")}-${String(f.number.int({ min: 1, max: 28 })).padStart(2, "0")}`;
    const reference = `${year}/${projectIndex + 1}/${lineIndex + 1}`;
    // A commitment, then most often its liquidation, then most often its payment (mandat).
    const chain = [
      { stage: "commitment", prefix: "ENG", likelihood: 1 },
      { stage: "liquidation", prefix: "LIQ", likelihood: 0.85 },
      { stage: "payment", prefix: "MDT", likelihood: 0.9 },
    ] as const;
    for (const [step, { stage, prefix, likelihood }] of chain.entries()) {
      if (likelihood < 1 && f.number.float() >= likelihood) break;
      out.push({
        lineIndex,
        stage,
        date: date(month + step),
        amount: major(committed, currency),
        reference: `${prefix}-${reference}`,
        supplier,
      });
    }
  });
  return out;
}

function generateProgress(f: Faker, plan: GeneratedContent, current: boolean): GeneratedProgress[] {
  return plan.activities.map((_, activityIndex) => {
    const status = f.helpers.weightedArrayElement([
      { value: "done" as const, weight: current ? 30 : 62 },
      { value: "in_progress" as const, weight: current ? 40 : 14 },
      { value: "not_started" as const, weight: current ? 20 : 8 },
      { value: "postponed" as const, weight: 6 },
      { value: "cancelled" as const, weight: 5 },
      ...(current ? [] : [{ value: "reprogrammed" as const, weight: 5 }]),
    ]);
    const percent = status === "done" ? 100 : status === "in_progress" ? f.number.int({ min: 10, max: 90 }) : 0;
    return { activityIndex, period: current ? "S1" : "Y", status, percent: String(percent) };
  });
}

/** Generated amounts are well-formed decimal strings: parsing them cannot fail. */
export function minor(amount: string, currency: "XOF" | "USD"): Minor {
  const parsed = parseAmount(amount, currency);
  if (!parsed.ok) throw new Error(`generated amount ${amount} is not valid`);
  return parsed.value;
}

export function major(value: Minor, currency: "XOF" | "USD"): string {
  return formatAmountDecimal(value, currency);
}
