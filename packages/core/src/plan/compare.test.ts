import { describe, expect, it } from "vitest";
import { comparePlans } from "./compare.ts";
import { planTree } from "./rollup.ts";
import { activity, line, node, plan } from "./fixtures.test-helpers.ts";

const nodes = [node("B", null, 1), node("B1", "B", 2), node("B2", "B", 2, 1)];

const base = plan({
  nodes,
  activities: [activity("a1", "B1"), activity("a2", "B2", { position: 1 }), activity("a3", "B2", { position: 2 })],
  lines: [
    line("l1", "a1", { quantity: "2", unitCost: "1000" }),
    line("l2", "a2", { amount: "5000" }),
    line("l3", "a3", { amount: "700" }),
  ],
});

// The revision has its own ids, as a copied plan does.
const revision = plan({
  nodes,
  activities: [
    activity("x1", "B1", { code: "a1", title: "a1" }),
    activity("x2", "B2", { code: "a2", title: "a2", position: 1 }),
    activity("x4", "B2", { code: "a4", title: "a4", position: 3 }),
  ],
  lines: [
    line("m1", "x1", { quantity: "3", unitCost: "1000" }),
    line("m2", "x2", { amount: "5000" }),
    line("m2b", "x2", { amount: "250", position: 1 }),
    line("m4", "x4", { amount: "100" }),
  ],
});

describe("comparePlans", () => {
  const result = comparePlans(planTree(base), planTree(revision));

  it("gives the total and per-node budget difference", () => {
    expect(result.total).toEqual({ base: 7700, other: 8350, difference: 650 });
    const byCode = Object.fromEntries(result.nodes.map((n) => [n.code, [n.base, n.other, n.difference]]));
    expect(byCode).toEqual({ B: [7700, 8350, 650], B1: [2000, 3000, 1000], B2: [5700, 5350, -350] });
  });

  it("lists added, removed and changed lines, matching activities by node, code and title", () => {
    const summary = result.lines.map((l) => [l.kind, l.activityTitle, l.base, l.other, l.changes.map((c) => c.field)]);
    expect(summary).toEqual([
      ["changed", "a1", 2000, 3000, ["quantity"]],
      ["added", "a2", null, 250, []],
      ["removed", "a3", 700, null, []],
      ["added", "a4", null, 100, []],
    ]);
  });

  it("finds nothing between a plan and its copy", () => {
    const same = comparePlans(planTree(base), planTree(base));
    expect(same.lines).toEqual([]);
    expect(same.total.difference).toBe(0);
  });
});

describe("comparePlans, lines of one activity", () => {
  const described = (id: string, description: string, amount: string, position: number) =>
    line(id, id.startsWith("l") ? "a1" : "x1", { description, amount, position });
  const before = plan({
    nodes,
    activities: [activity("a1", "B1")],
    lines: [
      described("l1", "A", "100", 0),
      described("l2", "B", "200", 1),
      described("l3", "C", "300", 2),
      described("l4", "D", "400", 3),
    ],
  });

  // A copy keeps its lines' positions; an imported version numbers them afresh.
  it.each([
    ["a copy", [0, 2, 3]],
    ["an import", [0, 1, 2]],
  ])("reports a line removed from the middle alone, in %s", (_, [p0, p1, p2]) => {
    const after = plan({
      nodes,
      activities: [activity("x1", "B1", { code: "a1", title: "a1" })],
      lines: [described("m1", "A", "100", p0 ?? 0), described("m3", "C", "350", p1 ?? 0), described("m4", "D", "400", p2 ?? 0)],
    });
    const result = comparePlans(planTree(before), planTree(after));
    expect(result.lines.map((l) => [l.kind, l.description, l.changes.map((c) => c.field), l.base, l.other])).toEqual([
      ["removed", "B", [], 200, null],
      ["changed", "C", ["amount"], 300, 350],
    ]);
    expect(comparePlans(planTree(after), planTree(before)).lines.map((l) => [l.kind, l.description])).toEqual([
      ["changed", "C"],
      ["added", "B"],
    ]);
  });
});

describe("comparePlans, what changed on a line", () => {
  const before = plan({
    nodes,
    activities: [activity("a1", "B1", { code: "1.1", title: "Atelier de validation" })],
    lines: [line("l1", "a1", { description: "Location de salle", accountCode: "6132", quantity: "2", unitCost: "150000" })],
  });
  const after = plan({
    nodes,
    activities: [activity("x1", "B1", { code: "1.1", title: "Atelier de validation" })],
    lines: [line("m1", "x1", { description: "Location de salle et sonorisation", accountCode: "6132", quantity: "2", unitCost: "175000", funded: false })],
  });

  it("gives each changed field its own before and after, with the line's code and label", () => {
    const [change] = comparePlans(planTree(before), planTree(after)).lines;
    expect(change).toEqual({
      kind: "changed",
      activityCode: "1.1",
      activityTitle: "Atelier de validation",
      accountCode: "6132",
      description: "Location de salle et sonorisation",
      changes: [
        { field: "description", before: "Location de salle", after: "Location de salle et sonorisation" },
        { field: "unitCost", before: "150000", after: "175000" },
        { field: "funded", before: "true", after: "false" },
      ],
      base: 300000,
      other: 350000,
    });
  });

  it("reports a label-only change without any amount field", () => {
    const relabelled = plan({ ...before, lines: [{ ...before.lines[0]!, description: "Salle" }] });
    const [change] = comparePlans(planTree(before), planTree(relabelled)).lines;
    expect(change?.changes).toEqual([{ field: "description", before: "Location de salle", after: "Salle" }]);
    expect(change?.base).toBe(change?.other);
  });
});
