import { describe, expect, it } from "vitest";
import { executionTableRows, type ExecutionTableActivity, type ExecutionTableNode } from "./table.ts";

const nodes: ExecutionTableNode[] = [
  { id: "o1", parentId: null, level: 0, code: "1", title: "Planifier" },
  { id: "r11", parentId: "o1", level: 1, code: "1.1", title: "Plans élaborés" },
  { id: "r12", parentId: "o1", level: 1, code: "1.2", title: "Revues" },
  { id: "o2", parentId: null, level: 0, code: "2", title: "Statistiques" },
  { id: "r21", parentId: "o2", level: 1, code: "2.1", title: "Données produites" },
];
const act = (
  nodeId: string | null,
  code: string,
  status: ExecutionTableActivity["status"],
  extra: Partial<ExecutionTableActivity> = {},
): ExecutionTableActivity => ({
  nodeId,
  code,
  title: `Activité ${code}`,
  status,
  periodText: null,
  observations: null,
  delayReason: null,
  ...extra,
});

describe("executionTableRows", () => {
  it("lays activities under their objective and result, each framework cell spanning its rows", () => {
    const rows = executionTableRows(2, nodes, [
      act("r21", "2.1.1", "not_started", { delayReason: "Contraintes budgétaires" }),
      act("r11", "1.1.1", "done", { periodText: "Du 1er au 31 janvier 2023", observations: "Plan d'actions élaboré" }),
      act("r11", "1.1.2", "done"),
      act("r12", "1.2.1", "in_progress"),
      act(null, "9", "done"),
    ]);
    expect(rows.map((r) => [r.levels, r.spans, r.activity, r.executed, r.period, r.observations])).toEqual([
      [
        ["1. Planifier", "1.1. Plans élaborés"],
        [3, 2],
        "1.1.1. Activité 1.1.1",
        1,
        "Du 1er au 31 janvier 2023",
        "Plan d'actions élaboré",
      ],
      [[null, null], [0, 0], "1.1.2. Activité 1.1.2", 1, "-", ""],
      [[null, "1.2. Revues"], [0, 1], "1.2.1. Activité 1.2.1", 2, "-", ""],
      [["2. Statistiques", "2.1. Données produites"], [1, 1], "2.1.1. Activité 2.1.1", 2, "-", "Contraintes budgétaires"],
      [["", ""], [1, 1], "9. Activité 9", 1, "-", ""],
    ]);
  });

  it("counts only done as executed: reprogrammed, postponed, cancelled and in progress read 2", () => {
    const statuses = ["done", "in_progress", "postponed", "cancelled", "reprogrammed", "not_started"] as const;
    const rows = executionTableRows(
      2,
      nodes,
      statuses.map((s, i) => act("r11", `1.1.${i}`, s)),
    );
    expect(rows.map((r) => r.executed)).toEqual([1, 2, 2, 2, 2, 2]);
  });
});
