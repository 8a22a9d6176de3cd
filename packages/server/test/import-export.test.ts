import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../src/demo/load.ts";
import { DEMO_PASSWORD } from "../src/demo/organisations.ts";
import { call, createTestApp, login, type Session, type TestContext } from "./helpers/app.ts";
import { databaseKinds } from "./helpers/databases.ts";
import { commitImport, importPlan, readImport, waitForImport } from "./helpers/imports.ts";
import { multipart } from "./helpers/multipart.ts";
import { pgsmSampleText } from "./fixtures/workplans.ts";
import { convertWithLibreOffice, libreOffice } from "./helpers/libreoffice.ts";

interface Summary {
  total: { computed: string; declared: string | null };
  nodes: SummaryNode[];
  budgetLineCount: number;
  activityCount: number;
  findings: { code: string; declared: string | null; computed: string | null }[];
  byQuarter: Record<string, string>;
}
interface SummaryNode {
  code: string;
  computed: string;
  children: SummaryNode[];
}
const flatten = (nodes: SummaryNode[]): [string, string][] =>
  nodes.flatMap((n) => [[n.code, n.computed], ...flatten(n.children)]);

describe.each(databaseKinds)("work plan import and export on %s", (kind) => {
  let ctx: TestContext;
  let manager: Session;
  let viewer: Session;
  const projectIds = new Map<string, string>();

  beforeAll(async () => {
    ctx = await createTestApp(kind);
    await loadDemo(ctx.database.db);
    manager = await login(ctx.app, "manager@baara.example", DEMO_PASSWORD);
    viewer = await login(ctx.app, "viewer@baara.example", DEMO_PASSWORD);
    const projects = (await call(ctx.app, manager, { method: "GET", url: "/api/v1/projects" })).json();
    for (const p of projects.items as { id: string; code: string }[]) projectIds.set(p.code, p.id);
  });
  afterAll(() => ctx.close());

  async function latestPlan(code: string, year: number) {
    const list = await call(ctx.app, manager, { method: "GET", url: `/api/v1/projects/${projectIds.get(code)}/workplans?year=${year}` });
    return list.json().items[0] as { id: string; planVersion: number };
  }
  async function summary(planId: string): Promise<Summary> {
    return (await call(ctx.app, manager, { method: "GET", url: `/api/v1/workplans/${planId}/summary` })).json();
  }
  async function exported(planId: string, format: "xlsx" | "awp" | "csv") {
    const response = await call(ctx.app, manager, { method: "GET", url: `/api/v1/workplans/${planId}/export?format=${format}` });
    expect(response.statusCode).toBe(200);
    return response.rawPayload;
  }
  const projectId = (code: string) => projectIds.get(code) ?? "";
  async function importInto(code: string, year: number, file: { name: string; bytes: Buffer }) {
    const { workplanId } = await importPlan(ctx.app, manager, projectId(code), file, { year: String(year) });
    const plan = await call(ctx.app, manager, { method: "GET", url: `/api/v1/workplans/${workplanId}` });
    return { workplan: plan.json() as { id: string; planVersion: number } };
  }

  it.each([
    ["PGSM", 2022, "xlsx"],
    ["PGSM", 2022, "csv"],
    ["CPS-SCI-PA", 2024, "xlsx"],
  ] as const)("gives back the same %s plan after export (%s) and import, amounts to the unit", async (code, year, format) => {
    const original = await latestPlan(code, year);
    const before = await summary(original.id);
    const bytes = await exported(original.id, format);
    const { workplan } = await importInto(code, year, { name: `plan.${format}`, bytes });
    expect(workplan.planVersion).toBeGreaterThan(original.planVersion);
    const after = await summary(workplan.id);
    expect(after.total.computed).toBe(before.total.computed);
    expect(flatten(after.nodes)).toEqual(flatten(before.nodes));
    expect(after.budgetLineCount).toBe(before.budgetLineCount);
    expect(after.activityCount).toBe(before.activityCount);
    expect(after.byQuarter).toEqual(before.byQuarter);
    expect(after.findings.map((f) => [f.code, f.declared, f.computed])).toEqual(
      before.findings.map((f) => [f.code, f.declared, f.computed]),
    );
    const lines = async (id: string) => {
      const page = (await call(ctx.app, manager, { method: "GET", url: `/api/v1/workplans/${id}/activities?pageSize=500` })).json();
      type Item = {
        code: string | null; title: string; noCost: boolean; months: number[]; budgetLines: { effectiveAmount: string }[];
      };
      return (page.items as Item[]).map(
        (a) => [a.code, a.title, a.noCost, a.months, a.budgetLines.map((l) => l.effectiveAmount)],
      );
    };
    expect(await lines(workplan.id)).toEqual(await lines(original.id));
  });

  it("writes live formulas: quantity × unit cost, sub-totals and the total, with French number formats and print setup", async () => {
    const plan = await latestPlan("PGSM", 2022);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exported(plan.id, "xlsx")) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error("no sheet");
    const formulas: string[] = [];
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const value = cell.value;
        if (value && typeof value === "object" && "formula" in value && value.formula) formulas.push(value.formula);
      }),
    );
    expect(formulas.some((f) => /^F\d+\*H\d+$/.test(f))).toBe(true);
    expect(formulas.filter((f) => f.startsWith("SUM(")).length).toBeGreaterThanOrEqual(8);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 5 });
    expect(sheet.pageSetup).toMatchObject({ orientation: "landscape", fitToWidth: 1, printTitlesRow: "4:5" });
    let amountFormat = "";
    sheet.eachRow((row) => {
      const cell = row.getCell(9);
      if (typeof cell.value === "number") amountFormat = cell.numFmt;
    });
    expect(amountFormat).toBe("[$-40C]#,##0");
  });

  it("exports the UNDP AWP layout, which reads back with the same total and account codes", async () => {
    const plan = await latestPlan("PGSM", 2022);
    const bytes = await exported(plan.id, "awp");
    const read = await readImport(ctx.app, manager, projectId("PGSM"), { name: "awp.xlsx", bytes }, { year: "2022" });
    expect(read.status, JSON.stringify(read.error)).toBe("ready");
    const report = read.interpretation?.report;
    if (!report) throw new Error("no interpretation");
    expect(report.total.computed).toBe("465000000");
    expect(report.budgetLines).toBe(15);
  });

  it("reads a file without writing a plan, and names the problem of an unreadable file in the user's language", async () => {
    const count = async () => (await call(ctx.app, manager, { method: "GET", url: `/api/v1/projects/${projectIds.get("PGSM")}/workplans` })).json().total;
    const before = await count();
    const sample = Buffer.from(pgsmSampleText(), "utf8");
    const read = await readImport(ctx.app, manager, projectId("PGSM"), { name: "pgsm.txt", bytes: sample });
    expect(read.status).toBe("ready");
    expect(read.workplanId).toBeNull();
    const report = read.interpretation?.report;
    if (!report) throw new Error("no interpretation");
    expect(report.groups.map((g) => [g.code, g.computed, g.declared])).toContainEqual([
      "B1",
      "127000000",
      "127000000",
    ]);
    expect(report.issues.filter((i) => i.code === "QTY_PRICE_MISMATCH")).toEqual([
      expect.objectContaining({ row: 16, column: "G", declared: "50000000", computed: "50000" }),
    ]);
    expect(await count()).toBe(before);

    const failed = await readImport(ctx.app, manager, projectId("PGSM"), {
      name: "photo.xlsx",
      bytes: Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 7]),
    });
    expect(failed.status).toBe("failed");
    expect(failed.interpretation).toBeNull();
    expect(failed.error).toMatchObject({ code: "NOT_A_WORKBOOK", message: expect.stringContaining("classeur Excel") });
    const en = await call(ctx.app, manager, { method: "GET", url: `/api/v1/imports/${failed.id}`, headers: { "accept-language": "en" } });
    expect(en.json().error.message).toContain("Excel workbook");
    const commit = await call(ctx.app, manager, { method: "POST", url: `/api/v1/imports/${failed.id}/commit`, payload: {} });
    expect(commit.statusCode).toBe(409);
    expect(commit.json().error.code).toBe("IMPORT_NOT_READY");
    expect(await count()).toBe(before);
  });

  it("imports pasted text, and leaves imports to those who may create plans", async () => {
    const sample = pgsmSampleText("\r\n");
    const denied = await call(ctx.app, viewer, {
      method: "POST",
      url: `/api/v1/projects/${projectIds.get("PGSM")}/imports`,
      ...multipart({ text: sample, year: "2022" }),
    });
    expect(denied.statusCode).toBe(403);
    const pasted = await call(ctx.app, manager, {
      method: "POST",
      url: `/api/v1/projects/${projectIds.get("PGSM")}/imports`,
      ...multipart({ text: sample, year: "2022" }),
    });
    expect(pasted.statusCode, pasted.body).toBe(202);
    const read = await waitForImport(ctx.app, manager, pasted.json().id, ["ready", "failed"]);
    expect(read.fileName).toBe("texte collé.tsv");
    const committed = await commitImport(ctx.app, manager, read.id);
    if (!committed.workplanId) throw new Error(JSON.stringify(committed.error));
    const after = await summary(committed.workplanId);
    expect(after.total).toEqual({ computed: "465000000", declared: "465000000" });
    expect(after.findings.map((f) => f.code)).toEqual(["QTY_PRICE_MISMATCH"]);
  });

  it.skipIf(!libreOffice)("opens in LibreOffice: the PDF converts and the formulas recompute to the same totals", async () => {
    const plan = await latestPlan("PGSM", 2022);
    const bytes = await exported(plan.id, "xlsx");
    const pdf = await convertWithLibreOffice(bytes, "pgsm.xlsx", "pdf");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    // Without cached results, LibreOffice has to compute every formula itself.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          const value = cell.value;
          if (value && typeof value === "object" && "formula" in value) cell.value = { formula: value.formula } as ExcelJS.CellFormulaValue;
        }),
      ),
    );
    const stripped = Buffer.from(await workbook.xlsx.writeBuffer());
    const csv = (await convertWithLibreOffice(stripped, "recalc.xlsx", "csv")).toString("utf8");
    const totalOf = (label: string) => {
      const line = csv.split("\n").find((l) => l.includes(label)) ?? "";
      return line.split(";").map((c) => c.replace(/\D/g, "")).find((c) => c.length >= 6) ?? "";
    };
    expect(totalOf("Sous-total Sous-composante B1")).toBe("127000000");
    expect(totalOf("Sous-total Sous-composante B2")).toBe("338000000");
    expect(totalOf("TOTAL GÉNÉRAL")).toBe("465000000");
  }, 120_000);
});
