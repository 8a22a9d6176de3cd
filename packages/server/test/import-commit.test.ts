// Preview and commit agree: every file whose preview is ready commits into a
// plan with the lines and the total the preview announced, and the tree the
// preview showed (activities, lines with their labels and amounts, in order).
// The files: our layouts, the shared samples, and seeded variants of the PGSM
// sheet (groups and sub-totals repeated, rows duplicated, dropped or moved).
import type { api } from "@baara/core";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestApp, managerOfNewProject, type Session, type TestContext } from "./helpers/app.ts";
import { commitImport, readImport } from "./helpers/imports.ts";
import { awpXlsx, cpsXlsx, PGSM_TSV_LINES, pgsmSampleText, pgsmXlsx } from "./fixtures/workplans.ts";

// The team's shared samples sit beside the repository; a clone elsewhere tests the other files.
const SAMPLES = new URL("../../../../shared/samples/", import.meta.url);

/** A small seeded generator, so that a failing variant can be made again. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Variants of the PGSM sheet a clumsy hand could make: its body twice, rows duplicated, dropped or swapped. */
function pgsmVariants(count: number, seed: number): { label: string; text: string }[] {
  const random = seeded(seed);
  const [header = [], ...body] = PGSM_TSV_LINES.map((line) => line.join("\t"));
  const variants = [
    { label: "the whole body twice", text: [header, ...body, ...body].join("\n") },
    { label: "the sub-total rows twice", text: [header, ...body.flatMap((l) => (/sous-total/i.test(l) ? [l, l] : [l]))].join("\n") },
  ];
  for (let i = 0; i < count; i++) {
    const rows = [...body];
    const edits = 1 + Math.floor(random() * 4);
    for (let e = 0; e < edits; e++) {
      const at = Math.floor(random() * rows.length);
      const kind = Math.floor(random() * 3);
      if (kind === 0) rows.splice(at, 0, rows[at] ?? "");
      else if (kind === 1) rows.splice(at, 1);
      else {
        const other = Math.floor(random() * rows.length);
        [rows[at], rows[other]] = [rows[other] ?? "", rows[at] ?? ""];
      }
    }
    variants.push({ label: `variant ${i + 1} (seed ${seed})`, text: [header, ...rows].join("\n") });
  }
  return variants;
}

type PreviewRow = NonNullable<api.ImportRecord["interpretation"]>["preview"]["rows"][number];

/** Activities in order, each with its total and its lines' labels and amounts. */
function treeOfPreview(rows: PreviewRow[]) {
  return rows
    .filter((r) => r.kind === "activity")
    .map((a) => [a.label, a.amount, rows.filter((l) => l.parentKey === a.key).map((l) => [l.label, l.amount])]);
}

function treeOfContent(content: api.WorkplanContent) {
  const label = (l: api.BudgetLine) => l.description ?? [l.accountLabel, l.accountCode].filter(Boolean).join(" - ");
  return content.activities.map((a) => [a.title, a.total, a.budgetLines.map((l) => [label(l), l.effectiveAmount])]);
}

describe("whatever the preview accepts, the commit writes", () => {
  let ctx: TestContext;
  let manager: Session;
  let projectId: string;
  beforeAll(async () => {
    ctx = await createTestApp("pglite");
    ({ session: manager, projectId } = await managerOfNewProject(ctx));
  });
  afterAll(() => ctx.close());

  async function files(): Promise<{ label: string; name: string; bytes: Buffer }[]> {
    const samples = (existsSync(SAMPLES) ? readdirSync(SAMPLES) : [])
      .filter((f) => f.endsWith(".txt"))
      .map((f) => ({ label: `sample ${f}`, name: f, bytes: readFileSync(new URL(f, SAMPLES)) }));
    return [
      { label: "PGSM text", name: "pgsm.txt", bytes: Buffer.from(pgsmSampleText()) },
      { label: "PGSM workbook", name: "pgsm.xlsx", bytes: await pgsmXlsx() },
      { label: "CPS workbook", name: "cps.xlsx", bytes: await cpsXlsx() },
      { label: "AWP workbook", name: "awp.xlsx", bytes: (await awpXlsx()).buffer },
      { label: "AWP, outputs under activities", name: "awp.xlsx", bytes: (await awpXlsx({ outputColumn: "activities" })).buffer },
      ...samples,
      ...pgsmVariants(12, 20261205).map((v) => ({ label: v.label, name: "variant.txt", bytes: Buffer.from(v.text) })),
    ];
  }

  it("commits every file the preview accepts, with the previewed lines and total", async () => {
    const problems: string[] = [];
    let committed = 0;
    for (const file of await files()) {
      const read = await readImport(ctx.app, manager, projectId, file, { year: "2022" });
      if (read.status !== "ready") continue;
      const report = read.interpretation?.report;
      if (file.label === "the whole body twice" && !report?.issues.some((i) => i.code === "REPEATED_SUBTOTAL")) {
        problems.push(`${file.label}: no REPEATED_SUBTOTAL finding`);
      }
      const record = await commitImport(ctx.app, manager, read.id);
      if (record.status !== "committed" || !record.workplanId) {
        problems.push(`${file.label}: preview ready, commit ${record.status} ${JSON.stringify(record.error)}`);
        continue;
      }
      committed++;
      const [origin] = (await call(ctx.app, manager, { method: "GET", url: `/api/v1/workplans/${record.workplanId}/history` })).json();
      if (origin?.action !== "import" || origin.fileName !== file.name || origin.userId !== manager.userId) {
        problems.push(`${file.label}: history opens with ${JSON.stringify(origin)}`);
      }
      const summary = (await call(ctx.app, manager, { method: "GET", url: `/api/v1/workplans/${record.workplanId}/summary` })).json();
      if (summary.budgetLineCount !== report?.budgetLines || summary.total.computed !== report?.total.computed) {
        problems.push(`${file.label}: previewed ${report?.budgetLines} lines ${report?.total.computed}, wrote ${summary.budgetLineCount} ${summary.total.computed}`);
      }
      const contentUrl = `/api/v1/workplans/${record.workplanId}/content`;
      const content = (await call(ctx.app, manager, { method: "GET", url: contentUrl })).json() as api.WorkplanContent;
      const preview = read.interpretation?.preview;
      if (!preview || preview.omitted.activities > 0) continue;
      const previewed = JSON.stringify(treeOfPreview(preview.rows));
      const written = JSON.stringify(treeOfContent(content));
      if (previewed !== written) problems.push(`${file.label}: previewed ${previewed.slice(0, 400)}\nwrote ${written.slice(0, 400)}`);
      const lines = content.activities.flatMap((a) => a.budgetLines);
      const unnamed = lines.filter((l) => !l.description && !l.accountLabel && !l.accountCode);
      if (unnamed.length > 0) problems.push(`${file.label}: ${unnamed.length} lines written without a label`);
    }
    expect(problems).toEqual([]);
    expect(committed).toBeGreaterThanOrEqual(12);
  });

  it("lists at most 100 findings of a kind in the preview, with the full count of each kind", async () => {
    const rows = Array.from({ length: 250 }, (_, i) => `Activité ${i + 1}\tAtelier ${i + 1}\t\t\t`);
    const text = ["Activités\tDescription\tQTE\tPU\tBudget en FCFA", ...rows].join("\n");
    const file = { name: "sans-montants.txt", bytes: Buffer.from(text) };
    const read = await readImport(ctx.app, manager, projectId, file, { year: "2022" });
    expect(read.status).toBe("ready");
    const report = read.interpretation?.report;
    expect(report?.issues.filter((i) => i.code === "MISSING_AMOUNT")).toHaveLength(100);
    expect(report?.issueCounts).toContainEqual({ code: "MISSING_AMOUNT", severity: expect.any(String), count: 250 });
    const rowsShown = report?.issues.map((i) => i.row ?? 0) ?? [];
    expect(rowsShown).toEqual([...rowsShown].sort((a, b) => a - b));
  });
});
