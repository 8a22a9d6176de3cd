import { describe, expect, it } from "vitest";
import { newVersionOutlook, supersededBy, versionInForce, versionStanding } from "./plan-versions.ts";
import { isPlanEditable, nextStepOf } from "./workflow.ts";

describe("one current plan per year", () => {
  it("puts in force the latest approved or endorsed version", () => {
    expect(versionInForce([])).toBeNull();
    expect(versionInForce([{ planVersion: 1, status: "draft" }, { planVersion: 2, status: "submitted" }])).toBeNull();
    expect(versionInForce([{ planVersion: 1, status: "endorsed" }, { planVersion: 2, status: "draft" }])).toBe(1);
    expect(versionInForce([{ planVersion: 3, status: "approved" }, { planVersion: 1, status: "endorsed" }])).toBe(3);
  });

  it("supersedes every earlier version once a later one is in force", () => {
    expect(supersededBy(1, 2)).toBe(2);
    expect(supersededBy(2, 2)).toBeNull();
    expect(supersededBy(3, 2)).toBeNull();
    expect(supersededBy(1, null)).toBeNull();
    expect(versionStanding(1, 2)).toBe("superseded");
    expect(versionStanding(2, 2)).toBe("inForce");
    expect(versionStanding(3, 2)).toBe("pending");
    expect(versionStanding(1, null)).toBe("pending");
  });

  it("closes a superseded version: no edit, no workflow step", () => {
    expect(isPlanEditable("draft", null)).toBe(true);
    expect(isPlanEditable("draft", 2)).toBe(false);
    expect(nextStepOf("draft", "submit", null)).toBe("submitted");
    expect(nextStepOf("draft", "submit", 2)).toBeNull();
    expect(nextStepOf("submitted", "approve", 3)).toBeNull();
    expect(nextStepOf("approved", "endorse", 3)).toBeNull();
    expect(nextStepOf("approved", "return", 3)).toBeNull();
  });

  it("tells what a new version does to the year's versions: takes the next number, leaves them as they are", () => {
    expect(newVersionOutlook([])).toEqual({ next: 1, existing: [] });
    const outlook = newVersionOutlook([
      { planVersion: 2, status: "draft" },
      { planVersion: 1, status: "approved" },
    ]);
    expect(outlook.next).toBe(3);
    expect(outlook.existing).toEqual([
      { planVersion: 1, status: "approved", standing: "inForce" },
      { planVersion: 2, status: "draft", standing: "pending" },
    ]);
  });
});
