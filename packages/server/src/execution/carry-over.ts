// When a newer version of a year's plan is approved, execution is followed on
// it from then on: what was recorded on the version it replaces (progress by
// period, commitments and payments, credits, unplanned activities, documents)
// is carried over, activity by activity, so that nothing recorded is left
// behind on a plan nobody follows any more.
import { and, desc, eq, inArray, ne } from "drizzle-orm";
import type { ProjectRow, WorkplanRow } from "../access/policy.ts";
import { recordAudit } from "../audit/record.ts";
import type { Context } from "../context.ts";
import { chunks } from "../db/chunks.ts";
import {
  activities,
  activityProgress,
  budgetLines,
  executionCredits,
  executionDocuments,
  executionTransactions,
  planExecutions,
  unplannedActivities,
  workplans,
} from "../db/schema.ts";

type Activity = typeof activities.$inferSelect;
type Line = typeof budgetLines.$inferSelect;

const norm = (text: string | null) => (text ?? "").trim().toLocaleLowerCase("fr").replace(/\s+/g, " ");

/**
 * The same activity in another version: same results node, code and title;
 * else the only one with the same node and code; else the only one with the same node and title.
 */
function matchActivities(from: Activity[], to: Activity[]): Map<string, string> {
  const keys = [
    (a: Activity) => `${a.resultNodeId}|${norm(a.code)}|${norm(a.title)}`,
    (a: Activity) => (a.code ? `${a.resultNodeId}|${norm(a.code)}` : null),
    (a: Activity) => `${a.resultNodeId}||${norm(a.title)}`,
  ];
  const matched = new Map<string, string>();
  const taken = new Set<string>();
  for (const key of keys) {
    const targets = new Map<string, Activity[]>();
    for (const a of to) {
      const k = key(a);
      if (k === null || taken.has(a.id)) continue;
      targets.set(k, [...(targets.get(k) ?? []), a]);
    }
    for (const a of from) {
      const k = key(a);
      const candidates = k === null ? [] : (targets.get(k) ?? []).filter((t) => !taken.has(t.id));
      if (matched.has(a.id) || candidates.length !== 1 || !candidates[0]) continue;
      matched.set(a.id, candidates[0].id);
      taken.add(candidates[0].id);
    }
  }
  return matched;
}

/** A line of a matched activity: same account and description, else the same place among the activity's lines. */
function matchLine(line: Line, targets: Line[]): string | null {
  const same = targets.filter(
    (t) => norm(t.accountCode) === norm(line.accountCode) && norm(t.description) === norm(line.description),
  );
  if (same.length === 1 && same[0]) return same[0].id;
  return targets.find((t) => t.position === line.position)?.id ?? null;
}

export async function carryExecutionOver(tx: Context, approved: WorkplanRow, project: ProjectRow): Promise<void> {
  const [replaced] = await tx.db
    .select()
    .from(workplans)
    .where(
      and(
        eq(workplans.projectId, approved.projectId),
        eq(workplans.year, approved.year),
        inArray(workplans.status, ["approved", "endorsed"]),
        ne(workplans.id, approved.id),
      ),
    )
    .orderBy(desc(workplans.planVersion))
    .limit(1);
  if (!replaced || replaced.planVersion > approved.planVersion) return;
  // Carried once: a version that already holds records of its own keeps them.
  const [own] = await tx.db
    .select({ id: activityProgress.id })
    .from(activityProgress)
    .where(eq(activityProgress.workplanId, approved.id))
    .limit(1);
  const [spent] = await tx.db
    .select({ id: executionTransactions.id })
    .from(executionTransactions)
    .where(eq(executionTransactions.workplanId, approved.id))
    .limit(1);
  if (own || spent) return;

  const oldActivities = await tx.db.select().from(activities).where(eq(activities.workplanId, replaced.id));
  const newActivities = await tx.db.select().from(activities).where(eq(activities.workplanId, approved.id));
  const activityOf = matchActivities(oldActivities, newActivities);
  const oldLines = await tx.db.select().from(budgetLines).where(eq(budgetLines.workplanId, replaced.id));
  const newLines = await tx.db.select().from(budgetLines).where(eq(budgetLines.workplanId, approved.id));
  const linesOf = new Map<string, Line[]>();
  for (const l of newLines) linesOf.set(l.activityId, [...(linesOf.get(l.activityId) ?? []), l]);
  const lineOf = new Map<string, string | null>();
  for (const l of oldLines) {
    const activityId = activityOf.get(l.activityId);
    if (activityId) lineOf.set(l.id, matchLine(l, linesOf.get(activityId) ?? []));
  }

  const progress = await tx.db.select().from(activityProgress).where(eq(activityProgress.workplanId, replaced.id));
  const carriedProgress = progress.filter((p) => activityOf.has(p.activityId));
  for (const [, chunk] of chunks(carriedProgress)) {
    await tx.db
      .insert(activityProgress)
      .values(
        chunk.map(({ id: _id, version: _v, ...p }) => ({
          ...p,
          workplanId: approved.id,
          activityId: activityOf.get(p.activityId) ?? p.activityId,
        })),
      );
  }
  const transactions = await tx.db
    .select()
    .from(executionTransactions)
    .where(eq(executionTransactions.workplanId, replaced.id));
  const carriedTransactions = transactions.filter((t) => activityOf.has(t.activityId));
  for (const [, chunk] of chunks(carriedTransactions)) {
    await tx.db.insert(executionTransactions).values(
      chunk.map(({ id: _id, version: _v, ...t }) => ({
        ...t,
        workplanId: approved.id,
        activityId: activityOf.get(t.activityId) ?? t.activityId,
        budgetLineId: t.budgetLineId ? (lineOf.get(t.budgetLineId) ?? null) : null,
      })),
    );
  }
  const credits = await tx.db.select().from(executionCredits).where(eq(executionCredits.workplanId, replaced.id));
  if (credits.length > 0)
    await tx.db.insert(executionCredits).values(credits.map(({ id: _id, ...c }) => ({ ...c, workplanId: approved.id })));
  const unplanned = await tx.db.select().from(unplannedActivities).where(eq(unplannedActivities.workplanId, replaced.id));
  if (unplanned.length > 0) {
    await tx.db
      .insert(unplannedActivities)
      .values(unplanned.map(({ id: _id, version: _v, ...u }) => ({ ...u, workplanId: approved.id })));
  }
  const documents =
    oldActivities.length > 0
      ? await tx.db
          .select()
          .from(executionDocuments)
          .where(
            inArray(
              executionDocuments.activityId,
              oldActivities.map((a) => a.id),
            ),
          )
      : [];
  const carriedDocuments = documents.filter((d) => activityOf.has(d.activityId));
  if (carriedDocuments.length > 0) {
    await tx.db
      .insert(executionDocuments)
      .values(
        carriedDocuments.map(({ id: _id, ...d }) => ({ ...d, activityId: activityOf.get(d.activityId) ?? d.activityId })),
      );
  }
  const [settings] = await tx.db.select().from(planExecutions).where(eq(planExecutions.workplanId, replaced.id));
  if (settings) {
    await tx.db
      .insert(planExecutions)
      .values({ workplanId: approved.id, excludeCancelled: settings.excludeCancelled })
      .onConflictDoUpdate({
        target: planExecutions.workplanId,
        set: { excludeCancelled: settings.excludeCancelled },
      });
  }
  // What could not follow (activities the new version no longer has) stays on the replaced version, named here.
  const left = new Set([...progress, ...transactions].map((r) => r.activityId).filter((id) => !activityOf.has(id)));
  await recordAudit(tx, {
    projectId: project.id,
    entity: "planExecution",
    entityId: approved.id,
    action: "update",
    after: {
      carriedFrom: replaced.id,
      progress: carriedProgress.length,
      transactions: carriedTransactions.length,
      credits: credits.length,
      unplanned: unplanned.length,
      documents: carriedDocuments.length,
      activitiesLeftBehind: [...left],
    },
  });
}
