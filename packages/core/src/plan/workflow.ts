import type { Capability } from "../access.ts";

export const PLAN_STATUSES = ["draft", "submitted", "approved", "endorsed"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_ACTIONS = ["submit", "approve", "endorse", "return"] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

const TRANSITIONS: Record<PlanAction, { from: readonly PlanStatus[]; to: PlanStatus; needs: Capability }> = {
  submit: { from: ["draft"], to: "submitted", needs: "plan.submit" },
  approve: { from: ["submitted"], to: "approved", needs: "plan.approve" },
  endorse: { from: ["approved"], to: "endorsed", needs: "plan.approve" },
  return: { from: ["submitted", "approved"], to: "draft", needs: "plan.approve" },
};

/** The status a plan moves to, or null when the action does not apply to its status. */
export function nextPlanStatus(from: PlanStatus, action: PlanAction): PlanStatus | null {
  const rule = TRANSITIONS[action];
  return rule.from.includes(from) ? rule.to : null;
}

export function capabilityForAction(action: PlanAction): Capability {
  return TRANSITIONS[action].needs;
}

/**
 * Only a draft's content changes; a revision is a new version. A draft superseded by a later approved version
 * (see plan-versions.ts) is kept for the record and no longer changes.
 */
export function isPlanEditable(status: PlanStatus, supersededBy: number | null = null): boolean {
  return status === "draft" && supersededBy === null;
}

/**
 * The status a version moves to, or null when the action does not apply: to its status, or at all once a later
 * version of its year is in force (approving or endorsing an older version would make two plans current; returning
 * it would only reopen a draft that no longer changes).
 */
export function nextStepOf(from: PlanStatus, action: PlanAction, supersededBy: number | null): PlanStatus | null {
  return supersededBy === null ? nextPlanStatus(from, action) : null;
}

/** What a visitor who is not a member may see of a published project. */
export function isPlanPublic(status: PlanStatus): boolean {
  return status === "approved" || status === "endorsed";
}
