// Reports on the demo data: the CPS cell's annual report 2023 states the
// report's figures (14 activities of 22, 63,64 %, the credit, committed and
// liquidated amounts in figures and words, the 5 recommendations, the 2024
// plan of 71 500 thousand), contains no slip the document checker would find,
// is written as Word, Excel and PDF by a background job and read back; text
// over a field's limit is refused naming the field and the limit; a submitted
// then approved report keeps its figures when the execution changes after.
import { type api, checkDocument, type ReportDocument, reportTables, reportText, reportCellText } from "@baara/core";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../src/demo/load.ts";
import { DEMO_PASSWORD } from "../src/demo/organisations.ts";
import { call, createTestApp, login, type Session, type TestContext } from "./helpers/app.ts";
import { databaseKinds } from "./helpers/databases.ts";
import { convertWithLibreOffice, libreOffice } from "./helpers/libreoffice.ts";
import { generateReportFile } from "./helpers/reports.ts";

const squash = (text: string) => text.replace(/[\s\u00A0\u202F]+/g, " ");

describe.each(databaseKinds)("reports on %s", (kind) => {
  let ctx: TestContext;
  let editor: Session;
  let approver: Session;
  let viewer: Session;
  let cpsProjectId: string;
  let report: api.Report;

  const api = (session: Session | null, method: string, url: string, payload?: unknown) =>
    call(ctx.app, session, { method, url: `/api/v1${url}`, payload });

  beforeAll(async () => {
    ctx = await createTestApp(kind);
    await loadDemo(ctx.database.db);
    editor = await login(ctx.app, "cps.editor@baara.example", DEMO_PASSWORD);
    approver = await login(ctx.app, "approver@baara.example", DEMO_PASSWORD);
    viewer = await login(ctx.app, "viewer@baara.example", DEMO_PASSWORD);
    const projects = (await api(editor, "GET", "/projects?q=CPS-SCI-PA")).json() as {
      items: { id: string; code: string }[];
    };
    cpsProjectId = projects.items.find((p) => p.code === "CPS-SCI-PA")?.id ?? "";
    const created = await api(editor, "POST", `/projects/${cpsProjectId}/reports`, { template: "cps-annual", year: 2023 });
    expect(created.statusCode, created.body).toBe(201);
    report = created.json() as api.Report;
  }, 180_000);
  afterAll(() => ctx?.close());

  it("states the 2023 figures of the CPS report in figures and correct French words", () => {
    const text = squash(reportText(report.preview as ReportDocument));
    expect(text).toContain(
      "Sur les vingt-deux (22) activités programmées dans le plan d'action 2023, quatorze (14) ont été réalisées, soit un taux d'exécution physique de 63,64 % contre 64,71 % en 2022.",
    );
    expect(text).toContain(
      "un crédit de paiement de cent vingt-huit millions sept cent quatre-vingt-dix-neuf mille (128 799 000) francs CFA",
    );
    expect(text).toContain("cent vingt millions six cent cinquante mille (120 650 000) francs CFA pour BSI");
    expect(text).toContain(
      "Le montant engagé est de quatre-vingt-dix-huit millions cinq cent quinze mille six cent trente et un (98 515 631) francs CFA, soit un taux de 76,49 % du crédit de paiement.",
    );
    expect(text).toContain(
      "liquidés à hauteur de cinquante-quatre millions cinq cent quinze mille sept cent onze (54 515 711) francs CFA, soit un taux de 42,33 % du crédit de paiement.",
    );
    expect(text).toContain("a formulé cinq (5) recommandation(s)");
    expect(text).toContain("0 exécutée(s), 3 en cours et 2 non exécutée(s)");
  });

  it("lays out the execution table, the five recommendations and the 2024 plan of 71 500 thousand", () => {
    const tables = reportTables(report.preview as ReportDocument);
    const [execution, recommendations, next] = tables;
    expect(execution?.rows.filter((r) => reportCellText(r.cells[execution.columns.length - 3] ?? "") === "1")).toHaveLength(
      14,
    );
    expect(recommendations?.rows).toHaveLength(5);
    const marks = (column: number) => recommendations?.rows.filter((r) => r.cells[column] === "X").length;
    expect([marks(3), marks(4), marks(5)]).toEqual([0, 3, 2]);
    const total = next?.rows.at(-1);
    expect(total?.style).toBe("total");
    expect(squash(reportCellText(total?.cells[2] ?? ""))).toBe("71 500");
  });

  it("contains none of the slips the document checker finds in reports people write", () => {
    expect(checkDocument(reportText(report.preview as ReportDocument))).toEqual([]);
  });

  it("refuses text over a field's limit, naming the field and the limit, and keeps what fits", async () => {
    const long = await api(editor, "PATCH", `/reports/${report.id}`, {
      narrative: { introduction: "x".repeat(20_001) },
      version: report.version,
    });
    expect(long.statusCode).toBe(422);
    const problem = (long.json() as { error: { details: { field: string; message: string }[] } }).error.details[0];
    expect(problem?.field).toBe("narrative.introduction");
    expect(problem?.message).toContain("Introduction");
    expect(problem?.message).toContain("20000");
    const ok = await api(editor, "PATCH", `/reports/${report.id}`, {
      narrative: { introduction: "La CPS/SCI présente son rapport d'activités.", difficulties: "- Contraintes budgétaires" },
      version: report.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    report = ok.json() as api.Report;
    expect(report.narrative.introduction).toContain("rapport d'activités");
    expect(squash(reportText(report.preview as ReportDocument))).toContain("La CPS/SCI présente son rapport d'activités.");
    const viewerWrites = await api(viewer, "PATCH", `/reports/${report.id}`, {
      narrative: { introduction: "Non" },
      version: report.version,
    });
    expect(viewerWrites.statusCode).toBe(403);
  });

  it("writes Word and Excel files in the background that read back with the report's figures", async () => {
    const { bytes: docx, file } = await generateReportFile(ctx.app, editor, report.id, "docx");
    expect(file.fileName).toMatch(/\.docx$/);
    const xml = (await (await JSZip.loadAsync(docx)).file("word/document.xml")?.async("string")) ?? "";
    expect(xml).toContain("cent vingt-huit millions sept cent quatre-vingt-dix-neuf mille (128");
    expect(xml).toContain("w:orient=\"landscape\"");
    expect(xml).toContain("<w:tblHeader/>");
    const { bytes: xlsx } = await generateReportFile(ctx.app, editor, report.id, "xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    const names = workbook.worksheets.map((s) => s.name);
    expect(names).toEqual(["Exécution 2023", "Recommandations", "Plan d'action 2024"]);
    const plan = workbook.getWorksheet("Plan d'action 2024");
    const last = plan?.getRow(plan.rowCount);
    expect(last?.getCell(1).value).toBe("Total");
    expect(last?.getCell(3).value).toBe(71_500);
    if (libreOffice) {
      const pdf = await convertWithLibreOffice(docx, "rapport.docx", "pdf");
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      await convertWithLibreOffice(xlsx, "rapport.xlsx", "pdf");
    }
  }, 240_000);

  it("keeps an approved report's figures when the execution changes after", async () => {
    const submitted = await api(editor, "POST", `/reports/${report.id}/transition`, {
      action: "submit",
      version: report.version,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const approvedByEditor = await api(editor, "POST", `/reports/${report.id}/transition`, {
      action: "approve",
      version: (submitted.json() as api.Report).version,
    });
    expect(approvedByEditor.statusCode).toBe(403);
    const approved = await api(approver, "POST", `/reports/${report.id}/transition`, {
      action: "approve",
      version: (submitted.json() as api.Report).version,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect((approved.json() as api.Report).status).toBe("approved");
    const locked = await api(editor, "PATCH", `/reports/${report.id}`, {
      narrative: { conclusion: "Plus tard" },
      version: (approved.json() as api.Report).version,
    });
    expect(locked.statusCode).toBe(409);
    // An activity not executed in 2023 is recorded done afterwards: the live figures move, the approved report does not.
    const plans = (await api(editor, "GET", `/projects/${cpsProjectId}/workplans?pageSize=100`)).json() as {
      items: { id: string; year: number; status: string }[];
    };
    const plan = plans.items.find((w) => w.year === 2023 && ["approved", "endorsed"].includes(w.status));
    const read = await api(editor, "GET", `/workplans/${plan?.id}/execution`);
    expect(read.statusCode, `${JSON.stringify(plans.items)} ${read.body}`).toBe(200);
    const figures = read.json() as api.WorkplanExecution;
    const pending = figures.activities.find((a) => a.code === "3.1.3");
    const done = await api(editor, "POST", `/activities/${pending?.activityId}/progress`, {
      period: "Y",
      status: "done",
      version: pending?.current?.version,
    });
    expect(done.statusCode, done.body).toBeLessThan(300);
    const live = (await api(editor, "GET", `/workplans/${plan?.id}/execution`)).json() as api.WorkplanExecution;
    expect(live.plan.physical.done).toBe(15);
    const kept = (await api(editor, "GET", `/reports/${report.id}`)).json() as api.Report;
    expect(squash(reportText(kept.preview as ReportDocument))).toContain(
      "quatorze (14) ont été réalisées, soit un taux d'exécution physique de 63,64 %",
    );
    const { bytes } = await generateReportFile(ctx.app, editor, report.id, "docx");
    const xml = (await (await JSZip.loadAsync(bytes)).file("word/document.xml")?.async("string")) ?? "";
    expect(xml).toContain("quatorze (14)");
  }, 120_000);

  it("writes the PBF progress report with its budget rate and indicator table, and the UNDP AWP with its totals", async () => {
    const manager = await login(ctx.app, "manager@baara.example", DEMO_PASSWORD);
    const projects = (await api(manager, "GET", "/projects?pageSize=100")).json() as { items: { id: string; code: string }[] };
    const idOf = (code: string) => projects.items.find((p) => p.code === code)?.id ?? "";
    const pbf = await api(manager, "POST", `/projects/${idOf("PBF/MLI/A-2")}/reports`, { template: "pbf-progress", year: 2020, period: "annual" });
    expect(pbf.statusCode, pbf.body).toBe(201);
    const pbfReport = pbf.json() as api.Report;
    expect(pbfReport.fields.filter((f) => f.key.startsWith("outcomeSummary.")).map((f) => f.limit)).toEqual([3000, 3000, 3000]);
    const tooLong = await api(manager, "PATCH", `/reports/${pbfReport.id}`, { narrative: { overallProgress: "é".repeat(1501) }, version: pbfReport.version });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.body).toContain("1500");
    const written = await api(manager, "PATCH", `/reports/${pbfReport.id}`, {
      narrative: { approvedBudget: "1498000.00", expenditure: "554260.00", overallProgress: "Le PTA 2020 a été validé en comité technique." },
      version: pbfReport.version,
    });
    expect(written.statusCode, written.body).toBe(200);
    const pbfText = squash(reportText((written.json() as api.Report).preview as ReportDocument));
    expect(pbfText).toContain("37,00 %");
    expect(pbfText).toContain("15 dont 6 femmes");
    expect(checkDocument(reportText((written.json() as api.Report).preview as ReportDocument)).filter((f) => f.severity === "error")).toEqual([]);
    const awp = await api(manager, "POST", `/projects/${idOf("STAB-MLI")}/reports`, { template: "undp-awp", year: 2024 });
    expect(awp.statusCode, awp.body).toBe(201);
    const [table] = reportTables((awp.json() as api.Report).preview as ReportDocument);
    const grand = table?.rows.find((r) => reportCellText(r.cells[1] ?? "") === "Grand TOTAL");
    const subTotals = table?.rows.filter((r) => r.style === "subtotal") ?? [];
    const value = (row: (typeof subTotals)[number] | undefined) => {
      const cell = row?.cells.find((c) => typeof c !== "string");
      return typeof cell === "object" ? Number(cell.value) * 100 : Number.NaN;
    };
    expect(subTotals.length).toBeGreaterThan(1);
    expect(subTotals.reduce((sum, row) => sum + Math.round(value(row)), 0)).toBe(Math.round(value(grand)));
    const { bytes } = await generateReportFile(ctx.app, manager, (awp.json() as api.Report).id, "xlsx");
    // Every generated Word and Excel file opens in LibreOffice.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)[0]).toContain("2024");
    if (libreOffice) {
      const pdf = await convertWithLibreOffice(bytes, "awp.xlsx", "pdf");
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      const { bytes: pbfDocx } = await generateReportFile(ctx.app, manager, pbfReport.id, "docx");
      expect((await convertWithLibreOffice(pbfDocx, "pbf.docx", "pdf")).subarray(0, 5).toString()).toBe("%PDF-");
    }
  }, 120_000);

  it("hides reports from visitors and people without a role on the project", async () => {
    const outsiderList = await api(null, "GET", `/projects/${cpsProjectId}/reports`);
    expect([401, 404]).toContain(outsiderList.statusCode);
    const list = await api(viewer, "GET", `/projects/${cpsProjectId}/reports`);
    expect(list.statusCode).toBe(200);
    expect((list.json() as api.ReportSummary[]).map((r) => r.title)).toHaveLength(1);
  });
});
