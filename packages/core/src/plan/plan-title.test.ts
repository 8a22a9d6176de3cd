import { describe, expect, it } from "vitest";
import { planTitleFromFileName, shownPlanTitle, withoutVersionMarker } from "./plan-title.ts";

describe("plan titles without a second version number", () => {
  it("leaves out a trailing version marker, whatever its spelling", () => {
    expect(withoutVersionMarker("PTBA 2022 v2")).toBe("PTBA 2022");
    expect(withoutVersionMarker("PTBA 2022 V.3")).toBe("PTBA 2022");
    expect(withoutVersionMarker("PTBA 2022 - version 2")).toBe("PTBA 2022");
    expect(withoutVersionMarker("PTBA 2022 (rev 1)")).toBe("PTBA 2022");
    expect(withoutVersionMarker("PTBA 2022 révision 2")).toBe("PTBA 2022");
    expect(withoutVersionMarker("PTBA2022v2")).toBe("PTBA2022");
    expect(withoutVersionMarker("PTBA 2022 v2 (1)")).toBe("PTBA 2022");
  });

  it("keeps what is not a version marker", () => {
    expect(withoutVersionMarker("PTBA 2022 – Composante B")).toBe("PTBA 2022 – Composante B");
    expect(withoutVersionMarker("PTBA 2022")).toBe("PTBA 2022");
    expect(withoutVersionMarker("Plan de la phase 2")).toBe("Plan de la phase 2");
    expect(withoutVersionMarker("Projet PV2")).toBe("Projet PV2");
    expect(withoutVersionMarker("v2")).toBe("v2");
  });

  it("makes a title of a file's name", () => {
    expect(planTitleFromFileName("PTBA 2022 v2.xlsx")).toBe("PTBA 2022");
    expect(planTitleFromFileName("AWP_2024_final_v3.xlsx")).toBe("AWP 2024 final");
    expect(planTitleFromFileName("C:\\Users\\cps\\PTBA-2022-V2.csv")).toBe("PTBA-2022");
    expect(planTitleFromFileName("pgsm-ptba-2022-composante-b.txt")).toBe("pgsm-ptba-2022-composante-b");
    expect(planTitleFromFileName("plan (2).xlsx")).toBe("plan");
    expect(planTitleFromFileName("v2.xlsx")).toBeNull();
    expect(planTitleFromFileName("___.txt")).toBeNull();
  });

  it("shows a title once with its version", () => {
    expect(shownPlanTitle({ title: "PTBA 2022 v2", year: 2022 })).toBe("PTBA 2022");
    expect(shownPlanTitle({ title: "v2", year: 2022 })).toBe("PTBA 2022");
    expect(shownPlanTitle({ title: "", year: 2023 })).toBe("PTBA 2023");
  });
});
