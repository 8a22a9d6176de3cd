// Acceptance tests of the spreadsheet import's interpretation: each fixture of
// fixtures/workplans.ts read by the server (read-file.ts) and interpreted by
// core (interpretGrid, reportImport). Expected figures come from the samples
// and from the fixtures' own description of what they hold, never from the
// code under test.
import { type ImportedPlan, type ImportReport, interpretGrid, type InterpretOptions, reportImport } from "@baara/core";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ACTIVITIES_PER_OUTPUT, officialAwp } from "@baara/core/test-helpers/awp-template";
import { readGrids } from "../src/imports/read-file.ts";
import {
  awpXlsx,
  type AwpOptions,
  CPS_EXPECTED,
  CPS_OBJECTIVES,
  cpsXlsx,
  PGSM_EMPLOYMENT_STUDY_LINE,
  PGSM_TSV_LINES,
  pgsmXlsx,
  pgsmXlsxRow,
  windows1252,
} from "./fixtures/workplans.ts";

/** Reads a file as the server does and interprets its first sheet that holds a work plan. */
async function interpret(bytes: Buffer, fileName: string, options: InterpretOptions = {}): Promise<ImportedPlan> {
  const grids = await readGrids(bytes, fileName);
  expect(grids.length).toBeGreaterThan(0);
  const errors: unknown[] = [];
  for (const grid of grids) {
    try {
      return interpretGrid(grid, options);
    } catch (error) {
      errors.push(error);
    }
  }
  throw new Error(`no sheet holds a work plan: ${errors.map(String).join("; ")}`);
}

const sum = (amounts: (string | null)[]) => amounts.reduce((total, a) => total + BigInt(a ?? "0"), 0n).toString();
/** Spaces of any kind (narrow no-break spaces of French number formats) as plain spaces. */
const plainSpaces = (text: string) => text.replace(/[\s\u00a0\u202f]/g, " ");

// ---------------------------------------------------------------------------
// PGSM PTBA 2022, component B

/** The sample's budget column: "35,000,000" → "35000000". */
const fcfa = (text: string | undefined) => (text ?? "").replace(/,/g, "");
const PGSM_STUDY_INDEX = PGSM_TSV_LINES.findIndex((cells) => /emploi/.test(cells[0] ?? "") && cells[4] === "50,000");
/** Sample line of PGSM_TSV_LINES[index]. */
const pgsmLine = (index: number) => PGSM_EMPLOYMENT_STUDY_LINE - PGSM_STUDY_INDEX + index;
/** The budget lines as the sample holds them: every row with a budget that is not a total. */
const PGSM_BUDGET_ROWS = PGSM_TSV_LINES.flatMap((cells, index) =>
  index > 0 && cells[6] && !/total/i.test(cells[0] ?? "") ? [{ index, amount: fcfa(cells[6]) }] : [],
);
const pgsmTsv = (eol = "\n") => PGSM_TSV_LINES.map((cells) => cells.join("\t")).join(eol) + eol;

/**
 * What the README of the samples says of the PGSM plan, whatever the file:
 * B1 = 127 000 000, B2 = 338 000 000, B = 465 000 000, and the employment study
 * reported, with its budget kept as declared.
 */
function expectPgsm(plan: ImportedPlan, rowOf: (index: number) => number) {
  const report = reportImport(plan, "fr");
  expect(plan.currency).toBe("XOF");
  expect(plan.year).toBe(2022);

  const group = (code: string) => report.groups.find((g) => g.code === code);
  expect(group("B")).toMatchObject({ level: 0, computed: "465000000", declared: "465000000" });
  expect(group("B1")).toMatchObject({ level: 1, computed: "127000000", declared: "127000000" });
  expect(group("B2")).toMatchObject({ level: 1, computed: "338000000", declared: "338000000" });
  expect(plan.nodes.find((n) => n.code === "B1")?.parentKey).toBe(plan.nodes.find((n) => n.code === "B")?.key);
  expect(plan.nodes.find((n) => n.code === "B2")?.parentKey).toBe(plan.nodes.find((n) => n.code === "B")?.key);
  expect(report.total).toEqual({ computed: "465000000", declared: "465000000" });

  // Exactly the sample's 15 budget lines, at their rows, amounts as declared.
  expect(PGSM_BUDGET_ROWS).toHaveLength(15);
  expect(report.budgetLines).toBe(15);
  expect(plan.lines.map((l) => [l.row, l.amount])).toEqual(PGSM_BUDGET_ROWS.map((b) => [rowOf(b.index), b.amount]));
  expect(sum(plan.lines.map((l) => l.amount))).toBe("465000000");
  // Sub-total and total rows are figures to check, not activities or lines.
  const totalRows = PGSM_TSV_LINES.flatMap((cells, index) => (/total/i.test(cells[0] ?? "") ? [rowOf(index)] : []));
  expect(totalRows).toHaveLength(3);
  for (const row of totalRows) {
    expect(plan.activities.some((a) => a.row === row)).toBe(false);
    expect(plan.lines.some((l) => l.row === row)).toBe(false);
  }

  // The employment study: QTE 1 × PU 50 000 but 50 000 000 declared, kept and reported.
  const studyRow = rowOf(PGSM_STUDY_INDEX);
  const study = plan.lines.find((l) => l.row === studyRow);
  expect(study).toMatchObject({ quantity: "1", unitCost: "50000", amount: "50000000" });
  const mismatches = report.issues.filter((i) => i.code === "QTY_PRICE_MISMATCH");
  expect(mismatches).toEqual([
    expect.objectContaining({ row: studyRow, column: "G", declared: "50000000", computed: "50000" }),
  ]);
  expect(report.issues.filter((i) => i.severity === "error")).toEqual([]);
  return report;
}

describe("PGSM PTBA 2022 (component B)", () => {
  it("locates the employment study in the fixture lines", () => {
    const cells = PGSM_TSV_LINES[PGSM_STUDY_INDEX] ?? [];
    expect([cells[3], cells[4], cells[6]]).toEqual(["1", "50,000", "50,000,000"]);
    // The TSV's first line is the sample's header line.
    expect(PGSM_TSV_LINES[0]?.[0]).toBe("Activités");
    expect(pgsmLine(0)).toBe(5);
  });

  it("reads the tab-separated sample: sub-totals, total, 15 lines and the one quantity × price mismatch", async () => {
    const plan = await interpret(Buffer.from(pgsmTsv(), "utf8"), "pgsm.tsv");
    // In the TSV the header is row 1: PGSM_TSV_LINES[i] is row i + 1.
    expectPgsm(plan, (index) => index + 1);
    expect(plan.lines.find((l) => l.row === PGSM_STUDY_INDEX + 1)).toBeDefined();
    // Mixed date forms become deadlines of 2022: "Avril 2022 (10 jours)", "Mar-22", "fevrier 2022".
    const deadlines = plan.activities.map((a) => a.deadline).filter((d) => d !== null);
    expect(deadlines.length).toBeGreaterThan(0);
    for (const deadline of deadlines) expect(deadline).toMatch(/^2022-/);
  });

  it("reads the same sample typed with Windows line ends", async () => {
    const plan = await interpret(Buffer.from(pgsmTsv("\r\n"), "utf8"), "pgsm.txt");
    expectPgsm(plan, (index) => index + 1);
  });

  it("reads the sample saved as Windows-1252 text exactly as the UTF-8 one, accents and œ included", async () => {
    const bytes = windows1252(pgsmTsv());
    // Not valid UTF-8: the reader has to fall back to Windows-1252.
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    const legacy = await interpret(bytes, "pgsm.txt");
    expectPgsm(legacy, (index) => index + 1);
    const utf8 = await interpret(Buffer.from(pgsmTsv(), "utf8"), "pgsm.tsv");
    expect(legacy.nodes).toEqual(utf8.nodes);
    expect(legacy.activities).toEqual(utf8.activities);
    expect(legacy.lines).toEqual(utf8.lines);
    const titles = [...legacy.nodes.map((n) => n.title), ...legacy.activities.map((a) => a.title)].join("\n");
    expect(titles).toContain("mise en œuvre");
    expect(titles).toContain("Amélioration du mécanisme de divulgation");
    expect(titles).not.toMatch(/[\u0080-\u009f]/);
  });

  it("reads the workbook (merged title and group rows, unit prices typed as text) with the sheet's own row numbers", async () => {
    const plan = await interpret(await pgsmXlsx(), "pgsm.xlsx");
    expect(plan.sheet).toBe("PTBA 2022");
    const report = expectPgsm(plan, (index) => pgsmXlsxRow(pgsmLine(index)));
    expect(report.issues.find((i) => i.code === "QTY_PRICE_MISMATCH")?.row).toBe(pgsmXlsxRow(PGSM_EMPLOYMENT_STUDY_LINE));
    // The merged title above the header is neither a group nor an activity.
    const titleRow = 1;
    expect(plan.nodes.some((n) => n.row === titleRow)).toBe(false);
    expect(plan.activities.some((a) => a.row === titleRow)).toBe(false);
    // The merged group rows open the groups at their own rows.
    const groupRow = (prefix: string) => pgsmXlsxRow(pgsmLine(PGSM_TSV_LINES.findIndex((c) => (c[0] ?? "").startsWith(prefix))));
    expect(plan.nodes.find((n) => n.code === "B")?.row).toBe(groupRow("Composante B"));
    expect(plan.nodes.find((n) => n.code === "B1")?.row).toBe(groupRow("Sous-composante B1"));
    expect(plan.nodes.find((n) => n.code === "B.2.3")?.row).toBe(groupRow("B.2.3"));
  });

  it("names the row, the column and both amounts in French and in English", async () => {
    const plan = await interpret(await pgsmXlsx(), "pgsm.xlsx");
    const row = pgsmXlsxRow(PGSM_EMPLOYMENT_STUDY_LINE);
    const message = (locale: "fr" | "en") =>
      plainSpaces(reportImport(plan, locale).issues.find((i) => i.code === "QTY_PRICE_MISMATCH")?.message ?? "");
    const fr = message("fr");
    expect(fr.startsWith(`Ligne ${row}, colonne G : `)).toBe(true);
    expect(fr).toContain("50 000 000");
    expect(fr).toMatch(/quantité × prix unitaire = 50 000\b/);
    const en = message("en");
    expect(en.startsWith(`Row ${row}, column G: `)).toBe(true);
    expect(en).toContain("50,000,000");
    expect(en).toMatch(/quantity × unit cost = [^0-9]*50,000\b/);
  });
});

// ---------------------------------------------------------------------------
// CPS/SCI action plan 2024

describe("CPS/SCI action plan 2024 (monthly chronogram, thousands of FCFA, PM)", () => {
  it("finds every activity with its code, title, months (X or shading), PM and responsible unit", async () => {
    const plan = await interpret(await cpsXlsx(), "cps.xlsx");
    expect(plan.sheet).toBe("Plan d'action 2024");
    expect(plan.currency).toBe("XOF");
    // Both ways of showing a month, and PM rows, are in the fixture.
    expect(new Set(CPS_EXPECTED.activities.map((a) => a.mark))).toEqual(new Set(["x", "fill"]));
    expect(CPS_EXPECTED.activities.filter((a) => a.cost === "PM").length).toBeGreaterThan(0);

    expect(plan.activities).toHaveLength(CPS_EXPECTED.activities.length);
    const found = plan.activities.map(({ row, code, title, months, noCost, responsible }) => ({
      row, code, title, months, noCost, responsible,
    }));
    expect(found).toEqual(
      CPS_EXPECTED.activities.map((a) => ({
        row: a.row,
        code: a.code,
        title: a.title,
        months: a.months,
        noCost: a.cost === "PM",
        responsible: a.responsible,
      })),
    );
  });

  it("gives each costed activity one line in FCFA (thousands × 1 000) and PM activities none; total 71 500 000", async () => {
    const plan = await interpret(await cpsXlsx(), "cps.xlsx");
    const report = reportImport(plan, "fr");
    const costed = CPS_EXPECTED.activities.filter((a) => a.cost !== "PM");
    expect(plan.lines.map((l) => [l.row, l.amount])).toEqual(costed.map((a) => [a.row, String(Number(a.cost) * 1000)]));
    for (const line of plan.lines) {
      expect(plan.activities.find((a) => a.key === line.activityKey)?.row).toBe(line.row);
    }
    expect(CPS_EXPECTED.totalThousands).toBe(71_500);
    expect(report.total).toEqual({ computed: "71500000", declared: "71500000" });
    expect(plan.declaredTotal).toMatchObject({ amount: "71500000", row: CPS_EXPECTED.totalRow, column: "E" });
    expect(report.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("opens objectives and results as groups and sums each from its own activities", async () => {
    const plan = await interpret(await cpsXlsx(), "cps.xlsx");
    const report = reportImport(plan, "fr");
    const codeOf = (text: string) => /^(\d+(?:\.\d+)*)/.exec(text)?.[1];
    const cost = (activities: readonly { cost: number | "PM" }[]) =>
      String(activities.reduce((total, a) => total + (a.cost === "PM" ? 0 : a.cost * 1000), 0));
    const expected = CPS_OBJECTIVES.flatMap((objective) => [
      { code: codeOf(objective.text), level: 0, computed: cost(objective.results.flatMap((r) => r.activities)) },
      ...objective.results.map((result) => ({ code: codeOf(result.text), level: 1, computed: cost(result.activities) })),
    ]);
    expect(report.groups.map((g) => ({ code: g.code, level: g.level, computed: g.computed }))).toEqual(expected);
  });

  it("skips the header repeated after the page break, joins the wrapped title, and stops at the total row", async () => {
    const plan = await interpret(await cpsXlsx(), "cps.xlsx");
    expect(CPS_EXPECTED.repeatedHeaderRows.length).toBeGreaterThan(0);
    for (const row of [...CPS_EXPECTED.repeatedHeaderRows, CPS_EXPECTED.wrapRow, CPS_EXPECTED.totalRow]) {
      expect(plan.activities.filter((a) => a.row === row)).toEqual([]);
      expect(plan.nodes.filter((n) => n.row === row)).toEqual([]);
      expect(plan.lines.filter((l) => l.row === row)).toEqual([]);
    }
    const wrapped = CPS_EXPECTED.activities.find((a) => a.wrapped);
    expect(wrapped?.row).toBe(CPS_EXPECTED.wrapRow - 1);
    expect(plan.activities.find((a) => a.row === wrapped?.row)?.title).toBe(`${wrapped?.cell.replace(/^[\d.]+\.\s*/, "")} ${wrapped?.wrapped}`);
    const titles = plan.activities.map((a) => a.title).join("\n");
    expect(titles).not.toMatch(/ACTIVITES|RESPONSABLE|COUT TOTAL/);
  });
});

// ---------------------------------------------------------------------------
// UNDP annual work plan (AWP)

const AWP_LAYOUTS: [string, AwpOptions][] = [
  ["outputs in their own merged rows (default)", {}],
  ["outputs under PLANNED ACTIVITIES", { outputColumn: "activities" }],
  ["a header not merged down", { mergeHeaderDown: false }],
];

describe.each(AWP_LAYOUTS)("UNDP AWP 2024, %s", (_name, options) => {
  // The project importing an AWP keeps its accounts in US dollars.
  const read = async () => {
    const { buffer, expected } = await awpXlsx(options);
    const plan = await interpret(buffer, "awp.xlsx", { currency: "USD" });
    return { plan, report: reportImport(plan, "en"), expected };
  };

  it("finds every activity with its quarters as months and its responsible party", async () => {
    const { plan, report, expected } = await read();
    expect(report.activities).toBe(expected.activities.length);
    const found = plan.activities.map(({ code, title, months, responsible, row }) => ({ code, title, months, responsible, row }));
    expect(found).toEqual(expected.activities);
  });

  it("finds every budget line with its donor, account code and amount", async () => {
    const { plan, report, expected } = await read();
    expect(report.budgetLines).toBe(expected.budgetLines.length);
    const codeOf = (key: string) => plan.activities.find((a) => a.key === key)?.code;
    expect(
      plan.lines.map((l) => ({
        row: l.row,
        activityCode: codeOf(l.activityKey),
        fundCode: l.fundCode,
        accountCode: l.accountCode,
        accountLabel: l.accountLabel,
        amount: l.amount,
      })),
    ).toEqual(expected.budgetLines);
    const accounts = [...new Set(plan.lines.map((l) => l.accountCode))].sort();
    expect(accounts).toEqual(expected.accountCodes);
    expect(accounts).toEqual(expect.arrayContaining(["75700", "71300", "GMS"]));
    // "1 699 285,76" (spaces, decimal comma), "35,000", "12 500.50" and numbers all read exactly.
    expect(plan.lines.find((l) => l.accountCode === "75700")?.amount).toBe("1699285.76");
  });

  it("groups activities under their outputs, with each Sub Total as the output's declared figure", async () => {
    const { report, expected } = await read();
    const groups = report.groups.map(({ code, title, row, declared, computed }) => ({ code, title, row, declared, computed }));
    expect(groups).toEqual(
      expected.outputs.map(({ code, title, row, declared, computed }) => ({ code, title, row, declared, computed })),
    );
    expect(report.total).toEqual(expected.total);
  });

  it("reports the disagreeing Sub Total and the missing amount, each at its sheet row, and nothing else as an error", async () => {
    const { report, expected } = await read();
    const mismatch = expected.outputs.find((o) => o.subtotalRow === expected.subtotalMismatchRow);
    expect(mismatch?.declared).not.toBe(mismatch?.computed);
    expect(report.issues.filter((i) => i.code === "SUBTOTAL_MISMATCH")).toEqual([
      expect.objectContaining({ row: expected.subtotalMismatchRow, column: "J", declared: mismatch?.declared, computed: mismatch?.computed }),
    ]);
    expect(report.issues.filter((i) => i.code === "MISSING_AMOUNT")).toEqual([
      expect.objectContaining({ row: expected.missingAmountRow }),
    ]);
    expect(report.issues.filter((i) => i.severity === "error").map((i) => i.code).sort()).toEqual(["MISSING_AMOUNT", "SUBTOTAL_MISMATCH"]);
  });

  it("keeps Grand TOTAL, Funded, Unfunded, TOTAL Budget and the signature block out of the activities", async () => {
    const { plan, expected } = await read();
    const closing = Object.values(expected.closingRows);
    expect(closing).toHaveLength(4);
    for (const row of [...closing, expected.signatureRow, expected.signatureRow + 1, expected.signatureRow + 2]) {
      expect(plan.activities.filter((a) => a.row === row)).toEqual([]);
      expect(plan.lines.filter((l) => l.row === row)).toEqual([]);
      expect(plan.nodes.filter((n) => n.row === row)).toEqual([]);
    }
    for (const o of expected.outputs) {
      expect(plan.activities.filter((a) => a.row === o.row || a.row === o.subtotalRow)).toEqual([]);
    }
    const titles = plan.activities.map((a) => a.title).join("\n");
    expect(titles).not.toMatch(/Funded|Unfunded|TOTAL|Sub Total|Submitted|Approved|Endorsed|Résultat/);
    expect(plan.declaredFunded?.amount).toBe(expected.funded);
    expect(plan.declaredUnfunded?.amount).toBe(expected.unfunded);
    expect(plan.declaredTotal?.amount).toBe(expected.total.declared);
  });

  it("words every finding in French and in English with its row", async () => {
    const { plan, expected } = await read();
    for (const locale of ["fr", "en"] as const) {
      const report: ImportReport = reportImport(plan, locale);
      expect(report.issues.length).toBeGreaterThan(0);
      for (const issue of report.issues) {
        if (issue.row === null) continue;
        expect(plainSpaces(issue.message)).toMatch(locale === "fr" ? new RegExp(`^Ligne ${issue.row}\\b`) : new RegExp(`^Row ${issue.row}\\b`));
      }
      const subtotal = plainSpaces(report.issues.find((i) => i.code === "SUBTOTAL_MISMATCH")?.message ?? "");
      const missing = plainSpaces(report.issues.find((i) => i.code === "MISSING_AMOUNT")?.message ?? "");
      if (locale === "fr") {
        expect(subtotal).toMatch(new RegExp(`^Ligne ${expected.subtotalMismatchRow}, colonne J : Sous-total déclaré 45 500,50`));
        expect(subtotal).toContain("43 500,50");
        expect(missing).toMatch(new RegExp(`^Ligne ${expected.missingAmountRow}\\b.*Montant manquant`));
      } else {
        expect(subtotal).toMatch(new RegExp(`^Row ${expected.subtotalMismatchRow}, column J: Declared sub-total .*45,500\\.50`));
        expect(subtotal).toContain("43,500.50");
        expect(missing).toMatch(new RegExp(`^Row ${expected.missingAmountRow}\\b.*Missing amount`));
      }
    }
  });
});

describe("the official UNDP AWP template, as an .xlsx file", () => {
  /** The template (core's test helper) written by ExcelJS, merges included, and read back as the server reads uploads. */
  async function officialAwpXlsx(options: Parameters<typeof officialAwp>[0] = {}) {
    const built = officialAwp(options);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(built.grid.name);
    built.grid.rows.forEach((cells, r) => cells.forEach((value, c) => {
      if (value !== null) sheet.getCell(r + 1, c + 1).value = value instanceof Date ? value : (value as string | number);
    }));
    for (const m of built.grid.merges ?? []) sheet.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    return { built, bytes: Buffer.from(await workbook.xlsx.writeBuffer()) };
  }

  it("gives 5 outputs with declared sub-totals, 37 activities, 58 lines, and only the missing amount and the 0,24 mismatch", async () => {
    const { built, bytes } = await officialAwpXlsx();
    const plan = await interpret(bytes, "awp-2024.xlsx", { currency: "USD", year: 2024 });
    const report = reportImport(plan, "fr");
    expect(report.groups.map((g) => [g.code, g.declared !== null])).toEqual(["1", "2", "3", "4", "5"].map((c) => [c, true]));
    expect(report.activities).toBe(ACTIVITIES_PER_OUTPUT.reduce((a, b) => a + b, 0));
    expect(report.budgetLines).toBe(58);
    const total = (built.totalCents / 100).toFixed(2);
    expect(report.total).toEqual({ computed: total, declared: total });
    expect(report.issues.filter((i) => i.severity !== "info").map((i) => [i.code, i.row, i.declared, i.computed])).toEqual([
      ["MISSING_AMOUNT", built.missingRow, null, null],
      ["SUBTOTAL_MISMATCH", built.mismatch.row, built.mismatch.declared, built.mismatch.computed],
    ]);
  });

  it("reports a Grand TOTAL that disagrees with the lines", async () => {
    const { bytes } = await officialAwpXlsx({ grandTotalDelta: 100_00 });
    const plan = await interpret(bytes, "awp-2024.xlsx", { currency: "USD", year: 2024 });
    expect(reportImport(plan, "fr").issues.map((i) => i.code)).toContain("TOTAL_MISMATCH");
  });
});
