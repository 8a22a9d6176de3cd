import { describe, expect, it } from "vitest";
import { checkBudgetRevision } from "./budget-revision.ts";

const cat = (key: string | null, amount: number) => ({ key, label: key, amount });

describe("budget revision and the steering committee (UN PBF: 15 % of a category)", () => {
  it("flags a revision moving 20 % of a category, not one moving 10 %", () => {
    const before = [cat("Personnel", 100_000_00), cat("Formations", 200_000_00)];
    const flagged = checkBudgetRevision(before, [cat("Personnel", 80_000_00), cat("Formations", 220_000_00)]);
    expect(flagged.categories.find((c) => c.key === "Personnel")).toMatchObject({
      moved: -20_000_00,
      share: "20.00",
      needsSteeringCommittee: true,
    });
    expect(flagged.categories.find((c) => c.key === "Formations")).toMatchObject({
      moved: 20_000_00,
      share: "10.00",
      needsSteeringCommittee: false,
    });
    expect(flagged.needsSteeringCommittee).toBe(true);

    const small = checkBudgetRevision(before, [cat("Personnel", 90_000_00), cat("Formations", 210_000_00)]);
    expect(small.categories.map((c) => c.share)).toEqual(["10.00", "5.00"]);
    expect(small.needsSteeringCommittee).toBe(false);
  });

  it("allows exactly the threshold and flags one unit above it", () => {
    expect(checkBudgetRevision([cat("A", 100)], [cat("A", 115)]).needsSteeringCommittee).toBe(false);
    expect(checkBudgetRevision([cat("A", 1000)], [cat("A", 1151)]).needsSteeringCommittee).toBe(true);
  });

  it("flags a category the revision creates and one it empties, and takes another threshold", () => {
    const check = checkBudgetRevision([cat("A", 500)], [cat("B", 500)]);
    expect(check.categories).toEqual([
      { key: "A", label: "A", before: 500, after: 0, moved: -500, share: "100.00", needsSteeringCommittee: true },
      { key: "B", label: "B", before: 0, after: 500, moved: 500, share: null, needsSteeringCommittee: true },
    ]);
    expect(checkBudgetRevision([cat("A", 100)], [cat("A", 125)], "25").needsSteeringCommittee).toBe(false);
  });

  it("adds lines of the same category and keeps those without one together, exactly on large amounts", () => {
    const big = 9_000_000_000_000_00;
    const check = checkBudgetRevision([cat(null, big), cat(null, big)], [cat(null, big * 2 - 1)]);
    expect(check.categories).toHaveLength(1);
    expect(check.categories[0]).toMatchObject({ key: null, moved: -1, share: "0.00", needsSteeringCommittee: false });
  });
});
