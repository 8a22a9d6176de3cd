// The CPS/SCI's 2022 and 2023 action plans and their execution, as its 2023
// activity report tells it: Table 3 (22 activities planned, 14 executed), the
// credits (allocated 143 035 000; notified 128 797 500; payment credit
// 128 799 000), committed 98 515 631 (BSI 90 402 501, operating 8 113 130),
// liquidated 54 515 711 with the 44 000 000 vehicle committed but not paid.
// The report gives the cost of some activities only; the others' planned
// costs, the split of the commitments and the 2022 plan (17 activities, 11
// executed: 64,71 %) are illustrative, chosen to add up to the report's figures.
import type { DemoPastPlan } from "./types.ts";

const BUDGET = "Contraintes budgétaires";
const REVIEWS = "Les documents des revues sont élaborés";
const PLANS = "Les plans, projets, programmes, stratégies et politiques du secteur sont élaborés";
const FOLLOWED = "Les projets et programmes de développement sont suivis et évalués";
const STATISTICS = "Les données statistiques fiables sont produites et diffusées";
const SYSTEM = "Le Système d'information sera renforcé";
const VEHICLES = "Le parc auto de la CPS/SCI est renforcé";

export const cps2023: DemoPastPlan = {
  year: 2023,
  title: "Plan d'action 2023",
  approvedBy: "approver@baara.example",
  // The fourth objective of 2023 is not in the 2024 framework.
  newNodes: [{ code: "4", title: "Renforcer le parc auto de la CPS/SCI", children: [{ code: "4.1", title: VEHICLES }] }],
  activities: [
    { node: PLANS, code: "1.1.1", title: "Elaboration du Plan de Travail Annuel (PTA) de la CPS/SCI", cost: "PM", done: "Du 1er au 31 janvier 2023", observations: "Plan d'actions élaboré" },
    { node: PLANS, code: "1.1.2", title: "Organisation des sessions du comité de coordination", cost: 2_000_000, fund: "FONCT", done: "27 janvier 2023", observations: "Rapports disponibles" },
    { node: PLANS, code: "1.1.3", title: "Elaboration et validation du PTA du secteur C.I", cost: 3_000_000, fund: "FONCT", done: "22 au 30 juin 2023", observations: "Le document du plan d'action disponible" },
    { node: PLANS, code: "1.1.4", title: "Préparation de la participation du secteur aux arbitrages", cost: "PM", done: "Du 1er avril au 30 mai 2023", observations: "La note de présentation des projets du secteur est disponible" },
    { node: PLANS, code: "1.1.5", title: "Elaboration du rapport de suivi du plan d'action 2022 du secteur", cost: 4_000_000, fund: "BSI", done: "01 au 15 juin 2023", observations: "Le rapport est disponible" },
    { node: PLANS, code: "1.1.6", title: "Appui à l'actualisation des DPPD-PAP du secteur", cost: "PM", done: "05 mai (MAECI), 13 avril (MMEIA)", observations: "Les rapports sont disponibles" },
    { node: PLANS, code: "1.1.7", title: "Participation aux campagnes d'information et de sensibilisation sur les risques et dangers de la migration irrégulière", cost: 3_500_000, fund: "FONCT", done: "Du 18 au 20 décembre 2023", observations: "La journée des migrants" },
    { node: REVIEWS, code: "1.2.1", title: "Appui à l'élaboration des RAP du secteur", cost: "PM", done: "05 mai (MAECI), 13 avril (MMEIA)", observations: "La CPS a apporté son appui aux départements du secteur" },
    { node: REVIEWS, code: "1.2.2", title: "Organisation de la revue des projets/programmes du secteur", cost: 2_000_000, fund: "BSI", done: "31 mars (MAECI), 13 avril (MMEIA)", observations: "Les documents des revues projets/programmes sont disponibles" },
    { node: REVIEWS, code: "1.2.3", title: "Organisation de la revue sectorielle", cost: 4_000_000, fund: "BSI", done: "18 mai 2023", observations: "Le document de la revue sectorielle est disponible" },
    { node: FOLLOWED, code: "1.3.1", title: "Organisation de (2) missions de suivi des projets dans les MDC", cost: 22_000_000, fund: "BSI", done: "14 au 19 avril 2023, 19 au 25 juin 2023", observations: "2 missions ont été effectuées avec l'appui de la DFM (Caire et Rabat)." },
    { node: FOLLOWED, code: "1.3.2", title: "Participation aux missions de suivi des projets d'insertion et de réinsertion des migrants de retour", cost: 5_000_000, fund: "BSI", status: "not_started", delayReason: BUDGET },
    { node: STATISTICS, code: "2.1.1", title: "Atelier d'échanges et de partage d'expériences sur les normes et standards en matière de qualité des données administratives", cost: 3_535_000, fund: "FONCT", status: "not_started", delayReason: BUDGET },
    { node: STATISTICS, code: "2.1.2", title: "Identification de nouveaux indicateurs assortis de métadonnées et l'amélioration de ceux existants dans l'annuaire statistique", cost: 4_000_000, fund: "FONCT", status: "reprogrammed", delayReason: BUDGET, continuedBy: "5.1.2" },
    { node: STATISTICS, code: "2.1.3", title: "Production et Edition de l'annuaire statistique du secteur", cost: 10_000_000, fund: "BSI", done: "21 décembre 2023", observations: "Le Draft de l'annuaire est disponible" },
    { node: STATISTICS, code: "2.1.4", title: "Revue documentaire sur les projets de développement financés à travers la coopération bilatérale et multilatérale au Mali de 2019 à 2021", cost: 5_000_000, fund: "BSI", status: "reprogrammed", delayReason: BUDGET, continuedBy: "5.1.4" },
    { node: STATISTICS, code: "2.1.5", title: "Déploiement et appropriation de la plateforme sur la migration", cost: 8_000_000, fund: "BSI", status: "reprogrammed", delayReason: BUDGET, continuedBy: "5.1.5" },
    { node: STATISTICS, code: "2.1.6", title: "Production et Edition des bulletins semestriel sur la migration", cost: 6_000_000, fund: "BSI", done: "21 décembre 2023", observations: "Les Draft des bulletins sont disponibles" },
    { node: SYSTEM, code: "3.1.1", title: "Acquisition d'un logiciel d'archivage numérique", cost: 7_000_000, fund: "BSI", status: "reprogrammed", delayReason: BUDGET, continuedBy: "6.1.1" },
    { node: SYSTEM, code: "3.1.2", title: "Numérisation des documents", cost: 4_000_000, fund: "BSI", status: "reprogrammed", continuedBy: "6.1.2" },
    { node: SYSTEM, code: "3.1.3", title: "Mise en place d'une bibliothèque numérique", cost: 6_000_000, fund: "BSI", status: "not_started" },
    { node: VEHICLES, code: "4.1.1", title: "Acquisition d'un véhicule de fonction", cost: 44_000_000, fund: "BSI", done: "-", observations: "Véhicule acquis" },
  ],
  credits: [
    { kind: "allocated", category: "BSI", amount: "127000000" },
    { kind: "allocated", category: "FONCT", amount: "16035000" },
    { kind: "notified", category: "BSI", amount: "120650000" },
    { kind: "notified", category: "FONCT", amount: "8147500" },
    { kind: "payment", category: "BSI", amount: "120650000" },
    { kind: "payment", category: "FONCT", amount: "8149000" },
  ],
  // [activity, committed, liquidated (= paid), date]: the missions' liquidation exceeds its commitment by 80,
  // as the report's liquidated 54 515 711 against 98 515 631 − 44 000 000 committed implies.
  spending: [
    ["1.1.2", 2_000_000, 2_000_000, "2023-01-20"],
    ["1.1.3", 3_000_000, 3_000_000, "2023-06-15"],
    ["1.1.7", 3_113_130, 3_113_130, "2023-12-08"],
    ["1.1.5", 4_000_000, 4_000_000, "2023-05-25"],
    ["1.2.2", 2_000_000, 2_000_000, "2023-03-20"],
    ["1.2.3", 4_000_000, 4_000_000, "2023-05-10"],
    ["1.3.1", 20_402_501, 20_402_581, "2023-04-05"],
    ["2.1.3", 10_000_000, 10_000_000, "2023-11-15"],
    ["2.1.6", 6_000_000, 6_000_000, "2023-11-20"],
    ["4.1.1", 44_000_000, 0, "2023-09-12"],
  ],
  unplanned: [
    { title: "Participation à l'élaboration de la vision 2063 et la stratégie nationale de développement à moyen et long termes", observations: "Ateliers de la Cellule Technique CSLP : fiches de variables, matrice d'analyse, validation des études thématiques" },
    { title: "Participation à l'élaboration du rapport de la revue du CREDD", periodText: "Du 31 août au 1er septembre 2023", observations: "Présidence du sous-groupe Coopération, Intégration et Efficacité de l'aide" },
    { title: "Appui à la tenue de la revue 2022 du Schéma Directeur de la Statistique", periodText: "Du 11 au 12 mai 2023", observations: "Revue tenue en ligne" },
  ],
};

// 2022: 17 activities, 11 executed (64,71 %, the rate the 2023 report compares with).
const done2022 = (node: string, code: string, title: string, cost: number | "PM", when: string) =>
  ({ node, code, title, cost, fund: "BSI" as const, done: when, observations: "Réalisée" });
const notDone2022 = (node: string, code: string, title: string, cost: number) =>
  ({ node, code, title, cost, fund: "BSI" as const, status: "not_started" as const, delayReason: BUDGET });

export const cps2022: DemoPastPlan = {
  year: 2022,
  title: "Plan d'action 2022",
  approvedBy: "approver@baara.example",
  activities: [
    done2022(PLANS, "1.1.1", "Elaboration du Plan de Travail Annuel (PTA) 2022 de la CPS/SCI", "PM", "Janvier 2022"),
    done2022(PLANS, "1.1.2", "Organisation des sessions du comité de coordination", 2_000_000, "Février et juillet 2022"),
    done2022(PLANS, "1.1.3", "Elaboration du PTA 2022 du secteur C.I", 3_000_000, "Juin 2022"),
    done2022(PLANS, "1.1.4", "Préparation de la participation du secteur aux arbitrages", "PM", "Mai 2022"),
    done2022(PLANS, "1.1.5", "Elaboration du rapport de suivi du plan d'action 2021 du secteur", 4_000_000, "Juin 2022"),
    done2022(REVIEWS, "1.2.1", "Appui à l'élaboration des RAP du secteur", "PM", "Avril 2022"),
    done2022(REVIEWS, "1.2.2", "Organisation de la revue des projets/programmes du secteur", 2_000_000, "Mars 2022"),
    done2022(REVIEWS, "1.2.3", "Organisation de la revue sectorielle", 4_000_000, "Mai 2022"),
    notDone2022(FOLLOWED, "1.3.1", "Organisation de missions de suivi des projets dans les MDC", 20_000_000),
    notDone2022(FOLLOWED, "1.3.2", "Participation aux missions de suivi des projets d'insertion des migrants de retour", 5_000_000),
    done2022(STATISTICS, "2.1.1", "Production et Edition de l'annuaire statistique 2021 du secteur", 10_000_000, "Décembre 2022"),
    done2022(STATISTICS, "2.1.2", "Production et Edition des bulletins semestriels sur la migration", 6_000_000, "Juillet et décembre 2022"),
    notDone2022(STATISTICS, "2.1.3", "Atelier sur les normes et standards de qualité des données administratives", 3_500_000),
    notDone2022(STATISTICS, "2.1.4", "Enquête sur les transferts de fonds de la diaspora", 15_000_000),
    done2022(SYSTEM, "3.1.1", "Renouvellement du parc informatique de la CPS/SCI", 12_000_000, "Septembre 2022"),
    notDone2022(SYSTEM, "3.1.2", "Mise en place d'un site web de la CPS/SCI", 8_000_000),
    notDone2022(SYSTEM, "3.1.3", "Acquisition d'un logiciel d'archivage numérique", 7_000_000),
  ],
  credits: [{ kind: "payment", category: "BSI", amount: "95000000" }],
  spending: [
    ["1.1.2", 2_000_000, 2_000_000, "2022-02-10"],
    ["1.1.3", 3_000_000, 3_000_000, "2022-06-10"],
    ["1.1.5", 4_000_000, 4_000_000, "2022-06-20"],
    ["1.2.2", 2_000_000, 2_000_000, "2022-03-15"],
    ["1.2.3", 4_000_000, 4_000_000, "2022-05-12"],
    ["2.1.1", 10_000_000, 10_000_000, "2022-12-05"],
    ["2.1.2", 6_000_000, 6_000_000, "2022-12-12"],
    ["3.1.1", 12_000_000, 12_000_000, "2022-09-20"],
  ],
  unplanned: [],
};
