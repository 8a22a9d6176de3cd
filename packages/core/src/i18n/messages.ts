// Messages the server and the web app show, in French (default) and English.
// Placeholders {name} are filled from params.
export type Locale = "fr" | "en";

const messages = {
  // API errors
  VALIDATION_ERROR: { fr: "Données invalides.", en: "Invalid data." },
  NOT_FOUND: { fr: "{entity} introuvable.", en: "{entity} not found." },
  FORBIDDEN: { fr: "Vous n'avez pas le droit de faire cela.", en: "You are not allowed to do this." },
  UNAUTHENTICATED: { fr: "Veuillez vous connecter.", en: "Please sign in." },
  INVALID_CREDENTIALS: {
    fr: "Adresse e-mail ou mot de passe incorrect.",
    en: "Wrong e-mail address or password.",
  },
  RATE_LIMITED: {
    fr: "Trop de tentatives de connexion. Réessayez dans {minutes} minutes.",
    en: "Too many sign-in attempts. Try again in {minutes} minutes.",
  },
  CSRF_INVALID: {
    fr: "Jeton de sécurité manquant ou invalide : rechargez la page.",
    en: "Missing or invalid security token: reload the page.",
  },
  VERSION_CONFLICT: {
    fr: "Cet enregistrement a été modifié par quelqu'un d'autre entre-temps. Voici sa version actuelle.",
    en: "Someone else changed this record in the meantime. Here is its current version.",
  },
  DUPLICATE: { fr: "{field} « {value} » existe déjà.", en: "{field} \"{value}\" already exists." },
  INVALID_TRANSITION: {
    fr: "Impossible de passer de l'état « {from} » par l'action « {action} ».",
    en: "Cannot apply \"{action}\" to a plan in state \"{from}\".",
  },
  PLAN_NOT_EDITABLE: {
    fr: "Ce plan est « {status} » : seul un brouillon se modifie. Créez une nouvelle version.",
    en: "This plan is \"{status}\": only a draft can be edited. Create a new version.",
  },
  ORGANISATION_IN_USE: {
    fr: "Cette organisation a encore {children} sous-organisation(s) et {projects} projet(s).",
    en: "This organisation still has {children} sub-organisation(s) and {projects} project(s).",
  },
  WORKPLAN_NOT_DRAFT: {
    fr: "Seul un plan en brouillon peut être supprimé.",
    en: "Only a draft plan can be deleted.",
  },
  INTERNAL: { fr: "Erreur interne du serveur.", en: "Internal server error." },
  // Field problems
  AMOUNT_FORMAT: {
    fr: "Montant invalide : nombre décimal attendu, par exemple 1250000 ou 1250.50.",
    en: "Invalid amount: expected a decimal number such as 1250000 or 1250.50.",
  },
  AMOUNT_PRECISION: {
    fr: "La devise {currency} admet au plus {decimals} décimale(s).",
    en: "Currency {currency} allows at most {decimals} decimal place(s).",
  },
  AMOUNT_NO_DECIMALS: {
    fr: "La devise {currency} n'admet pas de décimales.",
    en: "Currency {currency} takes no decimal places.",
  },
  AMOUNT_RANGE: {
    fr: "Montant trop grand : une ligne ne peut dépasser {max}.",
    en: "Amount too large: one line cannot exceed {max}.",
  },
  PERCENT_INVALID: {
    fr: "Pourcentage invalide : nombre de 0 à 100 attendu.",
    en: "Invalid percentage: expected a number from 0 to 100.",
  },
  INVALID_JSON: {
    fr: "Le corps de la requête n'est pas du JSON valide.",
    en: "The request body is not valid JSON.",
  },
  BODY_TOO_LARGE: { fr: "Requête trop volumineuse.", en: "Request too large." },
  UNSUPPORTED_MEDIA_TYPE: { fr: "Type de contenu non accepté.", en: "Unsupported content type." },
  BAD_REQUEST: { fr: "Requête invalide.", en: "Bad request." },
  PLAN_VERSION_TAKEN: {
    fr: "Une autre version de ce plan vient d'être créée : réessayez.",
    en: "Another version of this plan was just created: try again.",
  },
  AMOUNT_NEGATIVE: { fr: "Le montant ne peut pas être négatif.", en: "The amount cannot be negative." },
  QUANTITY_INVALID: {
    fr: "Quantité invalide : nombre positif avec au plus 3 décimales attendu.",
    en: "Invalid quantity: expected a non-negative number with at most 3 decimals.",
  },
  CURRENCY_UNKNOWN: { fr: "Devise inconnue : {value}.", en: "Unknown currency: {value}." },
  CURRENCY_MISMATCH: {
    fr: "Le projet est en {expected} : la devise {value} n'est pas acceptée.",
    en: "The project uses {expected}: currency {value} is not accepted.",
  },
  NODE_OTHER_PROJECT: {
    fr: "Ce nœud du cadre de résultats appartient à un autre projet.",
    en: "This results-framework node belongs to another project.",
  },
  PLAN_OTHER_PROJECT: {
    fr: "Ce plan de travail appartient à un autre projet : seules les versions d'un même projet se comparent.",
    en: "This work plan belongs to another project: only plans of one project can be compared.",
  },
  CURRENCY_LOCKED: {
    fr: "La devise ne peut plus changer : {count} ligne(s) budgétaire(s) sont saisies dans la devise actuelle.",
    en: "The currency can no longer change: {count} budget line(s) are entered in the current currency.",
  },
  NODE_TOO_DEEP: {
    fr: "Le cadre de résultats de ce projet a {levels} niveau(x) : impossible d'aller plus bas.",
    en: "This project's results framework has {levels} level(s): cannot go deeper.",
  },
  NODE_IN_USE: {
    fr: "{count} activité(s) sont rattachées à ce nœud ou à ses sous-nœuds : déplacez-les d'abord.",
    en: "{count} activit(y/ies) hang under this node or its children: move them first.",
  },
  CURRENT_PASSWORD: {
    fr: "Mot de passe actuel manquant ou incorrect.",
    en: "Current password missing or wrong.",
  },
  NODE_CYCLE: {
    fr: "Un nœud ne peut pas être placé sous lui-même.",
    en: "A node cannot be placed under itself.",
  },
  DATE_ORDER: {
    fr: "La date de fin précède la date de début.",
    en: "The end date is before the start date.",
  },
  MEMBERSHIP_SCOPE: {
    fr: "Indiquez soit une organisation, soit un projet.",
    en: "Give either an organisation or a project.",
  },
  // Plan check findings
  QTY_PRICE_MISMATCH: {
    fr: "Montant déclaré {declared} différent de quantité × prix unitaire = {computed}.",
    en: "Declared amount {declared} differs from quantity × unit cost = {computed}.",
  },
  SUBTOTAL_MISMATCH: {
    fr: "Sous-total déclaré {declared} différent de la somme des lignes {computed}.",
    en: "Declared sub-total {declared} differs from the sum of its lines {computed}.",
  },
  TOTAL_MISMATCH: {
    fr: "Total déclaré {declared} différent de la somme des lignes {computed}.",
    en: "Declared total {declared} differs from the sum of its lines {computed}.",
  },
  MISSING_AMOUNT: {
    fr: "Montant manquant : ni montant, ni quantité et prix unitaire.",
    en: "Missing amount: neither an amount nor a quantity and unit cost.",
  },
  DEADLINE_OUTSIDE_YEAR: {
    fr: "Date limite {deadline} hors de l'exercice ({start} – {end}).",
    en: "Deadline {deadline} is outside the fiscal year ({start} – {end}).",
  },
  TIMEFRAME_AFTER_DEADLINE: {
    fr: "Le chronogramme prévoit des mois après la date limite {deadline}.",
    en: "The timeframe has months after the deadline {deadline}.",
  },
  // Files that cannot be read as a work plan
  EMPTY_FILE: { fr: "Le fichier est vide.", en: "The file is empty." },
  FILE_TOO_LARGE: { fr: "Fichier trop volumineux (au plus {max} Mo).", en: "File too large (at most {max} MB)." },
  ENCRYPTED_OR_OLD_EXCEL: {
    fr: "Classeur protégé par mot de passe ou au format .xls ancien : enregistrez-le en .xlsx sans mot de passe.",
    en: "Password-protected workbook or old .xls format: save it as .xlsx without a password.",
  },
  NOT_A_WORKBOOK: {
    fr: "Ce fichier n'est ni un classeur Excel (.xlsx) ni un texte tabulé ou CSV.",
    en: "This file is neither an Excel workbook (.xlsx) nor tab-separated or CSV text.",
  },
  ZIP_BOMB: {
    fr: "Classeur refusé : son contenu décompressé serait démesuré.",
    en: "Workbook refused: its uncompressed content would be excessive.",
  },
  CORRUPT_WORKBOOK: {
    fr: "Classeur illisible ou tronqué : ouvrez-le dans Excel et enregistrez-le de nouveau.",
    en: "Unreadable or truncated workbook: open it in Excel and save it again.",
  },
  TOO_MANY_ROWS: { fr: "Trop de lignes (au plus {max}).", en: "Too many rows (at most {max})." },
  SHEET_NOT_FOUND: {
    fr: "Feuille « {sheet} » introuvable. Feuilles : {sheets}.",
    en: "Sheet \"{sheet}\" not found. Sheets: {sheets}.",
  },
  NO_HEADER: {
    fr: "Aucune ligne d'en-tête de plan de travail trouvée (Activités, Budget, Responsable…).",
    en: "No work-plan header row found (Activities, Budget, Responsible…).",
  },
  NO_ACTIVITY: {
    fr: "En-tête trouvé mais aucune activité en dessous.",
    en: "Header found but no activity below it.",
  },
  // Import findings
  UNPARSEABLE_NUMBER: { fr: "Nombre illisible : « {text} ».", en: "Unreadable number: \"{text}\"." },
  UNPARSEABLE_DATE: {
    fr: "Date illisible : « {text} » (texte conservé).",
    en: "Unreadable date: \"{text}\" (text kept).",
  },
  UNKNOWN_COLUMN: {
    fr: "Colonne « {header} » non reconnue : ignorée (vous pouvez l'associer à un champ).",
    en: "Column \"{header}\" not recognised: ignored (you can map it to a field).",
  },
  EMPTY_ACTIVITY: {
    fr: "Ligne de budget sans activité au-dessus : ignorée.",
    en: "Budget row with no activity above it: ignored.",
  },
  UNMATCHED_TOTAL: {
    fr: "Sous-total {declared} sans groupe à rapprocher : vérifié nulle part.",
    en: "Sub-total {declared} with no group to match: not checked.",
  },
  NEGATIVE_AMOUNT: { fr: "Montant négatif {declared} : ignoré.", en: "Negative amount {declared}: ignored." },
} as const satisfies Record<string, Record<Locale, string>>;

export type MessageCode = keyof typeof messages;

const entityNames = {
  organisation: { fr: "Organisation", en: "Organisation" },
  user: { fr: "Utilisateur", en: "User" },
  membership: { fr: "Rôle", en: "Role" },
  project: { fr: "Projet", en: "Project" },
  resultNode: { fr: "Nœud du cadre de résultats", en: "Results-framework node" },
  workplan: { fr: "Plan de travail", en: "Work plan" },
  activity: { fr: "Activité", en: "Activity" },
  budgetLine: { fr: "Ligne budgétaire", en: "Budget line" },
  resource: { fr: "Ressource", en: "Resource" },
} as const satisfies Record<string, Record<Locale, string>>;
export type EntityName = keyof typeof entityNames;

export function entityLabel(entity: string, locale: Locale): string {
  return Object.hasOwn(entityNames, entity) ? entityNames[entity as EntityName][locale] : entity;
}

const statusNames: Record<string, Record<Locale, string>> = {
  draft: { fr: "brouillon", en: "draft" },
  submitted: { fr: "soumis", en: "submitted" },
  approved: { fr: "approuvé", en: "approved" },
  endorsed: { fr: "entériné", en: "endorsed" },
};
const actionNames: Record<string, Record<Locale, string>> = {
  submit: { fr: "soumettre", en: "submit" },
  approve: { fr: "approuver", en: "approve" },
  endorse: { fr: "entériner", en: "endorse" },
  return: { fr: "renvoyer pour correction", en: "return for changes" },
};

export function planStatusLabel(status: string, locale: Locale): string {
  return statusNames[status]?.[locale] ?? status;
}

export function planActionLabel(action: string, locale: Locale): string {
  return actionNames[action]?.[locale] ?? action;
}

/** Parameters that name a thing are shown in the reader's language. */
function localiseParam(name: string, value: string, locale: Locale): string {
  if (name === "entity") return entityLabel(value, locale);
  if (name === "status" || name === "from" || name === "to") return planStatusLabel(value, locale);
  if (name === "action") return planActionLabel(value, locale);
  return value;
}

export function isMessageCode(code: string): code is MessageCode {
  return Object.hasOwn(messages, code);
}

export function translate(
  code: MessageCode,
  locale: Locale,
  params: Record<string, string | number> = {},
): string {
  return messages[code][locale].replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in params)) return whole;
    return localiseParam(name, String(params[name]), locale);
  });
}

/** The user's language from an Accept-Language header: French unless English is preferred. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return "fr";
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...rest] = part.trim().split(";");
      const q = rest.find((p) => p.trim().startsWith("q="));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.tag && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith("fr")) return "fr";
    if (tag.startsWith("en")) return "en";
  }
  return "fr";
}
