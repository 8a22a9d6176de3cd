// The fields of any template laid out from what the server lists: the PBF
// progress report's own fields first, then its two questions per outcome
// under each outcome, in the framework's order.
import { reportFields } from "@baara/core";
import { describe, expect, it } from "vitest";
import { type Field, fieldGroups } from "./fields.ts";

const titles: Record<string, string> = { 1: "Dialogue communautaire", 2: "Participation des femmes" };
const listed = (template: "cps-annual" | "pbf-progress" | "undp-awp", outcomes: string[] = []): Field[] =>
  reportFields(template, outcomes).map((f) => ({
    key: f.key,
    kind: f.kind,
    limit: f.limit,
    label: f.key,
    outcome: f.outcome ? { code: f.outcome, title: titles[f.outcome] ?? "" } : null,
  }));

describe("a report's fields on the screen", () => {
  it("gathers the PBF report's questions per outcome under their outcome, after its own fields", () => {
    const groups = fieldGroups(listed("pbf-progress", ["1", "2"]));
    expect(groups.map((g) => g.outcome?.code ?? null)).toEqual([null, "1", "2"]);
    expect(groups[0]?.fields.map((f) => f.key)).toContain("overallProgress");
    expect(groups[0]?.fields.find((f) => f.key === "genderBudgetSpent")?.kind).toBe("amount");
    expect(groups[1]?.fields.map((f) => [f.key, f.limit])).toEqual([
      ["outcomeSummary.1", 3000],
      ["outcomeGender.1", 1000],
    ]);
    expect(groups[2]?.outcome?.title).toBe("Participation des femmes");
  });

  it("keeps a template without outcomes as one group in its order", () => {
    const fields = listed("undp-awp");
    expect(fieldGroups(fields)).toEqual([{ outcome: null, fields }]);
    expect(fieldGroups(listed("cps-annual"))[0]?.fields.map((f) => f.key)).toEqual([
      "introduction",
      "missions",
      "humanResources",
      "materialResources",
      "difficulties",
      "perspectives",
      "conclusion",
    ]);
  });
});
