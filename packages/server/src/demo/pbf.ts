// The Peacebuilding Fund project of the 2020 progress report: its identity and
// results framework (3 outcomes, 6 outputs) and its indicators as the report
// gives them.
import { pbfResultsTable } from "./pbf-indicators.ts";
import type { DemoProject } from "./types.ts";

export const pbf: DemoProject = {
  code: "PBF/MLI/A-2",
  title: "Appui au nouveau cadre politique de gestion de la crise du centre (Mopti et Ségou)",
  organisationCode: "SP-GCC",
  currency: "USD",
  startDate: "2020-01-01",
  endDate: "2021-12-31",
  genderMarker: "GEN1",
  riskMarker: "2",
  sector: "Consolidation de la paix",
  locations: ["Mopti", "Ségou"],
  levelLabels: ["Résultat", "Produit"],
  resultsTable: pbfResultsTable,
  published: true,
  partners: [
    { organisationCode: "PBF", role: "funder" },
    { organisationCode: "PNUD", role: "implementer" },
  ],
  framework: [
    {
      code: "1",
      title:
        "Les instances d'orientation politique, de pilotage et de coordination des actions en matière de consolidation de la paix au niveau central et régional sensibles aux besoins des femmes et des jeunes sont fonctionnelles et fournissent une réponse politique",
      children: [
        {
          code: "1.1",
          title:
            "Le Secrétariat permanent du Cadre Politique de gestion de la crise au centre est renforcé pour assurer une meilleure coordination des actions de consolidation de la paix dans les régions du centre",
        },
        { code: "1.2", title: "Appuyer l'installation effective des comités régionaux" },
      ],
    },
    {
      code: "2",
      title:
        "Les citoyens adhèrent aux mécanismes de gestion de la crise et les perceptions négatives (rumeurs et stéréotypes) sont réduites grâce à une campagne de communication sur le Cadre, un plus grand accès à l'information sur la gestion de la crise et un meilleur partage de l'information entre les niveaux central, régional et local",
      children: [
        {
          code: "2.1",
          title:
            "Les mécanismes d'information et de sensibilisation des populations sur le Cadre politique de gestion de la crise sont renforcées",
        },
        {
          code: "2.2",
          title:
            "Les sondages réguliers sont organisés en vue d'analyser les perceptions des populations sur les efforts de l'Etat en matière de consolidation de la paix",
        },
      ],
    },
    {
      code: "3",
      title:
        "Les cadres de redevabilité incluant les femmes et les jeunes sont créés et renforcés au niveau central et régional pour assurer un suivi citoyen de la mise en œuvre du plan opérationnel du cadre politique de gestion de la crise",
      children: [
        {
          code: "3.1",
          title:
            "La commission paix et sécurité de l'Assemblée Nationale est appuyée dans son rôle de contrôle de l'action gouvernementale en particulier en matière de consolidation de la paix",
        },
        {
          code: "3.2",
          title:
            "Des foras régionaux sont appuyés afin que les acteurs étatiques au niveau local rendent compte sur la gestion de la crise et les actions de consolidation de la paix",
        },
      ],
    },
  ],
};
