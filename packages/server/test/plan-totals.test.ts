// The totals and counts stored with each plan (what lists show) stay equal to
// a fresh roll-up of its lines after every kind of write; and the lists that
// read them run a bounded number of statements whatever the size of the
// portfolio and of the plans, without reading budget lines.
import { formatAmountDecimal } from "@baara/core";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projects, workplans } from "../src/db/schema.ts";
import { loadPlanTree } from "../src/workplans/plan-tree.ts";
import { call, createTestApp, login, type Session, type TestContext } from "./helpers/app.ts";
import { databaseKinds } from "./helpers/databases.ts";
import {
  grant,
  makeActivity,
  makeBudgetLine,
  makeNode,
  makeOrganisation,
  makeProject,
  makeUser,
  makeWorkplan,
  PASSWORD,
} from "./helpers/factories.ts";
import { importPlan } from "./helpers/imports.ts";
import { pgsmSampleText } from "./fixtures/workplans.ts";

const V1 = "/api/v1";

describe.each(databaseKinds)("stored plan totals on %s", (kind) => {
  let ctx: TestContext;
  let manager: Session;
  let projectId: string;
  let organisationId: string;
  /** Statements sent while `recording` is on. */
  let recording = false;
  let statements: string[] = [];

  beforeAll(async () => {
    ctx = await createTestApp(kind, {}, { onQuery: (query) => recording && statements.push(query) });
    const { db } = ctx.database;
    organisationId = (await makeOrganisation(db)).id;
    const user = await makeUser(db);
    await grant(db, user.id, "manager", { organisationId });
    projectId = (await makeProject(db, { organisationId, currency: "XOF" })).id;
    manager = await login(ctx.app, user.email, PASSWORD);
  });
  afterAll(() => ctx.close());

  async function send(method: string, url: string, payload?: unknown) {
    const response = await call(ctx.app, manager, { method, url: `${V1}${url}`, payload });
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
    return response.statusCode === 204 ? null : response.json();
  }

  /** Every plan of the project: what is stored, and what a roll-up of its lines gives now. */
  async function storedAndFresh() {
    const { db } = ctx.database;
    const [project] = await db.select().from(projects).where(eq(projects.id, projectId));
    if (!project) throw new Error("no project");
    const plans = await db.select().from(workplans).where(eq(workplans.projectId, projectId));
    const stored = [];
    const fresh = [];
    for (const plan of plans) {
      stored.push({
        id: plan.id,
        total: plan.totalComputed,
        activities: plan.activityCount,
        lines: plan.lineCount,
        findings: plan.findingCount,
      });
      const { counts } = await loadPlanTree(db, plan, project);
      fresh.push({
        id: plan.id,
        total: formatAmountDecimal(counts.total, project.currency),
        activities: counts.activities,
        lines: counts.lines,
        findings: counts.findings,
      });
    }
    return { stored, fresh };
  }

  async function expectInStep(step: string) {
    const { stored, fresh } = await storedAndFresh();
    expect(stored, step).toEqual(fresh);
    return stored;
  }

  it("holds them equal to a fresh roll-up after every kind of edit, copy, import and deletion", async () => {
    const parent = await send("POST", `/projects/${projectId}/nodes`, { code: "C1", title: "Composante 1" });
    const child = await send("POST", `/projects/${projectId}/nodes`, { code: "C1.1", title: "Sous-composante 1.1", parentId: parent.id });
    const other = await send("POST", `/projects/${projectId}/nodes`, { code: "C2", title: "Composante 2" });
    const plan = await send("POST", `/projects/${projectId}/workplans`, { year: 2025 });
    await expectInStep("empty plan");

    const activity = await send("POST", `/workplans/${plan.id}/activities`, {
      title: "Former les agents",
      resultNodeId: child.id,
      budgetLines: [
        { description: "Salle", quantity: "3", unitCost: "150000" },
        { description: "Per diem", quantity: "20", unitCost: "25000" },
        // Declared 1 000 000 against 2 × 400 000: a QTY_PRICE_MISMATCH finding.
        { description: "Transport", quantity: "2", unitCost: "400000", amount: "1000000" },
      ],
    });
    const afterCreate = await expectInStep("activity with lines");
    expect(afterCreate.find((p) => p.id === plan.id)).toMatchObject({ total: "1950000", activities: 1, lines: 3, findings: 1 });

    const [room, perDiem, transport] = activity.budgetLines as { id: string; version: number }[];
    if (!room || !perDiem || !transport) throw new Error("lines missing");
    const added = await send("POST", `/activities/${activity.id}/budget-lines`, { description: "Pause café", amount: "60000" });
    await expectInStep("line added");
    const changedRoom = await send("PATCH", `/budget-lines/${room.id}`, { quantity: "4", version: room.version });
    await expectInStep("quantity changed");
    await send("PATCH", `/budget-lines/${transport.id}`, { amount: null, version: transport.version });
    await expectInStep("declared amount cleared: the finding goes");
    await send("POST", `/workplans/${plan.id}/line-edits`, {
      lines: [
        { id: changedRoom.id, version: changedRoom.version, unitCost: "175000" },
        { id: perDiem.id, version: perDiem.version, amount: "999999" },
      ],
    });
    await expectInStep("pasted block");
    const moved = await send("POST", `/budget-lines/${added.id}/move`, { position: 0, version: added.version });
    expect(Array.isArray(moved)).toBe(true);
    await expectInStep("line moved");

    await send("PUT", `/workplans/${plan.id}/declared-totals`, { nodeId: parent.id, amount: "123" });
    const withSubtotal = await expectInStep("declared sub-total that disagrees");
    expect(withSubtotal.find((p) => p.id === plan.id)?.findings).toBeGreaterThanOrEqual(2);
    const current = await send("GET", `/workplans/${plan.id}`);
    await send("PATCH", `/workplans/${plan.id}`, { declaredTotal: "1", version: current.version });
    await expectInStep("declared total that disagrees");

    const second = await send("POST", `/workplans/${plan.id}/activities`, {
      title: "Suivre les chantiers",
      resultNodeId: other.id,
      budgetLines: [{ description: "Carburant", quantity: "100", unitCost: "800" }],
    });
    // Moving an activity out of the node whose sub-total was declared changes that node's finding.
    const latest = await send("GET", `/activities/${activity.id}`);
    await send("PATCH", `/activities/${activity.id}`, { resultNodeId: other.id, version: latest.version });
    await expectInStep("activity moved to another node");
    await send("POST", `/activities/${second.id}/move`, { position: 0, version: second.version });
    await expectInStep("activity reordered");
    await send("DELETE", `/budget-lines/${perDiem.id}`);
    await expectInStep("line deleted");

    const copy = await send("POST", `/projects/${projectId}/workplans`, { year: 2025, copyFromId: plan.id });
    const afterCopy = await expectInStep("plan copied");
    const original = afterCopy.find((p) => p.id === plan.id);
    expect(afterCopy.find((p) => p.id === copy.id)).toMatchObject({ total: original?.total, lines: original?.lines });

    await send("DELETE", `/activities/${second.id}`);
    await expectInStep("activity deleted");
    await send("PATCH", `/nodes/${child.id}`, { parentId: other.id, version: child.version });
    await expectInStep("framework node re-parented");

    const { workplanId } = await importPlan(ctx.app, manager, projectId, { name: "ptba.tsv", bytes: Buffer.from(pgsmSampleText(), "utf8") }, {
      year: "2022",
    });
    const afterImport = await expectInStep("plan imported");
    expect(afterImport.find((p) => p.id === workplanId)).toMatchObject({ total: "465000000", lines: 15, activities: 9, findings: 1 });

    await send("DELETE", `/workplans/${copy.id}`);
    await expectInStep("plan deleted");
  });

  /** Runs `request` and answers the statements it sent. */
  async function statementsOf(request: () => Promise<unknown>): Promise<string[]> {
    statements = [];
    recording = true;
    try {
      await request();
    } finally {
      recording = false;
    }
    return statements;
  }

  it("lists the portfolio in the same number of statements for 2 and for 12 projects, without reading budget lines", async () => {
    const { db } = ctx.database;
    const organisation = await makeOrganisation(db);
    const user = await makeUser(db);
    await grant(db, user.id, "viewer", { organisationId: organisation.id });
    const viewer = await login(ctx.app, user.email, PASSWORD);
    const addProjects = async (n: number, linesEach: number) => {
      for (let i = 0; i < n; i++) {
        const project = await makeProject(db, { organisationId: organisation.id });
        const plan = await makeWorkplan(db, { projectId: project.id, year: 2025, planVersion: 1 });
        const activity = await makeActivity(db, { workplanId: plan.id });
        for (let l = 0; l < linesEach; l++) await makeBudgetLine(db, { activityId: activity.id, workplanId: plan.id });
      }
    };
    const portfolio = async () => {
      const response = await call(ctx.app, viewer, { method: "GET", url: `${V1}/portfolio?pageSize=100` });
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as { items: { plan: { total: string } | null }[] };
    };

    await addProjects(2, 1);
    let page: { items: { plan: { total: string } | null }[] } | undefined;
    const small = await statementsOf(async () => (page = await portfolio()));
    expect(page?.items).toHaveLength(2);
    await addProjects(10, 5);
    const large = await statementsOf(async () => (page = await portfolio()));
    expect(page?.items).toHaveLength(12);
    expect(page?.items.map((i) => i.plan?.total).sort()).toContain("10000");
    expect(large.length, large.join("\n")).toBe(small.length);
    expect(large.length).toBeLessThanOrEqual(10);
    expect(large.filter((s) => /budget_lines/.test(s))).toEqual([]);
  });

  it("summarises a plan in the same number of statements for 3 and for 300 lines", async () => {
    const { db } = ctx.database;
    const project = await makeProject(db, { organisationId });
    const node = await makeNode(db, { projectId: project.id });
    const summaryOf = (planId: string) =>
      statementsOf(async () => {
        const response = await call(ctx.app, manager, { method: "GET", url: `${V1}/workplans/${planId}/summary` });
        expect(response.statusCode, response.body).toBe(200);
      });
    const planWith = async (activities: number, linesEach: number) => {
      const plan = await makeWorkplan(db, { projectId: project.id, year: 2025 });
      for (let a = 0; a < activities; a++) {
        const activity = await makeActivity(db, { workplanId: plan.id, resultNodeId: node.id });
        for (let l = 0; l < linesEach; l++) await makeBudgetLine(db, { activityId: activity.id, workplanId: plan.id });
      }
      return plan;
    };
    const small = await summaryOf((await planWith(1, 3)).id);
    const large = await summaryOf((await planWith(30, 10)).id);
    expect(large.length, large.join("\n")).toBe(small.length);
    expect(large.length).toBeLessThanOrEqual(12);
  }, 60_000);
});
