// The one loader of a project's indicators: its framework nodes, indicators,
// targets, values (with who entered and reviewed them) and their documents,
// in five bounded queries whatever the number of indicators.
import { asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { ProjectRow } from "../access/policy.ts";
import type { Db } from "../db/client.ts";
import {
  indicatorDocuments,
  indicators,
  indicatorTargets,
  indicatorValues,
  resultNodes,
  storedFiles,
  users,
} from "../db/schema.ts";

export type IndicatorRow = typeof indicators.$inferSelect;
export type TargetRow = typeof indicatorTargets.$inferSelect;
export type ValueRow = typeof indicatorValues.$inferSelect;
export type NodeRow = typeof resultNodes.$inferSelect;

export interface DocumentEntry {
  id: string;
  valueId: string;
  title: string;
  fileName: string;
  size: number;
  createdAt: Date;
}

export interface ValueEntry extends ValueRow {
  enteredByName: string | null;
  reviewedByName: string | null;
  documents: DocumentEntry[];
}

export interface LoadedIndicators {
  project: ProjectRow;
  nodes: NodeRow[];
  indicators: IndicatorRow[];
  targets: Map<string, TargetRow[]>;
  values: Map<string, ValueEntry[]>;
}

const enterer = alias(users, "enterer");
const reviewer = alias(users, "reviewer");

/** A project's indicators (or only `indicatorId`), with everything that tells where they stand. */
export async function loadIndicators(db: Db, project: ProjectRow, indicatorId?: string): Promise<LoadedIndicators> {
  const [nodes, rows] = await Promise.all([
    db
      .select()
      .from(resultNodes)
      .where(eq(resultNodes.projectId, project.id))
      .orderBy(asc(resultNodes.level), asc(resultNodes.position)),
    db
      .select()
      .from(indicators)
      .where(indicatorId ? eq(indicators.id, indicatorId) : eq(indicators.projectId, project.id))
      .orderBy(asc(indicators.position), asc(indicators.code)),
  ]);
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return { project, nodes, indicators: rows, targets: new Map(), values: new Map() };
  const [targetRows, valueRows] = await Promise.all([
    db.select().from(indicatorTargets).where(inArray(indicatorTargets.indicatorId, ids)),
    db
      .select({ value: indicatorValues, enteredByName: enterer.name, reviewedByName: reviewer.name })
      .from(indicatorValues)
      .leftJoin(enterer, eq(enterer.id, indicatorValues.enteredById))
      .leftJoin(reviewer, eq(reviewer.id, indicatorValues.reviewedById))
      .where(inArray(indicatorValues.indicatorId, ids)),
  ]);
  const valueIds = valueRows.map((r) => r.value.id);
  const documentRows =
    valueIds.length === 0
      ? []
      : await db
          .select({
            id: indicatorDocuments.id,
            valueId: indicatorDocuments.valueId,
            title: indicatorDocuments.title,
            fileName: storedFiles.name,
            size: storedFiles.size,
            createdAt: indicatorDocuments.createdAt,
          })
          .from(indicatorDocuments)
          .innerJoin(storedFiles, eq(storedFiles.id, indicatorDocuments.fileId))
          .where(inArray(indicatorDocuments.valueId, valueIds))
          .orderBy(asc(indicatorDocuments.createdAt));
  const targets = groupBy(targetRows, (t) => t.indicatorId);
  const documents = groupBy(documentRows, (d) => d.valueId);
  const values = groupBy(
    valueRows.map((r) => ({
      ...r.value,
      enteredByName: r.enteredByName,
      reviewedByName: r.reviewedByName,
      documents: documents.get(r.value.id) ?? [],
    })),
    (v) => v.indicatorId,
  );
  return { project, nodes, indicators: rows, targets, values };
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}
