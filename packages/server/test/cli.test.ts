import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../src/auth/passwords.ts";
import { openDatabase } from "../src/db/client.ts";
import { users } from "../src/db/schema.ts";
import { ensureWebBuild } from "./helpers/web-build.ts";
import { PGSM_EMPLOYMENT_STUDY_LINE, PGSM_TSV_LINES, randomBinary } from "./fixtures/workplans.ts";

const bin = resolve(dirname(fileURLToPath(import.meta.url)), "../bin/baara.js");
const dirs: string[] = [];

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "baara-cli-"));
  dirs.push(dir);
  return dir;
}

function baara(args: string[], env: Record<string, string>, stdin = ""): Promise<{ code: number; out: string; err: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { ...process.env, DATABASE_URL: "", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      err += d.toString();
    });
    child.on("error", fail);
    child.on("close", (code) => done({ code: code ?? -1, out, err }));
    child.stdin.end(stdin);
  });
}

afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe("baara CLI", () => {
  it("creates the first admin with the password read from standard input", async () => {
    const dir = await dataDir();
    const created = await baara(
      ["user:create", "--email", "Premier.Admin@test.example", "--name", "Premier Admin", "--role", "admin"],
      { BAARA_DATA_DIR: dir },
      "un-mot-de-passe-solide\n",
    );
    expect(created.err).toBe("");
    expect(created.code).toBe(0);
    expect(created.out).toContain("premier.admin@test.example created (admin, platform)");

    const again = await baara(
      ["user:create", "--email", "premier.admin@test.example", "--name", "Doublon", "--role", "admin"],
      { BAARA_DATA_DIR: dir },
      "un-mot-de-passe-solide\n",
    );
    expect(again.code).toBe(2);
    expect(again.err).toContain("already exists");

    const database = await openDatabase({ dataDir: dir });
    try {
      const [row] = await database.db.select().from(users).where(eq(users.email, "premier.admin@test.example"));
      expect(row?.isPlatformAdmin).toBe(true);
      expect(await verifyPassword(row?.passwordHash ?? "", "un-mot-de-passe-solide")).toBe(true);
    } finally {
      await database.close();
    }
  }, 60_000);

  it("refuses a short password and an unknown role with a clear message and exit code 2", async () => {
    const dir = await dataDir();
    const short = await baara(["user:create", "--email", "a@test.example", "--name", "A", "--role", "admin"], { BAARA_DATA_DIR: dir }, "court\n");
    expect(short.code).toBe(2);
    expect(short.err).toContain("at least 10 characters");
    const role = await baara(["user:create", "--email", "a@test.example", "--name", "A", "--role", "chef"], { BAARA_DATA_DIR: dir }, "x\n");
    expect(role.code).toBe(2);
    expect(role.err).toContain("--role must be");
  }, 60_000);

  it("import-plan --json prints one JSON report of the PGSM plan: counts, groups, total and the one mismatch", async () => {
    const dir = await dataDir();
    const file = join(dir, "pgsm-ptba-2022.tsv");
    await writeFile(file, `${PGSM_TSV_LINES.map((cells) => cells.join("\t")).join("\n")}\n`, "utf8");
    // The TSV starts at the sample's header: the employment study (sample line 16) is its row 12.
    const studyRow = PGSM_TSV_LINES.findIndex((cells) => cells[4] === "50,000" && cells[6] === "50,000,000") + 1;
    expect(studyRow).toBe(PGSM_EMPLOYMENT_STUDY_LINE - 4);

    const run = await baara(["import-plan", file, "--json"], { BAARA_DATA_DIR: dir });
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    // The whole of stdout is one JSON object.
    const report = JSON.parse(run.out) as {
      activities: number;
      budgetLines: number;
      groups: Record<string, unknown>[];
      total: { computed: string; declared: string | null };
      issues: Record<string, unknown>[];
    };
    expect(Object.keys(report).sort()).toEqual(["activities", "budgetLines", "groups", "issues", "total"]);
    expect(report.activities).toBe(9);
    expect(report.budgetLines).toBe(15);
    expect(report.total).toEqual({ computed: "465000000", declared: "465000000" });
    for (const group of report.groups) {
      expect(Object.keys(group).sort()).toEqual(["code", "computed", "declared", "level", "title"]);
      expect(group.computed).toMatch(/^\d+(\.\d+)?$/);
      if (group.declared !== null) expect(group.declared).toMatch(/^\d+(\.\d+)?$/);
      expect(typeof group.title).toBe("string");
      expect(Number.isInteger(group.level)).toBe(true);
    }
    const groups = report.groups.map((g) => [g.code, g.level, g.computed, g.declared]);
    expect(groups).toContainEqual(["B", 0, "465000000", "465000000"]);
    expect(groups).toContainEqual(["B1", 1, "127000000", "127000000"]);
    expect(groups).toContainEqual(["B2", 1, "338000000", "338000000"]);
    expect(groups).toContainEqual(["B.1.1", 2, "127000000", null]);

    const mismatches = report.issues.filter((i) => i.code === "QTY_PRICE_MISMATCH");
    expect(mismatches).toHaveLength(1);
    expect(Object.keys(mismatches[0] ?? {}).sort()).toEqual(["code", "column", "computed", "declared", "message", "row", "severity"]);
    expect(mismatches[0]).toMatchObject({ row: studyRow, column: "G", declared: "50000000", computed: "50000", severity: "warning" });
    expect(mismatches[0]?.message).toMatch(new RegExp(`^Ligne ${studyRow}, colonne G : Montant déclaré`));
    expect(report.issues.filter((i) => i.severity === "error")).toEqual([]);

    const english = await baara(["import-plan", file, "--json", "--lang", "en"], { BAARA_DATA_DIR: dir });
    expect(english.code).toBe(0);
    const en = JSON.parse(english.out) as { issues: { code: string; message: string }[] };
    expect(en.issues.find((i) => i.code === "QTY_PRICE_MISMATCH")?.message).toMatch(new RegExp(`^Row ${studyRow}, column G: Declared amount`));
  }, 60_000);

  it("import-plan --currency reads cents in USD; without it, cents in F CFA are a finding naming the cell", async () => {
    const dir = await dataDir();
    const file = join(dir, "awp.tsv");
    const rows = [
      ["EXPECTED OUTPUTS", "PLANNED ACTIVITIES", "RESPONSIBLE PARTY", "Budget Description", "Amount"],
      ["Output 1: Communes plan their budgets", "1.1 Train the communal staff", "UNDP", "Travel - 71600", "1 000 000"],
      ["", "", "", "Local Consultants - 71300", "699 286"],
      ["Sub Total", "", "", "", "1 699 285,76"],
      ["Grand TOTAL", "", "", "", "1 699 286"],
    ];
    await writeFile(file, rows.map((cells) => cells.join("\t")).join("\n"), "utf8");
    interface Report {
      groups: { code: string; computed: string; declared: string | null }[];
      issues: { code: string; row: number; column: string; message: string; declared: string | null; computed: string | null }[];
    }

    const usd = await baara(["import-plan", file, "--json", "--currency", "usd"], { BAARA_DATA_DIR: dir });
    expect(usd.err).toBe("");
    const inUsd = JSON.parse(usd.out) as Report;
    expect(inUsd.groups).toEqual([{ code: "1", title: "Communes plan their budgets", level: 0, computed: "1699286.00", declared: "1699285.76" }]);
    expect(inUsd.issues.map((i) => [i.code, i.row, i.declared, i.computed])).toEqual([["SUBTOTAL_MISMATCH", 4, "1699285.76", "1699286.00"]]);

    const xof = await baara(["import-plan", file, "--json"], { BAARA_DATA_DIR: dir });
    const inXof = JSON.parse(xof.out) as Report;
    const decimal = inXof.issues.find((i) => i.code === "DECIMAL_AMOUNT");
    expect(decimal).toMatchObject({ row: 4, column: "E" });
    expect(decimal?.message).toBe(
      "Ligne 4, colonne E : « 1 699 285,76 » a des décimales, or les montants en XOF sont entiers : "
      + "choisissez la devise du document (USD, EUR…) ou arrondissez ce montant.",
    );
    expect(inXof.issues.some((i) => i.code === "UNPARSEABLE_NUMBER")).toBe(false);

    const wrong = await baara(["import-plan", file, "--currency", "dollars"], { BAARA_DATA_DIR: dir });
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain("--currency must be one of XOF, XAF, USD, EUR, GNF");
  }, 60_000);

  it("import-plan refuses a file that is not a work plan with exit code 2 and a clear message on stderr", async () => {
    const dir = await dataDir();
    const file = join(dir, "photo.xlsx");
    await writeFile(file, randomBinary());
    const fr = await baara(["import-plan", file, "--json"], { BAARA_DATA_DIR: dir });
    expect(fr.code).toBe(2);
    expect(fr.out).toBe("");
    expect(fr.err.trim()).toBe("baara: Ce fichier n'est ni un classeur Excel (.xlsx) ni un texte tabulé ou CSV.");
    const en = await baara(["import-plan", file, "--lang", "en"], { BAARA_DATA_DIR: dir });
    expect(en.code).toBe(2);
    expect(en.err).toContain("neither an Excel workbook");
    const missing = await baara(["import-plan", join(dir, "absent.xlsx")], { BAARA_DATA_DIR: dir });
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("cannot read");
  }, 60_000);

  it("serves the demo on the embedded database: health answers pglite and the demo login works", async () => {
    // `npm start` builds the web app first; so does this test, which checks the page it serves.
    await ensureWebBuild();
    const dir = await dataDir();
    const port = String(20000 + Math.floor(Math.random() * 20000));
    const child: ChildProcess = spawn(process.execPath, [bin, "serve"], {
      env: { ...process.env, DATABASE_URL: "", BAARA_DATA_DIR: dir, BAARA_DEMO: "1", PORT: port, HOST: "127.0.0.1", LOG_LEVEL: "warn" },
      stdio: "ignore",
    });
    try {
      const started = Date.now();
      let health: unknown = null;
      while (Date.now() - started < 60_000) {
        try {
          health = await (await fetch(`http://127.0.0.1:${port}/api/v1/health`)).json();
          break;
        } catch {
          await new Promise((r) => setTimeout(r, 250));
        }
      }
      expect(health).toEqual({ status: "ok", database: "pglite" });
      const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "viewer@baara.example", password: "baara-demo-2024" }),
      });
      expect(login.status).toBe(200);
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("Baara");
    } finally {
      child.kill("SIGTERM");
    }
  }, 180_000);
});
