// The words of the demo's committee records: the CPS report's Table 4, and
// the technical committee's minutes of 21 June 2024. The people are
// fictitious; phones and e-mails are placeholders, as in the sample.

/** [recommendation, responsible structures as the report writes them, whether the structure is the MAECI]. */
export const CPS_RECOMMENDATIONS: [string, string, boolean][] = [
  ["Améliorer l'implication de la CPS/SCI dans les missions conjointes et Commissions mixtes", "MAECI et MMEIA", true],
  [
    "Mettre à la disposition de la CPS/SCI des ressources humaines de qualité conformément au cadre organique",
    "DRH/MAECI et MMEIA",
    true,
  ],
  [
    "Impliquer la CPS/SCI dans les différentes missions de suivi des projets financés par les PTFs organisées par la DCM",
    "MAECI/DCM",
    true,
  ],
  ["Renforcer la formation continue des agents de la CPS/SCI et du secteur", "DRH/MAECI et MMEIA, CPS/SCI", true],
  ["Maintenir le budget accordé à la CPS/SCI", "MEF (DNPD et DGB)", false],
];

const PLACEHOLDER = { phone: "00 00 00 00", email: "contact@example.org" };

export const STABILISATION_MEETING = {
  title: "Réunion du comité technique",
  date: "2024-06-21",
  place: "Locaux du Ministère des Mines, Bamako",
  rules:
    "Créé par décision du ministère donnant compétence aux experts désignés ; prépare les sessions du comité de pilotage.",
  context:
    "Dans le cadre de la mise en œuvre du projet Facilité régionale de stabilisation, Fenêtre nationale du Mali, une réunion des membres du comité technique s'est tenue le 21 juin 2024 dans les locaux du Ministère des Mines.\n"
    + "Cette réunion a vu la participation de la partie gouvernementale et de l'équipe technique du projet (Programme des Nations Unies pour le Développement). La liste des participants est jointe en annexe de ce compte rendu.",
  members: [
    { name: "Mamadou Konaté", function: "Directeur national", structure: "DNG/M", role: "chair" as const, ...PLACEHOLDER },
    {
      name: "Aïssata Bagayoko",
      function: "Suivi-évaluation",
      structure: "PNUD",
      role: "secretary" as const,
      ...PLACEHOLDER,
    },
    {
      name: "Boubacar Sanogo",
      function: "Directeur national des frontières",
      structure: "DNF/MATD",
      role: "member" as const,
      ...PLACEHOLDER,
    },
  ],
  agenda: [
    {
      title: "Présentation des résultats de l'exercice 2023 et du PTA 2024",
      minutes: [
        "- Les membres du comité technique ont salué les performances du projet et relevé la nécessité d'utiliser les ressources techniques institutionnelles existantes en renforcement des capacités (leadership, entrepreneuriat, gestion financière, marketing).",
        "- Les réalisations du projet devront être mises en cohérence avec les initiatives nationales (économie sociale et solidaire, protection sociale).",
        "- Pour une meilleure lecture du PTA, faire le point clairement sur les activités réalisées et celles qui n'ont pas pu l'être.",
        "- Le plan de travail 2024 est déjà en exécution sur la base de l'approbation du comité de pilotage régional tenu en mars à Dakar.",
        "- Pour l'extension du projet vers d'autres zones comme Douentza, prendre en compte les critères de choix des régions, dont la dimension sécuritaire.",
      ].join("\n"),
    },
    {
      title: "Organisation du comité de pilotage du projet",
      minutes:
        "- Les participants ont été informés de la lettre adressée par le PNUD au ministère des Affaires étrangères, avec accusé de réception du 16 mai 2024 ; le PNUD attend la confirmation de la date du comité de pilotage. Le président du comité technique et le représentant du ministère de l'Administration territoriale rencontreront ensemble le ministère des Affaires étrangères pour fixer une date. Le suivi de l'organisation du comité de pilotage reste une priorité.",
    },
    {
      title: "Visite de terrain des membres du comité technique",
      minutes:
        "- La visite de terrain, reportée deux fois, aura lieu : il est suggéré d'y envoyer 7 personnes au lieu des 3 prévues, du 22 au 26 juillet 2024.",
    },
    {
      title: "Divers",
      minutes: [
        "- Adopter une approche flexible pour les réunions du comité technique, par exemple des rencontres thématiques.",
        "- Partager un rapport détaillé des réalisations du projet par commune, avec des budgets détaillés.",
        "- Renforcer la communication entre les membres du comité technique ; un groupe WhatsApp informel a été créé.",
        "- La production des comptes rendus des réunions est confiée au staff technique du projet.",
      ].join("\n"),
    },
  ],
  actions: [
    {
      text: "Organisation de la réunion du comité de pilotage : vérifier dans le circuit du ministère des Affaires étrangères l'effectivité de l'envoi de la lettre au ministère destinataire (MATD)",
      responsible: "M. Boubacar Sanogo (DNF/MATD)",
      dueDate: "2024-07-05",
      comment: "L'accusé de réception de la lettre a été partagé avec les membres du comité technique par le PNUD.",
    },
    {
      text: "Préparation de la visite de terrain : réajuster les termes de référence conformément aux orientations de la réunion du 21 juin 2024",
      responsible: "Mme Aïssata Bagayoko (PNUD)",
      dueDate: "2024-07-15",
      comment: "Les ministères vont se concerter et allouer 2 véhicules pour la mission de terrain.",
    },
    {
      text: "Créer un groupe WhatsApp informel pour maintenir la communication entre les membres du comité technique du projet",
      responsible: "Mme Aïssata Bagayoko (PNUD)",
      dueDate: null,
      comment: null,
    },
  ],
  participants: [
    { name: "Mamadou Konaté", function: "Directeur national", structure: "DNG/M", ...PLACEHOLDER },
    { name: "Boubacar Sanogo", function: "Directeur national des frontières", structure: "DNF/MATD", ...PLACEHOLDER },
    { name: "Seydou Camara", function: "Chargé de programme", structure: "DNA/DNPSES", ...PLACEHOLDER },
    { name: "Aïssata Bagayoko", function: "Suivi-évaluation", structure: "PNUD", ...PLACEHOLDER },
    { name: "Mme Fanta Doumbia", function: "Chargée de mission", structure: "Ministère des Mines", ...PLACEHOLDER },
    {
      name: "Jean-Paul Mensah",
      function: "Chargé de stabilisation",
      structure: "PNUD",
      phone: null,
      email: "contact@example.org",
    },
  ],
};
