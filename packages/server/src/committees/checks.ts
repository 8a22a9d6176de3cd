// Checks of the ids a committee request names, so that a wrong one is a 422
// naming its field, never a foreign-key failure (500) after half the writes.
import { eq, inArray } from "drizzle-orm";
import type { Context } from "../context.ts";
import { activities, organisations, projects, users, workplans } from "../db/schema.ts";
import { ancestorIds } from "../db/trees.ts";
import { AppError, type FieldProblem, invalidFields, notFoundField } from "../http/errors.ts";

type Named = { field: string; id: string | null | undefined };

async function missing(ctx: Context, table: typeof users | typeof organisations, named: Named[]): Promise<Named[]> {
  const ids = [...new Set(named.flatMap((n) => (n.id ? [n.id] : [])))];
  if (ids.length === 0) return [];
  const found = new Set((await ctx.db.select({ id: table.id }).from(table).where(inArray(table.id, ids))).map((r) => r.id));
  return named.filter((n) => n.id && !found.has(n.id));
}

/** Every user and organisation named exists; else one problem per field. */
export async function checkPeopleAndStructures(ctx: Context, people: Named[], structures: Named[]): Promise<void> {
  const problems: FieldProblem[] = [
    ...(await missing(ctx, users, people)).map((n) => notFoundField(n.field, "user")),
    ...(await missing(ctx, organisations, structures)).map((n) => notFoundField(n.field, "organisation")),
  ];
  if (problems.length > 0) throw invalidFields(problems);
}

export interface LinkInput {
  activityId: string | null;
  workplanId: string | null;
}

/**
 * A recommendation's links: each to one activity or one plan version, of a
 * project of the recommendation's organisation (or of one under it), or of
 * its own project when it has one.
 */
export async function checkLinks(
  ctx: Context,
  links: readonly LinkInput[],
  scope: { organisationId: string; projectId: string | null },
): Promise<void> {
  const problems: FieldProblem[] = [];
  links.forEach((l, i) => {
    if ((l.activityId === null) === (l.workplanId === null))
      problems.push({ field: `links.${i}`, code: "LINK_TARGET", message: "LINK_TARGET" });
  });
  if (problems.length > 0) throw invalidFields(problems);
  const activityIds = links.flatMap((l) => (l.activityId ? [l.activityId] : []));
  const planIds = links.flatMap((l) => (l.workplanId ? [l.workplanId] : []));
  const projectOf = new Map<string, { projectId: string; organisationId: string }>();
  if (activityIds.length > 0) {
    const rows = await ctx.db
      .select({ id: activities.id, projectId: workplans.projectId, organisationId: projects.organisationId })
      .from(activities)
      .innerJoin(workplans, eq(workplans.id, activities.workplanId))
      .innerJoin(projects, eq(projects.id, workplans.projectId))
      .where(inArray(activities.id, activityIds));
    for (const r of rows) projectOf.set(r.id, r);
  }
  if (planIds.length > 0) {
    const rows = await ctx.db
      .select({ id: workplans.id, projectId: workplans.projectId, organisationId: projects.organisationId })
      .from(workplans)
      .innerJoin(projects, eq(projects.id, workplans.projectId))
      .where(inArray(workplans.id, planIds));
    for (const r of rows) projectOf.set(r.id, r);
  }
  const chains = new Map<string, string[]>();
  for (const [i, l] of links.entries()) {
    const field = l.activityId ? `links.${i}.activityId` : `links.${i}.workplanId`;
    const target = projectOf.get(l.activityId ?? l.workplanId ?? "");
    if (!target) {
      problems.push(notFoundField(field, l.activityId ? "activity" : "workplan"));
      continue;
    }
    if (scope.projectId) {
      if (target.projectId !== scope.projectId)
        problems.push({ field, code: "LINK_OTHER_ORGANISATION", message: "LINK_OTHER_ORGANISATION" });
      continue;
    }
    const chain = chains.get(target.organisationId) ?? (await ancestorIds(ctx.db, "organisations", target.organisationId));
    chains.set(target.organisationId, chain);
    if (!chain.includes(scope.organisationId))
      problems.push({ field, code: "LINK_OTHER_ORGANISATION", message: "LINK_OTHER_ORGANISATION" });
  }
  if (problems.length > 0) throw invalidFields(problems);
}

/** The minutes of an approved session no longer change, nor what the session recorded. */
export function requireMinutesOpen(meeting: { status: string }): void {
  if (meeting.status === "minutes_approved") throw new AppError("MINUTES_APPROVED");
}
