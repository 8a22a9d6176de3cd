// Loads a generated portfolio through the app's own writers: each plan version is
// written by the import's writer and its totals by the plan-totals refresh, each
// project in one transaction, transactions and progress in chunks as the finance
// import and the execution grid store them; the execution sums are then computed
// the way the server does at start-up.
import { asc, eq } from "drizzle-orm";
import { hashPassword } from "../packages/server/src/auth/passwords.ts";
import { chunks } from "../packages/server/src/db/chunks.ts";
import type { Db } from "../packages/server/src/db/client.ts";
import {
  activities,
  activityProgress,
  budgetLines,
  executionCredits,
  executionTransactions,
  memberships,
  organisations,
  projects,
  users,
  workplanSteps,
  workplans,
} from "../packages/server/src/db/schema.ts";
import { refreshMissingExecutionSums } from "../packages/server/src/execution/sums.ts";
import { writeImportedPlan } from "../packages/server/src/imports/write-plan.ts";
import { refreshPlanTotals } from "../packages/server/src/workplans/totals.ts";
import {
  type GeneratedContent,
  type GeneratedDirectory,
  type GeneratedPlan,
  type GeneratedProject,
  generateDirectory,
  generateProject,
  type Scale,
} from "./generate.ts";

/** Every generated person signs in with it. */
export const BENCH_PASSWORD = "banc-d-essai-2026";

export interface LoadCounts {
  organisations: number;
  users: number;
  projects: number;
  workplans: number;
  activities: number;
  lines: number;
  transactions: number;
  progress: number;
}

export interface LoadedPortfolio {
  directory: GeneratedDirectory;
  counts: LoadCounts;
}

/** Writes the portfolio of `seed` at `scale` into an empty database; `onProject` hears of each project written. */
export async function loadPortfolio(
  db: Db,
  seed: number,
  scale: Scale,
  onProject?: (index: number, counts: LoadCounts) => void,
): Promise<LoadedPortfolio> {
  const directory = generateDirectory(seed, scale);
  const counts: LoadCounts = {
    organisations: 0,
    users: 0,
    projects: 0,
    workplans: 0,
    activities: 0,
    lines: 0,
    transactions: 0,
    progress: 0,
  };
  const orgIds = new Map<string, string>();
  for (const org of directory.organisations) {
    const [row] = await db
      .insert(organisations)
      .values({
        code: org.code,
        name: org.name,
        kind: org.kind,
        parentId: org.parentCode ? orgIds.get(org.parentCode) : null,
      })
      .returning({ id: organisations.id });
    if (!row) throw new Error(`organisation ${org.code} not written`);
    orgIds.set(org.code, row.id);
    counts.organisations++;
  }
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const people = new Map<string, { id: string; organisationCode: string; role: string }>();
  for (const [, chunk] of chunks(directory.users)) {
    const rows = await db
      .insert(users)
      .values(chunk.map((u) => ({ email: u.email, name: u.name, passwordHash })))
      .returning({ id: users.id, email: users.email });
    const byEmail = new Map(rows.map((r) => [r.email, r.id]));
    await db.insert(memberships).values(
      chunk.map((u) => {
        const id = byEmail.get(u.email) ?? "";
        people.set(u.email, { id, organisationCode: u.organisationCode, role: u.role });
        return { userId: id, organisationId: orgIds.get(u.organisationCode) ?? "", role: u.role };
      }),
    );
    counts.users += rows.length;
  }
  const signer = (organisationCode: string, role: string): string | null => {
    for (const p of people.values()) if (p.organisationCode === organisationCode && p.role === role) return p.id;
    return null;
  };

  for (let index = 0; index < scale.projects; index++) {
    const project = generateProject(seed, scale, index, directory);
    const editor = signer(project.organisationCode, "editor");
    const approver = signer(project.organisationCode, "approver") ?? signer(project.organisationCode, "manager");
    await db.transaction((tx) => writeProject(tx, project, orgIds, { editor, approver }, counts));
    counts.projects++;
    onProject?.(index, counts);
  }
  await refreshMissingExecutionSums(db);
  return { directory, counts };
}

async function writeProject(
  db: Db,
  project: GeneratedProject,
  orgIds: Map<string, string>,
  by: { editor: string | null; approver: string | null },
  counts: LoadCounts,
): Promise<void> {
  const { plans, organisationCode, ...fields } = project;
  const [row] = await db
    .insert(projects)
    .values({ ...fields, organisationId: orgIds.get(organisationCode) ?? "" })
    .returning();
  if (!row) throw new Error(`project ${project.code} not written`);
  for (const plan of plans) {
    const first = await writeVersion(db, row, plan, 1, null, by, counts);
    const second = await writeVersion(db, row, plan, 2, first, by, counts);
    await writeExecution(db, plan.inForce === 1 ? first : second, plan, by.editor, counts);
  }
}

async function writeVersion(
  db: Db,
  project: typeof projects.$inferSelect,
  plan: GeneratedPlan,
  planVersion: 1 | 2,
  copiedFromId: string | null,
  by: { editor: string | null; approver: string | null },
  counts: LoadCounts,
): Promise<string> {
  // Version 1 was approved; version 2 endorsed, or still a draft in the plan of the current year.
  const status = planVersion === 1 ? "approved" : plan.inForce === 2 ? "endorsed" : "draft";
  const [workplan] = await db
    .insert(workplans)
    .values({
      projectId: project.id,
      year: plan.year,
      planVersion,
      title: plan.title,
      status,
      copiedFromId,
      createdById: by.editor,
    })
    .returning({ id: workplans.id });
  if (!workplan) throw new Error(`plan ${project.code} ${plan.year} v${planVersion} not written`);
  const content: GeneratedContent = planVersion === 1 ? plan.versions[0] : plan.versions[1];
  await writeImportedPlan({ db }, project, workplan, { ...content, levelLabels: project.levelLabels, declaredTotals: [] });
  const steps = status === "draft" ? [] : status === "approved" ? ["submit", "approve"] : ["submit", "approve", "endorse"];
  const path = ["draft", "submitted", "approved", "endorsed"] as const;
  if (steps.length > 0 && by.approver) {
    await db.insert(workplanSteps).values(
      steps.map((action, i) => ({
        workplanId: workplan.id,
        action: action as "submit" | "approve" | "endorse",
        fromStatus: path[i] ?? "draft",
        toStatus: path[i + 1] ?? "draft",
        userId: (action === "submit" ? by.editor : by.approver) ?? by.approver ?? "",
      })),
    );
  }
  await refreshPlanTotals({ db }, workplan.id);
  counts.workplans++;
  counts.activities += content.activities.length;
  counts.lines += content.lines.length;
  return workplan.id;
}

async function writeExecution(db: Db, workplanId: string, plan: GeneratedPlan, by: string | null, counts: LoadCounts) {
  await db.insert(executionCredits).values([
    { workplanId, kind: "allocated", amount: plan.credits.allocated },
    { workplanId, kind: "notified", amount: plan.credits.notified, position: 1 },
  ]);
  // The writer keeps the generated order in `position`: the n-th row is the n-th generated activity or line.
  const activityIds = await db
    .select({ id: activities.id })
    .from(activities)
    .where(eq(activities.workplanId, workplanId))
    .orderBy(asc(activities.position));
  const lines = await db
    .select({ id: budgetLines.id, activityId: budgetLines.activityId, fundCode: budgetLines.fundCode })
    .from(budgetLines)
    .where(eq(budgetLines.workplanId, workplanId))
    .orderBy(asc(budgetLines.position));
  for (const [, chunk] of chunks(plan.progress)) {
    await db.insert(activityProgress).values(
      chunk.map((p) => ({
        activityId: activityIds[p.activityIndex]?.id ?? "",
        workplanId,
        period: p.period,
        status: p.status,
        percent: p.percent,
        recordedById: by,
      })),
    );
  }
  for (const [, chunk] of chunks(plan.transactions)) {
    await db.insert(executionTransactions).values(
      chunk.map((t) => {
        const line = lines[t.lineIndex];
        return {
          workplanId,
          activityId: line?.activityId ?? "",
          budgetLineId: line?.id ?? null,
          stage: t.stage,
          date: t.date,
          amount: t.amount,
          reference: t.reference,
          supplier: t.supplier,
          category: line?.fundCode ?? null,
          fingerprint: `${t.stage}|${t.reference}`,
          createdById: by,
        };
      }),
    );
  }
  counts.progress += plan.progress.length;
  counts.transactions += plan.transactions.length;
}
