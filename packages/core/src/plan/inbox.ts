// What a person's inbox holds: plans waiting for a workflow step that their
// role takes (approve a submitted plan, endorse an approved one), and drafts
// sent back to be corrected. The server builds its SQL from these rules; the
// web app shows one section per kind.
import type { Capability } from "../access.ts";
import { capabilityForAction, nextPlanStatus, type PlanAction, type PlanStatus, PLAN_STATUSES } from "./workflow.ts";

/** Plans to approve, plans to endorse, drafts returned for corrections. */
export const INBOX_KINDS = ["approve", "endorse", "returned"] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];
/** The kinds that wait for a step forward, named after that step. */
export type AwaitedStep = Exclude<InboxKind, "returned">;

/** The step that moves a plan of this status forward (returning is a step back), or null at the end. */
export function forwardAction(status: PlanStatus): PlanAction | null {
  return (["submit", "approve", "endorse"] as const).find((action) => nextPlanStatus(status, action) !== null) ?? null;
}

/** Which plans wait for a step, and who takes it: the status they are in and the capability the step needs. */
export function awaiting(step: AwaitedStep): { status: PlanStatus; needs: Capability } {
  const status = PLAN_STATUSES.find((s) => forwardAction(s) === step);
  if (!status) throw new Error(`no status leads to ${step}`);
  return { status, needs: capabilityForAction(step) };
}

/**
 * A draft is back in its writers' hands when its latest step returned it:
 * it shows in the inbox of those who may edit it and of whoever submitted it.
 */
export const RETURNED = { status: "draft", lastAction: "return", needs: "plan.edit" } as const satisfies {
  status: PlanStatus;
  lastAction: PlanAction;
  needs: Capability;
};
