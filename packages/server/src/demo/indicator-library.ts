// Standard indicators the government keeps for its projects (fictitious
// wording in the style of national results frameworks), picked by projects.
import type { api } from "@baara/core";
import type * as z from "zod";

export const demoIndicatorLibrary: { organisationCode: string; indicators: z.input<typeof api.createLibraryIndicator>[] } = {
  organisationCode: "MLI",
  indicators: [
    {
      code: "STD-FORM",
      name: "Nombre de personnes formées, désagrégé par sexe et par âge",
      level: "output",
      measure: "number",
      unit: "personnes",
      cumulative: true,
      definition: "Personnes ayant suivi en entier une formation appuyée par le projet.",
      calculationMethod: "Somme des participants des listes de présence signées, sans doubles comptes.",
      dataSource: "Listes de présence et rapports de formation",
      verificationMeans: "Rapports de formation archivés",
      collectionFrequency: "quarterly",
      responsible: "Chargé de suivi-évaluation",
      dimensions: ["sex", "age"],
    },
    {
      code: "STD-REUN",
      name: "Nombre de réunions de coordination tenues",
      level: "output",
      measure: "number",
      unit: "réunions",
      cumulative: true,
      dataSource: "Comptes rendus de réunion",
      verificationMeans: "Comptes rendus signés",
      collectionFrequency: "quarterly",
      responsible: "Secrétariat du comité",
    },
    {
      code: "STD-FEM",
      name: "Proportion de femmes dans les instances de décision appuyées",
      level: "outcome",
      measure: "percentage",
      unit: "%",
      definition: "Femmes membres ÷ membres des instances appuyées.",
      dataSource: "Actes de nomination",
      collectionFrequency: "annual",
      responsible: "Point focal genre",
    },
  ],
};
