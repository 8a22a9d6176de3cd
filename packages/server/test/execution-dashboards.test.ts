// The execution dashboards through the API: a project's years (the demo's
// CPS/SCI 2022 and 2023) and one year by quarter; the portfolio's rates per
// project, organisation (with its sub-organisations) and currency, for whom
// may see them; both read the plans' stored sums in a bounded number of
// statements.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../src/demo/load.ts";
import { DEMO_PASSWORD } from "../src/demo/organisations.ts";
import { refreshMissingExecutionSums } from "../src/execution/sums.ts";
import { call, createTestApp, login, type Session, type TestContext } from "./helpers/app.ts";
import { databaseKinds } from "./helpers/databases.ts";
import { grant, makeActivity, makeBudgetLine, makeOrganisation, makeProject, makeUser, makeWorkplan, PASSWORD } from "./helpers/factories.ts";

const V1 = "/api/v1";

interface Figures {
  physical: { planned: number; done: number; rate: string | null; byBudget: string | null };
  financial: Record<string, string | null> & { rates: Record<string, string | null> };
}
interface ProjectView {
  years: (Figures & { year: number; workplanId: string; status: string })[];
  timeline:
    | null
    | (Figures & {
      year: number;
      creditBasis: string;
      nodes: { nodeId: string; code: string }[];
      quarters: (Figures & { quarter: number; end: string; nodes: (Figures & { nodeId: string })[] })[];
    });
}
type RolledUp = { plans: number; physical: Figures["physical"]; financial: (Figures["financial"] & { currency: string; plans: number })[] };
interface PortfolioView {
  year: number | null;
  years: number[];
  projects: (Figures & { code: string; organisationId: string; currency: string; year: number })[];
  organisations: (RolledUp & { organisationId: string; code: string; level: number })[];
  total: RolledUp;
}

describe.each(databaseKinds)("execution dashboards on %s", (kind) => {
  let ctx: TestContext;
  let viewer: Session;
  let cpsId: string;
  let recording = false;
  let statements: string[] = [];

  const get = async <T>(session: Session | null, url: string): Promise<T> => {
    const response = await call(ctx.app, session, { method: "GET", url: `${V1}${url}` });
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    return response.json() as T;
  };
  const ok = async (session: Session, method: string, url: string, payload: unknown) => {
    const response = await call(ctx.app, session, { method, url: `${V1}${url}`, payload });
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
  };
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

  /** `count` approved plans of `year` (one activity each) in new projects of `organisationId`, with their stored sums. */
  async function approvedProjects(organisationId: string, year: number, count: number, options: { currency?: "XOF" | "USD"; published?: boolean } = {}) {
    const { db } = ctx.database;
    const made = [];
    for (let i = 0; i < count; i++) {
      const project = await makeProject(db, { organisationId, currency: options.currency ?? "XOF", published: options.published ?? false });
      const plan = await makeWorkplan(db, { projectId: project.id, year, status: "approved", planVersion: 1 });
      const activities = [await makeActivity(db, { workplanId: plan.id }), await makeActivity(db, { workplanId: plan.id })];
      const lines = [];
      for (const activity of activities) lines.push(await makeBudgetLine(db, { activityId: activity.id, workplanId: plan.id }));
      made.push({ project, plan, activities, lines });
    }
    await refreshMissingExecutionSums(db);
    return made;
  }

  beforeAll(async () => {
    ctx = await createTestApp(kind, {}, { onQuery: (query) => recording && statements.push(query) });
    await loadDemo(ctx.database.db);
    viewer = await login(ctx.app, "viewer@baara.example", DEMO_PASSWORD);
    const projects = await get<{ items: { id: string; code: string }[] }>(viewer, "/projects?q=CPS-SCI-PA");
    cpsId = projects.items.find((p) => p.code === "CPS-SCI-PA")?.id ?? "";
  }, 120_000);
  afterAll(() => ctx?.close());

  it("gives the CPS/SCI each year's rates, 64.71 in 2022 and 63.64 in 2023, and the latest year by quarter", async () => {
    const view = await get<ProjectView>(viewer, `/projects/${cpsId}/execution`);
    expect(view.years.map((y) => [y.year, y.physical.done, y.physical.planned, y.physical.rate])).toEqual([
      [2022, 11, 17, "64.71"],
      [2023, 14, 22, "63.64"],
      [2024, 0, expect.any(Number), "0.00"],
    ]);
    const y2023 = view.years[1];
    expect(y2023?.financial).toMatchObject({ committed: "98515631", liquidated: "54515711", paymentCredit: "128799000" });
    expect(y2023?.financial.rates).toMatchObject({ committedOfPaymentCredit: "76.49", liquidatedOfPaymentCredit: "42.33" });
    expect(view.timeline?.year).toBe(2024);
  });

  it("follows the CPS/SCI 2023 quarter by quarter: commitments by date, the year's records in the fourth quarter", async () => {
    const view = await get<ProjectView>(viewer, `/projects/${cpsId}/execution?year=2023`);
    const timeline = view.timeline;
    expect(timeline).toMatchObject({ year: 2023, creditBasis: "paymentCredit" });
    const quarters = timeline?.quarters ?? [];
    expect(quarters.map((q) => [q.end, q.financial.committed, q.physical.rate])).toEqual([
      ["2023-03-31", "4000000", "0.00"],
      ["2023-06-30", "35402501", "0.00"],
      ["2023-09-30", "79402501", "0.00"],
      ["2023-12-31", "98515631", "63.64"],
    ]);
    expect(quarters.map((q) => q.financial.rates.committedOfPaymentCredit)).toEqual(["3.11", "27.49", "61.65", "76.49"]);
    // The last quarter is the stored figures of the year's plan.
    expect(quarters[3]?.physical).toEqual(view.years[1]?.physical);
    expect(quarters[3]?.financial).toEqual(view.years[1]?.financial);
    // Per objective at the year's end: the rates Table 3 implies.
    const byCode = new Map(timeline?.nodes.map((n) => [n.nodeId, n.code]));
    const objectives = quarters[3]?.nodes.filter((n) => n.physical.planned > 0);
    expect(objectives?.map((n) => [byCode.get(n.nodeId), n.physical.rate])).toEqual([
      ["1", "91.67"],
      ["5", "33.33"],
      ["6", "0.00"],
      ["4", "100.00"],
    ]);
  });

  it("answers no quarters for a year without an approved plan, and refuses a year out of range", async () => {
    expect((await get<ProjectView>(viewer, `/projects/${cpsId}/execution?year=2019`)).timeline).toBeNull();
    const response = await call(ctx.app, viewer, { method: "GET", url: `${V1}/projects/${cpsId}/execution?year=1800` });
    expect(response.statusCode).toBe(400);
    const pgsm = (await get<{ items: { id: string; code: string }[] }>(viewer, "/projects?q=PGSM")).items[0];
    // PGSM has a draft only: no year to show.
    expect(await get<ProjectView>(viewer, `/projects/${pgsm?.id}/execution`)).toMatchObject({ years: [], timeline: null });
  });

  it("lists the CPS/SCI in the portfolio's 2023 execution with 63.64, and each organisation above it", async () => {
    const view = await get<PortfolioView>(viewer, "/portfolio/execution?year=2023");
    expect(view.year).toBe(2023);
    const cps = view.projects.find((p) => p.code === "CPS-SCI-PA");
    expect(cps?.physical).toMatchObject({ planned: 22, done: 14, rate: "63.64" });
    expect(cps?.financial.rates).toMatchObject({ committedOfPaymentCredit: "76.49" });
    expect(view.organisations.map((o) => [o.code, o.level, o.plans, o.physical.rate])).toEqual([
      ["MLI", 0, 1, "63.64"],
      ["MAECI", 1, 1, "63.64"],
      ["CPS-SCI", 2, 1, "63.64"],
    ]);
    expect(view.total).toMatchObject({ plans: 1, physical: { rate: "63.64" } });
    expect(view.total.financial).toMatchObject([{ currency: "XOF", plans: 1, committed: "98515631", paymentCredit: "128799000" }]);
    expect(view.years).toEqual(expect.arrayContaining([2024, 2023, 2022]));
  });

  it("sums an organisation's projects and its sub-organisations', money per currency", async () => {
    const { db } = ctx.database;
    const parent = await makeOrganisation(db, { name: "Ministère A" });
    const first = await makeOrganisation(db, { parentId: parent.id, name: "Unité A1" });
    const second = await makeOrganisation(db, { parentId: parent.id, name: "Unité A2" });
    const manager = await makeUser(db);
    await grant(db, manager.id, "manager", { organisationId: parent.id });
    const session = await login(ctx.app, manager.email, PASSWORD);
    const [x] = await approvedProjects(first.id, 2041, 1);
    const [y] = await approvedProjects(second.id, 2041, 1);
    const [z] = await approvedProjects(second.id, 2041, 1, { currency: "USD" });
    if (!x || !y || !z) throw new Error("projects");
    // X: one of two done, 2 000 committed; Y: both done, a payment credit; Z (USD): nothing done.
    await ok(session, "POST", `/activities/${x.activities[0]?.id}/progress`, { period: "Q2", status: "done" });
    await ok(session, "POST", `/workplans/${x.plan.id}/transactions`, { budgetLineId: x.lines[0]?.id, stage: "commitment", date: "2041-03-02", amount: "2000" });
    for (const activity of y.activities) await ok(session, "POST", `/activities/${activity.id}/progress`, { period: "Y", status: "done" });
    await ok(session, "PUT", `/workplans/${y.plan.id}/execution/settings`, { excludeCancelled: true, credits: [{ kind: "payment", amount: "5000" }], version: 1 });

    const view = await get<PortfolioView>(session, "/portfolio/execution?year=2041");
    expect(view.projects.map((p) => p.currency).sort()).toEqual(["USD", "XOF", "XOF"]);
    const row = (id: string) => view.organisations.find((o) => o.organisationId === id);
    expect(row(parent.id)).toMatchObject({ level: 0, plans: 3, physical: { planned: 6, done: 3, rate: "50.00", byBudget: null } });
    expect(row(first.id)).toMatchObject({ level: 1, plans: 1, physical: { planned: 2, done: 1, rate: "50.00", byBudget: "50.00" } });
    expect(row(second.id)).toMatchObject({ plans: 2, physical: { planned: 4, done: 2, rate: "50.00" } });
    // Each line is 2 × 1 000: X's 2 000 committed of X and Y's 8 000 budget; Y's credit is not all the XOF plans'.
    const xof = row(parent.id)?.financial.find((f) => f.currency === "XOF");
    expect(xof).toMatchObject({ plans: 2, budget: "8000", committed: "2000", paymentCredit: null });
    expect(xof?.rates).toMatchObject({ committedOfBudget: "25.00", committedOfPaymentCredit: null });
    expect(row(parent.id)?.financial.find((f) => f.currency === "USD")).toMatchObject({ plans: 1, budget: "4000.00" });
    expect(row(second.id)?.financial.find((f) => f.currency === "XOF")).toMatchObject({ paymentCredit: "5000" });
    expect(view.total.plans).toBe(3);
  });

  it("shows a visitor the published projects' approved plans only, and an outsider nothing of others' projects", async () => {
    const { db } = ctx.database;
    const organisation = await makeOrganisation(db, { name: "Agence B" });
    const [open] = await approvedProjects(organisation.id, 2042, 1, { published: true });
    const [closed] = await approvedProjects(organisation.id, 2042, 1);
    // A draft of the published project is not for visitors.
    await makeWorkplan(db, { projectId: open?.project.id ?? "", year: 2043, status: "draft" });
    const codes = (view: PortfolioView) => view.projects.map((p) => p.code);

    const visitor = await get<PortfolioView>(null, "/portfolio/execution");
    expect(visitor.year).toBe(2042);
    expect(visitor.years).not.toContain(2043);
    expect(codes(visitor)).toEqual([open?.project.code]);
    expect(codes(visitor)).not.toContain("CPS-SCI-PA");
    expect(codes(await get<PortfolioView>(null, "/portfolio/execution?year=2023"))).toEqual([]);

    const outsiderUser = await makeUser(db);
    await grant(db, outsiderUser.id, "viewer", { organisationId: (await makeOrganisation(db)).id });
    const outsider = await login(ctx.app, outsiderUser.email, PASSWORD);
    expect(codes(await get<PortfolioView>(outsider, "/portfolio/execution?year=2042"))).toEqual([open?.project.code]);
    expect(codes(await get<PortfolioView>(outsider, "/portfolio/execution?year=2023"))).toEqual([]);
    const refused = await call(ctx.app, outsider, { method: "GET", url: `${V1}/projects/${closed?.project.id}/execution` });
    expect(refused.statusCode).toBe(404);
    expect((await call(ctx.app, null, { method: "GET", url: `${V1}/projects/${cpsId}/execution` })).statusCode).toBe(401);
    expect((await get<ProjectView>(null, `/projects/${open?.project.id}/execution`)).years.map((y) => y.year)).toEqual([2042]);
  });

  it("reads the portfolio's stored sums in the same number of statements for 2 and for 12 projects", async () => {
    const { db } = ctx.database;
    const organisation = await makeOrganisation(db);
    const child = await makeOrganisation(db, { parentId: organisation.id });
    const user = await makeUser(db);
    await grant(db, user.id, "viewer", { organisationId: organisation.id });
    const session = await login(ctx.app, user.email, PASSWORD);
    const portfolio = async () => get<PortfolioView>(session, "/portfolio/execution?year=2050");

    await approvedProjects(organisation.id, 2050, 1);
    await approvedProjects(child.id, 2050, 1);
    let view: PortfolioView | undefined;
    const small = await statementsOf(async () => (view = await portfolio()));
    expect(view?.projects).toHaveLength(2);
    await approvedProjects(child.id, 2050, 10);
    const large = await statementsOf(async () => (view = await portfolio()));
    expect(view?.projects).toHaveLength(12);
    expect(view?.organisations.find((o) => o.level === 0)?.plans).toBe(12);
    expect(large.length, large.join("\n")).toBe(small.length);
    // Two for the session, then the years, the plans with their sums, the organisations above them.
    expect(large.length).toBeLessThanOrEqual(5);
    expect(large.filter((s) => /budget_lines|activity_progress|execution_transactions|\bactivities\b/.test(s))).toEqual([]);
  }, 60_000);

  it("reads a project's years in the same number of statements for 2 and for 6 years", async () => {
    const { db } = ctx.database;
    const organisation = await makeOrganisation(db);
    const user = await makeUser(db);
    await grant(db, user.id, "viewer", { organisationId: organisation.id });
    const session = await login(ctx.app, user.email, PASSWORD);
    const project = await makeProject(db, { organisationId: organisation.id });
    const addYears = async (years: number[]) => {
      for (const year of years) {
        const plan = await makeWorkplan(db, { projectId: project.id, year, status: "approved", planVersion: 1 });
        await makeActivity(db, { workplanId: plan.id });
      }
      await refreshMissingExecutionSums(db);
    };
    let view: ProjectView | undefined;
    await addYears([2030, 2031]);
    const small = await statementsOf(async () => (view = await get<ProjectView>(session, `/projects/${project.id}/execution`)));
    expect(view?.years).toHaveLength(2);
    await addYears([2032, 2033, 2034, 2035]);
    const large = await statementsOf(async () => (view = await get<ProjectView>(session, `/projects/${project.id}/execution`)));
    expect(view?.years).toHaveLength(6);
    expect(view?.timeline?.quarters[3]?.physical.planned).toBe(1);
    expect(large.length, large.join("\n")).toBe(small.length);
    expect(large.length).toBeLessThanOrEqual(12);
  }, 60_000);
});
