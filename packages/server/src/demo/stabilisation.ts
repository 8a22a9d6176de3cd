// The stabilisation project's national window, whose technical committee met
// on 21 June 2024 (its minutes are in committees.ts), and its 2024 annual work
// plan in UNDP's layout: outputs ("Résultat 1"), activities with their quarters
// and responsible party, budget lines with a donor code and an Atlas account
// ("Local Consultants - 71300"), 8 % GMS on each activity's costs, amounts in
// dollars and cents. One output's livelihood grants are not funded yet. The
// plan went its whole way: submitted, approved, endorsed.
import type { DemoActivity, DemoLine, DemoProject } from "./types.ts";

const DONOR = "00012";
const QUARTER_MONTHS: Record<number, number[]> = { 1: [1, 2, 3], 2: [4, 5, 6], 3: [7, 8, 9], 4: [10, 11, 12] };

/** An Atlas account line: « Training, Workshops and Confer - 75700 » is its label and code. */
const account = (
  accountLabel: string,
  accountCode: string,
  description: string,
  amount: string,
  funded = true,
): DemoLine => ({
  description,
  accountLabel,
  accountCode,
  fundCode: DONOR,
  amount,
  funded,
});

/** UNDP's general management support: 8 % of the activity's costs, written as the budget gives it. */
const gms = (amount: string, funded = true): DemoLine => ({
  description: "Frais de gestion générale (8 %)",
  accountLabel: "GMS",
  fundCode: DONOR,
  amount,
  funded,
});

const activity = (
  code: string,
  title: string,
  quarters: number[],
  responsible: string,
  lines: DemoLine[],
): DemoActivity => ({
  code,
  title,
  months: quarters.flatMap((q) => QUARTER_MONTHS[q] ?? []),
  responsible,
  lines,
});

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
  plan: {
    year: 2024,
    title: "AWP 2024",
    steps: [
      { action: "submit", by: "editor@baara.example", comment: "Plan de travail soumis au comité technique." },
      { action: "approve", by: "approver@baara.example", comment: "Approuvé par le PNUD." },
      { action: "endorse", by: "manager@baara.example", comment: "Entériné par le comité de pilotage." },
    ],
  },
  framework: [
    {
      code: "1",
      title:
        "La sécurité communautaire et la confiance entre les populations et l'État sont renforcées dans les zones ciblées",
      activities: [
        activity(
          "1.1",
          "Appuyer les réunions des comités locaux de sécurité à Mopti et Douentza",
          [1, 2, 3, 4],
          "PNUD / Gouvernorat de Mopti",
          [
            account("Training, Workshops and Confer", "75700", "Réunions trimestrielles des comités", "45000.00"),
            gms("3600.00"),
          ],
        ),
        activity("1.2", "Réhabiliter et équiper le poste de police de Douentza", [2, 3], "PNUD", [
          account("Contractual Services-Companies", "72100", "Travaux de réhabilitation", "185250.00"),
          gms("14820.00"),
        ]),
        {
          code: "1.3",
          title: "Suivre la mise en œuvre des recommandations du comité technique",
          months: [6, 12],
          responsible: "Unité de gestion du projet",
          noCost: true,
          lines: [],
        },
      ],
    },
    {
      code: "2",
      title: "Les services sociaux de base sont rétablis et accessibles aux populations des zones ciblées",
      activities: [
        activity(
          "2.1",
          "Réhabiliter le centre de santé communautaire de Douentza",
          [2, 3, 4],
          "PNUD / Direction régionale de la santé",
          [
            account("Contractual Services-Companies", "72100", "Travaux de réhabilitation", "210000.00"),
            account("Local Consultants", "71300", "Contrôle et surveillance des travaux", "12500.50"),
            gms("17800.04"),
          ],
        ),
        activity(
          "2.2",
          "Équiper les écoles rouvertes de Mopti en mobilier et matériel didactique",
          [3],
          "PNUD / Académie d'enseignement de Mopti",
          [
            account("Equipment and Furniture", "72200", "Mobilier scolaire et matériel didactique", "48750.25"),
            gms("3900.02"),
          ],
        ),
      ],
    },
    {
      code: "3",
      title: "Les jeunes et les femmes des zones ciblées accèdent à des moyens d'existence durables",
      activities: [
        activity(
          "3.1",
          "Former les jeunes aux métiers porteurs et appuyer leur installation",
          [1, 2, 3, 4],
          "PNUD / ONG partenaires",
          [
            account("Grants", "72600", "Kits d'installation des jeunes formés", "120000.00"),
            account("Local Consultants", "71300", "Formateurs en métiers porteurs", "18000.00"),
            gms("11040.00"),
          ],
        ),
        activity(
          "3.2",
          "Appuyer les activités génératrices de revenus des associations de femmes",
          [4],
          "PNUD / ONG partenaires",
          [account("Grants", "72600", "Fonds de démarrage des associations", "60000.00", false), gms("4800.00", false)],
        ),
      ],
    },
  ],
};
