// The UNDP annual work plan (AWP), laid out as the AWP workbook export lays it
// out (server exports/xlsx-awp.ts): outputs (the framework's top level) with
// their activities, quarter marks and responsible party, one row per budget
// line with its donor code, budget description and amount; Sub Total per
// output, then Grand TOTAL, Funded, Unfunded and TOTAL Budget; then the
// signature block. Every total is the server's plan tree's: the builder only
// lays them out, it adds nothing up.
import type * as api from "../api/index.ts";
import { formatDate, formatNumber } from "../format.ts";
import { catalogue, type Locale } from "../i18n/messages.ts";
import { type CurrencyCode, currencyDecimals } from "../money.ts";
import type { ReportBlock, ReportCell, ReportDocument, ReportRow } from "./document.ts";
import { amountCell, fill, type ReportProject, safeFileStem } from "./shared.ts";

/** What core's plan tree computed for the plan, as exact decimal strings. */
export interface AwpTotals {
  /** Each results node's total (its activities' and those of the nodes under it) and activity count, by node id. */
  nodes: Record<string, { total: string; activityCount: number }>;
  total: string;
  funded: string;
  unfunded: string;
}

export interface UndpAwpData {
  template: "undp-awp";
  project: ReportProject;
  year: number;
  /** The year's plan in force, else its latest version, with its totals; null when the year has no plan. */
  plan: (api.WorkplanContent & { totals: AwpTotals }) | null;
}

type Plan = NonNullable<UndpAwpData["plan"]>;

export function undpAwpDocument(data: UndpAwpData, narrative: Record<string, string>, locale: Locale): ReportDocument {
  const w = catalogue[locale].awpReport;
  const { project, year, plan } = data;
  const title = fill(w.title, { year });
  const opening: ReportBlock[] = [
    { kind: "title", text: title },
    { kind: "paragraph", text: `${project.code} — ${project.title} (${project.currency})`, bold: true },
  ];
  const body: ReportBlock[] = plan
    ? [
        {
          kind: "paragraph",
          text: fill(w.plan, {
            title: plan.workplan.title,
            version: plan.workplan.planVersion,
            status: catalogue[locale].planStatus[plan.workplan.status].toLocaleLowerCase(locale),
          }),
        },
        planTable(plan, year, locale),
      ]
    : [{ kind: "paragraph", text: fill(w.noPlan, { year }) }];
  return {
    title: `${title} — ${project.code}`,
    fileStem: safeFileStem(`${project.code}-AWP-${year}`),
    sections: [{ landscape: true, blocks: [...opening, ...body, signatureTable(narrative, locale)] }],
  };
}

function planTable(plan: Plan, year: number, locale: Locale): ReportBlock {
  const w = catalogue[locale].awpReport;
  const currency = plan.currency as CurrencyCode;
  const columns = [
    { header: w.expectedOutputs, width: 18 },
    { header: w.plannedActivities, width: 24 },
    ...w.quarters.map((header) => ({ header, width: 4, align: "center" as const })),
    { header: w.responsibleParty, width: 12 },
    { header: w.donorCode, width: 7 },
    { header: w.budgetDescription, width: 13 },
    { header: fill(w.amount, { currency }), width: 10, align: "right" as const },
  ];
  const amount = (decimal: string) => awpAmountCell(decimal, currency, locale);
  const closing = (label: string, decimal: string, style: ReportRow["style"]): ReportRow => ({
    style,
    cells: ["", label, ...w.quarters.map(() => ""), "", "", "", amount(decimal)],
  });

  const childrenOf = new Map<string | null, api.ResultNode[]>();
  for (const node of [...plan.nodes].sort((a, b) => a.position - b.position))
    childrenOf.set(node.parentId, [...(childrenOf.get(node.parentId) ?? []), node]);
  const activitiesOf = new Map<string | null, api.Activity[]>();
  for (const a of plan.activities) activitiesOf.set(a.resultNodeId, [...(activitiesOf.get(a.resultNodeId) ?? []), a]);
  // An output's activities: its own, then those of its sub-levels, as the AWP lists them.
  const allActivities = (node: api.ResultNode): api.Activity[] => [
    ...(activitiesOf.get(node.id) ?? []),
    ...(childrenOf.get(node.id) ?? []).flatMap(allActivities),
  ];

  const rows: ReportRow[] = [];
  const outputs = (childrenOf.get(null) ?? []).filter((n) => (plan.totals.nodes[n.id]?.activityCount ?? 0) > 0);
  for (const output of outputs) {
    const label = fill(w.output, { label: output.levelLabel, code: output.code, title: output.title });
    allActivities(output).forEach((activity, i) => rows.push(...activityRows(activity, i === 0 ? label : "", plan, locale)));
    rows.push(closing(w.subTotal, plan.totals.nodes[output.id]!.total, "subtotal"));
  }
  // Activities on no node of the framework come after the outputs, counted in the grand total only.
  const nodeIds = new Set(plan.nodes.map((n) => n.id));
  for (const activity of plan.activities.filter((a) => a.resultNodeId === null || !nodeIds.has(a.resultNodeId)))
    rows.push(...activityRows(activity, "", plan, locale));
  rows.push(
    closing(w.grandTotal, plan.totals.total, "total"),
    closing(w.funded, plan.totals.funded, "total"),
    closing(w.unfunded, plan.totals.unfunded, "total"),
    closing(w.totalBudget, plan.totals.total, "total"),
  );
  return { kind: "table", sheet: fill(w.sheet, { year }), columns, rows };
}

/** One row per budget line; the first carries the activity, its quarters and its responsible party. */
function activityRows(activity: api.Activity, outputLabel: string, plan: Plan, locale: Locale): ReportRow[] {
  const w = catalogue[locale].awpReport;
  const currency = plan.currency as CurrencyCode;
  const lines = activity.budgetLines.length > 0 ? [...activity.budgetLines].sort((a, b) => a.position - b.position) : [null];
  return lines.map((line, i) => {
    const first = i === 0;
    const amount: ReportCell = line
      ? awpAmountCell(line.effectiveAmount, currency, locale)
      : activity.noCost
        ? catalogue[locale].reportExport.pm
        : "";
    return {
      cells: [
        first ? outputLabel : "",
        first ? (activity.code ? `${activity.code}. ${activity.title}` : activity.title) : "",
        ...w.quarters.map((_, q) => (first && activity.quarters.includes(q + 1) ? "X" : "")),
        first ? (activity.responsible ?? "") : "",
        line?.fundCode ?? "",
        line ? budgetDescription(line) : "",
        amount,
      ],
    };
  });
}

/** « Training, Workshops and Confer - 75700 »: the account as UNDP's budget writes it, else the line's own words. */
function budgetDescription(line: api.BudgetLine): string {
  return [line.accountLabel, line.accountCode].filter(Boolean).join(" - ") || (line.description ?? "");
}

/** The table names its currency in the header: cells show the figures alone, « 1 699 285,76 ». */
function awpAmountCell(decimal: string, currency: CurrencyCode, locale: Locale): ReportCell {
  return amountCell(decimal, currency, locale, formatNumber(decimal, locale, currencyDecimals(currency)));
}

function signatureTable(narrative: Record<string, string>, locale: Locale): ReportBlock {
  const w = catalogue[locale].awpReport;
  const given = (key: string) => narrative[key]?.trim() ?? "";
  const date = (key: string) => writtenDate(given(key), locale);
  const steps = [
    [w.submittedBy, "submittedBy", "submittedOn"],
    [w.approvedBy, "approvedBy", "approvedOn"],
    [w.endorsedBy, "endorsedBy", "endorsedOn"],
  ] as const;
  return {
    kind: "table",
    sheet: w.signatures,
    caption: w.signatures,
    columns: [
      { header: w.role, width: 20 },
      { header: w.nameAndTitle, width: 40 },
      { header: w.date, width: 20 },
      { header: w.signature, width: 20 },
    ],
    rows: steps.map(([label, by, on]) => ({ cells: [label, given(by), date(on), ""] })),
  };
}

/** A date typed as 2024-01-15 is written out (« 15 janvier 2024 »); anything else stays as typed. */
function writtenDate(text: string, locale: Locale): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  try {
    return formatDate(text, locale);
  } catch {
    return text;
  }
}
