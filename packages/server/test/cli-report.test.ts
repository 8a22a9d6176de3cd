// `baara report` on the demo data: the CPS annual report 2023 as Word (its
// figures in words) and Excel (its three tables), the technical committee's
// minutes of 21 June 2024 through the same engine, and clear refusals.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const bin = resolve(dirname(fileURLToPath(import.meta.url)), "../bin/baara.js");
let dir = "";

function baara(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { ...process.env, DATABASE_URL: "", BAARA_DATA_DIR: dir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", fail);
    child.on("close", (code) => done({ code: code ?? -1, out, err }));
  });
}

const documentXml = async (file: string) =>
  (await (await JSZip.loadAsync(await readFile(file))).file("word/document.xml")?.async("string")) ?? "";

describe("baara report", () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "baara-cli-report-"));
    const loaded = await baara(["demo:load"]);
    expect(loaded.code, loaded.err).toBe(0);
  }, 240_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("writes the CPS annual report 2023 as Word and Excel", async () => {
    const docx = join(dir, "rapport.docx");
    const run = await baara([
      "report",
      "--template",
      "cps-annual",
      "--project",
      "CPS-SCI-PA",
      "--year",
      "2023",
      "--format",
      "docx",
      "--out",
      docx,
    ]);
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    expect(run.out).toContain("cps-annual CPS-SCI-PA 2023");
    const xml = await documentXml(docx);
    expect(xml).toContain("quatorze (14) ont été réalisées");
    expect(xml).toContain("cent vingt-huit millions sept cent quatre-vingt-dix-neuf mille (128");
    const xlsx = join(dir, "rapport.xlsx");
    expect(
      (
        await baara([
          "report",
          "--template",
          "cps-annual",
          "--project",
          "CPS-SCI-PA",
          "--year",
          "2023",
          "--format",
          "xlsx",
          "--out",
          xlsx,
        ])
      ).code,
    ).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(xlsx)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Exécution 2023", "Recommandations", "Plan d'action 2024"]);
  }, 120_000);

  it("writes the minutes of the technical committee's session of 21 June 2024 through the same engine", async () => {
    const out = join(dir, "cr.docx");
    const run = await baara(["report", "--template", "minutes", "--project", "STAB-MLI", "--year", "2024", "--out", out]);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain("2024-06-21");
    const xml = await documentXml(out);
    expect(xml).toContain("Liste des participants");
    expect(xml).toContain("actions retenus");
  }, 120_000);

  it("refuses an unknown template, format, project or session with a message", async () => {
    const template = await baara([
      "report",
      "--template",
      "annuel",
      "--project",
      "CPS-SCI-PA",
      "--year",
      "2023",
      "--out",
      join(dir, "x"),
    ]);
    expect(template.code).not.toBe(0);
    expect(template.err).toContain("cps-annual, pbf-progress, undp-awp, minutes");
    const format = await baara([
      "report",
      "--template",
      "cps-annual",
      "--project",
      "CPS-SCI-PA",
      "--year",
      "2023",
      "--format",
      "odt",
      "--out",
      join(dir, "x"),
    ]);
    expect(format.err).toContain("--format must be one of docx, pdf, xlsx");
    const project = await baara([
      "report",
      "--template",
      "cps-annual",
      "--project",
      "NOPE",
      "--year",
      "2023",
      "--out",
      join(dir, "x"),
    ]);
    expect(project.err).toContain("no project with code NOPE");
    const session = await baara([
      "report",
      "--template",
      "minutes",
      "--project",
      "STAB-MLI",
      "--year",
      "2019",
      "--out",
      join(dir, "x"),
    ]);
    expect(session.err).toContain("no session of a committee of STAB-MLI in 2019");
  }, 120_000);
});
