// Hostile and broken files sent to the import API: each is refused with a 4xx
// and a clear message in the user's language, the server stays up, and nothing
// is written. A seeded fuzz loop over a valid workbook checks the same promise
// for files no one planned for (fuzz/fuzz.test.ts goes further).
import { count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activities, auditLog, budgetLines, declaredTotals, projects, resultNodes, workplans } from "../src/db/schema.ts";
import { call, createTestApp, login, type Session, type TestContext } from "./helpers/app.ts";
import { databaseKinds } from "./helpers/databases.ts";
import { grant, makeOrganisation, makeProject, makeUser, PASSWORD } from "./helpers/factories.ts";
import { importPlan, uploadImport, waitForImport } from "./helpers/imports.ts";
import { byteMutations } from "./fuzz/random.ts";
import {
  brokenWorkbookXlsx,
  emptyFile,
  lyingZipXlsx,
  manyEntriesXlsx,
  millionRowsXlsx,
  noHeaderXlsx,
  oleFile,
  oversizeFile,
  pgsmXlsx,
  randomBinary,
  truncatedXlsx,
  zipBombXlsx,
  zipNotWorkbook,
} from "./fixtures/workplans.ts";

/** Every code a file refused by the import may get. */
const FILE_ERROR_CODES = new Set([
  "EMPTY_FILE",
  "FILE_TOO_LARGE",
  "ENCRYPTED_OR_OLD_EXCEL",
  "NOT_A_WORKBOOK",
  "ZIP_BOMB",
  "CORRUPT_WORKBOOK",
  "TOO_MANY_ROWS",
  "NO_HEADER",
  "NO_ACTIVITY",
]);

interface Hostile {
  name: string;
  file: () => Buffer | Promise<Buffer>;
  fileName: string;
  /** Refused on upload with this HTTP status, or (null) accepted and then failed by the reading job. */
  status: number | null;
  code: string;
  /** What the message must say, in French and in English. */
  fr: RegExp;
  en: RegExp;
}

const HOSTILE: Hostile[] = [
  {
    name: "a truncated workbook",
    file: truncatedXlsx,
    fileName: "ptba-2022.xlsx",
    status: null,
    code: "CORRUPT_WORKBOOK",
    fr: /Classeur illisible ou tronqué/,
    en: /Unreadable or truncated workbook/,
  },
  { name: "an empty file", file: emptyFile, fileName: "vide.xlsx", status: 422, code: "EMPTY_FILE", fr: /fichier est vide/, en: /file is empty/ },
  {
    name: "random binary",
    file: () => randomBinary(),
    fileName: "photo.xlsx",
    status: null,
    code: "NOT_A_WORKBOOK",
    fr: /ni un classeur Excel/,
    en: /neither an Excel workbook/,
  },
  {
    name: "a password-protected or old Excel file (OLE)",
    file: oleFile,
    fileName: "ptba-protégé.xlsx",
    status: null,
    code: "ENCRYPTED_OR_OLD_EXCEL",
    fr: /protégé par mot de passe.*\.xls/,
    en: /Password-protected.*\.xls/,
  },
  {
    name: "a zip that is not a workbook",
    file: zipNotWorkbook,
    fileName: "compte-rendu.xlsx",
    status: null,
    code: "NOT_A_WORKBOOK",
    fr: /ni un classeur Excel/,
    en: /neither an Excel workbook/,
  },
  {
    name: "a workbook with broken XML",
    file: brokenWorkbookXlsx,
    fileName: "casse.xlsx",
    status: null,
    code: "CORRUPT_WORKBOOK",
    fr: /Classeur illisible ou tronqué/,
    en: /Unreadable or truncated workbook/,
  },
  {
    name: "a zip bomb",
    file: zipBombXlsx,
    fileName: "bombe.xlsx",
    status: null,
    code: "ZIP_BOMB",
    fr: /contenu décompressé serait démesuré/,
    en: /uncompressed content would be excessive/,
  },
  {
    name: "a zip whose directory declares 4 KB for a sheet of 400 MB",
    file: lyingZipXlsx,
    fileName: "menteur.xlsx",
    status: null,
    code: "ZIP_BOMB",
    fr: /contenu décompressé serait démesuré/,
    en: /uncompressed content would be excessive/,
  },
  {
    name: "a workbook of 1 000 000 rows",
    file: millionRowsXlsx,
    fileName: "million.xlsx",
    status: null,
    code: "TOO_MANY_ROWS",
    fr: /Trop de lignes \(au plus 50000\)/,
    en: /Too many rows \(at most 50000\)/,
  },
  {
    name: "a zip with too many entries",
    file: () => manyEntriesXlsx(),
    fileName: "entrees.xlsx",
    status: null,
    code: "ZIP_BOMB",
    fr: /contenu décompressé serait démesuré/,
    en: /uncompressed content would be excessive/,
  },
  {
    name: "a file over 10 MB",
    file: () => oversizeFile(),
    fileName: "ptba.tsv",
    status: 413,
    code: "FILE_TOO_LARGE",
    fr: /Fichier trop volumineux \(au plus 10 Mo\)/,
    en: /File too large \(at most 10 MB\)/,
  },
  {
    name: "a workbook without a work-plan header",
    file: noHeaderXlsx,
    fileName: "participants.xlsx",
    status: null,
    code: "NO_HEADER",
    fr: /Aucune ligne d'en-tête de plan de travail/,
    en: /No work-plan header row found/,
  },
];

describe.each(databaseKinds)("import of hostile files on %s", (kind) => {
  let ctx: TestContext;
  let manager: Session;
  let projectId: string;

  beforeAll(async () => {
    ctx = await createTestApp(kind);
    const { db } = ctx.database;
    const organisation = await makeOrganisation(db);
    const user = await makeUser(db);
    await grant(db, user.id, "manager", { organisationId: organisation.id });
    projectId = (await makeProject(db, { organisationId: organisation.id })).id;
    manager = await login(ctx.app, user.email, PASSWORD);
    // A first plan, so that "nothing written" is checked against a project that holds data.
    await importPlan(ctx.app, manager, projectId, { name: "ptba-2022.xlsx", bytes: await pgsmXlsx() }, { year: "2022" });
  });
  afterAll(() => ctx.close());

  /**
   * What becomes of an uploaded file: refused at once (HTTP status and error),
   * or accepted (202) and then read, or failed by the reading job (status null);
   * the error in the language asked.
   */
  async function outcome(file: { name: string; bytes: Buffer }, fields: Record<string, string> = {}, locale = "fr") {
    const headers = { "accept-language": locale };
    const upload = await uploadImport(ctx.app, manager, projectId, file, fields, headers);
    if (upload.statusCode !== 202) {
      const error = upload.json().error as { code: string; message: string };
      return {
        status: upload.statusCode as number | null,
        code: error.code,
        message: error.message,
        body: upload.body,
        record: null,
      };
    }
    const read = await waitForImport(ctx.app, manager, upload.json().id, ["ready", "failed"]);
    const again = await call(ctx.app, manager, { method: "GET", url: `/api/v1/imports/${read.id}`, headers });
    const record = again.json() as typeof read;
    return {
      status: null,
      code: record.status === "ready" ? "OK" : (record.error?.code ?? ""),
      message: record.error?.message ?? "",
      body: again.body,
      record,
    };
  }

  /** What an import writes: plans, activities, lines, nodes, declared totals, the project row, and the audit log. */
  async function written() {
    const { db } = ctx.database;
    const planRows = await db.select({ id: workplans.id }).from(workplans).where(eq(workplans.projectId, projectId));
    const plans = planRows.map((p) => p.id);
    const n = async (rows: Promise<{ n: number }[]>) => Number((await rows)[0]?.n ?? 0);
    const [project] = await db.select().from(projects).where(eq(projects.id, projectId));
    return {
      workplans: plans.length,
      activities: await n(db.select({ n: count() }).from(activities).where(inArray(activities.workplanId, plans))),
      budgetLines: await n(db.select({ n: count() }).from(budgetLines).where(inArray(budgetLines.workplanId, plans))),
      declaredTotals: await n(db.select({ n: count() }).from(declaredTotals).where(inArray(declaredTotals.workplanId, plans))),
      resultNodes: await n(db.select({ n: count() }).from(resultNodes).where(eq(resultNodes.projectId, projectId))),
      auditLog: await n(db.select({ n: count() }).from(auditLog)),
      project: { levelLabels: project?.levelLabels, version: project?.version, updatedAt: project?.updatedAt },
    };
  }

  async function expectHealthy() {
    const health = await call(ctx.app, null, { method: "GET", url: "/api/v1/health" });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: "ok", database: kind });
  }

  it("starts from a project holding one imported plan", async () => {
    const before = await written();
    expect(before).toMatchObject({ workplans: 1, activities: 9, budgetLines: 15 });
    expect(before.auditLog).toBeGreaterThan(0);
  });

  it.each(HOSTILE)("refuses $name ($code), in French and English, and writes no plan data", async (hostile) => {
    const before = await written();
    const file = { name: hostile.fileName, bytes: await hostile.file() };
    const fr = await outcome(file, { year: "2024" });
    expect(fr.status, fr.body).toBe(hostile.status);
    expect(fr.code, fr.body).toBe(hostile.code);
    expect(fr.message).toMatch(hostile.fr);
    const en = await outcome(file, { year: "2024" }, "en");
    expect(en.code).toBe(hostile.code);
    expect(en.message).toMatch(hostile.en);
    expect(en.message).not.toBe(fr.message);
    if (fr.record) {
      expect(fr.record.interpretation).toBeNull();
      const commit = await call(ctx.app, manager, { method: "POST", url: `/api/v1/imports/${fr.record.id}/commit`, payload: {} });
      expect(commit.statusCode).toBe(409);
    }
    await expectHealthy();
    expect(await written()).toEqual(before);
  });

  it("still reads and imports a valid workbook after all of them", async () => {
    const before = await written();
    const read = await outcome({ name: "ptba-2022.xlsx", bytes: await pgsmXlsx() });
    expect(read.code, read.body).toBe("OK");
    expect(read.record?.interpretation?.report.total).toEqual({ computed: "465000000", declared: "465000000" });
    expect(await written()).toEqual(before);
    const { workplanId } = await importPlan(ctx.app, manager, projectId, { name: "ptba-2022.xlsx", bytes: await pgsmXlsx() }, { year: "2022" });
    const plan = await call(ctx.app, manager, { method: "GET", url: `/api/v1/workplans/${workplanId}` });
    expect(plan.json().planVersion).toBe(2);
    const after = await written();
    expect(after.workplans).toBe(before.workplans + 1);
    expect(after.activities).toBe(before.activities + 9);
    expect(after.budgetLines).toBe(before.budgetLines + 15);
    expect(after.auditLog).toBe(before.auditLog + 1);
  });

  it("answers 30 seeded mutations of a valid workbook with a reading or a known error, never a 500", async () => {
    const before = await written();
    const outcomes: string[] = [];
    for (const { label, bytes } of byteMutations(await pgsmXlsx(), 30, 20240621)) {
      const result = await outcome({ name: "ptba-2022.xlsx", bytes });
      outcomes.push(`${label}: ${result.status ?? "job"} ${result.code}`);
      if (result.code === "OK") {
        expect(result.record?.interpretation?.report, label).toMatchObject({
          activities: expect.any(Number),
          budgetLines: expect.any(Number),
        });
        continue;
      }
      if (result.status !== null) {
        expect(result.status, `${label}: ${result.body}`).toBeGreaterThanOrEqual(400);
        expect(result.status, `${label}: ${result.body}`).toBeLessThan(500);
      }
      expect(FILE_ERROR_CODES.has(result.code), `${label}: ${result.body}`).toBe(true);
      expect(result.message, label).not.toBe("");
    }
    expect(outcomes).toHaveLength(30);
    // Truncations leave no zip directory: some mutations at least are refused as corrupt.
    expect(outcomes.some((o) => o.endsWith("job CORRUPT_WORKBOOK")), outcomes.join("\n")).toBe(true);
    await expectHealthy();
    expect(await written()).toEqual(before);
  });
});
