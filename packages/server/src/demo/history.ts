// Past years of a demo project: each plan inserted as endorsed, then its
// execution recorded through the execution operations, as the demo editor
// would record it (credits, progress, commitments and payments, unplanned
// activities), so that the demo's rates are computed, never written.
import { and, asc, eq, max } from "drizzle-orm";
import type { ProjectRow } from "../access/policy.ts";
import type { Context } from "../context.ts";
import type { Db } from "../db/client.ts";
import { activities, budgetLines, resultNodes, users, workplanSteps, workplans } from "../db/schema.ts";
import { createTransaction, recordProgress, setExecutionSettings } from "../execution/operations.ts";
import { createUnplanned } from "../execution/unplanned.ts";
import { fileStoreFromEnv } from "../files/store.ts";
import { InlineJobRunner } from "../jobs/runner.ts";
import { refreshPlanTotals } from "../workplans/totals.ts";
import type { DemoNode, DemoPastPlan } from "./types.ts";

async function demoContext(db: Db, email: string): Promise<Context> {
  const [person] = await db.select().from(users).where(eq(users.email, email));
  if (!person) throw new Error(`demo user ${email} missing`);
  const actor = {
    user: { id: person.id, email: person.email, name: person.name, locale: person.locale, isPlatformAdmin: false },
    memberships: [],
    session: null,
  };
  return { db, actor, system: true, services: { files: fileStoreFromEnv(), jobs: new InlineJobRunner(db) } };
}

async function insertNodes(
  db: Db,
  projectId: string,
  nodes: readonly DemoNode[],
  parentId: string | null,
  level: number,
): Promise<void> {
  for (const node of nodes) {
    const [last] = await db
      .select({ n: max(resultNodes.position) })
      .from(resultNodes)
      .where(eq(resultNodes.projectId, projectId));
    const [row] = await db
      .insert(resultNodes)
      .values({ projectId, parentId, level, code: node.code, title: node.title, position: (last?.n ?? -1) + 1 })
      .returning();
    if (!row) throw new Error(`demo node ${node.code} not inserted`);
    await insertNodes(db, projectId, node.children ?? [], row.id, level + 1);
  }
}

export async function loadHistory(db: Db, project: ProjectRow, plans: readonly DemoPastPlan[]): Promise<void> {
  const editor = await demoContext(db, "editor@baara.example");
  for (const past of plans) {
    await insertNodes(db, project.id, past.newNodes ?? [], null, 0);
    const nodes = await db
      .select()
      .from(resultNodes)
      .where(eq(resultNodes.projectId, project.id))
      .orderBy(asc(resultNodes.position));
    const nodeId = (title: string) => {
      const node = nodes.find((n) => n.title === title);
      if (!node) throw new Error(`demo node « ${title} » missing`);
      return node.id;
    };
    const [plan] = await db
      .insert(workplans)
      .values({
        projectId: project.id,
        year: past.year,
        planVersion: 1,
        title: past.title,
        // Past years went their whole way: approved, then endorsed by the coordination committee.
        status: "endorsed",
        createdById: editor.actor?.user.id,
        createdAt: new Date(`${past.year - 1}-12-01T09:00:00Z`),
      })
      .returning();
    if (!plan) throw new Error(`demo plan ${past.year} not inserted`);
    const approver = await demoContext(db, past.approvedBy);
    await db.insert(workplanSteps).values([
      {
        workplanId: plan.id,
        action: "submit",
        fromStatus: "draft",
        toStatus: "submitted",
        userId: editor.actor?.user.id ?? "",
        at: new Date(`${past.year - 1}-12-15T10:00:00Z`),
      },
      {
        workplanId: plan.id,
        action: "approve",
        fromStatus: "submitted",
        toStatus: "approved",
        userId: approver.actor?.user.id ?? "",
        at: new Date(`${past.year}-01-20T11:30:00Z`),
      },
      {
        workplanId: plan.id,
        action: "endorse",
        fromStatus: "approved",
        toStatus: "endorsed",
        userId: approver.actor?.user.id ?? "",
        at: new Date(`${past.year}-01-27T11:30:00Z`),
        comment: "Entériné par le comité de coordination.",
      },
    ]);
    const ids = new Map<string, { activityId: string; lineId: string | null }>();
    for (const [position, a] of past.activities.entries()) {
      const [row] = await db
        .insert(activities)
        .values({
          workplanId: plan.id,
          resultNodeId: nodeId(a.node),
          code: a.code,
          title: a.title,
          noCost: a.cost === "PM",
          position,
        })
        .returning();
      if (!row) throw new Error(`demo activity ${a.code} not inserted`);
      const [line] =
        a.cost === "PM"
          ? []
          : await db
              .insert(budgetLines)
              .values({
                activityId: row.id,
                workplanId: plan.id,
                description: a.title,
                amount: String(a.cost),
                fundCode: a.fund ?? null,
              })
              .returning();
      ids.set(a.code, { activityId: row.id, lineId: line?.id ?? null });
    }
    await refreshPlanTotals({ db }, plan.id);

    await setExecutionSettings(editor, plan.id, { excludeCancelled: true, credits: past.credits, version: 1 });
    for (const a of past.activities) {
      const { activityId } = ids.get(a.code) ?? { activityId: "" };
      await recordProgress(editor, activityId, {
        period: "Y",
        status: a.done ? "done" : (a.status ?? "not_started"),
        percent: null,
        actualStart: null,
        actualEnd: null,
        periodText: a.done ?? null,
        observations: a.observations ?? null,
        delayReason: a.delayReason ?? null,
      });
    }
    for (const [code, committed, spent, date] of past.spending) {
      const { lineId } = ids.get(code) ?? { lineId: null };
      const on = { budgetLineId: lineId, activityId: null, reference: null, supplier: null, category: null };
      await createTransaction(editor, plan.id, {
        ...on,
        stage: "commitment",
        date,
        amount: String(committed),
        reference: `ENG-${past.year}-${code}`,
      });
      if (spent > 0) {
        await createTransaction(editor, plan.id, {
          ...on,
          stage: "liquidation",
          date,
          amount: String(spent),
          reference: `LIQ-${past.year}-${code}`,
        });
        await createTransaction(editor, plan.id, {
          ...on,
          stage: "payment",
          date,
          amount: String(spent),
          reference: `MDT-${past.year}-${code}`,
        });
      }
    }
    for (const u of past.unplanned) {
      await createUnplanned(editor, plan.id, {
        resultNodeId: null,
        title: u.title,
        periodText: u.periodText ?? null,
        observations: u.observations ?? null,
        cost: null,
      });
    }
    // Next year's activities that continue this year's reprogrammed ones.
    const [next] = await db
      .select()
      .from(workplans)
      .where(and(eq(workplans.projectId, project.id), eq(workplans.year, past.year + 1)));
    for (const a of past.activities) {
      const from = ids.get(a.code);
      if (!a.continuedBy || !next || !from) continue;
      await db
        .update(activities)
        .set({ continuesActivityId: from.activityId })
        .where(and(eq(activities.workplanId, next.id), eq(activities.code, a.continuedBy)));
    }
  }
}
