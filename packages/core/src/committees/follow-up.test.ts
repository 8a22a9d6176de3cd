import { describe, expect, it } from "vitest";
import { openForFollowUp, renewalRefusal, renewalThread, type FollowedRecommendation } from "./follow-up.ts";

const rec = (id: string, status: FollowedRecommendation["status"], renewedFromId: string | null = null) => ({
  id,
  status,
  renewedFromId,
});

describe("follow-up of recommendations", () => {
  it("follows every open recommendation, not the done, dropped or already renewed ones", () => {
    const all = [
      rec("a", "in_progress"),
      rec("b", "not_started"),
      rec("c", "done"),
      rec("d", "dropped"),
      rec("e", "not_started"),
      rec("e2", "not_started", "e"),
    ];
    expect(openForFollowUp(all).map((r) => r.id)).toEqual(["a", "b", "e2"]);
  });

  it("renews only an open recommendation, once", () => {
    expect(renewalRefusal(rec("a", "in_progress"), [])).toBeNull();
    expect(renewalRefusal(rec("a", "done"), [])).toBe("RECOMMENDATION_CLOSED");
    expect(renewalRefusal(rec("a", "dropped"), [])).toBe("RECOMMENDATION_CLOSED");
    expect(renewalRefusal(rec("a", "not_started"), [rec("a2", "not_started", "a")])).toBe("RECOMMENDATION_RENEWED");
  });

  it("reads a renewal thread oldest first from any of its links", () => {
    const byId = new Map(
      [rec("a", "not_started"), rec("b", "in_progress", "a"), rec("c", "done", "b"), rec("x", "done")].map((r) => [r.id, r]),
    );
    expect(renewalThread("b", byId).map((r) => r.id)).toEqual(["a", "b", "c"]);
    expect(renewalThread("a", byId).map((r) => r.id)).toEqual(["a", "b", "c"]);
    expect(renewalThread("c", byId).map((r) => r.id)).toEqual(["a", "b", "c"]);
    expect(renewalThread("x", byId).map((r) => r.id)).toEqual(["x"]);
    expect(renewalThread("missing", byId)).toEqual([]);
  });
});
