import { describe, expect, it } from "vitest";
import { ROLE_CAPABILITIES, rolesGranting } from "../access.ts";
import { awaiting, forwardAction, RETURNED } from "./inbox.ts";
import { nextPlanStatus } from "./workflow.ts";

describe("the inbox rules", () => {
  it("waits for approval on submitted plans and for endorsement on approved ones, both from approvers", () => {
    expect(awaiting("approve")).toEqual({ status: "submitted", needs: "plan.approve" });
    expect(awaiting("endorse")).toEqual({ status: "approved", needs: "plan.approve" });
    expect(rolesGranting(awaiting("approve").needs)).toEqual(["approver"]);
    // The platform administrator runs the platform; approving stays with approvers.
    expect(ROLE_CAPABILITIES.platformAdmin).not.toContain("plan.approve");
  });

  it("names each status's step forward, none after endorsement", () => {
    expect(forwardAction("draft")).toBe("submit");
    expect(forwardAction("submitted")).toBe("approve");
    expect(forwardAction("approved")).toBe("endorse");
    expect(forwardAction("endorsed")).toBeNull();
  });

  it("sends a returned plan back to those who write it", () => {
    expect(nextPlanStatus("submitted", RETURNED.lastAction)).toBe(RETURNED.status);
    expect(nextPlanStatus("approved", RETURNED.lastAction)).toBe(RETURNED.status);
    expect(rolesGranting(RETURNED.needs)).toEqual(["admin", "manager", "editor"]);
  });
});
