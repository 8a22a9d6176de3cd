// The demo's committees reproduce the samples: the CPS coordination
// committee's follow-up (5 recommendations: 3 in progress, 2 not executed,
// none executed), all five followed by its next session; the technical
// committee's minutes of 21 June 2024 as a Word document whose tables are read
// back, and which LibreOffice turns into PDF pages showing them.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../src/demo/load.ts";
import { DEMO_PASSWORD } from "../src/demo/organisations.ts";
import { call, createTestApp, login, type Session, type TestContext } from "./helpers/app.ts";
import { databaseKinds } from "./helpers/databases.ts";
import { convertWithLibreOffice, libreOffice } from "./helpers/libreoffice.ts";

const run = promisify(execFile);
/** Poppler's pdftotext reads the PDF's pages back as text. */
const pdftotext = existsSync("/usr/bin/pdftotext");

/** The tables of a Word document: rows of cell texts, read from its XML. */
async function wordTables(bytes: Buffer): Promise<string[][][]> {
  const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")?.async("string");
  if (!xml) throw new Error("no word/document.xml");
  const text = (fragment: string) =>
    [...fragment.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
      .map((p) => [...(p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g) ?? [])].map((t) => t[1]).join(""))
      .join("\n")
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((table) =>
    [...(table[1] ?? "").matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map((row) =>
      [...(row[1] ?? "").matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => text(c[1] ?? "")),
    ),
  );
}

describe.each(databaseKinds)("demo committees on %s", (kind) => {
  let ctx: TestContext;
  let editor: Session;
  const api = (method: string, url: string, payload?: unknown) =>
    call(ctx.app, editor, { method, url: `/api/v1${url}`, payload });

  beforeAll(async () => {
    ctx = await createTestApp(kind);
    await loadDemo(ctx.database.db);
    editor = await login(ctx.app, "editor@baara.example", DEMO_PASSWORD);
  });
  afterAll(() => ctx.close());

  const bodyNamed = async (name: string) => {
    const bodies = (await api("GET", "/bodies")).json().items as { id: string; name: string }[];
    const body = bodies.find((b) => b.name === name);
    if (!body) throw new Error(`no body ${name}`);
    return body;
  };

  it("shows the CPS coordination committee's 2023 follow-up: 5 recommendations, 3 in progress, 2 not executed, 0 executed", async () => {
    const body = await bodyNamed("Comité de coordination de la CPS/SCI");
    const rates = (await api("GET", `/recommendations/rates?bodyId=${body.id}`)).json();
    expect(rates.overall).toMatchObject({ total: 5, executed: 0, inProgress: 3, notExecuted: 2, executedRate: "0.00" });
    const list = (await api("GET", `/recommendations?bodyId=${body.id}`)).json();
    expect(list.items.map((r: { number: number; status: string }) => [r.number, r.status])).toEqual([
      [1, "in_progress"],
      [2, "in_progress"],
      [3, "not_started"],
      [4, "in_progress"],
      [5, "not_started"],
    ]);
    expect(list.items[4]).toMatchObject({
      text: "Maintenir le budget accordé à la CPS/SCI",
      responsibleStructures: ["MEF (DNPD et DGB)"],
    });
    // The MAECI's items are overdue: the people of the MAECI (and above) see them on their home screen.
    expect((await api("GET", "/recommendations/due")).json().map((r: { number: number }) => r.number)).toEqual([1, 2, 3, 4]);
  });

  it("lists all five for follow-up when the next session is created, and writes its follow-up table", async () => {
    const body = await bodyNamed("Comité de coordination de la CPS/SCI");
    const created = await api("POST", `/bodies/${body.id}/meetings`, { title: "Première session 2024", date: "2024-01-25" });
    expect(created.statusCode, created.body).toBe(201);
    const meeting = created.json();
    expect(meeting.agenda[0]).toMatchObject({
      kind: "follow_up",
      title: "Suivi des recommandations de la session précédente",
    });
    expect(meeting.followUps).toHaveLength(5);
    expect(meeting.followUpRates).toMatchObject({ total: 5, executed: 0, inProgress: 3, notExecuted: 2 });

    const xlsx = await call(ctx.app, editor, {
      method: "GET",
      url: `/api/v1/meetings/${meeting.id}/follow-up-table?format=xlsx`,
    });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const rows = [3, 4, 5, 6, 7].map((n) => (sheet?.getRow(n).values as unknown[]).slice(1));
    expect(rows.map((r) => [r[0], r[3] ?? null, r[4] ?? null, r[5] ?? null])).toEqual([
      [1, null, 2, null],
      [2, null, 2, null],
      [3, null, null, 3],
      [4, null, 2, null],
      [5, null, null, 3],
    ]);
    expect(sheet?.getRow(9).getCell(1).value).toBe(
      "Sur 5 recommandation(s), 0 exécutée(s), 3 en cours et 2 non exécutée(s).",
    );

    const docx = await call(ctx.app, editor, {
      method: "GET",
      url: `/api/v1/meetings/${meeting.id}/follow-up-table?format=docx`,
    });
    const [table] = await wordTables(docx.rawPayload);
    expect(table?.[0]).toEqual([
      "N°",
      "Recommandations",
      "Structures responsables",
      "Exécuté (1)",
      "En cours (2)",
      "Non (3)",
    ]);
    expect(table?.[3]).toEqual([
      "3",
      "Impliquer la CPS/SCI dans les différentes missions de suivi des projets financés par les PTFs organisées par la DCM",
      "MAECI/DCM",
      "",
      "",
      "3",
    ]);
  });

  let minutes: Buffer;
  it("writes the technical committee's minutes of 21 June 2024 as Word tables: agenda, action points, participants", async () => {
    const body = await bodyNamed("Comité technique du projet stabilisation");
    const [session] = (await api("GET", `/bodies/${body.id}/meetings`)).json();
    expect(session).toMatchObject({ date: "2024-06-21", status: "held", recommendationCount: 3 });
    const response = await call(ctx.app, editor, { method: "GET", url: `/api/v1/meetings/${session.id}/minutes` });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("wordprocessingml");
    expect(response.headers["content-disposition"]).toContain("compte-rendu-2024-06-21.docx");
    minutes = response.rawPayload;
    const xml = await (await JSZip.loadAsync(minutes)).file("word/document.xml")?.async("string");
    // Header rows repeat on every page; the footer numbers the pages.
    expect(xml?.match(/<w:tblHeader\/>/g)).toHaveLength(3);
    const [agenda, actions, participants] = await wordTables(minutes);
    expect(agenda?.map((r) => r[1])).toEqual([
      "Points",
      "Présentation des résultats de l'exercice 2023 et du PTA 2024",
      "Organisation du comité de pilotage du projet",
      "Visite de terrain des membres du comité technique",
      "Divers",
    ]);
    expect(actions?.[0]).toEqual(["N°", "Actions", "Responsable", "Échéance", "Commentaires"]);
    expect(actions).toHaveLength(4);
    expect(actions?.[2]?.[2]).toBe("Mme Aïssata Bagayoko (PNUD)");
    expect(actions?.[2]?.[3]).toMatch(/^15\sjuillet\s2024$/);
    expect(actions?.[2]?.[4]).toBe("Les ministères vont se concerter et allouer 2 véhicules pour la mission de terrain.");
    expect(participants?.[0]).toEqual([
      "N°",
      "Noms et prénoms",
      "Fonctions",
      "Structures",
      "Contacts",
      "E-mails",
      "Présence",
    ]);
    expect(participants?.slice(1).map((r) => r[3])).toEqual([
      "DNG/M",
      "DNF/MATD",
      "DNA/DNPSES",
      "PNUD",
      "Ministère des Mines",
      "PNUD",
    ]);
    const zip = await JSZip.loadAsync(minutes);
    const footers = Object.keys(zip.files).filter((f) => /word\/footer\d*\.xml/.test(f));
    expect(await zip.file(footers[0] ?? "")?.async("string")).toContain("PAGE");
  });

  it.skipIf(!libreOffice || !pdftotext)(
    "opens in LibreOffice: the PDF's pages show the agenda, the action points and the participants",
    async () => {
      const pdf = await convertWithLibreOffice(minutes, "compte-rendu.docx", "pdf");
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      const dir = await mkdtemp(join(tmpdir(), "baara-minutes-test-"));
      try {
        await writeFile(join(dir, "minutes.pdf"), pdf);
        await run("pdftotext", ["-layout", join(dir, "minutes.pdf"), join(dir, "minutes.txt")]);
        const text = (await readFile(join(dir, "minutes.txt"), "utf8")).replace(/\s+/g, " ");
        for (const expected of [
          "Les points inscrits à l'ordre du jour",
          "Points d'actions retenus",
          "Liste des participants",
          "Jean-Paul Mensah",
          "Page 1 / ",
        ]) {
          expect(text).toContain(expected);
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );

  it.skipIf(!libreOffice)(
    "answers the minutes as PDF through the server's LibreOffice",
    async () => {
      const body = await bodyNamed("Comité technique du projet stabilisation");
      const [session] = (await api("GET", `/bodies/${body.id}/meetings`)).json();
      const response = await call(ctx.app, editor, {
        method: "GET",
        url: `/api/v1/meetings/${session.id}/minutes?format=pdf`,
      });
      expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
      expect(response.headers["content-type"]).toBe("application/pdf");
      expect(response.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    },
    180_000,
  );
});
