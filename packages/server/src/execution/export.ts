// The execution table of a plan as an xlsx file (exports/xlsx-execution.ts
// lays it out in the export thread), with each rate under it by name and formula.
import { catalogue, type ExecutionTableRow, executionTableRows, type Locale, ratesOf } from "@baara/core";
import type { Context } from "../context.ts";
import type { FileAnswer } from "../http/route.ts";
import { runExport } from "../exports/export-pool.ts";
import { type ExecutionView, listUnplanned, workplanExecution } from "./queries.ts";

export async function exportExecutionTable(ctx: Context, workplanId: string, locale: Locale): Promise<FileAnswer> {
  const view = await workplanExecution(ctx, workplanId);
  const unplanned = await listUnplanned(ctx, workplanId);
  const { workplan, project, loaded } = view;
  const { execution } = loaded;
  const words = catalogue[locale];
  const rows = executionTableOf(view);
  const { physical } = ratesOf(execution.plan);
  const percent = (rate: string | null) => (rate === null ? "—" : `${rate.replace(".", locale === "fr" ? "," : ".")} %`);
  const rate = words.rate.byCount;
  const notes = [
    `${rate.name} (${rate.formula}) : ${physical.done} / ${physical.planned} = ${percent(physical.byCount)}`,
    locale === "fr"
      ? `Activités annulées ${view.settings?.excludeCancelled === false ? "comptées parmi les programmées" : "exclues des activités programmées"} (${physical.cancelled}).`
      : `Cancelled activities ${view.settings?.excludeCancelled === false ? "counted as planned" : "left out of the planned ones"} (${physical.cancelled}).`,
  ];
  if (view.previous) {
    const before = ratesOf(view.previous.sums).physical;
    notes.push(`${rate.name} ${view.previous.workplan.year} : ${percent(before.byCount)}`);
  }
  const title =
    locale === "fr"
      ? `État d'exécution des activités du plan ${workplan.year} — ${project.title}`
      : `Execution of the activities of the ${workplan.year} plan — ${project.title}`;
  return runExport({
    execution: {
      title,
      levelLabels: project.levelLabels,
      rows,
      notes,
      unplanned: unplanned.map((u) => ({ title: u.title, period: u.periodText ?? "", observations: u.observations ?? "" })),
    },
    fileName: `${project.code}-execution-${workplan.year}-v${workplan.planVersion}.xlsx`.replace(/[^A-Za-z0-9._-]+/g, "_"),
  });
}

/** The execution table's rows (core's `executionTableRows`) of a plan's activities as they stand. */
export function executionTableOf(view: ExecutionView): ExecutionTableRow[] {
  const { execution, tree } = view.loaded;
  return executionTableRows(
    view.project.levelLabels.length,
    tree.input.nodes,
    [...tree.input.activities]
      .sort((a, b) => a.position - b.position)
      .map((a) => {
        const done = execution.activities.get(a.id);
        return {
          nodeId: a.resultNodeId,
          code: a.code,
          title: a.title,
          status: done?.status ?? "not_started",
          periodText: done?.current?.periodText ?? null,
          observations: done?.current?.observations ?? null,
          delayReason: done?.current?.delayReason ?? null,
        };
      }),
  );
}
