import type { DemoOrganisation, DemoUser } from "./types.ts";

export const DEMO_PASSWORD = "baara-demo-2024";

export const demoOrganisations: DemoOrganisation[] = [
  {
    code: "MLI",
    name: "République du Mali",
    kind: "other",
    children: [
      {
        code: "MAECI",
        name: "Ministère des Affaires étrangères et de la Coopération internationale",
        kind: "ministry",
        children: [
          {
            code: "CPS-SCI",
            name: "Cellule de planification et de statistique du secteur Coopération et Intégration",
            kind: "unit",
            children: [
              { code: "CPS-SCI-US", name: "Unité Statistique", kind: "unit" },
              { code: "CPS-SCI-UP", name: "Unité Planification", kind: "unit" },
            ],
          },
        ],
      },
      {
        code: "MMG",
        name: "Ministère des Mines",
        kind: "ministry",
        children: [{ code: "PGSM-UCP", name: "Unité de coordination du PGSM", kind: "unit" }],
      },
      {
        code: "PRIMATURE",
        name: "Primature",
        kind: "ministry",
        children: [
          {
            code: "SP-GCC",
            name: "Secrétariat permanent du cadre politique de gestion de la crise au centre",
            kind: "agency",
          },
        ],
      },
    ],
  },
  { code: "BM", name: "Banque mondiale", kind: "donor" },
  { code: "PBF", name: "Fonds des Nations Unies pour la consolidation de la paix", kind: "donor" },
  { code: "PNUD", name: "Programme des Nations Unies pour le développement – Mali", kind: "partner" },
  { code: "ITIE", name: "Secrétariat permanent de l'ITIE Mali", kind: "agency" },
];

/** Fictitious people, one per role, for the demo only. */
export const demoUsers: DemoUser[] = [
  { email: "admin@baara.example", name: "Awa Sangaré", platformAdmin: true, roles: [] },
  {
    email: "manager@baara.example",
    name: "Moussa Diarra",
    roles: [{ organisationCode: "MLI", role: "manager" }],
  },
  {
    email: "editor@baara.example",
    name: "Fatoumata Keïta",
    roles: [{ organisationCode: "MLI", role: "editor" }],
  },
  {
    email: "approver@baara.example",
    name: "Ibrahim Coulibaly",
    roles: [{ organisationCode: "MLI", role: "approver" }],
  },
  {
    email: "viewer@baara.example",
    name: "Mariam Sidibé",
    roles: [{ organisationCode: "MLI", role: "viewer" }],
  },
  {
    email: "cps.editor@baara.example",
    name: "Oumar Dembélé",
    roles: [{ organisationCode: "CPS-SCI", role: "editor" }],
  },
];
