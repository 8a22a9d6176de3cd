// The demo's CPS/SCI 2023 execution reproduces the figures of the CPS's 2023
// activity report, computed from the recorded progress, credits and spending.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../src/demo/load.ts";
import { DEMO_PASSWORD } from "../src/demo/organisations.ts";
import { call, createTestApp, login, type Session, type TestContext } from "./helpers/app.ts";
import { databaseKinds } from "./helpers/databases.ts";

describe.each(databaseKinds)("the CPS/SCI 2023 execution of the demo, on %s", (kind) => {
  let ctx: TestContext;
  let viewer: Session;
  let execution: {
    year: number;
    open: boolean;
    plan: {
      physical: Record<string, unknown>;
      financial: Record<string, unknown> & { rates: Record<string, string | null> };
    };
    nodes: { level: number; title: string; physical: { planned: number; done: number; rate: string | null } }[];
    byCategory: { category: string; committed: string; notified: string; paymentCredit: string }[];
    flags: { code: string; message: string }[];
    previous: { year: number; physical: { rate: string } } | null;
    unplannedCount: number;
  };

  beforeAll(async () => {
    ctx = await createTestApp(kind);
    await loadDemo(ctx.database.db);
    viewer = await login(ctx.app, "viewer@baara.example", DEMO_PASSWORD);
    const projects = (await call(ctx.app, viewer, { method: "GET", url: "/api/v1/projects?q=CPS-SCI-PA" })).json();
    const project = projects.items.find((p: { code: string }) => p.code === "CPS-SCI-PA");
    const plans = (
      await call(ctx.app, viewer, { method: "GET", url: `/api/v1/projects/${project.id}/workplans?year=2023` })
    ).json();
    const response = await call(ctx.app, viewer, { method: "GET", url: `/api/v1/workplans/${plans.items[0].id}/execution` });
    expect(response.statusCode).toBe(200);
    execution = response.json();
  });
  afterAll(() => ctx?.close());

  it("counts 14 of 22 activities executed, 63.64, against 64.71 in 2022", () => {
    expect(execution.plan.physical).toMatchObject({ planned: 22, done: 14, rate: "63.64" });
    expect(execution.previous).toMatchObject({ year: 2022, physical: { planned: 17, done: 11, rate: "64.71" } });
  });

  it("gives each objective the rate Table 3 implies", () => {
    const objectives = execution.nodes.filter((n) => n.level === 0 && n.physical.planned > 0);
    expect(objectives.map((n) => [n.title.slice(0, 28), n.physical.done, n.physical.planned, n.physical.rate])).toEqual([
      ["Planifier, suivre, évaluer e", 11, 12, "91.67"],
      ["Coordonner la production des", 2, 6, "33.33"],
      ["Renforcer le système d'infor", 0, 3, "0.00"],
      ["Renforcer le parc auto de la", 1, 1, "100.00"],
    ]);
  });

  it("keeps the notified credit and the payment credit as the two figures they are", () => {
    expect(execution.plan.financial).toMatchObject({
      allocated: "143035000",
      notified: "128797500",
      paymentCredit: "128799000",
      committed: "98515631",
      liquidated: "54515711",
      paid: "54515711",
    });
    expect(execution.plan.financial.rates).toMatchObject({
      committedOfPaymentCredit: "76.49",
      liquidatedOfPaymentCredit: "42.33",
    });
  });

  it("splits the commitments between BSI and operating as the report does", () => {
    expect(execution.byCategory.map((c) => [c.category, c.notified, c.paymentCredit, c.committed])).toEqual([
      ["BSI", "120650000", "120650000", "90402501"],
      ["FONCT", "8147500", "8149000", "8113130"],
    ]);
  });

  it("flags the missions liquidated above their commitment, and lists the three unplanned activities", () => {
    expect(execution.flags.map((f) => f.code)).toEqual(["LIQUIDATION_ABOVE_COMMITMENT", "PAYMENT_ABOVE_COMMITMENT"]);
    expect(execution.flags[0]?.message).toMatch(
      /1\.3\.1 › 1 — Liquidé 20\s402\s581\sF\sCFA, au-delà de l'engagé 20\s402\s501\sF\sCFA\./,
    );
    expect(execution.unplannedCount).toBe(3);
  });
});
