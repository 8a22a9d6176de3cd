// Reads one plan model back from many layouts (corpus.test-helpers.ts) and checks
// that the import finds exactly the model: groups, activities, lines, amounts to
// the unit, declared figures, and the planted findings, no more.
import { describe, it } from "vitest";
import { formatAmountDecimal } from "../money.ts";
import { type Layout, makeLayout, makeModel, type PlanModel, render, seeded } from "./corpus.test-helpers.ts";
import { interpretGrid } from "./interpret.ts";
import { reportImport } from "./report.ts";

const VARIANTS = Number(process.env.BAARA_CORPUS_VARIANTS) || 300;
const FIRST_SEED = Number(process.env.BAARA_CORPUS_SEED) || 1;

function expectedOf(model: PlanModel, layout: Layout) {
  const money = (minor: number) => formatAmountDecimal(minor, model.currency);
  const lineColumns = layout.columns.includes("line") || layout.columns.includes("fund");
  return {
    groups: model.groups.map((g) => ({
      code: g.code,
      title: g.title,
      declared: money(g.declared),
      computed: money(g.activities.flatMap((a) => a.lines).reduce((s, l) => s + (l.amount ?? 0), 0)),
    })),
    activities: model.groups.flatMap((g) =>
      g.activities.map((a) => ({
        group: g.code,
        code: a.code,
        title: a.title,
        responsible: layout.columns.includes("responsible") ? a.responsible : null,
        months: layout.timeframe === "none" ? [] : a.quarters.flatMap((q) => [q * 3 - 2, q * 3 - 1, q * 3]),
        // A line with neither amount nor text is not on the sheet: its activity has no line.
        lines: a.lines
          .filter((l) => l.amount !== null || lineColumns)
          .map((l) => ({
            text: layout.columns.includes("line") ? l.text : null,
            amount: l.amount === null ? null : money(l.amount),
          })),
      })),
    ),
    total: money(model.declaredTotal),
    findings: [...model.planted].sort(),
  };
}

function actualOf(model: PlanModel, layout: Layout, grid: Parameters<typeof interpretGrid>[0]) {
  const plan = interpretGrid(grid, { currency: model.currency, year: 2024 });
  const report = reportImport(plan, "fr");
  const codeOf = new Map(plan.nodes.map((n) => [n.key, n.code]));
  return {
    groups: report.groups.map((g) => ({ code: g.code, title: g.title, declared: g.declared, computed: g.computed })),
    activities: plan.activities.map((a) => ({
      group: a.nodeKey ? (codeOf.get(a.nodeKey) ?? null) : null,
      code: a.code,
      title: a.title,
      responsible: a.responsible,
      months: a.months,
      lines: plan.lines
        .filter((l) => l.activityKey === a.key)
        .map((l) => ({
          text: layout.columns.includes("line")
            ? (l.description ?? ([l.accountLabel, l.accountCode].filter(Boolean).join(" - ") || null))
            : null,
          amount: l.amount,
        })),
    })),
    total: report.total.declared,
    findings: report.issues.filter((i) => i.severity !== "info").map((i) => i.code).sort(),
    messages: report.issues.map((i) => i.message),
  };
}

/** Where two values part, as "activities.2.lines.0.amount: 1500 ≠ 1600 expected"; null when equal. */
function firstDifference(actual: unknown, expected: unknown, path: string): string | null {
  if (Array.isArray(actual) && Array.isArray(expected)) {
    for (let i = 0; i < Math.max(actual.length, expected.length); i++) {
      const found = firstDifference(actual[i], expected[i], `${path}.${i}`);
      if (found) return `${found} (${actual.length} found, ${expected.length} expected)`;
    }
    return null;
  }
  if (actual && expected && typeof actual === "object" && typeof expected === "object") {
    for (const key of new Set([...Object.keys(actual), ...Object.keys(expected)])) {
      const found = firstDifference((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${path}.${key}`);
      if (found) return found;
    }
    return null;
  }
  return Object.is(actual, expected) ? null : `${path || "result"}: ${JSON.stringify(actual)} found, ${JSON.stringify(expected)} expected`;
}

describe("work-plan import across layouts", () => {
  it(`reads the model back from ${VARIANTS} generated layouts, with exactly the planted findings`, () => {
    const failures: string[] = [];
    for (let seed = FIRST_SEED; seed < FIRST_SEED + VARIANTS; seed++) {
      const rng = seeded(seed);
      const model = makeModel(rng);
      const layout = makeLayout(rng, model);
      const { grid, tsv } = render(model, layout, rng);
      const expected = expectedOf(model, layout);
      let actual: ReturnType<typeof actualOf> | string;
      try {
        actual = actualOf(model, layout, grid);
      } catch (error) {
        actual = String(error);
      }
      const { messages, ...compared } = typeof actual === "string" ? { messages: [] } : actual;
      const difference = firstDifference(typeof actual === "string" ? actual : compared, expected, "");
      if (difference) {
        failures.push(`seed ${seed} (${JSON.stringify(layout)})\n${difference}\n${messages.join("\n")}\n--- sheet (TSV) ---\n${tsv}`);
      }
    }
    if (failures.length > 0) {
      throw new Error(`${failures.length} of ${VARIANTS} layouts read wrong. First one:\n${failures[0]}`);
    }
  });
});
