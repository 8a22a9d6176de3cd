// The progress report of a UN Peacebuilding Fund project, in the order of the
// PBF's form: identity, budget with its implementation rate, gender and risk
// markers, who prepared and approved it; Part I overall progress, Part II
// progress by outcome, Part III cross-cutting issues, Part IV the results
// framework's indicators (baseline, end target, milestone, current progress,
// reasons for variance). Every indicator figure is where the server's
// presenter says the indicator stood at the end of the period; the rate is
// expenditure ÷ approved budget, computed exactly, and only from figures given.
import type * as api from "../api/index.ts";
import { percentOf } from "../execution/rates.ts";
import { formatDate, formatMoney, formatNumber, formatRate } from "../format.ts";
import { catalogue, type Locale } from "../i18n/messages.ts";
import type { PeriodRef } from "../indicators/progress.ts";
import { type CurrencyCode, type Minor, parseAmount } from "../money.ts";
import { figureCell, type ReportBlock, type ReportCell, type ReportDocument, type ReportRow } from "./document.ts";
import { fill, narrativeBlocks, type ReportProject, safeFileStem } from "./shared.ts";
import { REPORT_PERIODS } from "./templates.ts";

export type PbfPeriod = (typeof REPORT_PERIODS)["pbf-progress"][number];

export const isPbfPeriod = (period: string): period is PbfPeriod =>
  (REPORT_PERIODS["pbf-progress"] as readonly string[]).includes(period);

/** Where the indicators are read: the June report at the end of the first semester, the others at the end of the year. */
export function pbfAsOf(year: number, period: PbfPeriod): PeriodRef {
  return { year, period: period === "semiannual" ? "S1" : "Y" };
}

/** A node of the results framework with the indicators hung on it. */
export interface PbfResult {
  code: string;
  title: string;
  indicators: api.Indicator[];
}

export interface PbfOutcome extends PbfResult {
  /** Its outputs (the level below); indicators of deeper nodes are counted with their output. */
  outputs: PbfResult[];
}

export interface PbfProgressData {
  template: "pbf-progress";
  project: ReportProject & {
    country: string;
    /** The project's partners that implement it. */
    recipientAgencies: string[];
    startDate: string | null;
    endDate: string | null;
    genderMarker: string | null;
    riskMarker: string | null;
  };
  year: number;
  period: PbfPeriod;
  outcomes: PbfOutcome[];
  /** Indicators hung on no node of the framework. */
  unplaced: api.Indicator[];
}

type Words = (typeof catalogue)[Locale]["pbfReport"];

export function pbfProgressDocument(
  data: PbfProgressData,
  narrative: Record<string, string>,
  locale: Locale,
): ReportDocument {
  const w = catalogue[locale].pbfReport;
  const { project, year } = data;
  const head = (level: 1 | 2 | 3, text: string): ReportBlock => ({ kind: "heading", level, text });
  const answer = (field: string, question: string) => narrativeBlocks(field, narrative[field], question);
  const outcomeLabel = project.levelLabels[0] ?? "";
  const front: ReportBlock[] = [
    { kind: "title", text: w.title },
    head(1, w.identity),
    { kind: "fields", rows: identityRows(data, locale) },
    head(1, w.budget),
    { kind: "fields", rows: budgetRows(data, narrative, locale) },
    head(1, w.markers),
    {
      kind: "fields",
      rows: [
        [w.genderMarker, project.genderMarker ?? w.notGiven],
        [w.riskMarker, project.riskMarker ?? w.notGiven],
      ],
    },
    head(1, w.preparation),
    {
      kind: "fields",
      rows: (["preparedBy", "approvedBy"] as const).map((key) => [
        catalogue[locale].reportField[key],
        narrative[key]?.trim() || w.notGiven,
      ]),
    },
    head(1, w.part1),
    ...(["overallProgress", "nextSixMonths", "structuralChange", "humanImpact"] as const).flatMap((key) =>
      answer(key, w.question[key]),
    ),
    head(1, w.part2),
    ...data.outcomes.flatMap((outcome) => [
      head(2, fill(w.result, { label: outcomeLabel, code: outcome.code, title: outcome.title })),
      ...answer(`outcomeSummary.${outcome.code}`, w.question.outcomeSummary),
      ...answer(`outcomeGender.${outcome.code}`, w.question.outcomeGender),
    ]),
    head(1, w.part3),
    ...(["monitoring", "evaluation", "other"] as const).flatMap((key) => answer(key, w.question[key])),
  ];
  const indicators: ReportBlock[] = [head(1, w.part4), indicatorTable(data, locale)];
  return {
    title: `${w.title} — ${project.code}`,
    fileStem: safeFileStem(`${project.code}-rapport-pbf-${year}-${data.period}`),
    sections: [{ blocks: front }, { landscape: true, blocks: indicators }],
  };
}

function identityRows(data: PbfProgressData, locale: Locale): [string, string][] {
  const w = catalogue[locale].pbfReport;
  const { project } = data;
  const date = (iso: string | null) => (iso ? formatDate(iso, locale) : w.notGiven);
  return [
    [w.country, project.country],
    [w.reportType, catalogue[locale].reportPeriod[data.period]],
    [w.reportYear, String(data.year)],
    [w.projectTitle, project.title],
    [w.projectNumber, project.code],
    [w.recipientAgencies, project.recipientAgencies.join(", ") || w.notGiven],
    [w.startDate, date(project.startDate)],
    [w.endDate, date(project.endDate)],
  ];
}

/** An amount field as minor units; null when it is empty or not an amount (the form refuses those). */
function amountField(narrative: Record<string, string>, key: string, currency: CurrencyCode): Minor | null {
  const text = narrative[key]?.trim();
  if (!text) return null;
  const parsed = parseAmount(text, currency);
  return parsed.ok ? parsed.value : null;
}

function budgetRows(data: PbfProgressData, narrative: Record<string, string>, locale: Locale): [string, string][] {
  const w = catalogue[locale].pbfReport;
  const { currency } = data.project;
  const amount = (key: string) => amountField(narrative, key, currency);
  const money = (minor: Minor | null) => (minor === null ? w.notGiven : formatMoney(minor, currency, locale));
  const approved = amount("approvedBudget");
  const spent = amount("expenditure");
  // Without both figures there is no rate to state: none is guessed.
  const rate = approved === null || spent === null ? null : percentOf(spent, approved);
  return [
    [w.approvedBudget, money(approved)],
    [w.expenditure, money(spent)],
    [w.implementationRate, rate === null ? w.notGiven : formatRate(rate, locale)],
    [w.genderBudgetAllocated, money(amount("genderBudgetAllocated"))],
    [w.genderBudgetSpent, money(amount("genderBudgetSpent"))],
  ];
}

function indicatorTable(data: PbfProgressData, locale: Locale): ReportBlock {
  const w = catalogue[locale].pbfReport;
  const [outcomeLabel = "", outputLabel = ""] = data.project.levelLabels;
  const columns = [
    { header: w.indicators, width: 32 },
    { header: w.baseline, width: 9, align: "center" as const },
    { header: w.target, width: 10, align: "center" as const },
    { header: w.milestone, width: 15 },
    { header: w.current, width: 16 },
    { header: w.reason, width: 18 },
  ];
  const group = (text: string): ReportRow => ({ cells: [text], span: columns.length, style: "group" });
  const rows: ReportRow[] = [];
  for (const outcome of data.outcomes) {
    rows.push(group(fill(w.result, { label: outcomeLabel, code: outcome.code, title: outcome.title })));
    rows.push(...outcome.indicators.map((i) => indicatorRow(i, w, locale)));
    for (const output of outcome.outputs) {
      rows.push(group(fill(w.result, { label: outputLabel, code: output.code, title: output.title })));
      rows.push(...output.indicators.map((i) => indicatorRow(i, w, locale)));
    }
  }
  if (data.unplaced.length > 0) {
    rows.push(group(w.outsideFramework));
    rows.push(...data.unplaced.map((i) => indicatorRow(i, w, locale)));
  }
  if (rows.length === 0) rows.push({ cells: [w.noIndicators], span: columns.length });
  return {
    kind: "table",
    sheet: w.sheet,
    caption: fill(w.tableCaption, { period: catalogue[locale].reportPeriod[data.period], year: data.year }),
    columns,
    rows,
  };
}

function indicatorRow(indicator: api.Indicator, w: Words, locale: Locale): ReportRow {
  const { progress } = indicator;
  const milestoneTarget = indicator.targets.find(
    (t) => t.year === progress.milestone?.year && t.period === progress.milestone?.period,
  );
  // A milestone without a year is the end target standing in for one: the target column already shows it.
  const milestone = progress.milestone?.year ? progress.milestone.value : null;
  const milestoneComment = milestone === null ? null : milestoneTarget?.comment?.trim() || null;
  return {
    cells: [
      fill(w.indicator, { code: indicator.code, name: indicator.name }),
      figure(indicator.baselineValue, indicator.measure, w, locale),
      figure(indicator.endTarget, indicator.measure, w, locale),
      milestoneComment
        ? `${figureText(milestone!, indicator.measure, w, locale)} (${milestoneComment})`
        : figure(milestone, indicator.measure, w, locale),
      currentProgress(indicator, w, locale),
      indicator.latestValue?.varianceReason ?? "",
    ],
  };
}

/** An indicator figure as the results table writes it: « 15 », « 50 % », « Oui ». */
function figureText(value: string, measure: api.Indicator["measure"], w: Words, locale: Locale): string {
  if (measure === "yes_no") return Number(value) > 0 ? w.yes : w.no;
  const number = formatNumber(value, locale);
  if (measure !== "percentage") return number;
  return locale === "fr" ? `${number}\u00a0%` : `${number}%`;
}

function figure(value: string | null, measure: api.Indicator["measure"], w: Words, locale: Locale): ReportCell {
  if (value === null) return "";
  const text = figureText(value, measure, w, locale);
  return measure === "yes_no" ? text : figureCell(text, value, "number");
}

/**
 * « 15 dont 6 femmes (atteinte : 50,00 %) »: the value to date, the categories
 * its breakdown gives (as core's breakdown reads them), and its achievement.
 */
function currentProgress(indicator: api.Indicator, w: Words, locale: Locale): string {
  const { progress, measure } = indicator;
  if (measure === "text") return indicator.latestValue?.textValue ?? "";
  if (progress.current === null) return "";
  const categories = catalogue[locale].category as Record<string, string>;
  const of = catalogue[locale].reportExport.of;
  const parts = progress.breakdown.flatMap((d) =>
    d.rows.map((r) => {
      const value = figureText(r.value, measure, w, locale);
      // A place keeps its capital: « 4 à Mopti »; a category is a common noun: « 6 femmes ».
      if (d.dimension === "location") return `${value} ${fill(w.inPlace, { place: r.category })}`;
      return `${value} ${(categories[r.category] ?? r.category).toLocaleLowerCase(locale)}`;
    }),
  );
  const value = figureText(progress.current, measure, w, locale);
  const text = parts.length > 0 ? `${value} ${of} ${parts.join(", ")}` : value;
  return progress.achievement === null
    ? text
    : `${text} (${fill(w.achievement, { rate: formatRate(progress.achievement, locale) })})`;
}
