// The figures of a PBF progress report: the project as the form names it and
// its results framework, each indicator where it stood at the end of the
// period, read by the indicators' one loader and presenter (the same figures
// as the indicators screen and its export). The caller has authorized the read.
import {
  type api,
  isPbfPeriod,
  type Locale,
  pbfAsOf,
  type PbfOutcome,
  type PbfProgressData,
} from "@baara/core";
import { and, asc, eq } from "drizzle-orm";
import type { ProjectRow } from "../access/policy.ts";
import type { Db } from "../db/client.ts";
import { projectPartners } from "../db/schema.ts";
import { loadIndicators } from "../indicators/load.ts";
import { presentProjectIndicators } from "../indicators/present.ts";
import { reportProject } from "./project.ts";

/** Projects hold no country of their own: Baara serves Mali's administrations. */
const COUNTRY = "Mali";

export async function gatherPbfProgress(
  db: Db,
  project: ProjectRow,
  year: number,
  period: string,
  _locale: Locale,
): Promise<PbfProgressData> {
  if (!isPbfPeriod(period)) throw new RangeError(`Not a PBF report period: ${period}`);
  const identity = await reportProject(db, project);
  const implementers = await db
    .select({ name: projectPartners.name })
    .from(projectPartners)
    .where(and(eq(projectPartners.projectId, project.id), eq(projectPartners.role, "implementer")))
    .orderBy(asc(projectPartners.position));
  const framework = presentProjectIndicators(await loadIndicators(db, project), pbfAsOf(year, period));
  return {
    template: "pbf-progress",
    project: {
      ...identity,
      country: COUNTRY,
      recipientAgencies: implementers.map((p) => p.name),
      startDate: project.startDate,
      endDate: project.endDate,
      genderMarker: project.genderMarker,
      riskMarker: project.riskMarker,
    },
    year,
    period,
    ...resultsFramework(framework),
  };
}

/** Outcomes (the top level) and their outputs (the level below); an indicator of a deeper node counts with its output. */
function resultsFramework(framework: api.ProjectIndicators): Pick<PbfProgressData, "outcomes" | "unplaced"> {
  const nodes = new Map(framework.nodes.map((n) => [n.id, n]));
  const outcomes = new Map<string, PbfOutcome>();
  const outputs = new Map<string, PbfOutcome["outputs"][number]>();
  // The loader's order: by level, then position.
  for (const node of framework.nodes) {
    if (node.level === 0) outcomes.set(node.id, { code: node.code, title: node.title, indicators: [], outputs: [] });
    else if (node.level === 1 && node.parentId && outcomes.has(node.parentId)) {
      const output = { code: node.code, title: node.title, indicators: [] };
      outputs.set(node.id, output);
      outcomes.get(node.parentId)!.outputs.push(output);
    }
  }
  const unplaced: api.Indicator[] = [];
  for (const indicator of framework.indicators) {
    let node = indicator.resultNodeId ? nodes.get(indicator.resultNodeId) : undefined;
    while (node && node.level > 1) node = node.parentId ? nodes.get(node.parentId) : undefined;
    const holder = node ? (outcomes.get(node.id) ?? outputs.get(node.id)) : undefined;
    if (holder) holder.indicators.push(indicator);
    else unplaced.push(indicator);
  }
  return { outcomes: [...outcomes.values()], unplaced };
}
