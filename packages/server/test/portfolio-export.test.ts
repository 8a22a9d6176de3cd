// The portfolio's budget lines as csv (GET /portfolio/export.csv): one row per
// line of the plan in force of each project-year the caller may read, amounts
// to the unit, headers in the caller's language; read in bounded batches and
// written while it is read.
import { catalogue, currencyDecimals, type CurrencyCode, PLAN_STATUSES } from "@baara/core";
import { parse } from "csv-parse/sync";
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Context } from "../src/context.ts";
import { queryRows } from "../src/db/client.ts";
import { activities, budgetLines, resultNodes, workplans } from "../src/db/schema.ts";
import { loadDemo } from "../src/demo/load.ts";
import { DEMO_PASSWORD } from "../src/demo/organisations.ts";
import { portfolioCsv } from "../src/portfolio/csv.ts";
import { portfolioLines } from "../src/portfolio/lines.ts";
import { refreshPlanTotals } from "../src/workplans/totals.ts";
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

const URL = "/api/v1/portfolio/export.csv";
const FR = catalogue.fr.portfolioExport.columns;
const EN = catalogue.en.portfolioExport.columns;

type Row = Record<keyof typeof FR, string>;

/** The csv as records keyed by column, checking its BOM, separators and header on the way. */
function readCsv(body: Buffer, columns: Record<string, string> = FR): Row[] {
  expect(body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const text = body.toString("utf8");
  if (text.length > 3) expect(text.endsWith("\r\n")).toBe(true);
  const [header, ...records] = parse(body, { delimiter: ";", bom: true }) as string[][];
  expect(header).toEqual(Object.values(columns));
  const keys = Object.keys(FR) as (keyof typeof FR)[];
  return records.map((r) => Object.fromEntries(keys.map((k, i) => [k, r[i] ?? ""])) as Row);
}

/** The sum of decimal strings with `decimals` places, exact. */
function sumDecimals(values: string[], decimals: number): string {
  let total = 0n;
  for (const v of values) {
    const [int = "0", frac = ""] = v.split(".");
    total += BigInt(int + frac.padEnd(decimals, "0"));
  }
  if (decimals === 0) return total.toString();
  const digits = total.toString().padStart(decimals + 1, "0");
  return `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

/** Statements that read budget lines for the export. */
const isLineBatch = (statement: string) => /from unnest\(/.test(statement) && /budget_lines bl/.test(statement);

describe.each(databaseKinds)("portfolio export on %s", (kind) => {
  let ctx: TestContext;
  let recording = false;
  let statements: string[] = [];

  beforeAll(async () => {
    ctx = await createTestApp(kind, {}, { onQuery: (query) => recording && statements.push(query) });
  });
  afterAll(() => ctx.close());
  afterEach(() => {
    delete process.env.BAARA_EXPORT_BATCH_LINES;
  });

  const exportAs = async (session: Session | null, query = "", headers: Record<string, string> = {}) => {
    const response = await call(ctx.app, session, { method: "GET", url: `${URL}${query}`, headers });
    expect(response.statusCode, response.body).toBe(200);
    return response;
  };

  describe("on the demo data", () => {
    let manager: Session;
    /** The organisation of the demo's CPS project, whose plans are in force with the stabilisation project's 2024 AWP. */
    let organisationId: string;
    beforeAll(async () => {
      await loadDemo(ctx.database.db);
      manager = await login(ctx.app, "manager@baara.example", DEMO_PASSWORD);
      const projects = (await call(ctx.app, manager, { method: "GET", url: "/api/v1/projects?q=CPS-SCI-PA" })).json();
      organisationId = projects.items[0].organisationId as string;
    });

    /** The lines of every plan in force, straight from the tables, amounts worked out in SQL. */
    async function linesInForce(where: SQL = sql`true`) {
      return queryRows<{
        project_code: string;
        year: number;
        plan_version: number;
        status: string;
        activity_code: string | null;
        description: string | null;
        account_code: string | null;
        fund_code: string | null;
        quantity: string | null;
        unit_cost: string | null;
        amount: string;
        currency: string;
        funded: boolean;
      }>(
        ctx.database.db,
        sql`select p.code as project_code, w.year, w.plan_version, w.status::text as status, a.code as activity_code,
              bl.description, bl.account_code, bl.fund_code, trim_scale(bl.quantity)::text as quantity, bl.unit_cost::text as unit_cost,
              coalesce(bl.amount, round(bl.quantity * bl.unit_cost), 0)::text as amount, p.currency::text as currency, bl.funded
            from budget_lines bl join activities a on a.id = bl.activity_id join workplans w on w.id = bl.workplan_id
            join projects p on p.id = w.project_id
            where w.status in ('approved', 'endorsed') and ${where} and not exists (
              select 1 from workplans later where later.project_id = w.project_id and later.year = w.year
                and later.status in ('approved', 'endorsed') and later.plan_version > w.plan_version)`,
      );
    }

    it("gives one row per line of each plan in force, exactly as stored, amounts to the unit", async () => {
      const rows = readCsv((await exportAs(manager)).rawPayload);
      const expected = await linesInForce();
      expect(expected.length).toBeGreaterThan(30);
      const key = (r: { [k: string]: unknown }) => JSON.stringify(Object.values(r));
      const fromCsv = rows.map((r) =>
        key({
          p: r.projectCode,
          y: Number(r.year),
          v: Number(r.planVersion),
          a: r.activityCode || null,
          d: r.lineDescription || null,
          ac: r.accountCode || null,
          f: r.fundCode || null,
          q: r.quantity || null,
          u: r.unitCost || null,
          m: r.amount,
          c: r.currency,
          fu: r.funded === "oui",
        }),
      );
      const fromDb = expected.map((l) =>
        key({
          p: l.project_code,
          y: l.year,
          v: l.plan_version,
          a: l.activity_code,
          d: l.description,
          ac: l.account_code,
          f: l.fund_code,
          q: l.quantity,
          u: l.unit_cost,
          m: l.amount,
          c: l.currency,
          fu: l.funded,
        }),
      );
      expect(fromCsv.sort()).toEqual(fromDb.sort());
      // Amounts are plain decimal strings, never a float's rendering.
      expect(rows.every((r) => /^\d+(\.\d+)?$/.test(r.amount))).toBe(true);
      // The demo's PGSM plan is a draft: in force nowhere, so absent.
      expect(rows.some((r) => r.projectCode === "PGSM")).toBe(false);
      expect(new Set(rows.map((r) => r.planStatus))).toEqual(new Set(["Approuvé", "Entériné"]));
    });

    it("adds up, plan by plan, to the totals the plans store", async () => {
      const rows = readCsv((await exportAs(manager)).rawPayload);
      const plans = await ctx.database.db.select().from(workplans);
      const inForce = new Set(rows.map((r) => `${r.projectCode}|${r.year}|${r.planVersion}`));
      // CPS 2022, 2023 and 2024, and the stabilisation project's 2024 AWP.
      expect(inForce.size).toBe(4);
      for (const id of inForce) {
        const [code, year, version] = id.split("|");
        const ofPlan = rows.filter((r) => r.projectCode === code && r.year === year && r.planVersion === version);
        const plan = plans.find(
          (p) =>
            String(p.year) === year
            && String(p.planVersion) === version
            && ofPlan.length > 0
            && p.lineCount === ofPlan.length,
        );
        expect(plan, id).toBeDefined();
        expect(
          sumDecimals(
            ofPlan.map((r) => r.amount),
            currencyDecimals(ofPlan[0]!.currency as CurrencyCode),
          ),
          id,
        ).toBe(plan?.totalComputed);
      }
    });

    it("names each line's results node by its codes from the top of the framework", async () => {
      const { db } = ctx.database;
      const rows = readCsv((await exportAs(manager, "?year=2023")).rawPayload);
      const nodes = new Map((await db.select().from(resultNodes)).map((n) => [n.id, n]));
      const [plan] = await db
        .select()
        .from(workplans)
        .where(and(eq(workplans.year, 2023), inArray(workplans.status, ["approved", "endorsed"])));
      const ofPlan = await db
        .select()
        .from(activities)
        .where(eq(activities.workplanId, plan?.id ?? ""));
      const pathOf = (id: string | null): string[] => {
        const node = id ? nodes.get(id) : undefined;
        return node ? [...pathOf(node.parentId), node.code] : [];
      };
      expect(rows.filter((r) => r.resultNode).length).toBeGreaterThan(0);
      for (const row of rows) {
        const activity = ofPlan.find((a) => a.code === row.activityCode);
        expect(row.resultNode, row.activityCode).toBe(pathOf(activity?.resultNodeId ?? null).join(" > "));
      }
    });

    it("keeps to the year asked for, and to the organisation asked for", async () => {
      const of2023 = readCsv((await exportAs(manager, "?year=2023")).rawPayload);
      expect(of2023.length).toBe((await linesInForce(sql`w.year = 2023`)).length);
      expect(new Set(of2023.map((r) => r.year))).toEqual(new Set(["2023"]));
      const none = readCsv((await exportAs(manager, "?year=2031")).rawPayload);
      expect(none).toEqual([]);
      const ofCps = readCsv((await exportAs(manager, `?organisationId=${organisationId}`)).rawPayload);
      expect(ofCps.length).toBe((await linesInForce(sql`p.code = 'CPS-SCI-PA'`)).length);
      expect(new Set(ofCps.map((r) => r.projectCode))).toEqual(new Set(["CPS-SCI-PA"]));
      const ofOther = readCsv((await exportAs(manager, `?organisationId=${crypto.randomUUID()}`)).rawPayload);
      expect(ofOther).toEqual([]);
    });

    it("writes English headers and words when asked, by lang, by Accept-Language or by the user's language", async () => {
      const byLang = await exportAs(manager, "?lang=en&year=2024");
      const rows = readCsv(byLang.rawPayload, EN);
      expect(rows.length).toBeGreaterThan(0);
      // The CPS plan is approved, the stabilisation AWP endorsed.
      expect(new Set(rows.map((r) => r.planStatus))).toEqual(new Set(["Approved", "Endorsed"]));
      // The stabilisation AWP's livelihood grants are not funded yet.
      expect(new Set(rows.map((r) => r.funded))).toEqual(new Set(["yes", "no"]));
      expect(byLang.headers["content-disposition"]).toContain("filename=\"portfolio-budget-lines-2024.csv\"");
      readCsv((await exportAs(manager, "?year=2024", { "accept-language": "en-GB,en;q=0.9" })).rawPayload, EN);
      // lang wins over the browser's language.
      readCsv((await exportAs(manager, "?year=2024&lang=fr", { "accept-language": "en" })).rawPayload, FR);
      const french = await exportAs(manager, "?year=2024");
      expect(french.headers["content-type"]).toBe("text/csv; charset=utf-8");
      expect(french.headers["content-disposition"]).toContain("filename=\"portefeuille-lignes-budgetaires-2024.csv\"");
      const english = await makeUser(ctx.database.db, { locale: "en" });
      await grant(ctx.database.db, english.id, "viewer", { organisationId });
      readCsv((await exportAs(await login(ctx.app, english.email, PASSWORD), "?year=2024")).rawPayload, EN);
    });
    it("refuses a malformed filter, naming it", async () => {
      for (const query of ["?year=20x4", "?organisationId=42", "?lang=de", "?status=archived"]) {
        const response = await call(ctx.app, manager, { method: "GET", url: `${URL}${query}` });
        expect(response.statusCode, query).toBe(400);
        expect(response.json().error.code).toBe("VALIDATION_ERROR");
      }
    });
  });

  describe("who sees what", () => {
    let A: { id: string };
    let B: { id: string };
    let PA: { id: string; code: string };
    let PB: { id: string; code: string };
    let PC: { id: string; code: string };
    let ofA: Session;
    let ofB: Session;
    let admin: Session;
    /** Lines of each plan, by "<project code> <year> v<version>". */
    const written = new Map<string, number>();

    async function plan(
      project: { id: string; code: string },
      year: number,
      planVersion: number,
      status: (typeof PLAN_STATUSES)[number],
      lines: { quantity: string; unitCost: string; amount?: string | null }[],
      nodeId?: string,
    ) {
      const { db } = ctx.database;
      const w = await makeWorkplan(db, { projectId: project.id, year, planVersion, status });
      const activity = await makeActivity(db, {
        workplanId: w.id,
        resultNodeId: nodeId ?? null,
        title: `Activité ${year} v${planVersion}`,
      });
      for (const [position, line] of lines.entries()) {
        const made = await makeBudgetLine(db, { activityId: activity.id, workplanId: w.id, ...line });
        await db.update(budgetLines).set({ position }).where(eq(budgetLines.id, made.id));
      }
      written.set(`${project.code} ${year} v${planVersion}`, lines.length);
      return w;
    }

    beforeAll(async () => {
      const { db } = ctx.database;
      A = await makeOrganisation(db, { name: "Ministère A" });
      const A1 = await makeOrganisation(db, { parentId: A.id, name: "Unité A1" });
      B = await makeOrganisation(db, { name: "Ministère B" });
      PA = await makeProject(db, { organisationId: A1.id, code: "WA-1" });
      PB = await makeProject(db, { organisationId: B.id, code: "WB-1", currency: "USD", published: true });
      PC = await makeProject(db, { organisationId: B.id, code: "WB-2" });
      const top = await makeNode(db, { projectId: PA.id, code: "B" });
      const leaf = await makeNode(db, { projectId: PA.id, parentId: top.id, level: 1, code: "B.1" });
      // PA 2027: version 2, approved after version 1, is in force; version 3 is a draft revision.
      await plan(PA, 2027, 1, "approved", [{ quantity: "1", unitCost: "10" }]);
      await plan(
        PA,
        2027,
        2,
        "approved",
        [
          { quantity: "3", unitCost: "1000" },
          { quantity: "2", unitCost: "500", amount: "1200" },
        ],
        leaf.id,
      );
      await plan(PA, 2027, 3, "draft", [{ quantity: "9", unitCost: "9" }]);
      await plan(PA, 2028, 1, "endorsed", [{ quantity: "1", unitCost: "7" }]);
      // PB (published, in dollars): cents, and a quantity with decimals rounded half away from zero.
      await plan(PB, 2027, 1, "approved", [
        { quantity: "2.5", unitCost: "10.25" },
        { quantity: "1", unitCost: "1234.50" },
      ]);
      await plan(PB, 2028, 1, "submitted", [{ quantity: "1", unitCost: "1" }]);
      await plan(PC, 2027, 1, "approved", [{ quantity: "4", unitCost: "250" }]);
      const users = await Promise.all([makeUser(db), makeUser(db), makeUser(db, { isPlatformAdmin: true })]);
      const [userA, userB, platformAdmin] = users as [(typeof users)[0], (typeof users)[0], (typeof users)[0]];
      await grant(db, userA.id, "viewer", { organisationId: A.id });
      await grant(db, userB.id, "viewer", { organisationId: B.id });
      [ofA, ofB, admin] = await Promise.all([
        login(ctx.app, userA.email, PASSWORD),
        login(ctx.app, userB.email, PASSWORD),
        login(ctx.app, platformAdmin.email, PASSWORD),
      ]);
    });

    const plansIn = (rows: Row[]) => {
      const count = new Map<string, number>();
      for (const r of rows) {
        if (!r.projectCode.startsWith("W")) continue;
        const key = `${r.projectCode} ${r.year} v${r.planVersion}`;
        count.set(key, (count.get(key) ?? 0) + 1);
      }
      return Object.fromEntries([...count].sort());
    };
    const linesOf = (...keys: string[]) => Object.fromEntries(keys.sort().map((k) => [k, written.get(k)]));

    it("a member of one organisation never sees the projects of another, only those published", async () => {
      expect(plansIn(readCsv((await exportAs(ofA, "?year=2027")).rawPayload))).toEqual(
        linesOf("WA-1 2027 v2", "WB-1 2027 v1"),
      );
      expect(plansIn(readCsv((await exportAs(ofB, "?year=2027")).rawPayload))).toEqual(
        linesOf("WB-1 2027 v1", "WB-2 2027 v1"),
      );
      expect(plansIn(readCsv((await exportAs(null, "?year=2027")).rawPayload))).toEqual(linesOf("WB-1 2027 v1"));
      expect(plansIn(readCsv((await exportAs(admin)).rawPayload))).toEqual(
        linesOf("WA-1 2027 v2", "WA-1 2028 v1", "WB-1 2027 v1", "WB-2 2027 v1"),
      );
    });

    it("takes the version in force of each year: not an earlier approval, not a later draft or submission", async () => {
      const rows = readCsv((await exportAs(ofA)).rawPayload).filter((r) => r.projectCode === "WA-1");
      expect(rows.map((r) => [r.year, r.planVersion, r.planStatus, r.resultNode, r.quantity, r.unitCost, r.amount])).toEqual(
        [
          ["2027", "2", "Approuvé", "B > B.1", "3", "1000", "3000"],
          // A declared amount that differs from quantity × unit cost is the one the plan counts.
          ["2027", "2", "Approuvé", "B > B.1", "2", "500", "1200"],
          ["2028", "1", "Entériné", "", "1", "7", "7"],
        ],
      );
      expect(rows.every((r) => r.organisation === "Unité A1" && r.currency === "XOF" && r.funded === "oui")).toBe(true);
    });

    it("writes amounts in the project's currency as exact decimals", async () => {
      const rows = readCsv((await exportAs(ofB, "?year=2027&organisationId=" + B.id)).rawPayload).filter(
        (r) => r.projectCode === "WB-1",
      );
      expect(rows.map((r) => [r.quantity, r.unitCost, r.amount, r.currency])).toEqual([
        ["2.5", "10.25", "25.63", "USD"],
        ["1", "1234.50", "1234.50", "USD"],
      ]);
    });

    it("keeps to an organisation's own projects when one is asked for", async () => {
      expect(plansIn(readCsv((await exportAs(admin, `?organisationId=${B.id}`)).rawPayload))).toEqual(
        linesOf("WB-1 2027 v1", "WB-2 2027 v1"),
      );
      // An organisation of which the user reads nothing gives the header alone.
      expect(readCsv((await exportAs(ofA, `?organisationId=${PC.id}`)).rawPayload)).toEqual([]);
      expect(plansIn(readCsv((await exportAs(ofA, `?organisationId=${B.id}`)).rawPayload))).toEqual(linesOf("WB-1 2027 v1"));
    });

    it("ends with the header alone when the user may read nothing in force", async () => {
      const stranger = await makeUser(ctx.database.db);
      const rows = readCsv((await exportAs(await login(ctx.app, stranger.email, PASSWORD), "?q=WA-")).rawPayload);
      expect(rows).toEqual([]);
    });
  });

  describe("in batches", () => {
    /** Lines of the big plan: many batches, and more csv than the stream's buffers hold. */
    const LINES = 2400;
    /** Lines of the small plans around it: the first, then the others. */
    const FIRST = 3;
    const OTHERS = [2, 4, 1] as const;
    let admin: Session;
    let system: Context;
    let bigPlanId: string;

    beforeAll(async () => {
      const { db } = ctx.database;
      const organisation = await makeOrganisation(db);
      const project = await makeProject(db, { organisationId: organisation.id, code: "BATCH-1" });
      const sizes: [number, number][] = [
        [2030, FIRST],
        [2031, LINES],
        ...OTHERS.map((lines, i): [number, number] => [2032 + i, lines]),
      ];
      for (const [year, lines] of sizes) {
        const w = await makeWorkplan(db, { projectId: project.id, year, planVersion: 1, status: "approved" });
        if (year === 2031) bigPlanId = w.id;
        const count = Math.ceil(lines / 10);
        // Activities placed in the reverse order of their making, lines out of the order of insertion:
        // the export follows the plan's positions.
        const made = await db
          .insert(activities)
          .values(
            Array.from({ length: count }, (_, a) => ({
              workplanId: w.id,
              title: `Activité ${a}`,
              code: `A${a}`,
              position: count - a,
            })),
          )
          .returning();
        await db.insert(budgetLines).values(
          Array.from({ length: lines }, (_, i) => ({
            activityId: made[Math.floor(i / 10)]?.id ?? "",
            workplanId: w.id,
            description: `Ligne ${year}-${String(i).padStart(4, "0")}`,
            quantity: "1",
            unitCost: String(1000 + i),
            position: (i * 7) % 10,
          })),
        );
        await refreshPlanTotals({ db }, w.id);
      }
      // The project is not published: its administrator reads it.
      const platformAdmin = await makeUser(db, { isPlatformAdmin: true });
      admin = await login(ctx.app, platformAdmin.email, PASSWORD);
      system = { db, actor: null, system: true, services: ctx.app.services };
    });

    const run = async (batch: number) => {
      process.env.BAARA_EXPORT_BATCH_LINES = String(batch);
      statements = [];
      recording = true;
      const response = await exportAs(admin, "?q=BATCH-1");
      recording = false;
      return { body: response.rawPayload, batches: statements.filter(isLineBatch) };
    };

    it("reads the lines in batches of the size asked for, never all in one statement, and writes the same file", async () => {
      const whole = await run(5000);
      const rows = readCsv(whole.body);
      expect(rows).toHaveLength(LINES + FIRST + 7);
      expect(whole.batches).toHaveLength(1);
      // The plans by year, each in the order of its activities and of their lines.
      expect(rows.map((r) => r.year)).toEqual([...rows.map((r) => r.year)].sort());
      const planOrder = await queryRows<{ description: string }>(
        ctx.database.db,
        sql`select bl.description from budget_lines bl join activities a on a.id = bl.activity_id
            where bl.workplan_id = ${bigPlanId} order by a.position, bl.position`,
      );
      expect(rows.filter((r) => r.year === "2031").map((r) => r.lineDescription)).toEqual(
        planOrder.map((l) => l.description),
      );

      const small = await run(37);
      expect(small.body.equals(whole.body)).toBe(true);
      // Each statement reads one batch at most: ceil(2400 / 37) = 65 for the big plan, and the small plans packed
      // around it, a statement or two each side.
      expect(small.batches.length).toBeGreaterThanOrEqual(Math.ceil(LINES / 37));
      expect(small.batches.length).toBeLessThanOrEqual(Math.ceil(LINES / 37) + 5);
      expect(small.batches.every((s) => /\blimit\b/i.test(s))).toBe(true);
    });

    it("asks for the next batch only when the one before is taken", async () => {
      statements = [];
      recording = true;
      const batches = await portfolioLines(system, { q: "BATCH-1" }, 50);
      // The plans are read; not a line yet.
      expect(statements.filter(isLineBatch)).toHaveLength(0);
      const first = await batches.next();
      expect(first.value).toHaveLength(FIRST);
      const second = await batches.next();
      expect(second.value).toHaveLength(50);
      expect(statements.filter(isLineBatch)).toHaveLength(2);
      let lines = FIRST + 50;
      for await (const batch of batches) lines += batch.length;
      recording = false;
      expect(lines).toBe(LINES + FIRST + 7);
      expect(statements.filter(isLineBatch).length).toBeGreaterThanOrEqual(Math.ceil(LINES / 50));
    });

    it("reads no further ahead than the csv stream's buffers while its reader waits, and stops when it leaves", async () => {
      const total = Math.ceil(LINES / 20);
      statements = [];
      recording = true;
      const csv = portfolioCsv(await portfolioLines(system, { q: "BATCH-1" }, 20), "fr");
      const iterator = csv[Symbol.asyncIterator]();
      let text = "";
      while (!text.includes("Ligne 2031-")) text += String((await iterator.next()).value);
      // The reader takes no more for a while: the reading stops when the buffers are full.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const waiting = statements.filter(isLineBatch).length;
      expect(waiting).toBeLessThan(total / 4);
      await iterator.return?.();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const afterLeaving = statements.filter(isLineBatch).length;
      recording = false;
      expect(afterLeaving).toBeLessThanOrEqual(waiting + 1);
    });
  });
});
