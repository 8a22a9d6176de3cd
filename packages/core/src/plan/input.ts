import type { PlanActivityInput, PlanLineInput, PlanNodeInput } from "./types.ts";

// Database rows, API records and imported rows all carry more than the rules
// need; these keep exactly the fields of the plan model.

export function planNodeOf(n: PlanNodeInput): PlanNodeInput {
  return { id: n.id, parentId: n.parentId, level: n.level, code: n.code, title: n.title, position: n.position };
}

export function planActivityOf(a: PlanActivityInput): PlanActivityInput {
  return {
    id: a.id,
    resultNodeId: a.resultNodeId,
    code: a.code,
    title: a.title,
    deadline: a.deadline,
    months: a.months,
    responsible: a.responsible,
    noCost: a.noCost,
    position: a.position,
  };
}

export function planLineOf(l: PlanLineInput): PlanLineInput {
  return {
    id: l.id,
    activityId: l.activityId,
    description: l.description,
    accountCode: l.accountCode,
    accountLabel: l.accountLabel,
    fundCode: l.fundCode,
    quantity: l.quantity,
    unitCost: l.unitCost,
    amount: l.amount,
    funded: l.funded,
    genderSharePercent: l.genderSharePercent,
    position: l.position,
  };
}
