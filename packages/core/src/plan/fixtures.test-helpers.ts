import type { PlanActivityInput, PlanInput, PlanLineInput, PlanNodeInput } from "./types.ts";

export function node(id: string, parentId: string | null, level: number, position = 0): PlanNodeInput {
  return { id, parentId, level, code: id, title: id, position };
}

export function activity(id: string, resultNodeId: string | null, extra: Partial<PlanActivityInput> = {}): PlanActivityInput {
  return {
    id,
    resultNodeId,
    code: id,
    title: id,
    deadline: null,
    months: [],
    responsible: null,
    noCost: false,
    position: 0,
    ...extra,
  };
}

export function line(id: string, activityId: string, extra: Partial<PlanLineInput> = {}): PlanLineInput {
  return {
    id,
    activityId,
    description: null,
    accountCode: null,
    accountLabel: null,
    fundCode: null,
    quantity: null,
    unitCost: null,
    amount: null,
    funded: true,
    genderSharePercent: null,
    position: 0,
    ...extra,
  };
}

export function plan(extra: Partial<PlanInput>): PlanInput {
  return {
    currency: "XOF",
    year: 2022,
    fiscalYearStartMonth: 1,
    levelLabels: ["Composante", "Sous-composante", "Action"],
    nodes: [],
    activities: [],
    lines: [],
    declaredTotals: [],
    declaredTotal: null,
    ...extra,
  };
}
