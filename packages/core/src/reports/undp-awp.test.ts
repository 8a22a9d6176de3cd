import { describe, expect, it } from "vitest";
import type * as api from "../api/index.ts";
import { checkDocument } from "../check/index.ts";
import { reportCellText, reportTables, reportText, type ReportCell } from "./document.ts";
import { type UndpAwpData, undpAwpDocument } from "./undp-awp.ts";

const NBSP = "\u00a0";
const STAMP = { createdAt: "2024-01-10T00:00:00.000Z", updatedAt: "2024-01-10T00:00:00.000Z", version: 1 };

function node(id: string, code: string, title: string, parentId: string | null, position: number): api.ResultNode {
  const level = parentId === null ? 0 : 1;
  return {
    id,
    projectId: "p",
    parentId,
    level,
    levelLabel: ["Résultat", "Produit"][level]!,
    code,
    title,
    position,
    ...STAMP,
  };
}

type Line = [fund: string | null, label: string | null, code: string | null, amount: string, funded?: boolean];

function activity(
  id: string,
  resultNodeId: string | null,
  code: string,
  title: string,
  quarters: number[],
  lines: Line[],
  noCost = false,
): api.Activity {
  return {
    id,
    workplanId: "w",
    resultNodeId,
    code,
    title,
    outputIndicator: null,
    deadline: null,
    deadlineText: null,
    months: quarters.map((q) => q * 3),
    quarters,
    responsible: "PNUD",
    comments: null,
    noCost,
    continuesActivityId: null,
    position: 0,
    total: "0.00",
    budgetLines: lines.map(([fundCode, accountLabel, accountCode, amount, funded = true], position) => ({
      id: `${id}-${position}`,
      activityId: id,
      description: "Ligne",
      accountCode,
      accountLabel,
      fundCode,
      quantity: null,
      unit: null,
      unitCost: null,
      amount,
      computedAmount: null,
      effectiveAmount: amount,
      funded,
      genderSharePercent: null,
      position,
      ...STAMP,
    })),
    ...STAMP,
  };
}

const data: UndpAwpData = {
  template: "undp-awp",
  project: {
    code: "STAB-MLI",
    title: "Facilité régionale de stabilisation – Fenêtre nationale du Mali",
    organisationName: "Ministère des Mines",
    currency: "USD",
    levelLabels: ["Résultat", "Produit"],
  },
  year: 2024,
  plan: {
    workplan: {
      id: "w",
      projectId: "p",
      year: 2024,
      planVersion: 2,
      title: "AWP 2024",
      status: "approved",
      declaredTotal: null,
      copiedFromId: null,
      versionInForce: 2,
      createdAt: STAMP.createdAt,
      updatedAt: STAMP.updatedAt,
      version: 3,
    },
    currency: "USD",
    fiscalYearStartMonth: 1,
    levelLabels: ["Résultat", "Produit"],
    nodes: [
      node("n1", "1", "La sécurité communautaire est renforcée", null, 0),
      node("n2", "2", "Les services sociaux de base sont rétablis", null, 1),
      node("n3", "3", "Les moyens d'existence sont relancés", null, 2),
      node("n21", "2.1", "Les écoles rouvertes sont équipées", "n2", 3),
    ],
    activities: [
      activity(
        "a11",
        "n1",
        "1.1",
        "Appuyer les comités locaux de sécurité",
        [1, 2, 3, 4],
        [
          ["00012", "Training, Workshops and Confer", "75700", "45000.00"],
          ["00012", "GMS", null, "3600.00"],
        ],
      ),
      activity("a12", "n1", "1.2", "Suivre les recommandations du comité technique", [2], [], true),
      activity(
        "a21",
        "n2",
        "2.1",
        "Réhabiliter le centre de santé de Douentza",
        [2, 3],
        [
          ["00012", "Contractual Services-Companies", "72100", "210000.00"],
          ["00012", "Local Consultants", "71300", "12500.50"],
          ["00012", "GMS", null, "17800.04"],
        ],
      ),
      activity(
        "a211",
        "n21",
        "2.1.1",
        "Équiper les écoles rouvertes de Mopti",
        [3],
        [["00012", "Equipment and Furniture", "72200", "48750.25", false]],
      ),
      activity("a0", null, "0.1", "Auditer le projet", [4], [["00012", null, null, "5000.00"]]),
    ],
    declaredTotals: [],
    declaredTotal: null,
    // As the server's plan tree gives them.
    totals: {
      nodes: {
        n1: { total: "48600.00", activityCount: 2 },
        n2: { total: "289050.79", activityCount: 2 },
        n21: { total: "48750.25", activityCount: 1 },
        n3: { total: "0.00", activityCount: 0 },
      },
      total: "342650.79",
      funded: "293900.54",
      unfunded: "48750.25",
    },
  },
};

const narrative = {
  submittedBy: "Adama Sissoko, coordonnateur du projet",
  submittedOn: "2024-01-15",
  approvedBy: "Kadiatou Maïga, représentante résidente adjointe",
  approvedOn: "fin janvier 2024",
};

const amount = (cell: ReportCell | undefined) => (typeof cell === "object" ? cell.value : null);
const cents = (decimal: string) => BigInt(decimal.replace(".", ""));

describe("the UNDP annual work plan", () => {
  const document = undpAwpDocument(data, narrative, "fr");
  const [plan, signatures] = reportTables(document);
  const rows = plan!.rows;
  const text = (row: number) => rows[row]!.cells.map(reportCellText);

  it("is one landscape section: title, the plan, its table and the signature block", () => {
    expect(document.sections).toHaveLength(1);
    expect(document.sections[0]!.landscape).toBe(true);
    expect(document.sections[0]!.blocks.slice(0, 3).map((b) => ("text" in b ? b.text : b.kind))).toEqual([
      "Plan de travail annuel 2024",
      "STAB-MLI — Facilité régionale de stabilisation – Fenêtre nationale du Mali (USD)",
      "AWP 2024, version 2 (approuvé)",
    ]);
    expect(document.fileStem).toBe("STAB-MLI-AWP-2024");
  });

  it("has the AWP's columns", () => {
    expect(plan!.columns.map((c) => c.header)).toEqual([
      "EXPECTED OUTPUTS",
      "PLANNED ACTIVITIES",
      "Q1",
      "Q2",
      "Q3",
      "Q4",
      "RESPONSIBLE PARTY",
      "Donor code",
      "Budget Description",
      "Amount (USD)",
    ]);
    expect(plan!.columns.reduce((sum, c) => sum + c.width, 0)).toBe(100);
  });

  it("gives each budget line a row; the first carries the output, the activity, its quarters and responsible party", () => {
    expect(text(0)).toEqual([
      "Résultat 1 : La sécurité communautaire est renforcée",
      "1.1. Appuyer les comités locaux de sécurité",
      "X",
      "X",
      "X",
      "X",
      "PNUD",
      "00012",
      "Training, Workshops and Confer - 75700",
      `45${NBSP}000,00`,
    ]);
    expect(text(1)).toEqual(["", "", "", "", "", "", "", "00012", "GMS", `3${NBSP}600,00`]);
    // An activity without cost shows PM.
    expect(text(2)).toEqual([
      "",
      "1.2. Suivre les recommandations du comité technique",
      "",
      "X",
      "",
      "",
      "PNUD",
      "",
      "",
      "PM",
    ]);
    expect(rows[5]!.cells[8]).toBe("Local Consultants - 71300");
    expect(rows[5]!.cells[9]).toEqual({ text: `12${NBSP}500,50`, value: "12500.50", kind: "amount", currency: "USD" });
  });

  it("closes each output with its Sub Total, its sub-levels' activities included, and leaves out an output without activity", () => {
    const labels = rows.map((r) => reportCellText(r.cells[1]!));
    expect(labels.filter((l) => l === "Sub Total")).toHaveLength(2);
    const subtotals = rows.filter((r) => r.style === "subtotal").map((r) => amount(r.cells[9]));
    expect(subtotals).toEqual(["48600.00", "289050.79"]);
    expect(labels).toContain("2.1.1. Équiper les écoles rouvertes de Mopti");
    expect(labels.indexOf("2.1.1. Équiper les écoles rouvertes de Mopti")).toBeLessThan(labels.lastIndexOf("Sub Total"));
    expect(rows.some((r) => reportCellText(r.cells[0]!).startsWith("Résultat 3"))).toBe(false);
    expect(text(3)[1]).toBe("Sub Total");
    expect(text(4)[0]).toBe("Résultat 2 : Les services sociaux de base sont rétablis");
  });

  it("ends with Grand TOTAL, Funded, Unfunded and TOTAL Budget: the sub-totals and the unplaced lines make the grand total", () => {
    const closing = rows.filter((r) => r.style === "total").map((r) => [r.cells[1], amount(r.cells[9])]);
    expect(closing).toEqual([
      ["Grand TOTAL", "342650.79"],
      ["Funded", "293900.54"],
      ["Unfunded", "48750.25"],
      ["TOTAL Budget", "342650.79"],
    ]);
    const loose = rows.find((r) => r.cells[1] === "0.1. Auditer le projet")!;
    expect(rows.indexOf(loose)).toBeGreaterThan(rows.findLastIndex((r) => r.style === "subtotal"));
    const parts = [...rows.filter((r) => r.style === "subtotal"), loose].map((r) => cents(amount(r.cells[9])!));
    expect(parts.reduce((a, b) => a + b, 0n)).toBe(cents("342650.79"));
  });

  it("lays the server's totals out as given: it adds nothing up itself", () => {
    const totals = { ...data.plan!.totals, total: "1.00" };
    const other = undpAwpDocument({ ...data, plan: { ...data.plan!, totals } }, narrative, "fr");
    const grand = reportTables(other)[0]!.rows.find((r) => r.cells[1] === "Grand TOTAL")!;
    expect(amount(grand.cells[9])).toBe("1.00");
  });

  it("signs off with who submitted, approved and endorsed it, and when", () => {
    expect(signatures!.rows.map((r) => r.cells)).toEqual([
      ["Soumis par", "Adama Sissoko, coordonnateur du projet", `15${NBSP}janvier${NBSP}2024`, ""],
      ["Approuvé par", "Kadiatou Maïga, représentante résidente adjointe", "fin janvier 2024", ""],
      ["Entériné par", "", "", ""],
    ]);
    expect(signatures!.sheet).not.toBe(plan!.sheet);
  });

  it("says so when the year has no plan, and still carries the signature block", () => {
    const none = undpAwpDocument({ ...data, plan: null }, {}, "fr");
    expect(reportTables(none).map((t) => t.sheet)).toEqual(["Signatures"]);
    expect(reportText(none)).toContain("Aucun plan de travail n'est enregistré pour 2024.");
  });

  it("writes English figures on request", () => {
    const english = reportTables(undpAwpDocument(data, narrative, "en"))[0]!;
    expect(english.rows[0]!.cells[0]).toBe("Résultat 1: La sécurité communautaire est renforcée");
    expect(reportCellText(english.rows[5]!.cells[9]!)).toBe("12,500.50");
  });

  it("holds no slip between its words and its figures", () => {
    expect(checkDocument(reportText(document))).toEqual([]);
    expect(checkDocument(reportText(undpAwpDocument(data, narrative, "en")))).toEqual([]);
  });
});
