// The figures the PBF progress report and the UNDP annual work plan are built
// from, gathered from the demo data: the PBF project's 2020 results framework
// and the stabilisation project's approved 2024 AWP.
import {
  checkDocument,
  parseAmount,
  type PbfProgressData,
  pbfProgressDocument,
  reportCellText,
  type ReportCell,
  reportTables,
  reportText,
  undpAwpDocument,
} from "@baara/core";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../src/db/client.ts";
import { projects, workplans } from "../src/db/schema.ts";
import { loadDemo } from "../src/demo/load.ts";
import { gatherUndpAwp } from "../src/reports/gather-awp.ts";
import { gatherPbfProgress } from "../src/reports/gather-pbf.ts";
import { createTestApp, type TestContext } from "./helpers/app.ts";
import { databaseKinds } from "./helpers/databases.ts";

const NBSP = "\u00a0";
const valueOf = (cell: ReportCell | undefined) => (typeof cell === "object" ? cell.value : null);
const cents = (decimal: string) => BigInt(decimal.replace(".", ""));
const indicatorOf = (data: PbfProgressData, code: string) =>
  [...data.outcomes.flatMap((o) => [...o.indicators, ...o.outputs.flatMap((p) => p.indicators)]), ...data.unplaced].find(
    (i) => i.code === code,
  );

describe.each(databaseKinds)("report figures gathered from the demo on %s", (kind) => {
  let ctx: TestContext;
  let db: Db;
  const projectOf = async (code: string) => (await db.select().from(projects).where(eq(projects.code, code)))[0]!;

  beforeAll(async () => {
    ctx = await createTestApp(kind);
    db = ctx.database.db;
    await loadDemo(db);
  });
  afterAll(() => ctx.close());

  it("gathers the PBF project as its 2020 annual report names it, with its 3 outcomes and 6 outputs", async () => {
    const data = await gatherPbfProgress(db, await projectOf("PBF/MLI/A-2"), 2020, "annual", "fr");
    expect(data.project).toMatchObject({
      code: "PBF/MLI/A-2",
      country: "Mali",
      currency: "USD",
      recipientAgencies: ["Programme des Nations Unies pour le développement – Mali"],
      startDate: "2020-01-01",
      endDate: "2021-12-31",
      genderMarker: "GEN1",
      riskMarker: "2",
      levelLabels: ["Résultat", "Produit"],
    });
    expect(data.outcomes.map((o) => [o.code, o.outputs.map((p) => p.code)])).toEqual([
      ["1", ["1.1", "1.2"]],
      ["2", ["2.1", "2.2"]],
      ["3", ["3.1", "3.2"]],
    ]);
    expect(data.outcomes[0]!.indicators.map((i) => i.code)).toEqual(["1.1", "1.2"]);
    expect(data.outcomes[0]!.outputs[0]!.indicators.map((i) => i.code)).toEqual(["1.1.1", "1.1.2"]);
    expect(data.unplaced).toEqual([]);
    // A snapshot the report keeps as JSON.
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  it("reads PBF 1.1.1 as the report does: 15 of which 6 women, 50.00 % of its target of 30", async () => {
    const data = await gatherPbfProgress(db, await projectOf("PBF/MLI/A-2"), 2020, "annual", "fr");
    const trained = indicatorOf(data, "1.1.1")!;
    expect(trained.progress).toMatchObject({ current: "15", achievement: "50.00" });
    expect(trained.progress.breakdown.flatMap((d) => d.rows.map((r) => [r.key, r.value]))).toEqual([["sex:women", "6"]]);

    const document = pbfProgressDocument(data, {}, "fr");
    const row = reportTables(document)[0]!.rows.find((r) => reportCellText(r.cells[0]!).startsWith("Indicateur 1.1.1 :"))!;
    expect(valueOf(row.cells[1])).toBe("0");
    expect(valueOf(row.cells[2])).toBe("30");
    expect(row.cells[3]).toBe("15 (Cet indicateur sera atteint au cours de 2021)");
    expect(row.cells[4]).toBe(`15 dont 6 femmes (atteinte : 50,00${NBSP}%)`);
    expect(row.cells[5]).toBe("Les activités de regroupement ont été reportées suite aux instructions gouvernementales");
    expect(checkDocument(reportText(document))).toEqual([]);
  });

  it("reads the June report at the end of the first semester: the year's values are not counted yet", async () => {
    const data = await gatherPbfProgress(db, await projectOf("PBF/MLI/A-2"), 2020, "semiannual", "fr");
    expect(indicatorOf(data, "1.1.1")!.progress.current).toBeNull();
    await expect(gatherPbfProgress(db, await projectOf("PBF/MLI/A-2"), 2020, "monthly", "fr")).rejects.toThrow(RangeError);
  });

  it("lays out the STAB-MLI 2024 AWP, approved and endorsed: its sub-totals add up to its grand total, the plan's stored total", async () => {
    const data = await gatherUndpAwp(db, await projectOf("STAB-MLI"), 2024, "fr");
    const plan = data.plan!;
    expect(plan.workplan).toMatchObject({ year: 2024, planVersion: 1, status: "endorsed", versionInForce: 1 });
    const [stored] = await db
      .select({ total: workplans.totalComputed })
      .from(workplans)
      .where(eq(workplans.id, plan.workplan.id));
    expect(plan.totals).toMatchObject({ total: "755460.81", funded: "690660.81", unfunded: "64800.00" });
    expect(parseAmount(plan.totals.total, "USD")).toEqual(parseAmount(stored!.total, "USD"));

    const document = undpAwpDocument(data, { submittedBy: "Adama Sissoko", submittedOn: "2024-01-15" }, "fr");
    const rows = reportTables(document)[0]!.rows;
    const subtotals = rows.filter((r) => r.style === "subtotal").map((r) => valueOf(r.cells[9])!);
    expect(subtotals).toEqual(["248670.00", "292950.81", "213840.00"]);
    const closing = Object.fromEntries(
      rows.filter((r) => r.style === "total").map((r) => [r.cells[1], valueOf(r.cells[9])]),
    );
    expect(closing).toEqual({
      "Grand TOTAL": plan.totals.total,
      Funded: "690660.81",
      Unfunded: "64800.00",
      "TOTAL Budget": plan.totals.total,
    });
    expect(subtotals.reduce((sum, s) => sum + cents(s), 0n)).toBe(cents(closing["Grand TOTAL"]!));
    // One row per budget line, the cost-free activity's PM row, a sub-total per output, and the four closing rows.
    const lines = plan.activities.reduce((n, a) => n + Math.max(1, a.budgetLines.length), 0);
    expect(rows).toHaveLength(lines + 3 + 4);
    expect(rows.some((r) => r.cells[8] === "Training, Workshops and Confer - 75700" && r.cells[7] === "00012")).toBe(true);
    expect(rows.map((r) => reportCellText(r.cells[9]!))).toContain(`12${NBSP}500,50`);
    expect(checkDocument(reportText(document))).toEqual([]);
  });

  it("takes the year's plan in force over a later draft, else the latest version; no plan for a year without one", async () => {
    const stabilisation = await projectOf("STAB-MLI");
    await db.insert(workplans).values({ projectId: stabilisation.id, year: 2024, planVersion: 2, title: "AWP 2024" });
    const inForce = await gatherUndpAwp(db, stabilisation, 2024, "fr");
    expect(inForce.plan?.workplan).toMatchObject({ planVersion: 1, status: "endorsed" });
    const draftOnly = await gatherUndpAwp(db, await projectOf("PGSM"), 2022, "fr");
    expect(draftOnly.plan?.workplan).toMatchObject({ planVersion: 1, status: "draft", versionInForce: null });
    expect(draftOnly.plan?.totals.total).toBe("465000000");
    expect((await gatherUndpAwp(db, stabilisation, 2023, "fr")).plan).toBeNull();
  });
});
