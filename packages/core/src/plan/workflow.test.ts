import { describe, expect, it } from "vitest";
import { capabilityForAction, isPlanEditable, nextPlanStatus } from "./workflow.ts";

describe("plan workflow", () => {
  it("moves draft → submitted → approved → endorsed, and back to draft on return", () => {
    expect(nextPlanStatus("draft", "submit")).toBe("submitted");
    expect(nextPlanStatus("submitted", "approve")).toBe("approved");
    expect(nextPlanStatus("approved", "endorse")).toBe("endorsed");
    expect(nextPlanStatus("submitted", "return")).toBe("draft");
    expect(nextPlanStatus("approved", "return")).toBe("draft");
  });

  it("refuses steps out of order", () => {
    expect(nextPlanStatus("draft", "approve")).toBeNull();
    expect(nextPlanStatus("endorsed", "return")).toBeNull();
    expect(nextPlanStatus("submitted", "submit")).toBeNull();
  });

  it("keeps approving apart from editing", () => {
    expect(capabilityForAction("submit")).toBe("plan.submit");
    expect(capabilityForAction("approve")).toBe("plan.approve");
    expect(isPlanEditable("draft")).toBe(true);
    expect(isPlanEditable("approved")).toBe(false);
  });
});
