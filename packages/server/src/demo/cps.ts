// The 2024 action plan of the CPS/SCI, as presented to its coordination
// committee: costs in thousands of FCFA (stored here in FCFA), "PM" activities
// without cost. The source's chronogram shading did not survive its export to
// text, so the months below are illustrative.
import { cps2022, cps2023 } from "./cps-history.ts";
import type { DemoActivity, DemoProject } from "./types.ts";

const costed = (
  code: string,
  title: string,
  outputIndicator: string,
  thousands: number | "PM",
  months: number[],
  responsible: string,
): DemoActivity => ({
  code,
  title,
  outputIndicator,
  months,
  responsible,
  noCost: thousands === "PM",
  lines: thousands === "PM" ? [] : [{ description: title, amount: String(thousands * 1000) }],
});

const PLANNING = "Unité planification";
const FOLLOW_UP = "Unité Suivi-évaluation";
const STATISTICS = "Unité statistique";
const IT = "Unité Informatique";
const DOCUMENTATION = "Centre de Documentation et Communication";

export const cps: DemoProject = {
  code: "CPS-SCI-PA",
  title: "Plan d'action de la CPS du secteur Coopération et Intégration",
  organisationCode: "CPS-SCI",
  currency: "XOF",
  sector: "Coopération et intégration",
  locations: ["Bamako"],
  levelLabels: ["Objectif", "Résultat"],
  partners: [{ organisationCode: "MAECI", role: "funder" }],
  history: [cps2022, cps2023],
  plan: {
    year: 2024,
    title: "Plan d'action 2024",
    declaredTotal: "71500000",
    steps: [
      { action: "submit", by: "editor@baara.example", comment: "Projet soumis au comité de coordination." },
      { action: "approve", by: "approver@baara.example", comment: "Adopté en première session du comité." },
    ],
  },
  framework: [
    {
      code: "1",
      title:
        "Planifier, suivre, évaluer et analyser des plans, projets, programmes, stratégies et politiques",
      children: [
        {
          code: "1.1",
          title: "Les plans, projets, programmes, stratégies et politiques du secteur sont élaborés",
          activities: [
            costed(
              "1.1.2",
              "Elaboration du Plan de Travail Annuel (PTA) de la CPS/SCI",
              "Plan de Travail Annuel disponible",
              "PM",
              [1],
              PLANNING,
            ),
            costed(
              "1.2.2",
              "Organisation des sessions du comité de coordination",
              "2 sessions organisées",
              4000,
              [1, 7],
              "Unité planification et Unité suivi évaluation",
            ),
            costed(
              "1.2.3",
              "Elaboration et validation du PTA du secteur C.I",
              "Plan de Travail Annuel disponible",
              3000,
              [6],
              PLANNING,
            ),
            costed(
              "1.2.4",
              "Préparation de la participation du secteur aux arbitrages",
              "Nombre de projet financé",
              "PM",
              [4, 5],
              "Unité planification et suivi évaluation",
            ),
            costed(
              "1.2.5",
              "Elaboration du rapport de suivi du plan d'action 2023 du secteur",
              "Document disponible",
              4000,
              [6],
              PLANNING,
            ),
            costed(
              "1.2.6",
              "Appui à l'actualisation des DPPD-PAP du secteur",
              "Documents disponibles",
              "PM",
              [4, 5],
              PLANNING,
            ),
            costed(
              "1.2.7",
              "Participation aux campagnes d'information et de sensibilisation sur les risques et dangers de la migration irrégulière",
              "Nombre de session de sensibilisation participé",
              "PM",
              [12],
              "Toutes les Unités",
            ),
          ],
        },
        {
          code: "1.3",
          title: "Les documents des revues sont élaborés",
          activities: [
            costed(
              "2.2.1",
              "Appui à l'élaboration des RAP du secteur",
              "Nombre de rapport",
              "PM",
              [3, 4],
              "Unité planification, Unité Suivi-évaluation",
            ),
            costed(
              "2.2.2",
              "Organisation de la revue des projets/programmes du secteur",
              "Rapport des revues",
              "PM",
              [3, 4],
              FOLLOW_UP,
            ),
            costed("2.2.3", "Organisation de la revue sectorielle", "Rapport de revue", 4000, [5], FOLLOW_UP),
          ],
        },
        {
          code: "2.3",
          title: "Les projets et programmes de développement sont suivis et évalués",
          activities: [
            costed(
              "2.3.1",
              "Organisation de (2) missions de cadrage et/ou de suivi des projets dans les MDC",
              "Taux de réalisation des missions de suivi",
              15000,
              [4, 6],
              FOLLOW_UP,
            ),
            costed(
              "2.3.2",
              "Participation aux missions de suivi des projets d'insertion et de réinsertion des migrants de retour",
              "Nombre de projets suivis ; rapport de mission",
              "PM",
              [9, 10],
              FOLLOW_UP,
            ),
          ],
        },
      ],
    },
    {
      code: "5",
      title:
        "Coordonner la production des informations statistiques et réaliser des études de base ainsi que la diffusion de leurs résultats",
      children: [
        {
          code: "2.1",
          title: "Les données statistiques fiables sont produites et diffusées",
          activities: [
            costed(
              "5.1.1",
              "Atelier d'échanges et de partage d'expériences sur les normes et standards en matière de qualité des données administratives",
              "Nombre de participants",
              3000,
              [3],
              STATISTICS,
            ),
            costed(
              "5.1.2",
              "Identification de nouveaux indicateurs assortis de métadonnées et l'amélioration de ceux existants dans l'annuaire statistique",
              "Nombre d'indicateurs identifiés",
              2000,
              [5],
              STATISTICS,
            ),
            costed(
              "5.1.3",
              "Production et Edition de l'annuaire statistique du secteur",
              "Document disponible",
              10000,
              [7, 8, 9],
              STATISTICS,
            ),
            costed(
              "5.1.4",
              "Revue documentaire sur les projets de développement financés à travers la coopération bilatérale et multilatérale au Mali de 2019 à 2021",
              "Rapport de l'étude",
              3000,
              [10],
              STATISTICS,
            ),
            costed(
              "5.1.5",
              "Déploiement et appropriation de la plateforme sur la migration",
              "Nombre d'équipement par type ; nombre de formation",
              "PM",
              [2, 3],
              IT,
            ),
            costed(
              "5.1.6",
              "Production et Edition des bulletins semestriel sur la migration",
              "Nombre de bulletin produit",
              12000,
              [6, 12],
              IT,
            ),
          ],
        },
      ],
    },
    {
      code: "6",
      title: "Renforcer le système d'information de la CPS/SCI",
      children: [
        {
          code: "6.1",
          title: "Le Système d'information sera renforcé",
          activities: [
            costed(
              "6.1.1",
              "Acquisition d'un logiciel d'archivage numérique",
              "Logiciel disponible",
              6000,
              [4],
              DOCUMENTATION,
            ),
            costed(
              "6.1.2",
              "Numérisation des documents",
              "Nombre de documents numérisés",
              5500,
              [5, 6, 7, 8, 9],
              DOCUMENTATION,
            ),
          ],
        },
      ],
    },
  ],
};
