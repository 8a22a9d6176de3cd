// Plan trees kept between reads. A tree is a pure function of the plan's
// figures (activities, lines, declared totals), its project's settings and its
// framework; it is kept under a key that every change of those changes:
// - the plan row's `xmin`: every write of a plan's content updates that row in
//   its own transaction (the stored totals, totals.ts), so the row gets a new
//   transaction id when, and as soon as, the content changes;
// - the project's version (currency, fiscal year, level labels);
// - the framework nodes' ids and versions, read at each request (a few rows).
// A server only keeps what any server can check against the database: a second
// server has its own, with the same keys. Reads inside a transaction never use
// it (the transaction may have changed the content without committing).
import { planTree } from "@baara/core";
import { asc, eq, sql } from "drizzle-orm";
import type { ProjectRow, WorkplanRow } from "../access/policy.ts";
import type { Db } from "../db/client.ts";
import { resultNodes, workplans } from "../db/schema.ts";
import { loadPlanFiguresOf, type PlanFigures, type PlanFiguresTree } from "./plan-tree.ts";

interface Entry {
  key: string;
  plan: PlanFigures;
  tree: PlanFiguresTree;
  lines: number;
}

/** Budget lines held at most (about a kilobyte each); BAARA_PLAN_CACHE_LINES=0 turns the cache off. */
export function planCacheLinesFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.BAARA_PLAN_CACHE_LINES;
  const value = raw === undefined || raw === "" ? 50_000 : Number(raw);
  if (!Number.isSafeInteger(value) || value < 0)
    throw new Error(`BAARA_PLAN_CACHE_LINES must be a whole number ≥ 0, not "${raw}"`);
  return value;
}

/** The most recently read plans' trees, within a budget of lines; one entry per plan. */
export class PlanTreeCache {
  private readonly entries = new Map<string, Entry>();
  private lines = 0;

  constructor(private readonly maxLines: number) {}

  get(workplanId: string, key: string): Entry | undefined {
    const entry = this.entries.get(workplanId);
    if (!entry || entry.key !== key) return undefined;
    // Most recently used last.
    this.entries.delete(workplanId);
    this.entries.set(workplanId, entry);
    return entry;
  }

  set(workplanId: string, entry: Entry): void {
    this.drop(workplanId);
    if (this.maxLines === 0 || entry.lines > this.maxLines) return;
    this.entries.set(workplanId, entry);
    this.lines += entry.lines;
    for (const [id] of this.entries) {
      if (this.lines <= this.maxLines) break;
      this.drop(id);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  private drop(workplanId: string): void {
    const entry = this.entries.get(workplanId);
    if (!entry) return;
    this.entries.delete(workplanId);
    this.lines -= entry.lines;
  }
}

const caches = new WeakMap<Db, PlanTreeCache>();

function cacheOf(db: Db): PlanTreeCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new PlanTreeCache(planCacheLinesFromEnv());
    caches.set(db, cache);
  }
  return cache;
}

/**
 * The plan's figures and tree, from the cache when the plan, its project and its
 * framework are as they were, else read (and kept). `db` must not be a transaction.
 * One query on a hit (the plan row's xmin and the framework); four on a miss, as many as without the cache.
 */
export async function readPlanFigures(
  db: Db,
  workplan: WorkplanRow,
  project: ProjectRow,
): Promise<{ plan: PlanFigures; tree: PlanFiguresTree }> {
  const cache = cacheOf(db);
  const rows = await db
    .select({ xmin: sql<string>`${workplans}.xmin::text`, node: resultNodes })
    .from(workplans)
    .leftJoin(resultNodes, eq(resultNodes.projectId, workplans.projectId))
    .where(eq(workplans.id, workplan.id))
    .orderBy(asc(resultNodes.position));
  const xmin = rows[0]?.xmin;
  const nodes = rows.flatMap((r) => (r.node ? [r.node] : []));
  const key = [
    xmin ?? "gone",
    workplan.version,
    project.id,
    project.version,
    nodes.map((n) => `${n.id}.${n.version}`).join(","),
  ].join("|");
  const kept = cache.get(workplan.id, key);
  if (kept) return kept;
  const plan = await loadPlanFiguresOf(db, workplan, project, nodes);
  const tree = planTree(plan);
  if (xmin !== undefined) cache.set(workplan.id, { key, plan, tree, lines: plan.lines.length });
  return { plan, tree };
}
