// Importing an export of the finance system: a real .xlsx read against the
// plan's codes, previewed, written once; the same export again writes
// nothing; rows matching nothing are listed; odd files are refused naming why.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestApp, login, managerOfNewProject, type Session, type TestContext } from "./helpers/app.ts";
import { databaseKinds } from "./helpers/databases.ts";
import { grant, makeUser, PASSWORD } from "./helpers/factories.ts";
import { multipart } from "./helpers/multipart.ts";

const V1 = "/api/v1";

interface FinanceImport {
  id: string;
  status: string;
  rows: number;
  toWrite: number;
  alreadyImported: number;
  totals: { commitment: string; liquidation: string; payment: string };
  columns: { field: string; column: string; header: string }[];
  transactions: {
    row: number;
    stage: string;
    amount: string;
    activity: string;
    line: string | null;
    alreadyImported: boolean;
  }[];
  findings: { row: number; code: string; message: string }[];
  written: number | null;
  skipped: number | null;
  version: number;
}

async function financeWorkbook(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Situation DFM");
  sheet.addRow(["Situation d'exécution du budget — DFM"]);
  sheet.addRow([]);
  sheet.addRow(["Date", "N° pièce", "Imputation", "Nature de l'opération", "Montant (FCFA)", "Bénéficiaire"]);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe.each(databaseKinds)("finance-system imports on %s", (kind) => {
  let ctx: TestContext;
  let manager: Session;
  let editor: Session;
  let viewer: Session;
  let projectId: string;
  let planId: string;
  let lineId: string;

  const send = (session: Session, method: string, url: string, payload?: unknown, headers?: Record<string, string>) =>
    call(ctx.app, session, { method, url: `${V1}${url}`, payload, headers });
  const upload = (
    session: Session,
    plan: string,
    bytes: Buffer,
    fields: Record<string, string> = {},
    name = "situation.xlsx",
  ) => {
    const body = multipart(fields, { name, bytes });
    return send(session, "POST", `/workplans/${plan}/finance-imports`, body.payload, body.headers);
  };
  const execution = async () => (await send(viewer, "GET", `/workplans/${planId}/execution`)).json();

  beforeAll(async () => {
    ctx = await createTestApp(kind);
    const world = await managerOfNewProject(ctx);
    manager = world.session;
    projectId = world.projectId;
    const [e, v] = [await makeUser(ctx.database.db), await makeUser(ctx.database.db)];
    await grant(ctx.database.db, e.id, "editor", { projectId });
    await grant(ctx.database.db, v.id, "viewer", { projectId });
    editor = await login(ctx.app, e.email, PASSWORD);
    viewer = await login(ctx.app, v.email, PASSWORD);
    const plan = (await send(editor, "POST", `/projects/${projectId}/workplans`, { year: 2023 })).json();
    planId = plan.id;
    const add = async (code: string, lines: { accountCode: string; amount: string }[]) =>
      (
        await send(editor, "POST", `/workplans/${planId}/activities`, {
          code,
          title: `Activité ${code}`,
          budgetLines: lines.map((l) => ({ ...l, description: "Ligne" })),
        })
      ).json();
    await add("1.1.2", [{ accountCode: "6132", amount: "3000000" }]);
    const vehicle = await add("4.1.1", [{ accountCode: "2245", amount: "44000000" }]);
    lineId = vehicle.budgetLines[0].id;
    await add("1.3.1", [
      { accountCode: "6221", amount: "10000000" },
      { accountCode: "6221", amount: "12000000" },
    ]);
    const current = (await send(editor, "GET", `/workplans/${planId}`)).json();
    const submitted = (
      await send(editor, "POST", `/workplans/${planId}/transitions`, { action: "submit", version: current.version })
    ).json();
    const approver = await makeUser(ctx.database.db);
    await grant(ctx.database.db, approver.id, "approver", { projectId });
    const approverSession = await login(ctx.app, approver.email, PASSWORD);
    expect(
      (
        await send(approverSession, "POST", `/workplans/${planId}/transitions`, {
          action: "approve",
          version: submitted.version,
        })
      ).statusCode,
    ).toBe(200);
  });
  afterAll(() => ctx?.close());

  const EXPORT: (string | number | Date | null)[][] = [
    [new Date(Date.UTC(2023, 0, 20)), "ENG-001", "1.1.2", "Engagement", 2_000_000, "Hôtel de l'Amitié"],
    [new Date(Date.UTC(2023, 8, 12)), "ENG-002", "2245", "Engagement", 44_000_000, "CFAO Motors"],
    ["15/06/2023", "MDT-003", "1.1.2", "Mandat", "1 500 000", "Hôtel de l'Amitié"],
    ["05/04/2023", "LIQ-004", "6221", "Liquidation", "20 402 581", "Agence Sahel Voyages"],
    ["05/04/2023", "ENG-005", "9.9.9", "Engagement", "750 000", "Inconnu"],
    [null, null, "TOTAL", null, 68_652_581, null],
  ];

  it("reads a real workbook against the plan: what it will write, what matches nothing, nothing written yet", async () => {
    const response = await upload(editor, planId, await financeWorkbook(EXPORT));
    expect(response.statusCode, response.body).toBe(201);
    const preview = response.json() as FinanceImport;
    expect(preview).toMatchObject({ status: "ready", rows: 5, toWrite: 3, alreadyImported: 0, written: null, outsideYear: 0 });
    expect(preview.totals).toEqual({ commitment: "46000000", liquidation: "0", payment: "1500000" });
    expect(preview.columns.map((c) => `${c.column}:${c.field}`)).toEqual([
      "A:date",
      "B:reference",
      "C:code",
      "D:stage",
      "E:amount",
      "F:supplier",
    ]);
    expect(preview.transactions.map((t) => [t.row, t.stage, t.amount, t.activity, t.line])).toEqual([
      [4, "commitment", "2000000", "1.1.2 Activité 1.1.2", null],
      [5, "commitment", "44000000", "4.1.1 Activité 4.1.1", "2245 · Ligne"],
      [6, "payment", "1500000", "1.1.2 Activité 1.1.2", null],
    ]);
    expect(preview.findings.map((f) => [f.row, f.code])).toEqual([
      [7, "FINANCE_AMBIGUOUS"],
      [8, "FINANCE_UNMATCHED"],
    ]);
    expect(preview.findings[1]?.message).toMatch(/Code « 9\.9\.9 ».*750\s000\sF\sCFA/);
    expect((await execution()).plan.financial).toMatchObject({ committed: "0", paid: "0" });
  });

  it("writes it once; the same export imported again writes nothing and says so", async () => {
    const bytes = await financeWorkbook(EXPORT);
    const first = (await upload(editor, planId, bytes)).json() as FinanceImport;
    const written = await send(editor, "POST", `/finance-imports/${first.id}/commit`, { version: first.version });
    expect(written.statusCode, written.body).toBe(200);
    expect(written.json()).toMatchObject({ status: "committed", written: 3, skipped: 0 });
    const after = await execution();
    expect(after.plan.financial).toMatchObject({ committed: "46000000", paid: "1500000" });
    const line = after.activities
      .find((a: { code: string }) => a.code === "4.1.1")
      .lines.find((l: { lineId: string }) => l.lineId === lineId);
    expect(line.committed).toBe("44000000");

    // Committing twice is refused; the stale version too.
    expect((await send(editor, "POST", `/finance-imports/${first.id}/commit`, { version: first.version })).statusCode).toBe(
      409,
    );
    expect(
      (await send(editor, "POST", `/finance-imports/${first.id}/commit`, { version: first.version + 1 })).json().error.code,
    ).toBe("IMPORT_NOT_READY");

    const again = (await upload(editor, planId, bytes, {}, "situation (2).xlsx")).json() as FinanceImport;
    expect(again).toMatchObject({ toWrite: 0, alreadyImported: 3 });
    expect(again.transactions.every((t) => t.alreadyImported)).toBe(true);
    const second = (await send(editor, "POST", `/finance-imports/${again.id}/commit`, { version: again.version })).json();
    expect(second).toMatchObject({ written: 0, skipped: 3 });
    expect((await execution()).plan.financial).toMatchObject({ committed: "46000000", paid: "1500000" });

    // The export with one row more adds that row only.
    const grown = await financeWorkbook([
      ...EXPORT,
      ["20/11/2023", "MDT-006", "4.1.1", "Mandat", 44_000_000, "CFAO Motors"],
    ]);
    const third = (await upload(editor, planId, grown)).json() as FinanceImport;
    expect(third).toMatchObject({ toWrite: 1, alreadyImported: 3, outsideYear: 0 });
    const late = await financeWorkbook([["15/02/2024", "MDT-007", "4.1.1", "Mandat", 1000, "CFAO Motors"]]);
    expect((await upload(editor, planId, late)).json()).toMatchObject({ toWrite: 1, outsideYear: 1 });
    await send(editor, "POST", `/finance-imports/${third.id}/commit`, { version: third.version });
    expect((await execution()).plan.financial).toMatchObject({ committed: "46000000", paid: "45500000" });

    // The file is kept, byte for byte, for whoever reads the plan.
    const file = await send(viewer, "GET", `/finance-imports/${first.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(Buffer.compare(file.rawPayload, bytes)).toBe(0);
  });

  it("takes the stage the user gives for an export that names none, and reads csv", async () => {
    const csv = Buffer.from("Date;Compte;Montant;Fournisseur\n2023-07-01;6132;250 000;Librairie du Fleuve\n", "utf8");
    const without = (await upload(editor, planId, csv, {}, "mandats.csv")).json() as FinanceImport;
    expect(without.findings.map((f) => f.code)).toEqual(["FINANCE_NO_STAGE"]);
    const withStage = (await upload(editor, planId, csv, { stage: "payment" }, "mandats.csv")).json() as FinanceImport;
    expect(withStage.transactions.map((t) => [t.stage, t.amount, t.line])).toEqual([["payment", "250000", "6132 · Ligne"]]);
    // Excel's « Texte Unicode » is UTF-16, tab-separated, with or without its byte order mark.
    const unicode = "Date\tCompte\tÉtape\tMontant\tFournisseur\r\n2023-07-02\t6132\tMandat\t125 000\tLibrairie Élite\r\n";
    for (const bytes of [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(unicode, "utf16le")]), Buffer.from(unicode, "utf16le")]) {
      const read = (await upload(editor, planId, bytes, {}, "export.txt")).json() as FinanceImport;
      expect(read.transactions.map((t) => [t.stage, t.amount])).toEqual([["payment", "125000"]]);
    }
  });

  it("refuses what is not a finance export, naming why, and keeps nothing", async () => {
    const cases: [Buffer, Record<string, string>, number, string][] = [
      [Buffer.alloc(0), {}, 422, "EMPTY_FILE"],
      [Buffer.from("%PDF-1.4\n\u0000\u0001\u0002binary", "latin1"), {}, 422, "NOT_A_WORKBOOK"],
      [Buffer.from("Date;Observations\n2023-01-01;RAS\n", "utf8"), {}, 422, "NOT_A_FINANCE_EXPORT"],
      [Buffer.from("Date;Code;Montant\n", "utf8"), { stage: "virement" }, 400, "VALIDATION_ERROR"],
      [Buffer.from("PK\u0003\u0004garbage", "latin1"), {}, 422, "CORRUPT_WORKBOOK"],
    ];
    for (const [bytes, fields, status, code] of cases) {
      const response = await upload(editor, planId, bytes, fields, "export.bin");
      expect(response.statusCode, `${code}: ${response.body}`).toBe(status);
      expect(response.json().error.code).toBe(code);
    }
    expect((await upload(viewer, planId, await financeWorkbook(EXPORT))).statusCode).toBe(403);
    const draft = (await send(editor, "POST", `/projects/${projectId}/workplans`, { year: 2024 })).json();
    const refused = await upload(editor, draft.id, await financeWorkbook(EXPORT));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("PLAN_NOT_APPROVED");
  });

  it("writes nothing into a closed year", async () => {
    const preview = (
      await upload(editor, planId, await financeWorkbook([["01/12/2023", "MDT-099", "1.1.2", "Mandat", 1000, null]]))
    ).json() as FinanceImport;
    const { version } = await execution();
    await send(manager, "POST", `/workplans/${planId}/execution/close`, { closed: true, version });
    const refused = await send(editor, "POST", `/finance-imports/${preview.id}/commit`, { version: preview.version });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("EXECUTION_CLOSED");
    expect((await upload(editor, planId, await financeWorkbook(EXPORT))).statusCode).toBe(409);
    await send(manager, "POST", `/workplans/${planId}/execution/close`, { closed: false, version: version + 1 });
  });
});
