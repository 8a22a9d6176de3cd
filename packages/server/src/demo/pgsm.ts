// PGSM 2022 work plan, component B, as in the project's PTBA. The declared
// figures are kept as they are, including the sector employment study whose
// budget (50 000 000) is not its quantity × unit price (1 × 50 000).
import type { DemoProject } from "./types.ts";

export const pgsm: DemoProject = {
  code: "PGSM",
  title: "Projet de gouvernance du secteur minier",
  organisationCode: "PGSM-UCP",
  currency: "XOF",
  sector: "Mines",
  locations: ["Bamako", "Kayes", "Koulikoro", "Sikasso"],
  levelLabels: ["Composante", "Sous-composante", "Action"],
  partners: [
    { organisationCode: "BM", role: "funder" },
    { organisationCode: "ITIE", role: "responsible" },
  ],
  plan: { year: 2022, title: "PTBA 2022 – Composante B", declaredTotal: "465000000" },
  framework: [
    {
      code: "B",
      title: "Renforcement de la gouvernance et la transparence des revenus des industries extractives",
      declared: "465000000",
      children: [
        {
          code: "B1",
          title: "Amélioration de la transparence des revenus des industries extractives",
          declared: "127000000",
          children: [
            {
              code: "B.1.1",
              title:
                "Renforcement du mécanisme de divulgation des transferts infranationaux afin de renforcer les activités de rapprochement des recettes au niveau des trois autorités locales au Mali (région, cercle et commune)",
              activities: [
                {
                  title: "Amélioration du mécanisme de divulgation des transferts infranationaux",
                  outputIndicator: "Dissiminer les rapport ITIE 2019 et 2020",
                  deadline: "2022-06-30",
                  deadlineText: "fevrier 2022 – juin 2022",
                  months: [1, 2, 3, 6],
                  responsible: "ITIE",
                  comments:
                    "l'atelier de lancement de la campagne de dissémination à Bamako et 19 ateliers repartis entre six (06) équipes de quatre (04) personnes de chaque",
                  lines: [
                    {
                      description: "Dissiminer les rapport ITIE 2019 et 2020",
                      quantity: "1",
                      unitCost: "35000000",
                      amount: "35000000",
                    },
                    {
                      description:
                        "restituer l'étude sur la traçabilité de revenus miniers au niveau des collectivités (Kayes et Sikasso)",
                      quantity: "2",
                      unitCost: "15000000",
                      amount: "30000000",
                    },
                    {
                      description: "multiplier les rapports ITIE et leurs synthèses",
                      quantity: "3000",
                      unitCost: "4000",
                      amount: "12000000",
                    },
                    {
                      description: "produire le rapport ITIE 2021",
                      quantity: "1",
                      unitCost: "50000000",
                      amount: "50000000",
                    },
                  ],
                },
              ],
            },
          ],
        },
        {
          code: "B2",
          title:
            "Promotion de la responsabilité sociale et de la participation directe des citoyens à la gestion des revenus des industries extractives aux niveaux national et local",
          declared: "338000000",
          children: [
            {
              code: "B.2.1",
              title:
                "Réalisation de l'étude de faisabilité technique et la mise en œuvre de l'intégration des données de l'ITIE dans une plate-forme numérique",
              activities: [
                {
                  title: "Réalisation d'une étude sectorielle sur l'emploi généré par le secteur extractif",
                  outputIndicator: "une étude sectorielle sur l'emploi est réalisée",
                  deadline: "2022-10-31",
                  deadlineText: "Oct-22",
                  months: [10],
                  responsible: "ITIE",
                  comments:
                    "recruter le consultant afin d'obtenir l'emploi créer par le secteur extractif au Mali",
                  lines: [
                    {
                      description: "Étude sectorielle sur l'emploi",
                      quantity: "1",
                      unitCost: "50000",
                      amount: "50000000",
                    },
                  ],
                },
                {
                  title:
                    "Réalisation de l'étude de faisabilité technique et la mise en œuvre de l'intégration des données de l'ITIE dans une plate-forme numérique",
                  outputIndicator:
                    "Une étude de faisabilité technique pour l'intégration des données de l'IE dans une plate-forme numérique est réalisée",
                  deadline: "2022-01-31",
                  deadlineText: "janvier 2022",
                  months: [1],
                  responsible: "ITIE",
                  lines: [
                    {
                      description: "Étude de faisabilité technique",
                      quantity: "1",
                      unitCost: "150000000",
                      amount: "150000000",
                    },
                  ],
                },
              ],
            },
            {
              code: "B.2.2",
              title:
                "Sensibilisation du public aux données sur les revenus de l'extraction par le biais de débats sur la gouvernance et la transparence des paiements sociaux, la responsabilité sociale des entreprises et d'autres données contextuelles liées à: le secteur extractif",
              activities: [
                {
                  title:
                    "Organisation d'un atelier élargi aux structures en charge de questions sur la propriété effective à Bamako",
                  outputIndicator:
                    "un atelier élargi aux structures en charge de questions sur la propriété effective est réalisé",
                  deadline: "2022-03-31",
                  deadlineText: "Mar-22",
                  months: [3],
                  responsible: "ITIE",
                  comments:
                    "le Comité de Pilotage avait organiser un actlier qui consiste à identifier, informer et sensibiliser les parties prenentes sur la question de la divulgation de la propriété effective des entreprises effectives au mali, il a été recommandé d'organiser atelier élargi",
                  lines: [
                    { description: "Atelier élargi", quantity: "1", unitCost: "6000000", amount: "6000000" },
                  ],
                },
                {
                  title:
                    "Formation des communautés sur la Norme ITIE 2019 au niveau des zones minières Kayes, Koulikoro et Sikasso",
                  outputIndicator: "Nombre de sessions de formation réalisée",
                  deadline: "2022-03-31",
                  deadlineText: "Mars 2022",
                  months: [3],
                  responsible: "ITIE",
                  comments:
                    "organiser trois (03) ateliers dans les régions de Kayes, Sikasso et Koulikoro en invitant les acteurs (élus, structure techniques,les OSC) à l'ateliers de formation sur la Norme ITIE 2019",
                  lines: [
                    {
                      description: "Ateliers de formation",
                      quantity: "3",
                      unitCost: "4000000",
                      amount: "12000000",
                    },
                  ],
                },
                {
                  title: "Diffusion de la synthèse des rapports 2017, 2018 et 2019 dans les langues locales",
                  outputIndicator:
                    "Nombre de rapports de synthèse ITIE 2019 et 2020 traduits en langues locales",
                  deadline: "2022-03-31",
                  deadlineText: "Mars 2022",
                  months: [3],
                  responsible: "ITIE",
                  comments:
                    "(Faire diffuser dans les langues locales dans les radios locaux en Audios et Vidéo) URTL/Cié USB",
                  lines: [
                    {
                      description: "Synthèses traduites",
                      quantity: "5000",
                      unitCost: "1000",
                      amount: "5000000",
                    },
                  ],
                },
                {
                  title: "Production d'un skech",
                  outputIndicator: "nombre de skech",
                  deadline: "2022-01-31",
                  deadlineText: "Janvier 2022",
                  months: [1],
                  responsible: "ITIE",
                  comments:
                    "Faire un skech sur le processus ITIE en langue nationale afin de faciliter la compréhension au grand public",
                  lines: [
                    {
                      description: "Sketch en langue nationale",
                      quantity: "1",
                      unitCost: "6000000",
                      amount: "6000000",
                    },
                  ],
                },
              ],
            },
            {
              code: "B.2.3",
              title: "Acquisition de matériel roulant",
              activities: [
                {
                  title: "Acquisition de véhicule",
                  outputIndicator: "trois(03) véhicules acquis",
                  deadline: "2022-06-30",
                  deadlineText: "juin 2022",
                  months: [6],
                  responsible: "ITIE",
                  comments:
                    "utiliser les véhicules pour les différentes missions (ateliers de dissémination des rapports ITIE, les formations du CP à l'interieur du Pays et autres...) du SP-ITIE afin d'économiser le fonds de location des véhicules.",
                  lines: [
                    { description: "Véhicules", quantity: "3", unitCost: "30000000", amount: "90000000" },
                  ],
                },
                {
                  title: "Renforcement des capacités des agents du Secrétariat Permanent",
                  outputIndicator: "nombre d'agent formé",
                  deadline: "2022-04-30",
                  deadlineText: "Avril 2022 (10 jours)",
                  months: [3, 4],
                  responsible: "ITIE",
                  comments:
                    "renforcer la capacité des agents du SP-ITIE pour le accomplissement de ses tâches incombées.",
                  lines: [
                    {
                      description: "Système d'archivage et de gestion électronique documentaire",
                      quantity: "1",
                      unitCost: "5000000",
                      amount: "5000000",
                    },
                    {
                      description:
                        "Définition des indicateurs et suivi-évaluation des projets et programme de développement",
                      quantity: "1",
                      unitCost: "5000000",
                      amount: "5000000",
                    },
                    {
                      description:
                        "Gestion budgétaire: planification et contrôle par la mise en place des tableaux de bord de gestion",
                      quantity: "1",
                      unitCost: "5000000",
                      amount: "5000000",
                    },
                    {
                      description: "Acquisition des outils de visio conférence",
                      quantity: "1",
                      unitCost: "4000000",
                      amount: "4000000",
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
  ],
};
