// Words a Malian planning cell writes its plans with: the generator combines
// them into titles, so that labels have the length and the accents of real ones.
// People are fictitious: first names and family names are drawn apart.

export const FIRST_NAMES = [
  "Aminata",
  "Moussa",
  "Fatoumata",
  "Oumar",
  "Mariam",
  "Seydou",
  "Kadiatou",
  "Boubacar",
  "Awa",
  "Ibrahim",
  "Assitan",
  "Mamadou",
  "Djénéba",
  "Adama",
  "Rokia",
  "Souleymane",
  "Hawa",
  "Bakary",
  "Nana",
  "Yacouba",
  "Salimata",
  "Abdoulaye",
  "Oumou",
  "Lassina",
  "Fanta",
  "Drissa",
  "Bintou",
  "Modibo",
  "Korotoumou",
  "Sidiki",
];

export const FAMILY_NAMES = [
  "Traoré",
  "Coulibaly",
  "Diarra",
  "Keïta",
  "Konaté",
  "Sangaré",
  "Dembélé",
  "Touré",
  "Maïga",
  "Cissé",
  "Sidibé",
  "Doumbia",
  "Bagayoko",
  "Kanté",
  "Diallo",
  "Samaké",
  "Togola",
  "Guindo",
  "Dicko",
  "Sanogo",
];

export const REGIONS = [
  "Kayes",
  "Koulikoro",
  "Sikasso",
  "Ségou",
  "Mopti",
  "Tombouctou",
  "Gao",
  "Kidal",
  "Ménaka",
  "Taoudénit",
  "Bamako",
  "Nioro",
  "Kita",
  "Bougouni",
  "Koutiala",
  "San",
  "Bandiagara",
  "Douentza",
];

export const SECTORS = [
  { code: "sante", label: "santé", ministry: "Ministère de la Santé et du Développement social" },
  { code: "education", label: "éducation", ministry: "Ministère de l'Éducation nationale" },
  { code: "agriculture", label: "agriculture", ministry: "Ministère de l'Agriculture" },
  { code: "eau", label: "eau et assainissement", ministry: "Ministère de l'Énergie et de l'Eau" },
  { code: "gouvernance", label: "gouvernance", ministry: "Ministère de l'Administration territoriale" },
  { code: "environnement", label: "environnement", ministry: "Ministère de l'Environnement" },
  { code: "elevage", label: "élevage et pêche", ministry: "Ministère de l'Élevage et de la Pêche" },
  { code: "infrastructures", label: "infrastructures", ministry: "Ministère des Transports et des Infrastructures" },
  { code: "genre", label: "promotion de la femme", ministry: "Ministère de la Promotion de la Femme" },
  { code: "emploi", label: "emploi des jeunes", ministry: "Ministère de l'Emploi et de la Formation professionnelle" },
] as const;

export const AGENCY_KINDS = [
  "Direction nationale",
  "Direction régionale",
  "Cellule de planification et de statistique",
  "Agence d'exécution",
  "Unité de coordination",
  "Programme national",
];

export const PROJECT_PREFIXES = [
  "Projet d'appui à",
  "Programme de renforcement de",
  "Projet d'amélioration de",
  "Initiative pour",
  "Projet de résilience et de",
  "Programme intégré de",
];

export const OBJECTIVES = [
  "Améliorer l'accès des populations aux services de base",
  "Renforcer les capacités institutionnelles des services déconcentrés",
  "Accroître la production et les revenus des ménages ruraux",
  "Assurer la coordination, le suivi et l'évaluation du programme",
  "Promouvoir la participation des femmes et des jeunes",
  "Améliorer la gouvernance locale et la redevabilité",
  "Réhabiliter et entretenir les infrastructures communautaires",
];

export const RESULTS = [
  "Les agents sont formés et équipés",
  "Les infrastructures sont construites et fonctionnelles",
  "Les comités de gestion sont mis en place et opérationnels",
  "Les données de suivi sont collectées et publiées",
  "Les bénéficiaires ont accès aux intrants",
  "Les textes réglementaires sont élaborés et validés",
  "Les campagnes de sensibilisation sont menées",
  "Les organisations communautaires sont appuyées",
];

export const ACTIONS = [
  "Organiser un atelier de validation",
  "Former les agents",
  "Réaliser une mission de supervision",
  "Acquérir du matériel informatique",
  "Construire un bloc de salles",
  "Réhabiliter un forage",
  "Élaborer le rapport annuel",
  "Tenir la session du comité de pilotage",
  "Organiser une campagne de sensibilisation",
  "Recruter un consultant",
  "Doter en intrants agricoles",
  "Réaliser l'enquête de référence",
  "Appuyer les collectivités",
  "Produire les outils de collecte",
  "Organiser la revue à mi-parcours",
  "Équiper les centres de santé",
  "Former les comités de gestion",
  "Acquérir un véhicule de supervision",
];

export const ACTION_TARGETS = [
  "des cercles de la région",
  "des communes rurales",
  "du niveau central",
  "des services techniques",
  "des organisations de femmes",
  "des écoles communautaires",
  "des centres de santé communautaires",
  "des coopératives agricoles",
  "des partenaires techniques et financiers",
];

/** Budget line descriptions with their economic account (nomenclature budgétaire de l'État). */
export const LINE_KINDS = [
  { description: "Perdiem des participants", account: "6211", unit: "jour", cost: [5_000, 25_000] },
  { description: "Location de salle", account: "6222", unit: "jour", cost: [50_000, 150_000] },
  { description: "Carburant", account: "6031", unit: "litre", cost: [700, 900] },
  { description: "Pause-café et déjeuner", account: "6037", unit: "personne", cost: [3_500, 7_500] },
  { description: "Honoraires du consultant", account: "6324", unit: "homme-jour", cost: [75_000, 250_000] },
  { description: "Fournitures de bureau", account: "6021", unit: "lot", cost: [100_000, 600_000] },
  { description: "Reprographie des documents", account: "6053", unit: "exemplaire", cost: [1_500, 6_000] },
  { description: "Ordinateurs portables", account: "2441", unit: "unité", cost: [450_000, 900_000] },
  { description: "Travaux de construction", account: "2313", unit: "forfait", cost: [5_000_000, 45_000_000] },
  { description: "Location de véhicule", account: "6223", unit: "jour", cost: [35_000, 75_000] },
  { description: "Frais de communication", account: "6261", unit: "mois", cost: [25_000, 100_000] },
] as const;

export const SUPPLIERS = [
  "SOMAGEP SA",
  "Groupe Kéné Services",
  "Entreprise Sahel Bâtiment",
  "Bureau d'études Faso Conseil",
  "Imprimerie du Niger",
  "Station Total Hamdallaye",
  "Hôtel de l'Amitié",
  "Société Malienne d'Informatique",
  "Cabinet Djoliba Audit",
  "Transports Baniko",
];
