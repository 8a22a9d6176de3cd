import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const bin = resolve(dirname(fileURLToPath(import.meta.url)), "../bin/baara.js");
let dir = "";

function baara(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", fail);
    child.on("close", (code) => done({ code: code ?? -1, out, err }));
  });
}

interface Report {
  errors: number;
  warnings: number;
  findings: { kind: string; severity: string; line: number; sentence: string; figures: string[]; message: string }[];
}

const CREDIT =
  "La Cellule avait bénéficié d'un crédit de paiement de cent vingt-huit millions sept cent quatre-vingt-dix-neuf mille (128 799 000) francs CFA, dont cent vingt-huit millions six cent cinquante mille (120 650 000) francs CFA pour le BSI.";
const COMMITTED =
  "Le crédit engagé est de quatre-vingt-dix-huit millions cinq cent quinze mille six cent trente un (98 515 631) francs CFA.";
const CLEAN =
  "Sur les vingt-deux (22) activités programmées, la Cellule en a réalisé quatorze (14), soit un taux de 63,64 %.";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "baara-check-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("baara check-document", () => {
  it("lists a text file's slips with exit code 1 when one is an error", async () => {
    const file = join(dir, "rapport.txt");
    await writeFile(file, `Rapport annuel\n${CREDIT}\n${COMMITTED}\n`);
    const run = await baara(["check-document", file]);
    expect(run.err).toBe("");
    expect(run.code).toBe(1);
    expect(run.out).toContain("1 erreur, 1 avertissement");
    expect(run.out).toContain("ligne 2 · Erreur · Lettres et chiffres en désaccord");
    expect(run.out).toContain("« cent vingt-huit millions six cent cinquante mille » vaut 128\u00a0650\u00a0000");
    expect(run.out).toContain("ligne 3 · Avertissement · Nombre en lettres mal orthographié");
  }, 60_000);

  it("--json gives each finding's kind, severity, sentence and figures; --lang en explains in English", async () => {
    const file = join(dir, "rapport-json.txt");
    await writeFile(file, `${CREDIT}\n${COMMITTED}\n`);
    const run = await baara(["check-document", file, "--json", "--lang", "en"]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.out) as Report;
    expect(report).toMatchObject({ errors: 1, warnings: 1 });
    expect(report.findings).toEqual([
      {
        kind: "words_figure_mismatch",
        severity: "error",
        line: 1,
        sentence: CREDIT,
        figures: ["120 650 000"],
        message: expect.stringContaining("is 128,650,000, but the figure beside it is (120 650 000)") as string,
      },
      {
        kind: "words_spelling",
        severity: "warning",
        line: 2,
        sentence: COMMITTED,
        figures: ["98 515 631"],
        message: expect.stringContaining("trente et un") as string,
      },
    ]);
  }, 60_000);

  it("exits 0 on a document with warnings only, and on a clean one", async () => {
    const warnings = join(dir, "avertissements.txt");
    await writeFile(warnings, `${COMMITTED}\n`);
    expect((await baara(["check-document", warnings])).code).toBe(0);
    const clean = join(dir, "propre.txt");
    await writeFile(clean, `${CLEAN}\n`);
    const run = await baara(["check-document", clean, "--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({ errors: 0, warnings: 0, findings: [] });
  }, 60_000);

  it("reads a Word document: a paragraph and a table cell, each a line", async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun({ text: "Exécution financière", bold: true })] }),
            new Paragraph({
              children: [
                new TextRun("Les crédits engagés au 31 décembre 2023 ont été liquidés à hauteur de "),
                new TextRun({ text: "54 515 711", bold: true }),
                new TextRun(" francs CFA, soit un taux d'exécution de 76,49 %."),
              ],
            }),
            new Table({
              rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph(CREDIT)] })] })],
            }),
          ],
        },
      ],
    });
    const file = join(dir, "rapport.docx");
    await writeFile(file, await Packer.toBuffer(doc));
    const run = await baara(["check-document", file, "--json"]);
    expect(run.err).toBe("");
    expect(run.code).toBe(1);
    const report = JSON.parse(run.out) as Report;
    expect(report.findings.map((f) => [f.line, f.kind, f.figures])).toEqual([
      // The rate has no credit before it in this document: nearest ratio offered is of its own figures.
      [2, "rate_mismatch", ["76,49 %", "54 515 711"]],
      [3, "words_figure_mismatch", ["120 650 000"]],
    ]);
  }, 60_000);

  it("says clearly why a file cannot be checked, with exit code 2 and no stack trace", async () => {
    const missing = await baara(["check-document", join(dir, "absent.docx")]);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe(`baara: cannot read ${join(dir, "absent.docx")}: no such file\n`);

    const broken = join(dir, "abime.docx");
    await writeFile(broken, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
    const corrupt = await baara(["check-document", broken]);
    expect(corrupt.code).toBe(2);
    expect(corrupt.err).toBe("baara: abime.docx is not a readable Word document (.docx)\n");

    const old = join(dir, "ancien.doc");
    await writeFile(old, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(200)]));
    const oldWord = await baara(["check-document", old]);
    expect(oldWord.code).toBe(2);
    expect(oldWord.err).toContain("old Word format (.doc)");

    const binary = join(dir, "image.png");
    await writeFile(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    const notText = await baara(["check-document", binary]);
    expect(notText).toMatchObject({ code: 2, err: "baara: image.png is neither a text file nor a Word document (.docx)\n" });
  }, 60_000);
});

// The real CPS report, when the samples sit beside the repository: the CLI finds its two errors.
const CPS = fileURLToPath(new URL("../../../../shared/samples/cps-sci-rapport-2023-plan-action-2024.txt", import.meta.url));
describe.skipIf(!existsSync(CPS))("baara check-document on the CPS sample", () => {
  it("finds its two errors and six warnings", async () => {
    const run = await baara(["check-document", CPS, "--json"]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.out)).toMatchObject({ errors: 2, warnings: 6 });
  }, 60_000);
});
