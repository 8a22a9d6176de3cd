// "A new plan version gets the next number", once, for every way a version is
// made (new plan, revision, copy to next year, import). The project's row is
// locked while the number is chosen, so concurrent requests take their turn;
// the unique index (project, year, version) still holds, and a request that
// loses anyway is retried, then answered 409, never 500.
import { supersededBy } from "@baara/core";
import { and, desc, eq, inArray, max, sql } from "drizzle-orm";
import type { ProjectRow, WorkplanRow } from "../access/policy.ts";
import type { Context } from "../context.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { inTransaction } from "../db/transaction.ts";
import { projects, workplans } from "../db/schema.ts";
import { AppError } from "../http/errors.ts";

export interface NewVersion {
  project: ProjectRow;
  year: number;
  title?: string | undefined;
  declaredTotal?: string | null;
  copiedFromId?: string | null;
}

/** The default title of a version: "PTBA 2024" (its version number is shown beside it, not in it). */
export function defaultTitle(year: number): string {
  return `PTBA ${year}`;
}

/**
 * Inserts the next version of a project's plan for a year, then lets `fill`
 * write its content, all in one transaction; answers what `fill` returns.
 */
export async function createPlanVersion<T>(
  ctx: Context,
  version: NewVersion,
  fill: (tx: Context, workplan: WorkplanRow, latest: WorkplanRow | undefined) => Promise<T>,
): Promise<T> {
  const { project, year } = version;
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(ctx, async (tx) => {
        await tx.db.execute(sql`select id from ${projects} where ${projects.id} = ${project.id} for update`);
        const [latest] = await tx.db
          .select()
          .from(workplans)
          .where(and(eq(workplans.projectId, project.id), eq(workplans.year, year)))
          .orderBy(desc(workplans.planVersion))
          .limit(1);
        const planVersion = (latest?.planVersion ?? 0) + 1;
        const [workplan] = await tx.db
          .insert(workplans)
          .values({
            projectId: project.id,
            year,
            planVersion,
            title: version.title || defaultTitle(year),
            declaredTotal: version.declaredTotal ?? null,
            copiedFromId: version.copiedFromId ?? null,
            createdById: ctx.actor?.user.id ?? null,
          })
          .returning();
        if (!workplan) throw new Error("work plan not inserted");
        return fill(tx, workplan, latest);
      });
    } catch (error) {
      // Another version numbered the same at the same moment: take the next number. Any other conflict is a fault.
      if (!isUniqueViolation(error, "workplans_project_year_version_key")) throw error;
      if (attempt >= 3) throw new AppError("PLAN_VERSION_TAKEN");
    }
  }
}

/** A plan row with the version of its project-year in force (the latest approved or endorsed one), as the API shows it. */
export type WorkplanStanding = WorkplanRow & { versionInForce: number | null };

/** The version in force of each row's project-year, in one query whatever the number of rows. */
export async function withVersionInForce(ctx: Context, rows: readonly WorkplanRow[]): Promise<WorkplanStanding[]> {
  if (rows.length === 0) return [];
  const inForce = await ctx.db
    .select({ projectId: workplans.projectId, year: workplans.year, planVersion: max(workplans.planVersion) })
    .from(workplans)
    .where(
      and(
        inArray(workplans.projectId, [...new Set(rows.map((r) => r.projectId))]),
        inArray(workplans.year, [...new Set(rows.map((r) => r.year))]),
        inArray(workplans.status, ["approved", "endorsed"]),
      ),
    )
    .groupBy(workplans.projectId, workplans.year);
  const byYear = new Map(inForce.map((r) => [`${r.projectId}:${r.year}`, r.planVersion]));
  return rows.map((row) => ({ ...row, versionInForce: byYear.get(`${row.projectId}:${row.year}`) ?? null }));
}

/** Refuses a version that a later approved version of its year supersedes: it is kept for the record and no longer changes. */
export async function requireNotSuperseded(ctx: Context, workplan: WorkplanRow): Promise<void> {
  const [standing] = await withVersionInForce(ctx, [workplan]);
  const by = supersededBy(workplan.planVersion, standing?.versionInForce ?? null);
  if (by !== null) throw new AppError("PLAN_SUPERSEDED", { version: by });
}
