// Plan trees kept between reads (plan-cache.ts): a second read of an unchanged
// plan sends fewer statements and no budget-line query, and after every kind of
// write (content, order, framework, project settings, workflow) the summary and
// the execution equal what a fresh read of whole rows gives.
import { planTree } from "@baara/core";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projects, workplans } from "../src/db/schema.ts";
import { PlanTreeCache, planCacheLinesFromEnv } from "../src/workplans/plan-cache.ts";
import { loadPlan } from "../src/workplans/plan-tree.ts";
import { presentSummary } from "../src/workplans/present.ts";
import { call, createTestApp, login, type Session, type TestContext } from "./helpers/app.ts";
import { databaseKinds } from "./helpers/databases.ts";
import { grant, makeOrganisation, makeProject, makeUser, PASSWORD } from "./helpers/factories.ts";

const V1 = "/api/v1";

describe("the plan cache's budget", () => {
  const entry = (key: string, lines: number) => ({ key, lines, plan: {} as never, tree: {} as never });

  it("keeps one entry a plan, answers only its current key, and drops the least recently read past its lines", () => {
    const cache = new PlanTreeCache(10);
    cache.set("a", entry("a1", 4));
    cache.set("b", entry("b1", 4));
    expect(cache.get("a", "a1")?.key).toBe("a1");
    expect(cache.get("a", "a0")).toBeUndefined();
    cache.set("c", entry("c1", 4));
    // b was read least recently: it goes.
    expect(cache.get("b", "b1")).toBeUndefined();
    expect(cache.get("a", "a1")).toBeDefined();
    cache.set("a", entry("a2", 2));
    expect(cache.get("a", "a1")).toBeUndefined();
    expect(cache.size).toBe(2);
    cache.set("big", entry("x", 11));
    expect(cache.get("big", "x")).toBeUndefined();
    const off = new PlanTreeCache(0);
    off.set("empty", entry("e", 0));
    expect(off.get("empty", "e")).toBeUndefined();
  });

  it("reads its budget from BAARA_PLAN_CACHE_LINES", () => {
    expect(planCacheLinesFromEnv({})).toBe(50_000);
    expect(planCacheLinesFromEnv({ BAARA_PLAN_CACHE_LINES: "0" })).toBe(0);
    expect(() => planCacheLinesFromEnv({ BAARA_PLAN_CACHE_LINES: "many" })).toThrow(/BAARA_PLAN_CACHE_LINES/);
  });
});

describe.each(databaseKinds)("plan trees kept between reads on %s", (kind) => {
  let ctx: TestContext;
  let manager: Session;
  let approver: Session;
  let projectId: string;
  let recording = false;
  let statements: string[] = [];

  beforeAll(async () => {
    ctx = await createTestApp(kind, {}, { onQuery: (query) => recording && statements.push(query) });
    const { db } = ctx.database;
    const organisationId = (await makeOrganisation(db)).id;
    const sessions: Session[] = [];
    for (const role of ["manager", "approver"] as const) {
      const user = await makeUser(db);
      await grant(db, user.id, role, { organisationId });
      sessions.push(await login(ctx.app, user.email, PASSWORD));
    }
    [manager, approver] = sessions as [Session, Session];
    projectId = (await makeProject(db, { organisationId, currency: "XOF" })).id;
  });
  afterAll(() => ctx.close());

  async function send(method: string, url: string, payload?: unknown, as = manager) {
    const response = await call(ctx.app, as, { method, url: `${V1}${url}`, payload });
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
    return response.statusCode === 204 ? null : response.json();
  }

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

  /** The summary as the API answers it, beside the one computed now from whole rows, without the cache. */
  async function expectFresh(planId: string, step: string) {
    const { db } = ctx.database;
    const [workplan] = await db.select().from(workplans).where(eq(workplans.id, planId));
    const [project] = await db.select().from(projects).where(eq(projects.id, projectId));
    if (!workplan || !project) throw new Error("no plan");
    const fresh = presentSummary(
      { ...workplan, versionInForce: null },
      planTree(await loadPlan(db, workplan, project)),
      "fr",
    );
    const { workplan: _w, ...answered } = await send("GET", `/workplans/${planId}/summary`);
    const { workplan: _f, ...expected } = JSON.parse(JSON.stringify(fresh));
    expect(answered, step).toEqual(expected);
    return answered;
  }

  it("reads an unchanged plan again without its lines, and sees every change", async () => {
    const parent = await send("POST", `/projects/${projectId}/nodes`, { code: "1", title: "Produit 1" });
    const child = await send("POST", `/projects/${projectId}/nodes`, {
      code: "1.1",
      title: "Activités 1.1",
      parentId: parent.id,
    });
    const plan = await send("POST", `/projects/${projectId}/workplans`, { year: 2025 });
    const first = await send("POST", `/workplans/${plan.id}/activities`, {
      title: "Former les agents",
      code: "A1",
      resultNodeId: child.id,
      months: [1, 2],
      budgetLines: [
        { description: "Salle", accountCode: "6132", accountLabel: "Locations", quantity: "3", unitCost: "150000" },
        { description: "Per diem", accountCode: "6571", quantity: "20", unitCost: "25000", amount: "400000" },
        { description: "Transport", accountCode: "6132", quantity: "2", unitCost: "400000", amount: "1000000" },
      ],
    });
    const second = await send("POST", `/workplans/${plan.id}/activities`, {
      title: "Suivre les chantiers",
      resultNodeId: parent.id,
      budgetLines: [{ description: "Carburant", quantity: "100", unitCost: "800", fundCode: "BN" }],
    });
    await expectFresh(plan.id, "created");

    const summary = () => send("GET", `/workplans/${plan.id}/summary`);
    const missed = await statementsOf(async () => {
      // A write between two reads: the next read is a miss.
      await send("PATCH", `/activities/${second.id}`, { responsible: "DNGR", version: second.version });
    });
    expect(missed.length).toBeGreaterThan(0);
    const miss = await statementsOf(summary);
    const hit = await statementsOf(summary);
    expect(miss.filter((s) => /budget_lines/.test(s))).toHaveLength(1);
    expect(
      hit.filter((s) => /budget_lines|"activities"/.test(s)),
      hit.join("\n"),
    ).toEqual([]);
    expect(hit.length).toBeLessThan(miss.length);
    await expectFresh(plan.id, "responsible set");

    const [room, perDiem, transport] = first.budgetLines as { id: string; version: number }[];
    if (!room || !perDiem || !transport) throw new Error("lines missing");
    const changed = await send("PATCH", `/budget-lines/${room.id}`, { quantity: "4", version: room.version });
    await expectFresh(plan.id, "quantity changed");
    // Moving the line changes where the finding of the « Transport » line says it is (#3 → #1).
    const reordered: { id: string; version: number }[] = await send("POST", `/budget-lines/${transport.id}/move`, {
      position: 0,
      version: transport.version,
    });
    const moved = await expectFresh(plan.id, "line moved");
    expect(moved.findings.map((f: { message: string }) => f.message).join("\n")).toContain("#1");
    await send("POST", `/activities/${second.id}/move`, {
      position: 0,
      version: (await send("GET", `/activities/${second.id}`)).version,
    });
    await expectFresh(plan.id, "activity moved");
    await send("POST", `/workplans/${plan.id}/line-edits`, {
      lines: [
        {
          id: changed.id,
          version: reordered.find((l) => l.id === changed.id)?.version ?? changed.version,
          unitCost: "175000",
        },
      ],
    });
    await expectFresh(plan.id, "pasted block");
    await send("PUT", `/workplans/${plan.id}/declared-totals`, { nodeId: parent.id, amount: "123" });
    await expectFresh(plan.id, "declared sub-total");
    await send("DELETE", `/budget-lines/${perDiem.id}`);
    await expectFresh(plan.id, "line deleted");

    // The framework and the project's settings are part of the tree too.
    await send("PATCH", `/nodes/${child.id}`, { title: "Activités renommées", version: child.version });
    const renamed = await expectFresh(plan.id, "node renamed");
    expect(JSON.stringify(renamed.nodes)).toContain("Activités renommées");
    await send("POST", `/projects/${projectId}/nodes`, { code: "2", title: "Produit 2" });
    await expectFresh(plan.id, "node added");
    const project = await send("GET", `/projects/${projectId}`);
    await send("PATCH", `/projects/${projectId}`, { fiscalYearStartMonth: 7, version: project.version });
    await expectFresh(plan.id, "fiscal year moved");

    // Through the workflow: the approved plan is read again from the cache, with its execution.
    let current = await send("GET", `/workplans/${plan.id}`);
    await send("PATCH", `/workplans/${plan.id}`, { declaredTotal: "1", version: current.version });
    await expectFresh(plan.id, "declared total");
    current = await send("GET", `/workplans/${plan.id}`);
    await send("POST", `/workplans/${plan.id}/transitions`, { action: "submit", version: current.version });
    current = await send("GET", `/workplans/${plan.id}`);
    await send("POST", `/workplans/${plan.id}/transitions`, { action: "approve", version: current.version }, approver);
    await expectFresh(plan.id, "approved");
    const execution = () => send("GET", `/workplans/${plan.id}/execution`);
    const executionMiss = await execution();
    const executionHit = await statementsOf(async () => expect(await execution()).toEqual(executionMiss));
    expect(executionHit.filter((s) => /from "budget_lines"/.test(s))).toEqual([]);
  }, 60_000);
});
