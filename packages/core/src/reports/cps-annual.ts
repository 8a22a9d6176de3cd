// The annual activity report and action plan of a planning cell, in the CPS
// report's order: introduction, missions, resources, the year's plan and its
// execution table with its rate, the follow-up of the previous session's
// recommendations, physical and financial execution with the amounts in words,
// difficulties, perspectives, next year's plan (objectives, results,
// activities, indicator, cost, monthly chronogram, responsible), conclusion.
// Every figure and every rate comes from the snapshot; the words of an amount
// come from the amount.
import type * as api from "../api/index.ts";
import type { ExecutionTableRow } from "../execution/table.ts";
import { formatDate, formatNumber, formatRate } from "../format.ts";
import { catalogue, type Locale } from "../i18n/messages.ts";
import { type CurrencyCode, parseAmount } from "../money.ts";
import { amountInWordsAndFigures, countInWordsAndFigures } from "../words.ts";
import { figureCell, type ReportBlock, type ReportCell, type ReportDocument, type ReportRow } from "./document.ts";
import { fill, narrativeBlocks, type ReportProject } from "./shared.ts";

export interface CpsAnnualData {
  template: "cps-annual";
  project: ReportProject;
  year: number;
  /** The year's plan in force and its execution; null when the year has no approved plan. */
  execution: api.WorkplanExecution | null;
  executionTable: ExecutionTableRow[];
  unplanned: { title: string; period: string; observations: string }[];
  /** The recommendations of the committee's last session before the report, as they stand. */
  recommendations: { session: { title: string; date: string } | null; items: api.Recommendation[] };
  /** Next year's plan (the version in force, else the latest) and its total. */
  nextPlan: (api.WorkplanContent & { total: string }) | null;
}

const minorOf = (amount: string | null, currency: CurrencyCode): number | null => {
  if (amount === null) return null;
  const parsed = parseAmount(amount, currency);
  return parsed.ok ? parsed.value : null;
};

/** 71 500 000 → « 71 500 »: the plan's costs in thousands, as the CPS writes them (the cell holds 71500). */
export function thousandsCell(amount: string, locale: Locale): ReportCell {
  const negative = amount.startsWith("-");
  const [whole = "0", fraction = ""] = amount.replace("-", "").split(".");
  const digits = whole.padStart(4, "0");
  const decimal = `${digits.slice(0, -3).replace(/^0+(?=\d)/, "")}.${digits.slice(-3)}${fraction}`.replace(/\.?0+$/, "");
  const value = `${negative ? "-" : ""}${decimal || "0"}`;
  return figureCell(formatNumber(value, locale), value, "number");
}

export function cpsAnnualDocument(data: CpsAnnualData, narrative: Record<string, string>, locale: Locale): ReportDocument {
  const w = catalogue[locale].reportExport;
  const { project, year } = data;
  const blocks = (field: string) => narrativeBlocks(field, narrative[field]);
  const head = (level: 1 | 2 | 3, text: string): ReportBlock => ({ kind: "heading", level, text });
  const title = fill(w.cpsTitle, { year, next: year + 1 });
  const opening: ReportBlock[] = [
    { kind: "paragraph", text: project.organisationName, bold: true },
    { kind: "title", text: title },
    { kind: "paragraph", text: project.title },
    head(1, w.introduction),
    ...blocks("introduction"),
    head(1, fill(w.cpsChapter1, { year })),
    head(2, w.missions),
    ...blocks("missions"),
    head(2, w.resources),
    head(3, w.humanResources),
    ...blocks("humanResources"),
    head(3, w.materialResources),
    ...blocks("materialResources"),
    head(3, w.financialResources),
    ...creditSentences(data, locale),
    head(2, fill(w.planAndExecution, { year })),
    ...physicalSentence(data, locale),
  ];
  const table = executionTableBlock(data, locale);
  const followUp: ReportBlock[] = [
    head(2, w.previousRecommendations),
    ...recommendationsBlocks(data, locale),
    head(1, fill(w.cpsChapter2, { year })),
    head(2, w.physicalExecution),
    ...physicalSentence(data, locale),
    head(2, w.financialExecution),
    ...spendingSentences(data, locale),
    head(2, w.difficulties),
    ...blocks("difficulties"),
    head(2, w.perspectives),
    ...blocks("perspectives"),
    head(1, fill(w.cpsChapter3, { next: year + 1 })),
    ...nextPlanIntro(data, locale),
  ];
  const closing: ReportBlock[] = [head(1, w.conclusion), ...blocks("conclusion")];
  return {
    title,
    fileStem: `${project.code}-rapport-${year}`,
    sections: [
      { blocks: opening },
      { landscape: true, blocks: [table] },
      { blocks: followUp },
      { landscape: true, blocks: [nextPlanTable(data, locale)] },
      { blocks: closing },
    ],
  };
}

function creditSentences(data: CpsAnnualData, locale: Locale): ReportBlock[] {
  const w = catalogue[locale].reportExport;
  const execution = data.execution;
  const currency = data.project.currency;
  const credit = minorOf(execution?.plan.financial.paymentCredit ?? null, currency);
  if (!execution || credit === null) return [{ kind: "paragraph", text: fill(w.noCredit, { year: data.year }) }];
  const parts = execution.byCategory
    .map((c) => ({ category: c.category, minor: minorOf(c.paymentCredit, currency) ?? 0 }))
    .filter((c) => c.minor > 0);
  const split =
    parts.length > 1
      ? `${w.of} ${parts
        .map(
          (c) =>
            `${amountInWordsAndFigures(c.minor, currency, locale)} ${fill(w.forCategory, { category: c.category ?? w.noCategory })}`,
        )
        .join(` ${w.and} `)}`
      : "";
  return [
    {
      kind: "paragraph",
      text: `${fill(w.creditSentence, { year: data.year, amount: amountInWordsAndFigures(credit, currency, locale) })}${split ? `, ${split}` : ""}.`,
    },
  ];
}

function physicalSentence(data: CpsAnnualData, locale: Locale): ReportBlock[] {
  const w = catalogue[locale].reportExport;
  const physical = data.execution?.plan.physical;
  if (!physical) return [{ kind: "paragraph", text: fill(w.noPlan, { year: data.year }) }];
  const previous = data.execution?.previous;
  const against = previous?.physical.rate
    ? fill(w.againstPrevious, { rate: formatRate(previous.physical.rate, locale), year: previous.year })
    : "";
  return [
    {
      kind: "paragraph",
      text: `${fill(w.physicalSentence, {
        planned: countInWordsAndFigures(physical.planned, locale),
        done: countInWordsAndFigures(physical.done, locale),
        year: data.year,
        rate: formatRate(physical.rate, locale),
      })}${against}.`,
    },
  ];
}

function spendingSentences(data: CpsAnnualData, locale: Locale): ReportBlock[] {
  const w = catalogue[locale].reportExport;
  const financial = data.execution?.plan.financial;
  const currency = data.project.currency;
  if (!financial) return [];
  const committed = minorOf(financial.committed, currency) ?? 0;
  const liquidated = minorOf(financial.liquidated, currency) ?? 0;
  const paid = minorOf(financial.paid, currency) ?? 0;
  const words = (minor: number) => amountInWordsAndFigures(minor, currency, locale);
  const out: ReportBlock[] = [...creditSentences(data, locale)];
  const committedText = fill(w.committedSentence, { amount: words(committed) });
  out.push({
    kind: "paragraph",
    text:
      financial.rates.committedOfPaymentCredit === null
        ? `${committedText}.`
        : `${committedText}, ${fill(w.rateOfCredit, { rate: formatRate(financial.rates.committedOfPaymentCredit, locale) })}.`,
  });
  out.push({
    kind: "paragraph",
    text:
      financial.rates.liquidatedOfPaymentCredit === null
        ? `${fill(w.liquidatedSentence, { amount: words(liquidated) })}.`
        : `${fill(w.liquidatedSentence, { amount: words(liquidated) })}, ${fill(w.rateOfCredit, { rate: formatRate(financial.rates.liquidatedOfPaymentCredit, locale) })}.`,
  });
  if (paid !== liquidated) out.push({ kind: "paragraph", text: `${fill(w.paidSentence, { amount: words(paid) })}.` });
  return out;
}

function executionTableBlock(data: CpsAnnualData, locale: Locale): ReportBlock {
  const w = catalogue[locale].reportExport;
  const levels = data.project.levelLabels;
  const share = Math.floor(40 / Math.max(1, levels.length));
  const rows: ReportRow[] = data.executionTable.map((row) => ({
    cells: [
      ...row.levels.map((l) => l ?? ""),
      row.activity,
      figureCell(String(row.executed), String(row.executed), "count"),
      row.period,
      row.observations,
    ],
  }));
  for (const u of data.unplanned)
    rows.push({ cells: [...levels.map(() => ""), `${u.title} (${w.unplanned})`, "", u.period, u.observations] });
  return {
    kind: "table",
    sheet: fill(w.sheetExecution, { year: data.year }),
    caption: fill(w.executionTableCaption, { year: data.year }),
    columns: [
      ...levels.map((header) => ({ header, width: share })),
      { header: w.activity, width: 24 },
      { header: w.executedColumn, width: 8, align: "center" as const },
      { header: w.period, width: 12 },
      { header: w.observations, width: 56 - 24 - share * levels.length + 40 - 20 },
    ],
    rows,
  };
}

function recommendationsBlocks(data: CpsAnnualData, locale: Locale): ReportBlock[] {
  const w = catalogue[locale].reportExport;
  const { session, items } = data.recommendations;
  if (!session || items.length === 0) return [{ kind: "paragraph", text: w.noRecommendations }];
  const count = (status: api.Recommendation["status"]) => items.filter((r) => r.status === status).length;
  const mark = (yes: boolean) => (yes ? "X" : "");
  return [
    {
      kind: "paragraph",
      text: fill(w.recommendationsSentence, {
        session: session.title,
        date: formatDate(session.date, locale),
        count: countInWordsAndFigures(items.length, locale),
        done: count("done"),
        inProgress: count("in_progress"),
        notDone: count("not_started"),
      }),
    },
    {
      kind: "table",
      sheet: w.sheetRecommendations,
      caption: w.recommendationsCaption,
      columns: [
        { header: w.number, width: 6 },
        { header: w.recommendation, width: 44 },
        { header: w.responsibleStructures, width: 20 },
        { header: w.executed, width: 10, align: "center" },
        { header: w.inProgress, width: 10, align: "center" },
        { header: w.notExecuted, width: 10, align: "center" },
      ],
      rows: items.map((r, i) => ({
        cells: [
          String(i + 1),
          r.text,
          r.responsibleStructures.join(", "),
          mark(r.status === "done"),
          mark(r.status === "in_progress"),
          mark(r.status === "not_started" || r.status === "dropped"),
        ],
      })),
    },
  ];
}

function nextPlanIntro(data: CpsAnnualData, locale: Locale): ReportBlock[] {
  const w = catalogue[locale].reportExport;
  const plan = data.nextPlan;
  if (!plan) return [{ kind: "paragraph", text: fill(w.noNextPlan, { next: data.year + 1 }) }];
  const currency = plan.currency as CurrencyCode;
  const total = minorOf(plan.total, currency) ?? 0;
  return [
    {
      kind: "paragraph",
      text: fill(w.nextPlanSentence, {
        next: data.year + 1,
        count: countInWordsAndFigures(plan.activities.length, locale),
        amount: amountInWordsAndFigures(total, currency, locale),
      }),
    },
  ];
}

function nextPlanTable(data: CpsAnnualData, locale: Locale): ReportBlock {
  const w = catalogue[locale].reportExport;
  const months = catalogue[locale].months.short;
  const plan = data.nextPlan;
  const width = 5 + 12 + 3;
  const columns = [
    { header: w.activity, width: 30 },
    { header: w.indicator, width: 18 },
    { header: w.costThousands, width: 8, align: "right" as const },
    ...months.map((header) => ({ header, width: 2, align: "center" as const })),
    { header: w.responsible, width: 44 - width - 12 },
  ];
  const rows: ReportRow[] = [];
  if (plan) {
    const byParent = new Map<string | null, api.WorkplanContent["nodes"]>();
    for (const node of plan.nodes) byParent.set(node.parentId, [...(byParent.get(node.parentId) ?? []), node]);
    const activitiesOf = new Map<string | null, api.Activity[]>();
    for (const a of [...plan.activities].sort((x, y) => x.position - y.position))
      activitiesOf.set(a.resultNodeId, [...(activitiesOf.get(a.resultNodeId) ?? []), a]);
    const activityRow = (a: api.Activity): ReportRow => ({
      cells: [
        a.code ? `${a.code}. ${a.title}` : a.title,
        a.outputIndicator ?? "",
        a.noCost ? w.pm : thousandsCell(a.total, locale),
        ...months.map((_, m) => (a.months.includes(m + 1) ? "X" : "")),
        a.responsible ?? "",
      ],
    });
    // A node is shown when activities of next year's plan hang under it.
    const used = (id: string): boolean =>
      (activitiesOf.get(id)?.length ?? 0) > 0 || (byParent.get(id) ?? []).some((child) => used(child.id));
    const walk = (parentId: string | null, depth: number) => {
      for (const node of (byParent.get(parentId) ?? []).filter((n) => used(n.id))) {
        const label = `${plan.levelLabels[depth] ?? ""} ${node.code}. ${node.title}`.trim();
        rows.push({ cells: [label], span: columns.length, style: "group" });
        for (const a of activitiesOf.get(node.id) ?? []) rows.push(activityRow(a));
        walk(node.id, depth + 1);
      }
    };
    walk(null, 0);
    for (const a of activitiesOf.get(null) ?? []) rows.push(activityRow(a));
    const total = plan.total;
    rows.push({
      style: "total",
      cells: [w.total, "", thousandsCell(total, locale), ...months.map(() => ""), ""],
    });
  }
  return {
    kind: "table",
    sheet: fill(w.sheetNextPlan, { next: data.year + 1 }),
    caption: fill(w.nextPlanCaption, { next: data.year + 1 }),
    columns,
    rows,
  };
}
