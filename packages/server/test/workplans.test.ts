// The work plan lifecycle through the HTTP API: building a plan with its
// activities and budget lines, the summary with its totals and consistency
// findings, the workflow, new versions and next year's plan, optimistic
// concurrency, the audit log, and atomic writes.
import type { api, CurrencyCode } from "@baara/core";
import { sql } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/client.ts";
import { type ApiError, call, createTestApp, type FieldProblem, login, type Session, type TestContext } from "./helpers/app.ts";
import { databaseKinds } from "./helpers/databases.ts";
import { grant, makeNode, makeOrganisation, makeProject, makeUser, PASSWORD } from "./helpers/factories.ts";

interface Request {
  method: string;
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}
type Step = api.WorkplanStep;
interface AuditEntry {
  id: number;
  userId: string | null;
  projectId: string | null;
  entity: string;
  entityId: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}
type Summary = api.WorkplanSummary;
type SummaryNode = Summary["nodes"][number];
type Finding = Summary["findings"][number];

const V1 = "/api/v1";
const NB = "\u00a0";
const flatten = (nodes: SummaryNode[]): SummaryNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);
const sumOf = (amounts: string[]) => amounts.reduce((total, a) => total + BigInt(a), 0n).toString();

describe.each(databaseKinds)("work plans on %s", (kind) => {
  let ctx: TestContext;
  let organisationId: string;
  let manager: Session;
  let editor: Session;
  let approver: Session;

  // ---- helpers -----------------------------------------------------------

  async function expectOk<T>(session: Session | null, request: Request, status = 200): Promise<T> {
    const response = await call(ctx.app, session, request);
    expect(response.statusCode, `${request.method} ${request.url}: ${response.body}`).toBe(status);
    return response.json() as T;
  }

  function errorOf(response: LightMyRequestResponse, status: number, code: string): ApiError {
    expect(response.statusCode, response.body).toBe(status);
    const body = response.json() as { error: ApiError };
    expect(Object.keys(body)).toEqual(["error"]);
    expect(body.error.code).toBe(code);
    expect(typeof body.error.message).toBe("string");
    return body.error;
  }

  async function rowCounts(): Promise<Record<string, number>> {
    const [row] = await queryRows<Record<string, number>>(
      ctx.database.db,
      sql`select
        (select count(*) from workplans)::int as workplans,
        (select count(*) from workplan_declared_totals)::int as declared_totals,
        (select count(*) from workplan_steps)::int as workplan_steps,
        (select count(*) from activities)::int as activities,
        (select count(*) from budget_lines)::int as budget_lines,
        (select count(*) from audit_log)::int as audit_log`,
    );
    if (!row) throw new Error("no counts");
    return row;
  }

  /** Runs `action` and checks it wrote nothing at all. */
  async function writesNothing<T>(action: () => Promise<T>): Promise<T> {
    const before = await rowCounts();
    const result = await action();
    expect(await rowCounts()).toEqual(before);
    return result;
  }

  /** A project with a three-level framework: A > A.1, and B. */
  async function newProject(currency: CurrencyCode = "XOF") {
    const { db } = ctx.database;
    const project = await makeProject(db, { organisationId, currency });
    const a = await makeNode(db, { projectId: project.id, code: "A" });
    const a1 = await makeNode(db, { projectId: project.id, parentId: a.id, level: 1, code: "A.1" });
    const b = await makeNode(db, { projectId: project.id, code: "B" });
    return { project, nodes: { a, a1, b } };
  }

  const createPlan = (projectId: string, payload: Record<string, unknown>) =>
    expectOk<api.Workplan>(
      manager,
      { method: "POST", url: `${V1}/projects/${projectId}/workplans`, payload },
      201,
    );
  const addActivity = (workplanId: string, payload: Record<string, unknown>, session = editor) =>
    expectOk<api.Activity>(
      session,
      { method: "POST", url: `${V1}/workplans/${workplanId}/activities`, payload },
      201,
    );
  const transition = (
    session: Session,
    workplan: { id: string; version: number },
    action: string,
    comment?: string,
  ) =>
    expectOk<api.Workplan>(session, {
      method: "POST",
      url: `${V1}/workplans/${workplan.id}/transitions`,
      payload: { action, version: workplan.version, ...(comment ? { comment } : {}) },
    });
  const summaryOf = (workplanId: string, locale?: "en") =>
    expectOk<Summary>(editor, {
      method: "GET",
      url: `${V1}/workplans/${workplanId}/summary`,
      ...(locale ? { headers: { "accept-language": locale } } : {}),
    });
  const activitiesOf = async (workplanId: string) =>
    (
      await expectOk<{ items: api.Activity[]; total: number }>(editor, {
        method: "GET",
        url: `${V1}/workplans/${workplanId}/activities?pageSize=500`,
      })
    ).items;
  const declare = (workplanId: string, nodeId: string, amount: string | null) =>
    expectOk<Summary>(editor, {
      method: "PUT",
      url: `${V1}/workplans/${workplanId}/declared-totals`,
      payload: { nodeId, amount },
    });
  const lineOf = (activity: api.Activity, index: number): api.BudgetLine => {
    const line = activity.budgetLines[index];
    if (!line) throw new Error(`activity ${activity.code} has no line ${index}`);
    return line;
  };

  /** The reference plan of the summary tests; every figure below is worked out by hand. */
  async function referencePlan() {
    const { project, nodes } = await newProject();
    const plan = await createPlan(project.id, { year: 2024, declaredTotal: "9000" });
    const training = await addActivity(plan.id, {
      resultNodeId: nodes.a1.id,
      code: "A.1.1",
      title: "Former les agents de saisie",
      months: [4, 1, 2, 3],
      responsible: "CPS",
      deadline: "2024-06-30",
      budgetLines: [
        {
          description: "Fournitures",
          accountCode: "6011",
          accountLabel: "Fournitures de bureau",
          fundCode: "IDA",
          quantity: "3",
          unit: "lot",
          unitCost: "1000",
          genderSharePercent: "50",
        },
        {
          description: "Location de salle",
          accountCode: "6221",
          accountLabel: "Locations",
          fundCode: "ETAT",
          quantity: "2",
          unit: "jour",
          unitCost: "1500",
          amount: "4000",
          funded: false,
        },
      ],
    });
    const mission = await addActivity(plan.id, {
      resultNodeId: nodes.b.id,
      code: "B.1",
      title: "Mission de suivi",
      months: [6, 7, 8],
      responsible: "DNP",
      deadline: "2024-07-15",
      budgetLines: [
        {
          accountCode: "6011",
          fundCode: "IDA",
          quantity: "1",
          unitCost: "1001",
          genderSharePercent: "33.33",
        },
      ],
    });
    const launch = await addActivity(plan.id, {
      code: "X.1",
      title: "Réunion de lancement",
      deadline: "2025-01-15",
    });
    const study = await addActivity(plan.id, {
      resultNodeId: nodes.b.id,
      code: "B.2",
      title: "Étude à chiffrer",
      budgetLines: [{ description: "À chiffrer" }, { amount: "500" }],
    });
    const followUp = await addActivity(plan.id, {
      resultNodeId: nodes.a.id,
      code: "A.2",
      title: "Suivi des recommandations",
      noCost: true,
    });
    await declare(plan.id, nodes.a1.id, "7000");
    await declare(plan.id, nodes.a.id, "8000");
    await declare(plan.id, nodes.b.id, "1501");
    return { project, nodes, plan, training, mission, launch, study, followUp };
  }

  beforeAll(async () => {
    ctx = await createTestApp(kind);
    const { db } = ctx.database;
    organisationId = (await makeOrganisation(db)).id;
    const people = [
      ["manager", "Fatoumata Gestionnaire"],
      ["editor", "Awa Rédactrice"],
      ["approver", "Moussa Approbateur"],
    ] as const;
    const sessions: Session[] = [];
    for (const [role, name] of people) {
      const user = await makeUser(db, { name });
      await grant(db, user.id, role, { organisationId });
      sessions.push(await login(ctx.app, user.email, PASSWORD));
    }
    [manager, editor, approver] = sessions as [Session, Session, Session];
  });
  afterAll(() => ctx.close());

  // ---- building a plan ---------------------------------------------------

  describe("building a plan", () => {
    it("creates a project's 2024 plan as version 1, in draft", async () => {
      const { project } = await newProject();
      const plan = await createPlan(project.id, { year: 2024 });
      expect(plan).toMatchObject({
        projectId: project.id,
        year: 2024,
        planVersion: 1,
        title: "PTBA 2024",
        status: "draft",
        declaredTotal: null,
        copiedFromId: null,
        version: 1,
      });
      const list = await expectOk<{ items: api.Workplan[]; total: number }>(editor, {
        method: "GET",
        url: `${V1}/projects/${project.id}/workplans?year=2024`,
      });
      expect(list.items.map((p) => p.id)).toEqual([plan.id]);
    });

    it("adds activities with budget lines: amount null is quantity × unit cost, a different declared amount is kept", async () => {
      const { training, mission, study } = await referencePlan();
      expect(training).toMatchObject({
        code: "A.1.1",
        months: [1, 2, 3, 4],
        quarters: [1, 2],
        responsible: "CPS",
        deadline: "2024-06-30",
        total: "7000",
      });
      expect(lineOf(training, 0)).toMatchObject({
        quantity: "3",
        unitCost: "1000",
        amount: null,
        computedAmount: "3000",
        effectiveAmount: "3000",
        funded: true,
        genderSharePercent: "50.00",
        version: 1,
      });
      // Declared 4 000 against 2 × 1 500 = 3 000: kept as declared, never replaced.
      expect(lineOf(training, 1)).toMatchObject({
        quantity: "2",
        unitCost: "1500",
        amount: "4000",
        computedAmount: "3000",
        effectiveAmount: "4000",
        funded: false,
      });
      expect(mission.total).toBe("1001");
      expect(mission.quarters).toEqual([2, 3]);
      expect(study.total).toBe("500");
      expect(lineOf(study, 0)).toMatchObject({ amount: null, computedAmount: null, effectiveAmount: "0" });
      const read = await expectOk<api.Activity>(editor, {
        method: "GET",
        url: `${V1}/activities/${training.id}`,
      });
      expect(read).toEqual(training);
    });

    it("summarises the plan: node totals, declared figures, breakdowns, quarters, funding and gender share", async () => {
      const { plan, nodes } = await referencePlan();
      const summary = await summaryOf(plan.id);
      expect(summary.currency).toBe("XOF");
      expect(summary.total).toEqual({ computed: "8501", declared: "9000" });
      expect(summary.activityCount).toBe(5);
      expect(summary.budgetLineCount).toBe(5);
      expect(summary.unassigned).toBe("0");

      const byCode = new Map(flatten(summary.nodes).map((n) => [n.code, n]));
      expect(byCode.get("A")).toMatchObject({
        id: nodes.a.id,
        computed: "7000",
        declared: "8000",
        activityCount: 2,
        levelLabel: "Composante",
      });
      expect(byCode.get("A.1")).toMatchObject({
        computed: "7000",
        declared: "7000",
        activityCount: 1,
        levelLabel: "Sous-composante",
      });
      expect(byCode.get("B")).toMatchObject({ computed: "1501", declared: "1501", activityCount: 2 });
      expect(byCode.get("A")?.children.map((c) => c.code)).toEqual(["A.1"]);
      expect(sumOf(summary.nodes.map((n) => n.computed))).toBe(summary.total.computed);

      expect(summary.byAccount).toEqual([
        { key: "6011", label: "Fournitures de bureau", amount: "4001" },
        { key: "6221", label: "Locations", amount: "4000" },
        { key: null, label: null, amount: "500" },
      ]);
      expect(summary.byFund).toEqual([
        { key: "IDA", label: null, amount: "4001" },
        { key: "ETAT", label: null, amount: "4000" },
        { key: null, label: null, amount: "500" },
      ]);
      expect(summary.byResponsible).toEqual([
        { key: "CPS", label: null, amount: "7000" },
        { key: "DNP", label: null, amount: "1001" },
        { key: null, label: null, amount: "500" },
      ]);
      for (const breakdown of [summary.byAccount, summary.byFund, summary.byResponsible]) {
        expect(sumOf(breakdown.map((b) => b.amount))).toBe("8501");
      }

      // 7 000 over January–April: 1 750 a month, 5 250 in Q1 and 1 750 in Q2.
      // 1 001 over June–August: 334 + 334 + 333, so 334 in Q2 and 667 in Q3.
      // 500 with no months is unscheduled.
      expect(summary.byQuarter).toEqual({ q1: "5250", q2: "2084", q3: "667", q4: "0", unscheduled: "500" });
      expect(sumOf(Object.values(summary.byQuarter))).toBe(summary.total.computed);

      expect(summary.funded).toBe("4501");
      expect(summary.unfunded).toBe("4000");
      expect(sumOf([summary.funded, summary.unfunded])).toBe(summary.total.computed);
      // 50 % of 3 000 + 33.33 % of 1 001 (333.63, rounded to 334).
      expect(summary.genderTagged).toBe("1834");
    });

    it("reports every disagreement with its location, what was declared and what was computed", async () => {
      const { plan, nodes, training, mission, launch, study } = await referencePlan();
      const summary = await summaryOf(plan.id);
      const strip = ({ message: _m, ...f }: Finding) => f;
      expect(summary.findings.map(strip)).toEqual([
        {
          code: "QTY_PRICE_MISMATCH",
          severity: "warning",
          location: { entity: "budgetLine", id: lineOf(training, 1).id, path: ["A", "A.1", "A.1.1", "#2"] },
          declared: "4000",
          computed: "3000",
        },
        {
          code: "TIMEFRAME_AFTER_DEADLINE",
          severity: "warning",
          location: { entity: "activity", id: mission.id, path: ["B", "B.1"] },
          declared: null,
          computed: null,
        },
        {
          code: "MISSING_AMOUNT",
          severity: "warning",
          location: { entity: "activity", id: launch.id, path: ["X.1"] },
          declared: null,
          computed: null,
        },
        {
          code: "DEADLINE_OUTSIDE_YEAR",
          severity: "warning",
          location: { entity: "activity", id: launch.id, path: ["X.1"] },
          declared: null,
          computed: null,
        },
        {
          code: "MISSING_AMOUNT",
          severity: "error",
          location: { entity: "budgetLine", id: lineOf(study, 0).id, path: ["B", "B.2", "#1"] },
          declared: null,
          computed: null,
        },
        {
          code: "SUBTOTAL_MISMATCH",
          severity: "error",
          location: { entity: "node", id: nodes.a.id, path: ["A"] },
          declared: "8000",
          computed: "7000",
        },
        {
          code: "TOTAL_MISMATCH",
          severity: "error",
          location: { entity: "workplan", id: null, path: [] },
          declared: "9000",
          computed: "8501",
        },
      ]);

      const fr = summary.findings.map((f) => f.message);
      expect(fr[0]).toBe(
        `A › A.1 › A.1.1 › #2 — Montant déclaré 4${NB}000${NB}F${NB}CFA différent de quantité × prix unitaire = 3${NB}000${NB}F${NB}CFA.`,
      );
      expect(fr[1]).toMatch(/^B › B\.1 — Le chronogramme prévoit des mois après la date limite/);
      expect(fr[2]).toBe("X.1 — Montant manquant : ni montant, ni quantité et prix unitaire.");
      expect(fr[3]).toMatch(/^X\.1 — Date limite .* hors de l'exercice/);
      expect(fr[5]).toBe(
        `A — Sous-total déclaré 8${NB}000${NB}F${NB}CFA différent de la somme des lignes 7${NB}000${NB}F${NB}CFA.`,
      );
      expect(fr[6]).toBe(
        `Total déclaré 9${NB}000${NB}F${NB}CFA différent de la somme des lignes 8${NB}501${NB}F${NB}CFA.`,
      );

      const en = (await summaryOf(plan.id, "en")).findings.map((f) => f.message);
      expect(en[0]).toMatch(
        /^A › A\.1 › A\.1\.1 › #2 — Declared amount .*4,000 differs from quantity × unit cost = .*3,000\.$/,
      );
      expect(en[1]).toMatch(/^B › B\.1 — The timeframe has months after the deadline/);
      expect(en[2]).toBe("X.1 — Missing amount: neither an amount nor a quantity and unit cost.");
      expect(en[3]).toMatch(/^X\.1 — Deadline .* is outside the fiscal year/);
      expect(en[5]).toMatch(/^A — Declared sub-total .*8,000 differs from the sum of its lines .*7,000\.$/);
      expect(en[6]).toMatch(/^Declared total .*9,000 differs from the sum of its lines .*8,501\.$/);
    });

    it("writes dates in finding messages the way people read them (21 juin 2024 / 21 June 2024)", async () => {
      const { plan } = await referencePlan();
      const fr = (await summaryOf(plan.id)).findings;
      const en = (await summaryOf(plan.id, "en")).findings;
      // French typography keeps dates on one line with no-break spaces.
      const message = (findings: Finding[], code: string) =>
        (findings.find((f) => f.code === code)?.message ?? "").replace(/\u00a0/g, " ");
      expect(message(fr, "TIMEFRAME_AFTER_DEADLINE")).toContain("15 juillet 2024");
      expect(message(fr, "DEADLINE_OUTSIDE_YEAR")).toContain("15 janvier 2025");
      expect(message(fr, "DEADLINE_OUTSIDE_YEAR")).toContain("31 décembre 2024");
      expect(message(en, "TIMEFRAME_AFTER_DEADLINE")).toContain("15 July 2024");
      expect(message(en, "DEADLINE_OUTSIDE_YEAR")).toContain("15 January 2025");
    });

    it("keeps, changes and removes declared sub-totals and reports SUBTOTAL_MISMATCH only while they differ", async () => {
      const { plan, nodes } = await referencePlan();
      let summary = await declare(plan.id, nodes.a.id, "7000");
      expect(summary.findings.filter((f) => f.code === "SUBTOTAL_MISMATCH")).toEqual([]);
      summary = await declare(plan.id, nodes.b.id, "1500");
      expect(summary.findings.filter((f) => f.code === "SUBTOTAL_MISMATCH")).toMatchObject([
        { location: { entity: "node", id: nodes.b.id, path: ["B"] }, declared: "1500", computed: "1501" },
      ]);
      summary = await declare(plan.id, nodes.b.id, null);
      expect(flatten(summary.nodes).find((n) => n.code === "B")?.declared).toBeNull();
      expect(summary.findings.filter((f) => f.code === "SUBTOTAL_MISMATCH")).toEqual([]);
      // The plan's declared total, corrected to the computed one.
      const current = await expectOk<api.Workplan>(editor, {
        method: "GET",
        url: `${V1}/workplans/${plan.id}`,
      });
      await expectOk<api.Workplan>(editor, {
        method: "PATCH",
        url: `${V1}/workplans/${plan.id}`,
        payload: { version: current.version, declaredTotal: "8501" },
      });
      summary = await summaryOf(plan.id);
      expect(summary.total).toEqual({ computed: "8501", declared: "8501" });
      expect(summary.findings.filter((f) => f.code === "TOTAL_MISMATCH")).toEqual([]);
    });

    it("changes only the fields a partial update sends (activity, budget line)", async () => {
      const { plan, training } = await referencePlan();
      const updated = await expectOk<api.Activity>(editor, {
        method: "PATCH",
        url: `${V1}/activities/${training.id}`,
        payload: { version: training.version, title: "Former les agents de saisie (2 sessions)" },
      });
      const { title: _t, version: _v, updatedAt: _u, ...unchanged } = training;
      expect(updated).toMatchObject({
        ...unchanged,
        title: "Former les agents de saisie (2 sessions)",
        version: 2,
      });

      const line = lineOf(training, 1);
      const patched = await expectOk<api.BudgetLine>(editor, {
        method: "PATCH",
        url: `${V1}/budget-lines/${line.id}`,
        payload: { version: line.version, amount: "3000" },
      });
      expect(patched).toMatchObject({
        description: "Location de salle",
        accountCode: "6221",
        accountLabel: "Locations",
        fundCode: "ETAT",
        quantity: "2",
        unit: "jour",
        unitCost: "1500",
        amount: "3000",
        computedAmount: "3000",
        funded: false,
        version: 2,
      });
      const summary = await summaryOf(plan.id);
      expect(summary.findings.filter((f) => f.code === "QTY_PRICE_MISMATCH")).toEqual([]);
    });

    it("keeps a project's other settings (fiscal year, framework labels…) when one field is updated", async () => {
      const project = await makeProject(ctx.database.db, {
        organisationId,
        levelLabels: ["Objectif", "Résultat"],
        published: true,
      });
      const before = await expectOk<api.Project>(manager, {
        method: "PATCH",
        url: `${V1}/projects/${project.id}`,
        payload: {
          version: 1,
          fiscalYearStartMonth: 7,
          locations: ["Mopti", "Ségou"],
          sector: "Statistique",
        },
      });
      const after = await expectOk<api.Project>(manager, {
        method: "PATCH",
        url: `${V1}/projects/${project.id}`,
        payload: { version: before.version, title: "Projet renommé" },
      });
      expect(after).toMatchObject({
        title: "Projet renommé",
        fiscalYearStartMonth: 7,
        locations: ["Mopti", "Ségou"],
        sector: "Statistique",
        levelLabels: ["Objectif", "Résultat"],
        published: true,
        status: before.status,
      });
    });
  });

  // ---- workflow ----------------------------------------------------------

  describe("workflow", () => {
    it("goes draft → submitted → (returned) → approved → endorsed, recording who and why", async () => {
      const { project, nodes } = await newProject();
      let plan = await createPlan(project.id, { year: 2024 });
      const activity = await addActivity(plan.id, {
        resultNodeId: nodes.a1.id,
        code: "A.1.1",
        title: "Atelier",
        budgetLines: [{ quantity: "1", unitCost: "250000" }],
      });

      // An approver does not write plans, an editor does not approve them.
      errorOf(
        await call(ctx.app, approver, {
          method: "PATCH",
          url: `${V1}/workplans/${plan.id}`,
          payload: { version: plan.version, title: "X" },
        }),
        403,
        "FORBIDDEN",
      );

      plan = await transition(editor, plan, "submit", "Soumis pour revue");
      expect(plan).toMatchObject({ status: "submitted", version: 2 });
      errorOf(
        await call(ctx.app, editor, {
          method: "POST",
          url: `${V1}/workplans/${plan.id}/transitions`,
          payload: { action: "approve", version: plan.version },
        }),
        403,
        "FORBIDDEN",
      );
      plan = await transition(approver, plan, "return", "Revoir les coûts unitaires");
      expect(plan.status).toBe("draft");

      // Back in draft, the editor may change it again.
      plan = await expectOk<api.Workplan>(editor, {
        method: "PATCH",
        url: `${V1}/workplans/${plan.id}`,
        payload: { version: plan.version, title: "PTBA 2024 révisé" },
      });
      plan = await transition(editor, plan, "submit");
      plan = await transition(approver, plan, "approve", "Approuvé en comité technique");
      expect(plan.status).toBe("approved");
      plan = await transition(approver, plan, "endorse", "Entériné par le comité de pilotage");
      expect(plan).toMatchObject({ status: "endorsed", title: "PTBA 2024 révisé" });

      const history = await expectOk<Step[]>(editor, {
        method: "GET",
        url: `${V1}/workplans/${plan.id}/history`,
      });
      expect(
        history.map(({ action, fromStatus, toStatus, userId, userName, comment }) => ({
          action,
          fromStatus,
          toStatus,
          userId,
          userName,
          comment,
        })),
      ).toEqual([
        {
          action: "create",
          fromStatus: null,
          toStatus: "draft",
          userId: manager.userId,
          userName: expect.any(String),
          comment: null,
        },
        {
          action: "submit",
          fromStatus: "draft",
          toStatus: "submitted",
          userId: editor.userId,
          userName: "Awa Rédactrice",
          comment: "Soumis pour revue",
        },
        {
          action: "return",
          fromStatus: "submitted",
          toStatus: "draft",
          userId: approver.userId,
          userName: "Moussa Approbateur",
          comment: "Revoir les coûts unitaires",
        },
        {
          action: "submit",
          fromStatus: "draft",
          toStatus: "submitted",
          userId: editor.userId,
          userName: "Awa Rédactrice",
          comment: null,
        },
        {
          action: "approve",
          fromStatus: "submitted",
          toStatus: "approved",
          userId: approver.userId,
          userName: "Moussa Approbateur",
          comment: "Approuvé en comité technique",
        },
        {
          action: "endorse",
          fromStatus: "approved",
          toStatus: "endorsed",
          userId: approver.userId,
          userName: "Moussa Approbateur",
          comment: "Entériné par le comité de pilotage",
        },
      ]);
      for (const step of history) expect(Number.isNaN(Date.parse(step.at))).toBe(false);
      expect(history.map((s) => s.at)).toEqual([...history.map((s) => s.at)].sort());
      expect((await activitiesOf(plan.id)).map((a) => a.id)).toEqual([activity.id]);
    });

    it("refuses every edit to an approved plan with 409 PLAN_NOT_EDITABLE and writes nothing", async () => {
      const { project, nodes } = await newProject();
      let plan = await createPlan(project.id, { year: 2024 });
      const activity = await addActivity(plan.id, {
        code: "A.1.1",
        title: "Atelier",
        budgetLines: [{ quantity: "1", unitCost: "250000" }],
      });
      const line = lineOf(activity, 0);
      plan = await transition(editor, plan, "submit");
      plan = await transition(approver, plan, "approve");

      const edits: Request[] = [
        {
          method: "PATCH",
          url: `${V1}/workplans/${plan.id}`,
          payload: { version: plan.version, title: "Autre" },
        },
        { method: "POST", url: `${V1}/workplans/${plan.id}/activities`, payload: { title: "Ajout" } },
        { method: "PATCH", url: `${V1}/activities/${activity.id}`, payload: { version: 1, title: "Autre" } },
        { method: "DELETE", url: `${V1}/activities/${activity.id}` },
        { method: "POST", url: `${V1}/activities/${activity.id}/budget-lines`, payload: { amount: "1" } },
        { method: "PATCH", url: `${V1}/budget-lines/${line.id}`, payload: { version: 1, amount: "1" } },
        { method: "DELETE", url: `${V1}/budget-lines/${line.id}` },
        {
          method: "PUT",
          url: `${V1}/workplans/${plan.id}/declared-totals`,
          payload: { nodeId: nodes.a.id, amount: "250000" },
        },
      ];
      await writesNothing(async () => {
        for (const edit of edits) {
          const error = errorOf(await call(ctx.app, editor, edit), 409, "PLAN_NOT_EDITABLE");
          expect(error.message).toContain("brouillon");
          const en = errorOf(
            await call(ctx.app, editor, { ...edit, headers: { "accept-language": "en" } }),
            409,
            "PLAN_NOT_EDITABLE",
          );
          expect(en.message).toContain("only a draft can be edited");
        }
        // Deleting the plan itself is refused too.
        errorOf(
          await call(ctx.app, manager, { method: "DELETE", url: `${V1}/workplans/${plan.id}` }),
          409,
          "PLAN_NOT_EDITABLE",
        );
      });
      const after = await expectOk<api.Activity>(editor, {
        method: "GET",
        url: `${V1}/activities/${activity.id}`,
      });
      expect(after).toEqual(activity);
    });

    it("refuses a transition that does not apply to the plan's status with 409 INVALID_TRANSITION", async () => {
      const { project } = await newProject();
      let plan = await createPlan(project.id, { year: 2024 });
      await writesNothing(async () => {
        const fr = errorOf(
          await call(ctx.app, approver, {
            method: "POST",
            url: `${V1}/workplans/${plan.id}/transitions`,
            payload: { action: "approve", version: plan.version },
          }),
          409,
          "INVALID_TRANSITION",
        );
        expect(fr.message).toMatch(/^Impossible de passer/);
        const en = errorOf(
          await call(ctx.app, approver, {
            method: "POST",
            url: `${V1}/workplans/${plan.id}/transitions`,
            payload: { action: "endorse", version: plan.version },
            headers: { "accept-language": "en" },
          }),
          409,
          "INVALID_TRANSITION",
        );
        expect(en.message).toContain("draft");
      });
      plan = await transition(editor, plan, "submit");
      await writesNothing(async () => {
        errorOf(
          await call(ctx.app, editor, {
            method: "POST",
            url: `${V1}/workplans/${plan.id}/transitions`,
            payload: { action: "submit", version: plan.version },
          }),
          409,
          "INVALID_TRANSITION",
        );
        errorOf(
          await call(ctx.app, approver, {
            method: "POST",
            url: `${V1}/workplans/${plan.id}/transitions`,
            payload: { action: "endorse", version: plan.version },
          }),
          409,
          "INVALID_TRANSITION",
        );
      });
      const current = await expectOk<api.Workplan>(editor, {
        method: "GET",
        url: `${V1}/workplans/${plan.id}`,
      });
      expect(current).toEqual(plan);
    });

    it("names statuses and actions in French in French workflow errors", async () => {
      const { project } = await newProject();
      let plan = await createPlan(project.id, { year: 2024 });
      const invalid = errorOf(
        await call(ctx.app, approver, {
          method: "POST",
          url: `${V1}/workplans/${plan.id}/transitions`,
          payload: { action: "approve", version: plan.version },
        }),
        409,
        "INVALID_TRANSITION",
      );
      expect(invalid.message).not.toMatch(/« (draft|approve) »/);
      plan = await transition(editor, plan, "submit");
      const locked = errorOf(
        await call(ctx.app, editor, {
          method: "PATCH",
          url: `${V1}/workplans/${plan.id}`,
          payload: { version: plan.version, title: "Autre" },
        }),
        409,
        "PLAN_NOT_EDITABLE",
      );
      expect(locked.message).not.toContain("« submitted »");
    });
  });

  // ---- versions ----------------------------------------------------------

  describe("versions", () => {
    /** A summary without the plan itself nor the ids of copied rows: what two versions must share. */
    const comparable = ({ workplan: _w, findings, ...rest }: Summary) => ({
      ...rest,
      findings: findings.map(({ location: { id: _id, ...location }, ...f }) => ({ ...f, location })),
    });
    const content = (activities: api.Activity[]) =>
      activities.map((a) => ({
        code: a.code,
        title: a.title,
        resultNodeId: a.resultNodeId,
        months: a.months,
        deadline: a.deadline,
        responsible: a.responsible,
        noCost: a.noCost,
        total: a.total,
        lines: a.budgetLines.map((l) => ({
          description: l.description,
          accountCode: l.accountCode,
          fundCode: l.fundCode,
          quantity: l.quantity,
          unitCost: l.unitCost,
          amount: l.amount,
          funded: l.funded,
          genderSharePercent: l.genderSharePercent,
        })),
      }));

    it("creates version 2 of a year's plan as a copy of version 1, which later edits leave untouched", async () => {
      const { project, plan: v1Draft, nodes } = await referencePlan();
      let v1 = await transition(editor, v1Draft, "submit");
      v1 = await transition(approver, v1, "approve");
      const v1Summary = await summaryOf(v1.id);
      const v1Activities = await activitiesOf(v1.id);

      const v2 = await createPlan(project.id, { year: 2024 });
      expect(v2).toMatchObject({
        year: 2024,
        planVersion: 2,
        title: "PTBA 2024",
        status: "draft",
        declaredTotal: "9000",
        copiedFromId: v1.id,
        version: 1,
      });
      const v2Summary = await summaryOf(v2.id);
      expect(comparable(v2Summary)).toEqual(comparable(v1Summary));
      expect(v2Summary.total).toEqual({ computed: "8501", declared: "9000" });
      const v2Activities = await activitiesOf(v2.id);
      expect(content(v2Activities)).toEqual(content(v1Activities));
      const v1Ids = new Set([
        ...v1Activities.map((a) => a.id),
        ...v1Activities.flatMap((a) => a.budgetLines.map((l) => l.id)),
      ]);
      for (const a of v2Activities) {
        expect(a.workplanId).toBe(v2.id);
        expect(a.continuesActivityId).toBeNull();
        expect(v1Ids.has(a.id)).toBe(false);
        for (const l of a.budgetLines) expect(v1Ids.has(l.id)).toBe(false);
      }

      // Edit version 2: a line, an activity, a declared sub-total, a new activity.
      const training2 = v2Activities.find((a) => a.code === "A.1.1");
      if (!training2) throw new Error("A.1.1 not copied");
      await expectOk<api.BudgetLine>(editor, {
        method: "PATCH",
        url: `${V1}/budget-lines/${lineOf(training2, 0).id}`,
        payload: { version: 1, quantity: "5" },
      });
      await expectOk<api.Activity>(editor, {
        method: "PATCH",
        url: `${V1}/activities/${training2.id}`,
        payload: { version: 1, title: "Former davantage d'agents" },
      });
      await declare(v2.id, nodes.a1.id, "9000");
      await addActivity(v2.id, {
        resultNodeId: nodes.b.id,
        code: "B.3",
        title: "Nouvelle",
        budgetLines: [{ amount: "100" }],
      });

      expect(comparable(await summaryOf(v1.id))).toEqual(comparable(v1Summary));
      expect(await activitiesOf(v1.id)).toEqual(v1Activities);
      const list = await expectOk<{ items: api.Workplan[] }>(editor, {
        method: "GET",
        url: `${V1}/projects/${project.id}/workplans?year=2024`,
      });
      expect(list.items.map((p) => [p.planVersion, p.status])).toEqual([
        [2, "draft"],
        [1, "approved"],
      ]);
      // Version 2 counts its own edits: 5 × 1 000 instead of 3 × 1 000, plus the new activity.
      const edited = await summaryOf(v2.id);
      expect(edited.total.computed).toBe(String(8501 + 2000 + 100));
      expect(flatten(edited.nodes).find((n) => n.code === "A.1")).toMatchObject({
        computed: "9000",
        declared: "9000",
      });
    });

    it("starts next year's plan from this year's: each activity points to the one it continues", async () => {
      const { project, plan } = await referencePlan();
      const thisYear = await activitiesOf(plan.id);
      const next = await createPlan(project.id, { year: 2025, copyFromId: plan.id });
      expect(next).toMatchObject({
        year: 2025,
        planVersion: 1,
        title: "PTBA 2025",
        declaredTotal: null,
        copiedFromId: plan.id,
      });
      const [origin] = await expectOk<Step[]>(editor, { method: "GET", url: `${V1}/workplans/${next.id}/history` });
      expect(origin).toMatchObject({ action: "copy", copiedFrom: { planVersion: plan.planVersion, year: 2024 }, fileName: null, userId: manager.userId });
      const nextActivities = await activitiesOf(next.id);
      expect(nextActivities.map((a) => a.code)).toEqual(thisYear.map((a) => a.code));
      for (const activity of nextActivities) {
        const previous = thisYear.find((a) => a.code === activity.code);
        expect(activity.continuesActivityId).toBe(previous?.id);
        expect(activity.id).not.toBe(previous?.id);
      }
      // Sub-totals declared for 2024 do not carry over to 2025.
      const summary = await summaryOf(next.id);
      expect(flatten(summary.nodes).map((n) => n.declared)).toEqual(flatten(summary.nodes).map(() => null));
      expect(summary.total.declared).toBeNull();
      // The 2024 plan is unchanged.
      expect(await activitiesOf(plan.id)).toEqual(thisYear);
    });

    it("never fails when two people create the same year's plan at once", async () => {
      const { project } = await newProject();
      const responses = await Promise.all(
        [manager, manager].map((session) =>
          call(ctx.app, session, {
            method: "POST",
            url: `${V1}/projects/${project.id}/workplans`,
            payload: { year: 2026 },
          }),
        ),
      );
      for (const response of responses) expect([201, 409], response.body).toContain(response.statusCode);
      const created = responses.filter((r) => r.statusCode === 201).map((r) => r.json() as api.Workplan);
      expect(new Set(created.map((p) => p.planVersion)).size).toBe(created.length);
    });
  });

  // ---- optimistic concurrency ---------------------------------------------

  describe("optimistic concurrency", () => {
    it("refuses a stale budget-line write with 409 and the first client's value", async () => {
      const { project } = await newProject();
      const plan = await createPlan(project.id, { year: 2024 });
      const activity = await addActivity(plan.id, {
        title: "Atelier",
        budgetLines: [{ quantity: "2", unitCost: "1000" }],
      });
      const url = `${V1}/activities/${activity.id}`;
      const seenByA = lineOf(await expectOk<api.Activity>(editor, { method: "GET", url }), 0);
      const seenByB = lineOf(await expectOk<api.Activity>(manager, { method: "GET", url }), 0);
      expect([seenByA.version, seenByB.version]).toEqual([1, 1]);

      const first = await expectOk<api.BudgetLine>(editor, {
        method: "PATCH",
        url: `${V1}/budget-lines/${seenByA.id}`,
        payload: { version: seenByA.version, amount: "2500" },
      });
      expect(first).toMatchObject({ amount: "2500", version: 2 });

      const conflict = await writesNothing(async () =>
        errorOf(
          await call(ctx.app, manager, {
            method: "PATCH",
            url: `${V1}/budget-lines/${seenByB.id}`,
            payload: { version: seenByB.version, amount: "1800" },
          }),
          409,
          "VERSION_CONFLICT",
        ),
      );
      expect(conflict.message).toContain("modifié par quelqu'un d'autre");
      expect(conflict.details).toMatchObject({ current: { id: seenByA.id, amount: "2500", version: 2 } });
      const now = lineOf(await expectOk<api.Activity>(editor, { method: "GET", url }), 0);
      expect(now).toMatchObject({ amount: "2500", version: 2 });
    });

    it("refuses a stale activity write with 409 and the first client's value", async () => {
      const { project } = await newProject();
      const plan = await createPlan(project.id, { year: 2024 });
      const activity = await addActivity(plan.id, { title: "Titre initial", months: [1] });
      await expectOk<api.Activity>(editor, {
        method: "PATCH",
        url: `${V1}/activities/${activity.id}`,
        payload: { version: 1, title: "Titre du client A" },
      });
      const conflict = await writesNothing(async () =>
        errorOf(
          await call(ctx.app, manager, {
            method: "PATCH",
            url: `${V1}/activities/${activity.id}`,
            payload: { version: 1, title: "Titre du client B", months: [2] },
            headers: { "accept-language": "en" },
          }),
          409,
          "VERSION_CONFLICT",
        ),
      );
      expect(conflict.message).toContain("Someone else changed this record");
      expect(conflict.details).toMatchObject({
        current: { id: activity.id, title: "Titre du client A", version: 2 },
      });
    });

    it("refuses a stale work-plan update or transition with 409 and the current plan", async () => {
      const { project } = await newProject();
      const plan = await createPlan(project.id, { year: 2024 });
      const renamed = await expectOk<api.Workplan>(editor, {
        method: "PATCH",
        url: `${V1}/workplans/${plan.id}`,
        payload: { version: plan.version, title: "PTBA du client A" },
      });
      expect(renamed.version).toBe(2);
      await writesNothing(async () => {
        const stale = errorOf(
          await call(ctx.app, manager, {
            method: "POST",
            url: `${V1}/workplans/${plan.id}/transitions`,
            payload: { action: "submit", version: plan.version },
          }),
          409,
          "VERSION_CONFLICT",
        );
        expect(stale.details).toMatchObject({
          current: { id: plan.id, title: "PTBA du client A", status: "draft", version: 2 },
        });
        const staleEdit = errorOf(
          await call(ctx.app, manager, {
            method: "PATCH",
            url: `${V1}/workplans/${plan.id}`,
            payload: { version: plan.version, title: "PTBA du client B" },
          }),
          409,
          "VERSION_CONFLICT",
        );
        expect(staleEdit.details).toMatchObject({ current: { title: "PTBA du client A", version: 2 } });
      });
      // With the version just read, the transition goes through.
      const submitted = await transition(manager, renamed, "submit");
      expect(submitted).toMatchObject({ status: "submitted", version: 3 });
    });
  });

  // ---- audit ----------------------------------------------------------------

  describe("audit", () => {
    it("shows a project's managers each change with who, before and after", async () => {
      const { project } = await newProject();
      let plan = await createPlan(project.id, { year: 2024 });
      const activity = await addActivity(plan.id, { title: "Atelier", budgetLines: [{ amount: "1000" }] });
      const line = lineOf(activity, 0);
      await expectOk<api.BudgetLine>(editor, {
        method: "PATCH",
        url: `${V1}/budget-lines/${line.id}`,
        payload: { version: 1, amount: "1500" },
      });
      plan = await transition(editor, plan, "submit", "Prêt");

      const log = await expectOk<{ items: AuditEntry[]; total: number }>(manager, {
        method: "GET",
        url: `${V1}/audit?projectId=${project.id}`,
      });
      expect(log.items.every((e) => e.projectId === project.id)).toBe(true);
      expect(log.items.map((e) => [e.entity, e.action])).toEqual([
        ["workplan", "submit"],
        ["budgetLine", "update"],
        ["activity", "create"],
        ["workplan", "create"],
      ]);
      const update = log.items.find((e) => e.entity === "budgetLine");
      expect(update).toMatchObject({
        entityId: line.id,
        userId: editor.userId,
        before: { amount: "1000", version: 1 },
        after: { amount: "1500", version: 2 },
      });
      const submit = log.items.find((e) => e.action === "submit");
      expect(submit).toMatchObject({
        entityId: plan.id,
        userId: editor.userId,
        before: { status: "draft" },
        after: { status: "submitted", comment: "Prêt" },
      });
      const filtered = await expectOk<{ items: AuditEntry[] }>(manager, {
        method: "GET",
        url: `${V1}/audit?projectId=${project.id}&entity=budgetLine&entityId=${line.id}`,
      });
      expect(filtered.items.map((e) => e.action)).toEqual(["update"]);

      // The log is for managers: an editor does not read it.
      errorOf(
        await call(ctx.app, editor, { method: "GET", url: `${V1}/audit?projectId=${project.id}` }),
        403,
        "FORBIDDEN",
      );
    });
  });

  // ---- atomic writes --------------------------------------------------------

  describe("atomic writes", () => {
    it("writes no activity and no line when the third budget line is invalid", async () => {
      const { project, nodes } = await newProject();
      const plan = await createPlan(project.id, { year: 2024 });
      await addActivity(plan.id, { title: "Existante", budgetLines: [{ amount: "10" }] });
      const good = [
        { description: "Perdiems", quantity: "10", unitCost: "5000" },
        { description: "Transport", amount: "20000" },
      ];
      const cases: { third: Record<string, unknown>; status: number; field: RegExp }[] = [
        { third: { amount: "12.5" }, status: 422, field: /^budgetLines\.2\.amount$/ },
        { third: { amount: "-1" }, status: 400, field: /^budgetLines\.2\.amount$/ },
        { third: { quantity: "abc", unitCost: "1" }, status: 400, field: /^budgetLines\.2\.quantity$/ },
        {
          third: { quantity: "999999999999", unitCost: "9007199254740991" },
          status: 422,
          field: /^budgetLines\.2\./,
        },
      ];
      for (const { third, status, field } of cases) {
        const error = await writesNothing(async () => {
          const response = await call(ctx.app, editor, {
            method: "POST",
            url: `${V1}/workplans/${plan.id}/activities`,
            payload: { resultNodeId: nodes.a.id, title: "Atelier régional", budgetLines: [...good, third] },
          });
          expect(response.statusCode, `${JSON.stringify(third)}: ${response.body}`).toBe(status);
          return (response.json() as { error: ApiError }).error;
        });
        const details = error.details as FieldProblem[];
        expect(
          details.some((p) => field.test(p.field)),
          JSON.stringify(details),
        ).toBe(true);
        expect(error.message).toMatch(/budgetLines\.2\./);
      }
      const activities = await activitiesOf(plan.id);
      expect(activities.map((a) => a.title)).toEqual(["Existante"]);
      expect((await summaryOf(plan.id)).budgetLineCount).toBe(1);
    });

    it("changes nothing when part of an update is refused", async () => {
      const { project } = await newProject();
      const other = await newProject();
      const plan = await createPlan(project.id, { year: 2024 });
      const activity = await addActivity(plan.id, { title: "Atelier", months: [3] });
      await writesNothing(async () => {
        errorOf(
          await call(ctx.app, editor, {
            method: "PATCH",
            url: `${V1}/activities/${activity.id}`,
            payload: { version: 1, title: "Nouveau titre", months: [4], resultNodeId: other.nodes.a.id },
          }),
          422,
          "INVALID_FIELDS",
        );
      });
      const after = await expectOk<api.Activity>(editor, {
        method: "GET",
        url: `${V1}/activities/${activity.id}`,
      });
      expect(after).toEqual(activity);
    });
  });
});
