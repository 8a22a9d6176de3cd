import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../src/demo/load.ts";
import { DEMO_PASSWORD } from "../src/demo/organisations.ts";
import { call, createTestApp, login, type Session, type TestContext } from "./helpers/app.ts";
import { databaseKinds } from "./helpers/databases.ts";

interface Node {
  code: string;
  computed: string;
  declared: string | null;
  children: Node[];
}
const flatten = (nodes: Node[]): Node[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

describe.each(databaseKinds)("demo data on %s", (kind) => {
  let ctx: TestContext;
  let editor: Session;

  beforeAll(async () => {
    ctx = await createTestApp(kind);
    await loadDemo(ctx.database.db);
    editor = await login(ctx.app, "editor@baara.example", DEMO_PASSWORD);
  });
  afterAll(() => ctx.close());

  async function planOf(code: string) {
    const projects = (await call(ctx.app, editor, { method: "GET", url: `/api/v1/projects?q=${encodeURIComponent(code)}` })).json();
    const project = projects.items.find((p: { code: string }) => p.code === code);
    const plans = (await call(ctx.app, editor, { method: "GET", url: `/api/v1/projects/${project.id}/workplans` })).json();
    return { project, plan: plans.items[0] };
  }

  it("reports the health of the database it runs on", async () => {
    const response = await call(ctx.app, null, { method: "GET", url: "/api/v1/health" });
    expect(response.json()).toEqual({ status: "ok", database: kind });
  });

  it("reproduces the PGSM component B sub-totals and flags only the employment study", async () => {
    const { plan } = await planOf("PGSM");
    const summary = (await call(ctx.app, editor, { method: "GET", url: `/api/v1/workplans/${plan.id}/summary` })).json();
    const nodes = new Map(flatten(summary.nodes).map((n) => [n.code, n]));
    expect(nodes.get("B1")).toMatchObject({ computed: "127000000", declared: "127000000" });
    expect(nodes.get("B2")).toMatchObject({ computed: "338000000", declared: "338000000" });
    expect(nodes.get("B")).toMatchObject({ computed: "465000000", declared: "465000000" });
    expect(summary.total).toEqual({ computed: "465000000", declared: "465000000" });
    expect(summary.budgetLineCount).toBe(15);
    expect(summary.findings).toHaveLength(1);
    const [finding] = summary.findings;
    expect(finding).toMatchObject({
      code: "QTY_PRICE_MISMATCH",
      declared: "50000000",
      computed: "50000",
      location: { entity: "budgetLine" },
    });
    expect(finding.location.path.join(" ")).toContain("étude sectorielle sur l'emploi");
    expect(finding.message).toContain("50\u00a0000\u00a0000\u00a0F\u00a0CFA");
  });

  it("reproduces the CPS/SCI 2024 action plan total of 71 500 thousand FCFA with its PM activities", async () => {
    const { plan } = await planOf("CPS-SCI-PA");
    expect(plan.status).toBe("approved");
    const summary = (await call(ctx.app, editor, { method: "GET", url: `/api/v1/workplans/${plan.id}/summary` })).json();
    expect(summary.total).toEqual({ computed: "71500000", declared: "71500000" });
    expect(summary.findings).toEqual([]);
    const activities = (
      await call(ctx.app, editor, { method: "GET", url: `/api/v1/workplans/${plan.id}/activities?pageSize=100` })
    ).json();
    expect(activities.total).toBe(20);
    expect(activities.items.filter((a: { noCost: boolean }) => a.noCost)).toHaveLength(8);
    const history = (await call(ctx.app, editor, { method: "GET", url: `/api/v1/workplans/${plan.id}/history` })).json();
    expect(history.map((s: { action: string }) => s.action)).toEqual(["create", "submit", "approve"]);
  });

  it("holds the PBF results framework: 3 outcomes, 6 outputs, USD, GEN1", async () => {
    const projects = (await call(ctx.app, editor, { method: "GET", url: "/api/v1/projects?q=PBF" })).json();
    const project = projects.items[0];
    expect(project).toMatchObject({ code: "PBF/MLI/A-2", currency: "USD", genderMarker: "GEN1", riskMarker: "2" });
    const nodes = (await call(ctx.app, editor, { method: "GET", url: `/api/v1/projects/${project.id}/nodes` })).json();
    expect(nodes.filter((n: { level: number }) => n.level === 0)).toHaveLength(3);
    expect(nodes.filter((n: { level: number }) => n.level === 1)).toHaveLength(6);
    expect(nodes[0].levelLabel).toBe("Résultat");
  });
});
