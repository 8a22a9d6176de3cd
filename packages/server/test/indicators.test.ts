// Indicators through the API: the PBF demo framework and its figures, the
// report's table pasted in giving the same framework, values entered by an
// editor and validated by an approver (then locked), and refusals naming the field.
import { existsSync, readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../src/demo/load.ts";
import { DEMO_PASSWORD } from "../src/demo/organisations.ts";
import { call, createTestApp, login, type Session, type TestContext } from "./helpers/app.ts";
import { databaseKinds } from "./helpers/databases.ts";
import { grant, makeOrganisation, makeProject, makeUser, PASSWORD } from "./helpers/factories.ts";
import { multipart } from "./helpers/multipart.ts";

const SAMPLE = new URL("../../../../shared/samples/pbf-rapport-progres-annuel-2020.txt", import.meta.url);

interface Indicator {
  id: string;
  code: string;
  name: string;
  level: string;
  nodeCode: string | null;
  measure: string;
  dimensions: string[];
  baselineValue: string | null;
  endTarget: string | null;
  targets: { year: number; period: string; value: string | null; comment: string | null }[];
  latestValue: {
    id: string;
    value: string;
    breakdown: Record<string, string>;
    varianceReason: string | null;
    status: string;
  } | null;
  pendingValue: { id: string; value: string; status: string; version: number } | null;
  progress: {
    current: string | null;
    achievement: string | null;
    status: string;
    breakdown: {
      dimension: string;
      rows: { category: string; value: string; share: string | null }[];
      unspecified: string | null;
    }[];
  };
  version: number;
}
interface Framework {
  nodes: { id: string; code: string }[];
  indicators: Indicator[];
  counts: Record<string, number>;
}

describe.each(databaseKinds)("indicators on %s", (kind) => {
  let ctx: TestContext;
  let editor: Session;
  let approver: Session;
  let viewer: Session;
  let pbfId: string;
  const list = async (projectId: string, session = viewer, query = "") => {
    const response = await call(ctx.app, session, {
      method: "GET",
      url: `/api/v1/projects/${projectId}/indicators${query}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Framework;
  };
  const byCode = (f: Framework, code: string) => {
    const found = f.indicators.find((i) => i.code === code);
    if (!found) throw new Error(`no indicator ${code}`);
    return found;
  };

  beforeAll(async () => {
    ctx = await createTestApp(kind);
    await loadDemo(ctx.database.db);
    editor = await login(ctx.app, "editor@baara.example", DEMO_PASSWORD);
    approver = await login(ctx.app, "approver@baara.example", DEMO_PASSWORD);
    viewer = await login(ctx.app, "viewer@baara.example", DEMO_PASSWORD);
    const projects = (await call(ctx.app, viewer, { method: "GET", url: "/api/v1/projects?q=PBF" })).json();
    pbfId = projects.items.find((p: { code: string }) => p.code === "PBF/MLI/A-2").id;
  });
  afterAll(() => ctx?.close());

  it("gives the PBF demo framework: 1.1.1 at 50.00 with 6 women of 15 (40 %), 1.2.2 at 37.50", async () => {
    const framework = await list(pbfId);
    expect(framework.indicators).toHaveLength(18);
    const trained = byCode(framework, "1.1.1");
    expect(trained).toMatchObject({
      baselineValue: "0",
      endTarget: "30",
      nodeCode: "1.1",
      level: "output",
      dimensions: ["sex", "age"],
    });
    expect(trained.progress).toMatchObject({ current: "15", achievement: "50.00", status: "on_track" });
    expect(trained.progress.breakdown).toEqual([
      {
        dimension: "sex",
        rows: [{ key: "sex:women", dimension: "sex", category: "women", value: "6", share: "40.00" }],
        unspecified: "9",
        mismatch: false,
      },
    ]);
    expect(trained.targets).toEqual([
      { year: 2020, period: "Y", value: "15", breakdown: {}, comment: "Cet indicateur sera atteint au cours de 2021" },
    ]);
    expect(trained.latestValue).toMatchObject({
      value: "15",
      status: "validated",
      varianceReason: expect.stringContaining("reportées"),
    });
    const meetings = byCode(framework, "1.2.2");
    expect(meetings.progress).toMatchObject({ current: "9", achievement: "37.50" });
    // « 50 au cours de 2021 »: a milestone of 2021, the one 2020's 0 is measured against.
    expect(byCode(framework, "1.2.1").targets).toMatchObject([{ year: 2021, value: "50" }]);
    expect(byCode(framework, "1.2.1").progress.status).toBe("off_track");
    expect(byCode(framework, "2.1")).toMatchObject({
      measure: "percentage",
      endTarget: "50",
      level: "outcome",
      nodeCode: "2",
    });
    expect(Object.values(framework.counts).reduce((a, b) => a + b, 0)).toBe(18);
  });

  it.skipIf(!existsSync(SAMPLE))(
    "reads the PBF report's table, pasted as text, as the same framework as the demo",
    async () => {
      const organisation = await makeOrganisation(ctx.database.db);
      const project = await makeProject(ctx.database.db, {
        organisationId: organisation.id,
        levelLabels: ["Résultat", "Produit"],
      });
      const person = await makeUser(ctx.database.db);
      await grant(ctx.database.db, person.id, "manager", { organisationId: organisation.id });
      const manager = await login(ctx.app, person.email, PASSWORD);
      const text = readFileSync(SAMPLE, "utf8");
      const preview = await call(ctx.app, manager, {
        method: "POST",
        url: `/api/v1/projects/${project.id}/results-table/preview`,
        payload: { text, year: 2020 },
      });
      expect(preview.statusCode, preview.body).toBe(200);
      expect(preview.json().nodes).toHaveLength(9);
      expect(preview.json().indicators).toHaveLength(18);
      expect(preview.json().findings.map((f: { kind: string; message: string }) => f.message)).toEqual([
        "Ligne 5 : indicateur 1.3 sans libellé ni valeur, ignoré.",
        "Ligne 15 : indicateur 2.3 sans libellé ni valeur, ignoré.",
        "Ligne 25 : indicateur 3.3 sans libellé ni valeur, ignoré.",
      ]);
      const written = await call(ctx.app, manager, {
        method: "POST",
        url: `/api/v1/projects/${project.id}/results-table`,
        payload: { text, year: 2020, validated: true },
      });
      expect(written.json()).toEqual({
        nodesCreated: 9,
        indicatorsCreated: 18,
        indicatorsUpdated: 0,
        valuesWritten: 18,
        valuesLocked: 0,
        valuesOverlapping: 0,
      });
      const shape = (f: Framework) =>
        f.indicators.map((i) => ({
          code: i.code,
          name: i.name,
          level: i.level,
          nodeCode: i.nodeCode,
          measure: i.measure,
          dimensions: i.dimensions,
          baseline: i.baselineValue,
          target: i.endTarget,
          targets: i.targets,
          value: i.latestValue?.value ?? null,
          breakdown: i.latestValue?.breakdown ?? null,
          reason: i.latestValue?.varianceReason ?? null,
          progress: i.progress,
        }));
      expect(shape(await list(project.id, manager))).toEqual(shape(await list(pbfId)));
      // The same table again updates in place and leaves the validated values as they are.
      const again = await call(ctx.app, manager, {
        method: "POST",
        url: `/api/v1/projects/${project.id}/results-table`,
        payload: { text, year: 2020 },
      });
      expect(again.json()).toMatchObject({
        nodesCreated: 0,
        indicatorsCreated: 0,
        indicatorsUpdated: 18,
        valuesWritten: 0,
        valuesLocked: 18,
      });
    },
  );

  it("has an editor enter a disaggregated value, an approver validate it, and locks it", async () => {
    const created = await call(ctx.app, editor, {
      method: "POST",
      url: `/api/v1/projects/${pbfId}/indicators`,
      payload: {
        code: "1.1.3",
        name: "Nombre de femmes leaders formées",
        level: "output",
        dimensions: ["sex", "location"],
        cumulative: true,
        baselineValue: "0",
        endTarget: "40",
        targets: [
          { year: 2021, period: "S1", value: "10" },
          { year: 2021, period: "Y", value: "20" },
        ],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const entered = await call(ctx.app, editor, {
      method: "POST",
      url: `/api/v1/indicators/${id}/values`,
      payload: {
        year: 2021,
        period: "S1",
        value: "12",
        breakdown: { "sex:women": "9", "location:Mopti": "7" },
        comment: "Deux ateliers",
      },
    });
    expect(entered.statusCode, entered.body).toBe(200);
    expect(entered.json()).toMatchObject({ status: "entered", enteredByName: "Fatoumata Keïta" });
    let framework = await list(pbfId);
    expect(byCode(framework, "1.1.3").progress.status).toBe("no_data");
    expect(byCode(framework, "1.1.3").pendingValue).toMatchObject({ value: "12", status: "entered" });

    const refused = await call(ctx.app, editor, {
      method: "POST",
      url: `/api/v1/indicator-values/${entered.json().id}/review`,
      payload: { action: "validate", version: 1 },
    });
    expect(refused.statusCode).toBe(403);
    const validated = await call(ctx.app, approver, {
      method: "POST",
      url: `/api/v1/indicator-values/${entered.json().id}/review`,
      payload: { action: "validate", version: 1 },
    });
    expect(validated.json()).toMatchObject({ status: "validated", reviewedByName: "Ibrahim Coulibaly" });
    framework = await list(pbfId);
    const leaders = byCode(framework, "1.1.3");
    expect(leaders.progress).toMatchObject({ current: "12", achievement: "30.00", status: "on_track" });
    expect(
      leaders.progress.breakdown.map((d) => [d.dimension, d.rows.map((r) => [r.category, r.value, r.share]), d.unspecified]),
    ).toEqual([
      ["sex", [["women", "9", "75.00"]], "3"],
      ["location", [["Mopti", "7", "58.33"]], "5"],
    ]);

    const change = await call(ctx.app, editor, {
      method: "POST",
      url: `/api/v1/indicators/${id}/values`,
      payload: { year: 2021, period: "S1", value: "14", version: 2 },
    });
    expect(change.statusCode).toBe(409);
    expect(change.json().error.code).toBe("INDICATOR_VALUE_LOCKED");
    const reopened = await call(ctx.app, approver, {
      method: "POST",
      url: `/api/v1/indicator-values/${entered.json().id}/review`,
      payload: { action: "reopen", comment: "Erreur de saisie", version: 2 },
    });
    expect(reopened.json().status).toBe("entered");
    const corrected = await call(ctx.app, editor, {
      method: "POST",
      url: `/api/v1/indicators/${id}/values`,
      payload: { year: 2021, period: "S1", value: "14", version: 3 },
    });
    expect(corrected.json()).toMatchObject({ value: "14", status: "entered", version: 4 });
    const returned = await call(ctx.app, approver, {
      method: "POST",
      url: `/api/v1/indicator-values/${entered.json().id}/review`,
      payload: { action: "return", version: 4 },
    });
    expect(returned.statusCode).toBe(422);
    expect(returned.json().error.details[0]).toMatchObject({ field: "comment", code: "RETURN_COMMENT_REQUIRED" });

    // A cumulative indicator cannot count the same months twice.
    const overlap = await call(ctx.app, editor, {
      method: "POST",
      url: `/api/v1/indicators/${id}/values`,
      payload: { year: 2021, period: "Q2", value: "3" },
    });
    expect(overlap.statusCode).toBe(422);
    expect(overlap.json().error.details[0]).toMatchObject({ field: "period", code: "PERIOD_OVERLAP" });
  });

  it("refuses bad values naming the field, never with a 500", async () => {
    const id = byCode(await list(pbfId), "1.1.1").id;
    const cases: [unknown, number, string][] = [
      [{ year: 2021, period: "S1", value: "1,5" }, 400, "value"],
      [{ year: 2021, period: "S7", value: "1" }, 400, "period"],
      [{ year: 1800, period: "Y", value: "1" }, 400, "year"],
      [{ year: 2021, period: "Y", value: null }, 422, "value"],
      [{ year: 2021, period: "Y", value: "3", breakdown: { "sex:other": "1" } }, 422, "breakdown.sex:other"],
      [{ year: 2021, period: "Y", value: "3", breakdown: { "planet:mars": "1" } }, 422, "breakdown.planet:mars"],
      [{ year: 2021, period: "Y", value: "99999999999999999" }, 400, "value"],
    ];
    for (const [payload, status, field] of cases) {
      const response = await call(ctx.app, editor, { method: "POST", url: `/api/v1/indicators/${id}/values`, payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
      expect(JSON.stringify(response.json().error.details), JSON.stringify(payload)).toContain(field);
    }
    const notATable = await call(ctx.app, editor, {
      method: "POST",
      url: `/api/v1/projects/${pbfId}/results-table/preview`,
      payload: { text: "bonjour\tle\tmonde", year: 2020 },
    });
    expect(notATable.statusCode).toBe(422);
    expect(notATable.json().error.code).toBe("NOT_A_RESULTS_TABLE");
    const thresholds = await call(ctx.app, approver, {
      method: "PUT",
      url: `/api/v1/projects/${pbfId}/indicator-thresholds`,
      payload: { onTrack: "50", atRisk: "70" },
    });
    expect(thresholds.statusCode).toBe(422);
  });

  it("reads a results table from an Excel sheet, and exports the framework as Excel", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Cadre");
    sheet.addRow(["Notes du bailleur"]);
    sheet.addRow(["", "Indicateurs", "Base de référence", "Cible de fin de projet", "Jalon", "Progrès actuel", "Raisons"]);
    sheet.addRow(["Résultat 9", "Les communes planifient"]);
    sheet.addRow([
      "Indicateur 9.1",
      "Nombre de communes avec un plan",
      0,
      12,
      "6 au cours de 2021",
      "4 dont 1 femmes",
      "Saison des pluies",
    ]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const { payload, headers } = multipart({}, { name: "cadre.xlsx", bytes });
    const read = await call(ctx.app, editor, {
      method: "POST",
      url: `/api/v1/projects/${pbfId}/results-table/sheet`,
      payload,
      headers,
    });
    expect(read.statusCode, read.body).toBe(200);
    const preview = await call(ctx.app, editor, {
      method: "POST",
      url: `/api/v1/projects/${pbfId}/results-table/preview`,
      payload: { text: read.json().text, year: 2020 },
    });
    expect(preview.json().indicators).toMatchObject([
      {
        code: "9.1",
        name: "Nombre de communes avec un plan",
        baseline: "0",
        endTarget: "12",
        milestone: { year: 2021, value: "6" },
        current: { value: "4", breakdown: { "sex:women": "1" } },
        exists: false,
      },
    ]);
    expect(preview.json().nodes).toEqual([{ code: "9", title: "Les communes planifient", level: "outcome", exists: false }]);

    const exported = await call(ctx.app, viewer, { method: "GET", url: `/api/v1/projects/${pbfId}/indicators/export.xlsx` });
    expect(exported.statusCode).toBe(200);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const rows = back.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    const trained = rows.find((r) => r[1] === "1.1.1")!;
    expect(trained.slice(1, 11)).toEqual([
      "1.1.1",
      expect.stringContaining("personnes formées"),
      0,
      30,
      15,
      "Cet indicateur sera atteint au cours de 2021",
      15,
      "Femmes 6 (40.00 %)",
      50,
      "En bonne voie",
    ]);
  });

  it("copies standard indicators of the organisation's library into a project", async () => {
    const library = (
      await call(ctx.app, editor, {
        method: "GET",
        url: `/api/v1/organisations/${(await call(ctx.app, viewer, { method: "GET", url: `/api/v1/projects/${pbfId}` })).json().organisationId}/indicator-library`,
      })
    ).json();
    const training = library.find((i: { code: string }) => i.code === "STD-FORM");
    expect(training).toMatchObject({ dimensions: ["sex", "age"], cumulative: true, collectionFrequency: "quarterly" });
    const added = await call(ctx.app, editor, {
      method: "POST",
      url: `/api/v1/projects/${pbfId}/indicators/from-library`,
      payload: { libraryIndicatorIds: [training.id] },
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()[0]).toMatchObject({
      code: "STD-FORM",
      libraryIndicatorId: training.id,
      dataSource: "Listes de présence et rapports de formation",
    });
    const twice = await call(ctx.app, editor, {
      method: "POST",
      url: `/api/v1/projects/${pbfId}/indicators/from-library`,
      payload: { libraryIndicatorIds: [training.id] },
    });
    expect(twice.statusCode).toBe(409);
  });
});

describe.each(databaseKinds)("indicators against the clumsy and the hostile, on %s", (kind) => {
  let ctx: TestContext;
  let manager: Session;
  let editor: Session;
  let approver: Session;
  let projectId: string;
  const post = (session: Session | null, url: string, payload: unknown) =>
    call(ctx.app, session, { method: "POST", url: `/api/v1${url}`, payload });
  const create = async (payload: Record<string, unknown>) => {
    const response = await post(manager, `/projects/${projectId}/indicators`, {
      level: "output",
      name: "Indicateur",
      ...payload,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; version: number };
  };
  const value = async (id: string, year: number, period: string, v: string, breakdown = {}) => {
    const entered = await post(editor, `/indicators/${id}/values`, { year, period, value: v, breakdown });
    expect(entered.statusCode, entered.body).toBe(200);
    const validated = await post(approver, `/indicator-values/${entered.json().id}/review`, {
      action: "validate",
      version: entered.json().version,
    });
    expect(validated.statusCode, validated.body).toBe(200);
  };

  beforeAll(async () => {
    ctx = await createTestApp(kind);
    const db = ctx.database.db;
    const organisation = await makeOrganisation(db);
    const project = await makeProject(db, {
      organisationId: organisation.id,
      published: true,
      levelLabels: ["Résultat", "Produit"],
    });
    projectId = project.id;
    const sessions: Record<string, Session> = {};
    for (const role of ["manager", "editor", "approver"] as const) {
      const person = await makeUser(db);
      await grant(db, person.id, role, { organisationId: organisation.id });
      sessions[role] = await login(ctx.app, person.email, PASSWORD);
    }
    ({ manager, editor, approver } = sessions as Record<"manager" | "editor" | "approver", Session>);
  });
  afterAll(() => ctx?.close());

  it("answers a stale or doubled change with 409, and keeps serving", async () => {
    const { id } = await create({ code: "S.1" });
    const patch = (name: string) =>
      call(ctx.app, manager, { method: "PATCH", url: `/api/v1/indicators/${id}`, payload: { name, version: 1 } });
    const answers = await Promise.all([patch("Un"), patch("Deux")]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect((await patch("Trois")).json().error.code).toBe("VERSION_CONFLICT");
    expect((await call(ctx.app, null, { method: "GET", url: "/api/v1/health" })).statusCode).toBe(200);
  });

  it("shows a visitor of a published project validated values only, without names, comments or documents", async () => {
    const { id } = await create({ code: "P.1", baselineValue: "0", endTarget: "10" });
    await value(id, 2024, "S1", "4");
    const pending = await post(editor, `/indicators/${id}/values`, { year: 2024, period: "S2", value: "6" });
    const { payload, headers } = multipart({}, { name: "presence.pdf", bytes: Buffer.from("%PDF-1.4 Aminata Traoré +223") });
    const document = await call(ctx.app, editor, {
      method: "POST",
      url: `/api/v1/indicator-values/${pending.json().id}/documents`,
      payload,
      headers,
    });
    expect(document.statusCode, document.body).toBe(201);
    const seen = await call(ctx.app, null, { method: "GET", url: `/api/v1/indicators/${id}` });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().values).toMatchObject([
      { period: "S1", status: "validated", enteredByName: null, reviewedByName: null, documents: [] },
    ]);
    expect(seen.json().values).toHaveLength(1);
    expect(seen.json().pendingValue).toBeNull();
    expect(
      (await call(ctx.app, null, { method: "GET", url: `/api/v1/indicator-documents/${document.json().id}/file` }))
        .statusCode,
    ).toBe(404);
    expect(
      (await call(ctx.app, editor, { method: "GET", url: `/api/v1/indicator-documents/${document.json().id}/file` }))
        .statusCode,
    ).toBe(200);
  });

  it("keeps definitions consistent: cumulative counts only, no overlapping periods, targets on the right side, locked deletions", async () => {
    expect(
      (
        await post(manager, `/projects/${projectId}/indicators`, {
          code: "C.0",
          name: "Taux",
          level: "output",
          measure: "percentage",
          cumulative: true,
        })
      ).json().error.details[0],
    ).toMatchObject({ field: "cumulative", code: "CUMULATIVE_COUNTS_ONLY" });
    expect(
      (
        await post(manager, `/projects/${projectId}/indicators`, {
          code: "C.1",
          name: "Incidents",
          level: "output",
          direction: "decrease",
          baselineValue: "50",
          endTarget: "60",
        })
      ).json().error.details[0],
    ).toMatchObject({ field: "endTarget", code: "DIRECTION_MISMATCH" });
    const { id } = await create({ code: "C.2", dimensions: ["sex", "sex"], baselineValue: "0", endTarget: "100" });
    await value(id, 2024, "Q1", "10");
    await value(id, 2024, "S1", "25");
    const detail = (await call(ctx.app, manager, { method: "GET", url: `/api/v1/indicators/${id}` })).json();
    expect(detail.dimensions).toEqual(["sex"]);
    const cumulative = await call(ctx.app, manager, {
      method: "PATCH",
      url: `/api/v1/indicators/${id}`,
      payload: { cumulative: true, version: detail.version },
    });
    expect(cumulative.statusCode).toBe(422);
    expect(cumulative.json().error.details[0]).toMatchObject({ field: "cumulative", code: "PERIOD_OVERLAP" });
    const deleted = await call(ctx.app, editor, { method: "DELETE", url: `/api/v1/indicators/${id}` });
    expect(deleted.statusCode).toBe(409);
    expect(deleted.json().error.code).toBe("INDICATOR_HAS_VALIDATED");
    expect((await call(ctx.app, manager, { method: "DELETE", url: `/api/v1/indicators/${id}` })).statusCode).toBe(204);
  });

  it("shares a cumulative count's breakdown out of what its periods added", async () => {
    const { id } = await create({
      code: "B.1",
      cumulative: true,
      dimensions: ["sex"],
      baselineValue: "100",
      endTarget: "200",
    });
    await value(id, 2024, "Q1", "10", { "sex:women": "4", "sex:men": "6" });
    await value(id, 2024, "Q2", "20", { "sex:women": "5" });
    const detail = (await call(ctx.app, manager, { method: "GET", url: `/api/v1/indicators/${id}` })).json();
    expect(detail.progress.current).toBe("130");
    expect(detail.progress.breakdown[0]).toMatchObject({
      unspecified: "15",
      mismatch: false,
      rows: [
        { value: "9", share: "30.00" },
        { value: "6", share: "20.00" },
      ],
    });
  });

  it("reads clumsy tables without a 500: codes too long, tables too large, partial tables that leave definitions alone", async () => {
    const header = "Indicateurs\tBase de référence\tCible de fin de projet\tProgrès actuel de l'indicateur";
    const long = await post(manager, `/projects/${projectId}/results-table/preview`, {
      text: `${header}\nIndicateur ${"1.".repeat(2000)}1 a\t1\t2\t3\nIndicateur 7.1 b\t0\t4\t1`,
      year: 2024,
    });
    expect(long.statusCode, long.body).toBe(200);
    expect(long.json().findings.map((f: { kind: string }) => f.kind)).toEqual(["TOO_LONG", "NO_RESULT"]);
    const many = [header, ...Array.from({ length: 501 }, (_, i) => `Indicateur 8.${i} x\t0\t1\t1`)].join("\n");
    const tooLarge = await post(manager, `/projects/${projectId}/results-table/preview`, { text: many, year: 2024 });
    expect(tooLarge.statusCode).toBe(422);
    expect(tooLarge.json().error.code).toBe("TABLE_TOO_LARGE");

    const full = `${header}\nRésultat 5 Les communes planifient\t\t\t\nIndicateur 5.1 Taux de communes avec un plan\t10%\t90%\t20`;
    expect(
      (await post(manager, `/projects/${projectId}/results-table`, { text: full, year: 2023, validated: true })).statusCode,
    ).toBe(200);
    const partial = `${header}\nIndicateur 5.1\t\t\t30`;
    const written = await post(manager, `/projects/${projectId}/results-table`, { text: partial, year: 2024 });
    expect(written.json()).toMatchObject({ indicatorsUpdated: 1, valuesWritten: 1 });
    const framework = (
      await call(ctx.app, manager, { method: "GET", url: `/api/v1/projects/${projectId}/indicators` })
    ).json();
    expect(framework.indicators.find((i: { code: string }) => i.code === "5.1")).toMatchObject({
      name: "Taux de communes avec un plan",
      measure: "percentage",
      unit: "%",
      baselineValue: "10",
      endTarget: "90",
      nodeCode: "5",
    });
  });
});
