// The import wizard's preview: sample values under each column, the tree the
// commit will write with a total per row and each finding on the row it is
// about, lines named even when the sheet gives them no label of their own.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Grid } from "./grid.ts";
import { interpretGrid } from "./interpret.ts";
import { previewImport } from "./preview.ts";
import { reportImport } from "./report.ts";

const tsv = (lines: string[]): Grid => ({ name: "PTBA", rows: lines.map((l) => l.split("\t")) });

const PGSM_LIKE = tsv([
  "PTBA 2022 du projet",
  "Activités\tIndicateur\tQTE\tPU\tBudget en FCFA\tResponsable",
  "Composante B : Transparence\t\t\t\t\t",
  "B.1.1 Renforcement du mécanisme\t\t\t\t\t",
  "Atelier de validation\tRapport validé\t2\t1 500 000\t3 000 000\tSP-ITIE",
  "Étude sectorielle\tÉtude publiée\t1\t50 000\t50 000 000\tSP-ITIE",
  "Activité : Formation des communautés\tCommunautés formées\t\t\t\tSP-ITIE",
  "Location de salle\t\t3\t200 000\t600 000\t",
  "Perdiem des participants\t\t48\t25 000\t1 000 000\t",
  "Sous Total B.1.1\t\t\t\t54 600 000\t",
]);

describe("the preview of an import", () => {
  const plan = interpretGrid(PGSM_LIKE, { year: 2022 });

  it("keeps the first different texts under each header, cut short", () => {
    const samples = plan.mapping.samples ?? [];
    expect(samples[0]).toEqual(["Composante B : Transparence", "B.1.1 Renforcement du mécanisme", "Atelier de validation"]);
    expect(samples[2]).toEqual(["2", "1", "3"]);
    expect(samples[5]).toEqual(["SP-ITIE"]);
    const long = interpretGrid(tsv(["Activités\tBudget", `${"Très longue activité ".repeat(10)}\t1000`]));
    expect(long.mapping.samples?.[0]?.[0]).toHaveLength(60);
    expect(long.mapping.samples?.[0]?.[0]?.endsWith("…")).toBe(true);
  });

  it("names a line without a label of its own after its activity; lines with their own text keep it", () => {
    const labels = plan.lines.map((l) => l.description);
    expect(labels).toEqual(["Atelier de validation", "Étude sectorielle", "Location de salle", "Perdiem des participants"]);
  });

  it("gives the tree with a total per group, activity and line, and each finding on its row", () => {
    const preview = previewImport(plan);
    expect(preview.rows.map((r) => [r.kind, r.depth, r.code ?? r.label, r.amount, r.declared])).toEqual([
      ["node", 0, "B", "54600000", null],
      ["node", 1, "B.1.1", "54600000", "54600000"],
      ["activity", 2, "Atelier de validation", "3000000", null],
      ["line", 3, "Atelier de validation", "3000000", null],
      ["activity", 2, "Étude sectorielle", "50000000", null],
      ["line", 3, "Étude sectorielle", "50000000", "50000000"],
      ["activity", 2, "Formation des communautés", "1600000", null],
      ["line", 3, "Location de salle", "600000", null],
      ["line", 3, "Perdiem des participants", "1000000", "1000000"],
    ]);
    expect(preview.omitted).toEqual({ activities: 0, lines: 0 });
    const report = reportImport(plan, "fr");
    const keyOf = new Map(preview.rows.map((r) => [r.key, r.label]));
    const placed = report.issues.filter((i) => i.code === "QTY_PRICE_MISMATCH").map((i) => keyOf.get(i.target ?? ""));
    expect(placed).toEqual(["Étude sectorielle", "Perdiem des participants"]);
  });

  it("shows once a group the sheet names twice (an empty heading row, then the group), as the commit writes one", () => {
    const twin = { ...plan, nodes: [{ ...plan.nodes[0], key: "g0", row: 2 }, ...plan.nodes] as typeof plan.nodes };
    const preview = previewImport(twin);
    expect(preview.rows.filter((r) => r.kind === "node").map((r) => [r.code, r.amount])).toEqual([["B", "54600000"], ["B.1.1", "54600000"]]);
  });

  it("cuts a very large file after the first activities and lines, keeping every group's total", () => {
    const rows = ["Activités\tQTE\tPU\tBudget", "Composante A : Tout", ...Array.from({ length: 50 }, (_, i) => `Activité ${i + 1}\t1\t1000\t1000`)];
    const big = interpretGrid(tsv(rows));
    const preview = previewImport(big, { activities: 10, lines: 5 });
    expect(preview.rows.filter((r) => r.kind === "activity")).toHaveLength(10);
    expect(preview.rows.filter((r) => r.kind === "line")).toHaveLength(5);
    expect(preview.omitted).toEqual({ activities: 40, lines: 45 });
    expect(preview.rows[0]).toMatchObject({ kind: "node", amount: "50000" });
  });
});

describe("the CPS action plan's preview", () => {
  it("shows its objectives, results and activities with PM ones marked", () => {
    const text = readFileSync(new URL("./fixtures/cps-plan-action-2024.txt", import.meta.url), "utf8");
    const plan = interpretGrid({ name: "Plan", rows: text.split(/\r?\n/).map((l) => l.split("\t")) }, { year: 2024 });
    const preview = previewImport(plan);
    expect(preview.rows.filter((r) => r.kind === "activity")).toHaveLength(20);
    expect(preview.rows.filter((r) => r.kind === "activity" && r.noCost).length).toBeGreaterThan(0);
    const top = preview.rows.filter((r) => r.depth === 0).reduce((sum, r) => sum + Number(r.amount), 0);
    expect(top).toBe(71_500_000);
    expect(preview.rows.filter((r) => r.kind === "line").every((r) => r.label !== "")).toBe(true);
  });
});
