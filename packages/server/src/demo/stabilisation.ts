// The stabilisation project's national window, whose technical committee met
// on 21 June 2024 (its minutes are in committees.ts). No plan is loaded for it.
import type { DemoProject } from "./types.ts";

export const stabilisation: DemoProject = {
  code: "STAB-MLI",
  title: "Facilité régionale de stabilisation – Fenêtre nationale du Mali",
  organisationCode: "MMG",
  currency: "USD",
  startDate: "2021-01-01",
  endDate: "2025-12-31",
  sector: "Stabilisation et relèvement",
  locations: ["Mopti", "Douentza"],
  levelLabels: ["Résultat", "Produit"],
  partners: [{ organisationCode: "PNUD", role: "implementer" }],
  framework: [],
};
