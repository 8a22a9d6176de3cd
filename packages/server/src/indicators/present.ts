// Rows → API shapes; where each indicator stands is computed here by core
// from the loaded rows, the same way for the list, one indicator and the export.
import {
  type api,
  breakdownOf,
  comparePeriodRefs,
  countedValues,
  type Dimension,
  indicatorProgress,
  INDICATOR_STATUSES,
  type IndicatorStatus,
  type IndicatorDefinition,
  normalizeValue,
  type PeriodRef,
  periodOrder,
  type ReportedValue,
  type Thresholds,
  valueSeries,
} from "@baara/core";
import type * as z from "zod";
import type { IndicatorRow, LoadedIndicators, TargetRow, ValueEntry } from "./load.ts";

/** numeric(20,4) comes back as "15.0000": indicators speak in "15". */
export function figure(value: string | null): string | null {
  return value === null ? null : (normalizeValue(value) ?? value);
}

function figures(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, figure(v) ?? v]));
}

export function thresholdsOf(project: { indicatorOnTrack: string; indicatorAtRisk: string }): Thresholds {
  return { onTrack: figure(project.indicatorOnTrack)!, atRisk: figure(project.indicatorAtRisk)! };
}

export function presentValue(row: ValueEntry): api.IndicatorValue {
  return {
    id: row.id,
    indicatorId: row.indicatorId,
    year: row.year,
    period: row.period,
    value: figure(row.value),
    textValue: row.textValue,
    breakdown: figures(row.breakdown),
    comment: row.comment,
    varianceReason: row.varianceReason,
    status: row.status,
    reviewComment: row.reviewComment,
    enteredByName: row.enteredByName,
    enteredAt: row.enteredAt.toISOString(),
    reviewedByName: row.reviewedByName,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    documents: row.documents.map((d) => ({ ...d, createdAt: d.createdAt.toISOString() })),
    version: row.version,
  };
}

function presentOrNull(row: ValueEntry | undefined): api.IndicatorValue | null {
  return row ? presentValue(row) : null;
}

export function definitionOf(row: IndicatorRow, targets: TargetRow[]): IndicatorDefinition {
  return {
    measure: row.measure,
    direction: row.direction,
    cumulative: row.cumulative,
    baseline: figure(row.baselineValue),
    endTarget: figure(row.endTarget),
    targets: targets.map((t) => ({ year: t.year, period: t.period, value: figure(t.value) })),
  };
}

function reported(values: ValueEntry[]): ReportedValue[] {
  return values.map((v) => ({
    year: v.year,
    period: v.period,
    value: figure(v.value),
    breakdown: figures(v.breakdown),
    status: v.status,
  }));
}

export function presentIndicator(loaded: LoadedIndicators, row: IndicatorRow, asOf?: PeriodRef): api.Indicator {
  const targets = (loaded.targets.get(row.id) ?? []).sort((a, b) => periodOrder(a) - periodOrder(b));
  const values = (loaded.values.get(row.id) ?? []).sort(comparePeriodRefs);
  const def = definitionOf(row, targets);
  const { breakdownTotal, ...progress } = indicatorProgress(def, reported(values), thresholdsOf(loaded.project), asOf);
  const dimensions = row.dimensions as Dimension[];
  const counted = countedValues(reported(values), asOf).at(-1);
  const latest = counted ? values.find((v) => v.year === counted.year && v.period === counted.period) : undefined;
  const pending = values.filter((v) => v.status !== "validated").at(-1);
  return {
    id: row.id,
    projectId: row.projectId,
    resultNodeId: row.resultNodeId,
    nodeCode: loaded.nodes.find((n) => n.id === row.resultNodeId)?.code ?? null,
    libraryIndicatorId: row.libraryIndicatorId,
    code: row.code,
    name: row.name,
    level: row.level,
    measure: row.measure,
    unit: row.unit,
    direction: row.direction,
    cumulative: row.cumulative,
    definition: row.definition,
    calculationMethod: row.calculationMethod,
    dataSource: row.dataSource,
    verificationMeans: row.verificationMeans,
    collectionFrequency: row.collectionFrequency,
    responsible: row.responsible,
    dimensions,
    baselineValue: figure(row.baselineValue),
    baselineDate: row.baselineDate,
    baselineSource: row.baselineSource,
    endTarget: figure(row.endTarget),
    endTargetComment: row.endTargetComment,
    endTargetBreakdown: figures(row.endTargetBreakdown),
    targets: targets.map((t) => ({
      year: t.year,
      period: t.period,
      value: figure(t.value),
      breakdown: figures(t.breakdown),
      comment: t.comment,
    })),
    latestValue: latest ? presentValue(latest) : null,
    pendingValue: pending ? presentValue(pending) : null,
    periodValue: asOf ? presentOrNull(values.find((v) => v.year === asOf.year && v.period === asOf.period)) : null,
    progress: {
      ...progress,
      breakdown: breakdownOf(
        row.measure,
        breakdownTotal,
        progress.currentBreakdown,
        dimensions,
        loaded.project.locations,
        row.cumulative,
      ),
    },
    position: row.position,
    version: row.version,
  };
}

export function presentDetail(loaded: LoadedIndicators, row: IndicatorRow): z.output<typeof api.indicatorDetail> {
  const values = (loaded.values.get(row.id) ?? []).sort(comparePeriodRefs);
  const def = definitionOf(row, loaded.targets.get(row.id) ?? []);
  return { ...presentIndicator(loaded, row), values: values.map(presentValue), series: valueSeries(def, reported(values)) };
}

export function presentProjectIndicators(
  loaded: LoadedIndicators,
  asOf?: PeriodRef,
): z.output<typeof api.projectIndicators> {
  const list = loaded.indicators.map((row) => presentIndicator(loaded, row, asOf));
  const counts = Object.fromEntries(INDICATOR_STATUSES.map((s) => [s, 0])) as Record<IndicatorStatus, number>;
  for (const i of list) counts[i.progress.status] += 1;
  return {
    thresholds: thresholdsOf(loaded.project),
    locations: loaded.project.locations,
    nodes: loaded.nodes.map((n) => ({ id: n.id, parentId: n.parentId, code: n.code, title: n.title, level: n.level })),
    indicators: list,
    counts,
  };
}
