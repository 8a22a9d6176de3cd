// The API routes the web app relies on, on the demo data: what the user may do
// on a project, the portfolio, block edits of budget lines (all or nothing),
// the comparison of two plan versions; and the serving of the built web app
// itself (cache headers, the app's own routes, compression).
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { api } from "@baara/core";
import { and, eq, inArray } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as z from "zod";
import { buildApp } from "../src/app.ts";
import { auditLog } from "../src/db/schema.ts";
import { loadDemo } from "../src/demo/load.ts";
import { DEMO_PASSWORD } from "../src/demo/organisations.ts";
import { type ApiError, call, createTestApp, type FieldProblem, login, type Session, type TestContext } from "./helpers/app.ts";
import { databaseKinds } from "./helpers/databases.ts";
import { makeActivity, makeBudgetLine, makeWorkplan } from "./helpers/factories.ts";

type BudgetLine = api.BudgetLine;
type PortfolioItem = z.infer<typeof api.portfolioItem>;
type Comparison = z.infer<typeof api.workplanComparison>;
interface Page<T> {
  items: T[];
  total: number;
}
interface Plan {
  id: string;
  year: number;
  planVersion: number;
  status: string;
  version: number;
}

const V1 = "/api/v1";
const PGSM_LINE = {
  dissemination: "Dissiminer les rapport ITIE 2019 et 2020",
  restitution: "restituer l'étude sur la traçabilité de revenus miniers au niveau des collectivités (Kayes et Sikasso)",
  copies: "multiplier les rapports ITIE et leurs synthèses",
};
const FIRST_ACTIVITY = "Amélioration du mécanisme de divulgation des transferts infranationaux";

describe.each(databaseKinds)("web app API on %s", (kind) => {
  let ctx: TestContext;
  let manager: Session;
  let editor: Session;
  let approver: Session;
  let viewer: Session;
  /** Editor of the CPS unit only: a mere visitor of the other projects. */
  let cpsEditor: Session;
  const projectIds = new Map<string, string>();
  /** PGSM's 2022 plan as the demo loads it: version 1, in draft. */
  let pgsmPlan: Plan;
  let cpsPlan: Plan;

  const send = (session: Session | null, method: string, url: string, payload?: unknown) =>
    call(ctx.app, session, { method, url: `${V1}${url}`, payload });
  const get = (session: Session | null, url: string) => send(session, "GET", url);
  const projectId = (code: string) => {
    const id = projectIds.get(code);
    if (!id) throw new Error(`no demo project ${code}`);
    return id;
  };
  const errorOf = (response: { json(): unknown }) => (response.json() as { error: ApiError }).error;
  const problemsOf = (response: { json(): unknown }) => errorOf(response).details as FieldProblem[];

  async function plansOf(code: string, year: number): Promise<Plan[]> {
    const response = await get(manager, `/projects/${projectId(code)}/workplans?year=${year}`);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as Page<Plan>).items;
  }
  /** Every budget line of a plan, in plan order, with its activity's title. */
  async function linesOf(planId: string): Promise<(BudgetLine & { activityTitle: string })[]> {
    const response = await get(manager, `/workplans/${planId}/activities?pageSize=500`);
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json() as Page<api.Activity>;
    return page.items.flatMap((a) => a.budgetLines.map((l) => ({ ...l, activityTitle: a.title })));
  }
  async function lineOf(planId: string, description: string) {
    const line = (await linesOf(planId)).find((l) => l.description === description);
    if (!line) throw new Error(`no line "${description}" in plan ${planId}`);
    return line;
  }
  async function totalOf(planId: string): Promise<string> {
    const response = await get(manager, `/workplans/${planId}/summary`);
    return (response.json() as api.WorkplanSummary).total.computed;
  }
  async function auditedUpdates(lineIds: string[]) {
    return ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "budgetLine"), eq(auditLog.action, "update"), inArray(auditLog.entityId, lineIds)));
  }
  /** A new draft version of PGSM 2022, copied from version 1. */
  async function newPgsmVersion(): Promise<Plan> {
    const response = await send(manager, "POST", `/projects/${projectId("PGSM")}/workplans`, {
      year: 2022,
      copyFromId: pgsmPlan.id,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Plan;
  }

  beforeAll(async () => {
    ctx = await createTestApp(kind);
    await loadDemo(ctx.database.db);
    manager = await login(ctx.app, "manager@baara.example", DEMO_PASSWORD);
    editor = await login(ctx.app, "editor@baara.example", DEMO_PASSWORD);
    approver = await login(ctx.app, "approver@baara.example", DEMO_PASSWORD);
    viewer = await login(ctx.app, "viewer@baara.example", DEMO_PASSWORD);
    cpsEditor = await login(ctx.app, "cps.editor@baara.example", DEMO_PASSWORD);
    const projects = (await get(manager, "/projects")).json() as Page<{ id: string; code: string }>;
    for (const p of projects.items) projectIds.set(p.code, p.id);
    [pgsmPlan] = (await plansOf("PGSM", 2022)) as [Plan];
    [cpsPlan] = (await plansOf("CPS-SCI-PA", 2024)) as [Plan];
    expect(pgsmPlan).toMatchObject({ planVersion: 1, status: "draft" });
  });
  afterAll(() => ctx.close());

  describe("GET /projects/:id/access", () => {
    const accessOf = async (session: Session | null, code: string) => {
      const response = await get(session, `/projects/${projectId(code)}/access`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as { capabilities: string[]; publicOnly: boolean };
    };

    it("gives each role its capabilities on PGSM: editors start, edit and submit plans, approvers approve, viewers read", async () => {
      expect(await accessOf(editor, "PGSM")).toEqual({
        capabilities: [
          "committee.record",
          "execution.record",
          "indicators.define",
          "indicators.record",
          "plan.create",
          "plan.edit",
          "plan.submit",
          "project.read",
          "report.write",
        ],
        publicOnly: false,
      });
      expect(await accessOf(approver, "PGSM")).toEqual({
        capabilities: ["committee.approve", "indicators.validate", "plan.approve", "project.read", "report.approve"],
        publicOnly: false,
      });
      expect(await accessOf(viewer, "PGSM")).toEqual({ capabilities: ["project.read"], publicOnly: false });
      expect((await accessOf(manager, "PGSM")).capabilities).toEqual([
        "audit.read",
        "committee.approve",
        "committee.manage",
        "committee.record",
        "execution.close",
        "execution.record",
        "indicators.define",
        "indicators.library",
        "indicators.record",
        "indicators.validate",
        "plan.create",
        "plan.edit",
        "plan.submit",
        "project.manage",
        "project.read",
        "report.approve",
        "report.write",
      ]);
    });

    it("answers a visitor of a published project with project.read and publicOnly, and hides unpublished ones", async () => {
      expect(await accessOf(null, "PBF/MLI/A-2")).toEqual({ capabilities: ["project.read"], publicOnly: true });
      expect(await accessOf(cpsEditor, "PBF/MLI/A-2")).toEqual({ capabilities: ["project.read"], publicOnly: true });
      expect(await accessOf(cpsEditor, "CPS-SCI-PA")).toEqual({
        capabilities: [
          "committee.record",
          "execution.record",
          "indicators.define",
          "indicators.record",
          "plan.create",
          "plan.edit",
          "plan.submit",
          "project.read",
          "report.write",
        ],
        publicOnly: false,
      });
      expect((await get(cpsEditor, `/projects/${projectId("PGSM")}/access`)).statusCode).toBe(404);
      expect((await get(null, `/projects/${projectId("PGSM")}/access`)).statusCode).toBe(401);
    });
  });

  // Before the tests below add versions to PGSM: here its current plan is the demo's version 1.
  describe("GET /portfolio", () => {
    const portfolio = async (session: Session | null, query = "") => {
      const response = await get(session, `/portfolio?pageSize=500${query}`);
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json() as Page<PortfolioItem>;
      expect(page.total).toBe(page.items.length);
      return page.items;
    };
    const codes = async (query: string, session: Session | null = manager) =>
      (await portfolio(session, query)).map((i) => i.project.code);
    const itemOf = (items: PortfolioItem[], code: string) => {
      const item = items.find((i) => i.project.code === code);
      if (!item) throw new Error(`${code} is not in the portfolio`);
      return item;
    };

    it("shows a member each project with its current plan: PGSM 2022 v1 in draft, 465 000 000", async () => {
      const items = await portfolio(manager);
      expect(items.map((i) => i.project.code)).toEqual(["CPS-SCI-PA", "PBF/MLI/A-2", "PGSM", "STAB-MLI"]);
      const pgsm = itemOf(items, "PGSM");
      const summary = (await get(manager, `/workplans/${pgsmPlan.id}/summary`)).json() as api.WorkplanSummary;
      expect(summary.activityCount).toBeGreaterThan(1);
      expect(pgsm.plan).toEqual({
        id: pgsmPlan.id,
        year: 2022,
        planVersion: 1,
        status: "draft",
        total: "465000000",
        activityCount: summary.activityCount,
      });
      expect(pgsm.project).toMatchObject({ id: projectId("PGSM"), title: "Projet de gouvernance du secteur minier" });
      expect(itemOf(items, "CPS-SCI-PA").plan).toMatchObject({
        id: cpsPlan.id,
        year: 2024,
        status: cpsPlan.status,
        total: await totalOf(cpsPlan.id),
      });
      // The PBF project has a results framework but no plan yet.
      expect(itemOf(items, "PBF/MLI/A-2").plan).toBeNull();
    });

    it("narrows the list by text, organisation, partner and project status", async () => {
      expect(await codes("&q=pgsm")).toEqual(["PGSM"]);
      expect(await codes("&q=SECTEUR%20MINIER")).toEqual(["PGSM"]);
      expect(await codes("&q=introuvable")).toEqual([]);
      const pgsm = itemOf(await portfolio(manager), "PGSM");
      expect(await codes(`&organisationId=${pgsm.project.organisationId}`)).toEqual(["PGSM"]);
      expect(await codes("&partner=banque")).toEqual(["PGSM"]);
      expect(await codes("&partner=Nations%20Unies")).toEqual(["PBF/MLI/A-2", "STAB-MLI"]);
      expect(await codes("&partner=affaires%20%C3%A9trang%C3%A8res")).toEqual(["CPS-SCI-PA"]);

      const cps = (await get(manager, `/projects/${projectId("CPS-SCI-PA")}`)).json() as { version: number };
      const suspend = await send(manager, "PATCH", `/projects/${projectId("CPS-SCI-PA")}`, {
        status: "suspended",
        version: cps.version,
      });
      expect(suspend.statusCode, suspend.body).toBe(200);
      try {
        expect(await codes("&status=suspended")).toEqual(["CPS-SCI-PA"]);
        expect(await codes("&status=active")).toEqual(["PBF/MLI/A-2", "PGSM", "STAB-MLI"]);
        expect(await codes("&status=suspended&q=pgsm")).toEqual([]);
      } finally {
        const suspended = suspend.json() as { version: number };
        await send(manager, "PATCH", `/projects/${projectId("CPS-SCI-PA")}`, { status: "active", version: suspended.version });
      }
    });

    it("shows with ?year= the plan of that year, and none for a project without one", async () => {
      const of2022 = await portfolio(manager, "&year=2022");
      expect(itemOf(of2022, "PGSM").plan).toMatchObject({ id: pgsmPlan.id, year: 2022, total: "465000000" });
      expect(itemOf(of2022, "CPS-SCI-PA").plan).toMatchObject({ year: 2022, status: "endorsed", activityCount: 17 });
      expect(itemOf(await portfolio(manager, "&year=2021"), "CPS-SCI-PA").plan).toBeNull();
      const of2024 = await portfolio(manager, "&year=2024");
      expect(itemOf(of2024, "PGSM").plan).toBeNull();
      expect(itemOf(of2024, "CPS-SCI-PA").plan).toMatchObject({ id: cpsPlan.id, year: 2024 });
      expect((await portfolio(manager, "&year=2030")).every((i) => i.plan === null)).toBe(true);
    });

    it("shows a visitor only published projects, each with its latest approved or endorsed plan", async () => {
      const db = ctx.database.db;
      const pbf = projectId("PBF/MLI/A-2");
      const endorsed = await makeWorkplan(db, { projectId: pbf, year: 2020, planVersion: 1, status: "endorsed" });
      const approved = await makeWorkplan(db, { projectId: pbf, year: 2021, planVersion: 1, status: "approved" });
      const activity = await makeActivity(db, { workplanId: approved.id });
      await makeBudgetLine(db, { activityId: activity.id, workplanId: approved.id, quantity: "2", unitCost: "1000.50" });
      const draft = await makeWorkplan(db, { projectId: pbf, year: 2021, planVersion: 2, status: "draft" });
      const submitted = await makeWorkplan(db, { projectId: pbf, year: 2022, planVersion: 1, status: "submitted" });

      const ofVisitor = await portfolio(null);
      expect(ofVisitor.map((i) => i.project.code)).toEqual(["PBF/MLI/A-2"]);
      expect(ofVisitor.every((i) => i.project.published)).toBe(true);
      expect(itemOf(ofVisitor, "PBF/MLI/A-2").plan).toEqual({
        id: approved.id,
        year: 2021,
        planVersion: 1,
        status: "approved",
        total: "2001.00",
        activityCount: 1,
      });
      expect(itemOf(await portfolio(null, "&year=2020"), "PBF/MLI/A-2").plan).toMatchObject({
        id: endorsed.id,
        status: "endorsed",
      });
      expect(itemOf(await portfolio(null, "&year=2022"), "PBF/MLI/A-2").plan).toBeNull();
      // Filters never widen what a visitor sees.
      expect(await codes("&q=pgsm", null)).toEqual([]);
      expect(await codes("&partner=banque", null)).toEqual([]);

      // A signed-in user who is not a member of PBF sees it as a visitor does; its members see its drafts.
      const ofCpsEditor = await portfolio(cpsEditor);
      expect(ofCpsEditor.map((i) => i.project.code)).toEqual(["CPS-SCI-PA", "PBF/MLI/A-2"]);
      expect(itemOf(ofCpsEditor, "PBF/MLI/A-2").plan?.id).toBe(approved.id);
      expect(itemOf(await portfolio(manager), "PBF/MLI/A-2").plan).toMatchObject({ id: submitted.id, status: "submitted" });
      expect(itemOf(await portfolio(manager, "&year=2021"), "PBF/MLI/A-2").plan).toMatchObject({
        id: draft.id,
        status: "draft",
      });
    });
  });

  describe("POST /workplans/:id/line-edits", () => {
    /** A draft copy of PGSM 2022 that these tests edit. */
    let plan: Plan;
    const edit = (session: Session, planId: string, lines: unknown[]) =>
      send(session, "POST", `/workplans/${planId}/line-edits`, { lines });
    /** The plan's lines as the database has them (values and versions), to show that nothing changed. */
    const snapshot = async (planId: string) =>
      (await linesOf(planId)).map((l) => [l.id, l.version, l.description, l.quantity, l.unitCost, l.amount]);

    beforeAll(async () => {
      plan = await newPgsmVersion();
    });

    it("updates three lines in one call: versions bumped, amounts canonical, one audit entry each", async () => {
      const [a, b, c] = await linesOf(plan.id);
      if (!a || !b || !c) throw new Error("fewer than three lines");
      expect([a.description, b.description, c.description]).toEqual([
        PGSM_LINE.dissemination,
        PGSM_LINE.restitution,
        PGSM_LINE.copies,
      ]);
      const response = await edit(editor, plan.id, [
        { id: a.id, version: a.version, unitCost: "36000000.00", amount: "36000000.000" },
        { id: b.id, version: b.version, quantity: "3", amount: null },
        { id: c.id, version: c.version, description: "Multiplier les rapports (révisé)", amount: "12500000.0" },
      ]);
      expect(response.statusCode, response.body).toBe(200);
      const { lines } = response.json() as { lines: BudgetLine[] };
      expect(lines.map((l) => [l.id, l.version])).toEqual([
        [a.id, a.version + 1],
        [b.id, b.version + 1],
        [c.id, c.version + 1],
      ]);
      expect(lines[0]).toMatchObject({ unitCost: "36000000", amount: "36000000", effectiveAmount: "36000000" });
      expect(lines[1]).toMatchObject({ quantity: "3", amount: null, computedAmount: "45000000", effectiveAmount: "45000000" });
      expect(lines[2]).toMatchObject({ description: "Multiplier les rapports (révisé)", amount: "12500000" });

      // Stored as answered, and the plan's total follows: 465 M − 35 M + 36 M − 30 M + 45 M − 12 M + 12.5 M.
      const stored = new Map((await linesOf(plan.id)).map((l) => [l.id, l]));
      for (const line of lines) expect(stored.get(line.id)).toMatchObject(line);
      expect(await totalOf(plan.id)).toBe("481500000");

      const audit = await auditedUpdates([a.id, b.id, c.id]);
      expect(audit).toHaveLength(3);
      expect(new Set(audit.map((e) => e.entityId))).toEqual(new Set([a.id, b.id, c.id]));
      for (const entry of audit) {
        expect(entry.userId).toBe(editor.userId);
        expect(entry.projectId).toBe(projectId("PGSM"));
      }
      const ofC = audit.find((e) => e.entityId === c.id);
      expect(ofC?.before).toMatchObject({ amount: "12000000", version: c.version });
      expect(ofC?.after).toMatchObject({ amount: "12500000", version: c.version + 1 });
    });

    it("writes nothing when the third edit is stale: 409 VERSION_CONFLICT with that line as it now is", async () => {
      const [a, b, c] = await linesOf(plan.id);
      if (!a || !b || !c) throw new Error("fewer than three lines");
      // Someone else saves the third line first.
      const first = await send(manager, "PATCH", `/budget-lines/${c.id}`, { quantity: "3100", version: c.version });
      expect(first.statusCode, first.body).toBe(200);
      const before = await snapshot(plan.id);
      const auditBefore = await auditedUpdates([a.id, b.id, c.id]);

      const response = await edit(editor, plan.id, [
        { id: a.id, version: a.version, quantity: "7" },
        { id: b.id, version: b.version, quantity: "8" },
        { id: c.id, version: c.version, quantity: "9" },
      ]);
      expect(response.statusCode, response.body).toBe(409);
      const error = errorOf(response);
      expect(error.code).toBe("VERSION_CONFLICT");
      expect((error.details as { current: BudgetLine }).current).toMatchObject({
        id: c.id,
        version: c.version + 1,
        quantity: "3100",
      });
      // All or nothing: the first two lines, valid on their own, are not written either.
      expect(await snapshot(plan.id)).toEqual(before);
      expect(await auditedUpdates([a.id, b.id, c.id])).toHaveLength(auditBefore.length);
    });

    it("refuses an amount with 3 decimals in XOF: 422 naming lines.1.amount, nothing written", async () => {
      const [a, b] = await linesOf(plan.id);
      if (!a || !b) throw new Error("fewer than two lines");
      const before = await snapshot(plan.id);
      const response = await edit(editor, plan.id, [
        { id: a.id, version: a.version, quantity: "5" },
        { id: b.id, version: b.version, amount: "1000.125" },
      ]);
      expect(response.statusCode, response.body).toBe(422);
      expect(errorOf(response).code).toBe("INVALID_FIELDS");
      expect(problemsOf(response)).toEqual([
        expect.objectContaining({ field: "lines.1.amount", code: "AMOUNT_NO_DECIMALS" }),
      ]);
      expect(errorOf(response).message).toContain("lines.1.amount");
      expect(await snapshot(plan.id)).toEqual(before);
    });

    it("refuses a line of another plan: 422 naming lines.0.id, nothing written", async () => {
      const [foreign] = await linesOf(pgsmPlan.id);
      const [own] = await linesOf(plan.id);
      if (!foreign || !own) throw new Error("no lines");
      const before = await snapshot(plan.id);
      const sourceBefore = await snapshot(pgsmPlan.id);
      const response = await edit(editor, plan.id, [
        { id: foreign.id, version: foreign.version, quantity: "2" },
        { id: own.id, version: own.version, quantity: "2" },
      ]);
      expect(response.statusCode, response.body).toBe(422);
      expect(problemsOf(response)).toEqual([expect.objectContaining({ field: "lines.0.id", code: "NOT_FOUND" })]);
      expect(await snapshot(plan.id)).toEqual(before);
      expect(await snapshot(pgsmPlan.id)).toEqual(sourceBefore);
    });

    it("refuses edits to a plan that is no longer a draft: 409 PLAN_NOT_EDITABLE", async () => {
      const db = ctx.database.db;
      const submitted = await makeWorkplan(db, { projectId: projectId("PGSM"), year: 2023, status: "submitted" });
      const activity = await makeActivity(db, { workplanId: submitted.id });
      const line = await makeBudgetLine(db, { activityId: activity.id, workplanId: submitted.id });
      const response = await edit(editor, submitted.id, [{ id: line.id, version: line.version, quantity: "5" }]);
      expect(response.statusCode, response.body).toBe(409);
      expect(errorOf(response)).toMatchObject({ code: "PLAN_NOT_EDITABLE", message: expect.stringContaining("soumis") });
      expect((await linesOf(submitted.id)).map((l) => [l.quantity, l.version])).toEqual([["2", line.version]]);
    });

    it("leaves block edits to those who may edit: a viewer or an approver gets 403 and nothing changes", async () => {
      const [a] = await linesOf(plan.id);
      if (!a) throw new Error("no line");
      const before = await snapshot(plan.id);
      for (const session of [viewer, approver]) {
        const response = await edit(session, plan.id, [{ id: a.id, version: a.version, quantity: "6" }]);
        expect(response.statusCode, response.body).toBe(403);
        expect(errorOf(response).code).toBe("FORBIDDEN");
      }
      expect(await snapshot(plan.id)).toEqual(before);
    });
  });

  describe("GET /workplans/:id/comparison", () => {
    it("gives the total and per-node differences and the changed and removed lines of a new version", async () => {
      const other = await newPgsmVersion();
      // One line's quantity changes (its declared amount cleared, so it counts as quantity × unit cost: 3 500 × 4 000)…
      const copies = await lineOf(other.id, PGSM_LINE.copies);
      const patched = await send(editor, "PATCH", `/budget-lines/${copies.id}`, {
        quantity: "3500",
        amount: null,
        version: copies.version,
      });
      expect(patched.statusCode, patched.body).toBe(200);
      // …and another line, in the middle of the same activity, goes.
      const restitution = await lineOf(other.id, PGSM_LINE.restitution);
      expect((await send(editor, "DELETE", `/budget-lines/${restitution.id}`)).statusCode).toBe(204);

      const response = await get(viewer, `/workplans/${pgsmPlan.id}/comparison?with=${other.id}`);
      expect(response.statusCode, response.body).toBe(200);
      const comparison = response.json() as Comparison;
      expect(comparison.base).toMatchObject({ id: pgsmPlan.id, planVersion: 1 });
      expect(comparison.other).toMatchObject({ id: other.id, planVersion: other.planVersion });
      expect(comparison.currency).toBe("XOF");
      // 465 M − 30 M (line removed) + 2 M (12 M → 14 M).
      expect(comparison.total).toEqual({ base: "465000000", other: "437000000", difference: "-28000000" });

      const byCode = new Map(comparison.nodes.map((n) => [n.code, [n.base, n.other, n.difference]]));
      expect(byCode.get("B")).toEqual(["465000000", "437000000", "-28000000"]);
      expect(byCode.get("B1")).toEqual(["127000000", "99000000", "-28000000"]);
      expect(byCode.get("B.1.1")).toEqual(["127000000", "99000000", "-28000000"]);
      expect(byCode.get("B2")).toEqual(["338000000", "338000000", "0"]);
      expect(comparison.nodes.filter((n) => n.difference !== "0").map((n) => n.code)).toEqual(["B", "B1", "B.1.1"]);

      expect(comparison.lines).toEqual([
        {
          kind: "removed",
          activityCode: null,
          activityTitle: FIRST_ACTIVITY,
          accountCode: null,
          description: PGSM_LINE.restitution,
          changes: [],
          base: "30000000",
          other: null,
        },
        {
          kind: "changed",
          activityCode: null,
          activityTitle: FIRST_ACTIVITY,
          accountCode: null,
          description: PGSM_LINE.copies,
          changes: [
            { field: "quantity", before: "3000", after: "3500" },
            { field: "amount", before: "12000000", after: null },
          ],
          base: "12000000",
          other: "14000000",
        },
      ]);

      // The other way round, what was removed is added back.
      const back = (await get(viewer, `/workplans/${other.id}/comparison?with=${pgsmPlan.id}`)).json() as Comparison;
      expect(back.total.difference).toBe("28000000");
      expect(back.lines.map((l) => [l.kind, l.description])).toEqual([
        ["changed", PGSM_LINE.copies],
        ["added", PGSM_LINE.restitution],
      ]);
    });

    it("refuses to compare plans of two projects: 422 PLAN_OTHER_PROJECT on `with`", async () => {
      const response = await get(manager, `/workplans/${pgsmPlan.id}/comparison?with=${cpsPlan.id}`);
      expect(response.statusCode, response.body).toBe(422);
      expect(problemsOf(response)).toEqual([
        { field: "with", code: "PLAN_OTHER_PROJECT", message: expect.stringContaining("autre projet") },
      ]);
    });
  });

  describe("the built web app at /", () => {
    let web: FastifyInstance;
    let root: string;
    const html = `<!doctype html><html lang="fr"><head><title>Baara</title></head><body><div id="root"></div></body></html>`;
    // Over the compression threshold, like a real bundle.
    const script = `console.log(${JSON.stringify("Baara ".repeat(2000))});\n`;

    beforeAll(async () => {
      root = mkdtempSync(join(tmpdir(), "baara-web-"));
      writeFileSync(join(root, "index.html"), html);
      mkdirSync(join(root, "assets"));
      writeFileSync(join(root, "assets", "app.js"), script);
      web = await buildApp({ database: ctx.database, webRoot: root });
      await web.ready();
    });
    afterAll(async () => {
      await web?.close();
      rmSync(root, { recursive: true, force: true });
    });

    it.each(["/", "/workplans/123", "/projects/abc/plans?year=2022"])(
      "answers %s with the app's page, never cached without revalidation",
      async (url) => {
        const response = await web.inject({ method: "GET", url });
        expect(response.statusCode).toBe(200);
        expect(response.headers["content-type"]).toMatch(/^text\/html/);
        expect(response.headers["cache-control"]).toBe("no-cache");
        expect(response.body).toBe(html);
      },
    );

    it("serves hashed assets as cacheable for good, compressed when the browser accepts it", async () => {
      const plain = await web.inject({ method: "GET", url: "/assets/app.js" });
      expect(plain.statusCode).toBe(200);
      expect(plain.headers["content-type"]).toMatch(/javascript/);
      expect(plain.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(plain.body).toBe(script);
      const gzipped = await web.inject({ method: "GET", url: "/assets/app.js", headers: { "accept-encoding": "gzip" } });
      expect(gzipped.headers["content-encoding"]).toBe("gzip");
      expect(gunzipSync(gzipped.rawPayload).toString("utf8")).toBe(script);
    });

    it("answers a missing asset and an unknown API path with a 404 JSON error, not the page", async () => {
      for (const url of ["/assets/missing.js", "/api/v1/nope", "/api/v1/workplans/123/nope"]) {
        const response = await web.inject({ method: "GET", url, headers: { "accept-language": "en" } });
        expect(response.statusCode, url).toBe(404);
        expect(response.headers["content-type"]).toMatch(/^application\/json/);
        expect(response.json()).toEqual({ error: { code: "NOT_FOUND", message: expect.any(String) } });
        expect(response.body).not.toContain("<html");
      }
    });

    it("gzips a large JSON response when the browser accepts it, and only then", async () => {
      const url = `${V1}/workplans/${pgsmPlan.id}/activities?pageSize=500`;
      const headers = { cookie: manager.cookie };
      const plain = await web.inject({ method: "GET", url, headers });
      expect(plain.statusCode).toBe(200);
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(plain.body.length).toBeGreaterThan(4096);
      const gzipped = await web.inject({ method: "GET", url, headers: { ...headers, "accept-encoding": "gzip" } });
      expect(gzipped.statusCode).toBe(200);
      expect(gzipped.headers["content-encoding"]).toBe("gzip");
      expect(gzipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
      expect(JSON.parse(gunzipSync(gzipped.rawPayload).toString("utf8"))).toEqual(plain.json());
    });
  });
});
