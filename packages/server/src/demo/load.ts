import { api, nextPlanStatus, type PlanStatus } from "@baara/core";
import { count, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record.ts";
import { hashPassword } from "../auth/passwords.ts";
import type { Db } from "../db/client.ts";
import { refreshPlanTotals } from "../workplans/totals.ts";
import {
  activities,
  budgetLines,
  declaredTotals,
  libraryIndicators,
  memberships,
  organisations,
  projectPartners,
  projects,
  resultNodes,
  users,
  workplanSteps,
  workplans,
} from "../db/schema.ts";
import { writeResultsTable } from "../indicators/results-table.ts";
import { loadDemoCommittees } from "./committees.ts";
import { cps } from "./cps.ts";
import { demoIndicatorLibrary } from "./indicator-library.ts";
import { loadHistory } from "./history.ts";
import { refreshMissingExecutionSums } from "../execution/sums.ts";
import type { ProjectRow } from "../access/policy.ts";
import { DEMO_PASSWORD, demoOrganisations, demoUsers } from "./organisations.ts";
import { pbf } from "./pbf.ts";
import { pgsm } from "./pgsm.ts";
import { stabilisation } from "./stabilisation.ts";
import type { DemoNode, DemoOrganisation, DemoProject } from "./types.ts";

export const demoProjects: DemoProject[] = [pgsm, cps, pbf, stabilisation];

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [orgs] = await db.select({ n: count() }).from(organisations);
  const [people] = await db.select({ n: count() }).from(users);
  return (orgs?.n ?? 0) === 0 && (people?.n ?? 0) === 0;
}

/** Loads the demo organisations, people and projects, in one transaction. */
export async function loadDemo(db: Db): Promise<{ projects: number; users: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const orgs = new Map<string, { id: string; name: string }>();
    const insertOrg = async (org: DemoOrganisation, parentId: string | null): Promise<void> => {
      const [row] = await tx
        .insert(organisations)
        .values({ code: org.code, name: org.name, kind: org.kind, parentId })
        .returning();
      if (!row) throw new Error(`demo organisation ${org.code} not inserted`);
      orgs.set(org.code, { id: row.id, name: row.name });
      for (const child of org.children ?? []) await insertOrg(child, row.id);
    };
    for (const org of demoOrganisations) await insertOrg(org, null);
    const org = (code: string) => {
      const found = orgs.get(code);
      if (!found) throw new Error(`demo organisation ${code} is not defined`);
      return found;
    };

    const userIds = new Map<string, string>();
    for (const person of demoUsers) {
      const [row] = await tx
        .insert(users)
        .values({
          email: person.email,
          name: person.name,
          passwordHash,
          isPlatformAdmin: person.platformAdmin ?? false,
        })
        .returning();
      if (!row) throw new Error(`demo user ${person.email} not inserted`);
      userIds.set(person.email, row.id);
      for (const { organisationCode, role } of person.roles) {
        await tx.insert(memberships).values({ userId: row.id, organisationId: org(organisationCode).id, role });
      }
    }

    for (const demo of demoProjects) {
      const project = await insertProject(tx, demo, org, userIds);
      if (demo.history) await loadHistory(tx, project, demo.history);
      if (demo.resultsTable) {
        const { year, indicators } = demo.resultsTable;
        await writeResultsTable(
          { db: tx, actor: null },
          project,
          { nodes: [], indicators },
          { year, period: "Y", validated: true },
        );
      }
    }
    await tx
      .insert(libraryIndicators)
      .values(
        demoIndicatorLibrary.indicators.map((i) => ({
          ...api.createLibraryIndicator.parse(i),
          organisationId: org(demoIndicatorLibrary.organisationCode).id,
        })),
      );
  });
  await refreshMissingExecutionSums(db);
  // Through the committee operations, each in its own transaction, once the organisations and projects exist.
  await loadDemoCommittees(db);
  return { projects: demoProjects.length, users: demoUsers.length };
}

async function insertProject(
  db: Db,
  demo: DemoProject,
  org: (code: string) => { id: string; name: string },
  userIds: Map<string, string>,
): Promise<ProjectRow> {
  const [project] = await db
    .insert(projects)
    .values({
      code: demo.code,
      title: demo.title,
      organisationId: org(demo.organisationCode).id,
      currency: demo.currency,
      startDate: demo.startDate ?? null,
      endDate: demo.endDate ?? null,
      genderMarker: demo.genderMarker ?? null,
      riskMarker: demo.riskMarker ?? null,
      sector: demo.sector ?? null,
      locations: demo.locations ?? [],
      levelLabels: demo.levelLabels,
      published: demo.published ?? false,
    })
    .returning();
  if (!project) throw new Error(`demo project ${demo.code} not inserted`);
  await recordAudit(
    { db, actor: null },
    {
      projectId: project.id,
      entity: "project",
      entityId: project.id,
      action: "create",
      after: project,
    },
  );
  if (demo.partners.length > 0) {
    await db.insert(projectPartners).values(
      demo.partners.map((p, position) => {
        const partner = org(p.organisationCode);
        return {
          projectId: project.id,
          organisationId: partner.id,
          name: partner.name,
          role: p.role,
          position,
        };
      }),
    );
  }

  const plan = demo.plan;
  const [workplan] = plan
    ? await db
        .insert(workplans)
        .values({
          projectId: project.id,
          year: plan.year,
          planVersion: 1,
          title: plan.title,
          declaredTotal: plan.declaredTotal ?? null,
        })
        .returning()
    : [];

  let nodePosition = 0;
  let activityPosition = 0;
  const insertNode = async (node: DemoNode, parentId: string | null, level: number): Promise<void> => {
    const [row] = await db
      .insert(resultNodes)
      .values({
        projectId: project.id,
        parentId,
        level,
        code: node.code,
        title: node.title,
        position: nodePosition++,
      })
      .returning();
    if (!row) throw new Error(`demo node ${node.code} not inserted`);
    if (workplan && node.declared) {
      await db.insert(declaredTotals).values({ workplanId: workplan.id, resultNodeId: row.id, amount: node.declared });
    }
    for (const activity of workplan ? (node.activities ?? []) : []) {
      const { lines, ...fields } = activity;
      const [created] = await db
        .insert(activities)
        .values({
          ...fields,
          workplanId: workplan?.id ?? "",
          resultNodeId: row.id,
          position: activityPosition++,
        })
        .returning();
      if (!created || !workplan) throw new Error(`demo activity ${activity.title} not inserted`);
      if (lines.length > 0) {
        await db.insert(budgetLines).values(
          lines.map((line, position) => ({
            ...line,
            activityId: created.id,
            workplanId: workplan.id,
            position,
          })),
        );
      }
    }
    for (const child of node.children ?? []) await insertNode(child, row.id, level + 1);
  };
  for (const node of demo.framework) await insertNode(node, null, 0);

  if (workplan && plan?.steps) {
    let status: PlanStatus = "draft";
    for (const step of plan.steps) {
      const next = nextPlanStatus(status, step.action);
      const userId = userIds.get(step.by);
      if (!next || !userId) throw new Error(`demo step ${step.action} by ${step.by} is not valid`);
      await db.insert(workplanSteps).values({
        workplanId: workplan.id,
        action: step.action,
        fromStatus: status,
        toStatus: next,
        userId,
        comment: step.comment ?? null,
      });
      status = next;
    }
    await db.update(workplans).set({ status }).where(eq(workplans.id, workplan.id));
  }
  if (workplan) await refreshPlanTotals({ db }, workplan.id);
  return project;
}
