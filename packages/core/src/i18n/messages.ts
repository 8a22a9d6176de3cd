// Translation of the catalogue (fr.ts, en.ts) through i18next, for the server
// and for core's own reports; the web app loads the same catalogue into its
// own i18next instance. Messages are looked up by stable code.
import i18next from "i18next";
import { en } from "./en.ts";
import { fr } from "./fr.ts";

export const LOCALES = ["fr", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const catalogue = { fr, en } as const;

export type MessageCode = keyof typeof fr.messages;
export type EntityName = keyof typeof fr.entity;
type Params = Record<string, string | number>;

const i18n = i18next.createInstance();
void i18n.init({
  resources: { fr: { translation: fr }, en: { translation: en } },
  lng: "fr",
  fallbackLng: "fr",
  initAsync: false,
  // Messages go into JSON and React, which escape for their own context.
  interpolation: { escapeValue: false },
  returnNull: false,
});

function term(path: string, value: string, locale: Locale): string {
  const key = `${path}.${value}`;
  return i18n.exists(key, { lng: locale }) ? i18n.t(key, { lng: locale }) : value;
}

export const entityLabel = (entity: string, locale: Locale) => term("entity", entity, locale);
export const planStatusLabel = (status: string, locale: Locale) => term("planStatus", status, locale);
export const planActionLabel = (action: string, locale: Locale) => term("planAction", action, locale);

/** Parameters that name a thing are shown in the reader's language, in lower case inside a sentence. */
function localiseParam(name: string, value: string, locale: Locale): string {
  if (name === "entity") return entityLabel(value, locale);
  if (name === "status" || name === "from" || name === "to") return planStatusLabel(value, locale).toLocaleLowerCase(locale);
  if (name === "action") return planActionLabel(value, locale).toLocaleLowerCase(locale);
  if (name === "valueStatus") return term("indicatorValueStatus", value, locale).toLocaleLowerCase(locale);
  if (name === "reviewAction") return term("reviewAction", value, locale).toLocaleLowerCase(locale);
  if (name === "direction") return term("indicatorDirection", value, locale).toLocaleLowerCase(locale);
  if (name === "column") return term("tableColumn", value, locale).toLocaleLowerCase(locale);
  if (name === "importStatus") return term("importStatus", value, locale).toLocaleLowerCase(locale);
  if (name === "recommendationStatus") return term("recommendationStatus", value, locale).toLocaleLowerCase(locale);
  return value;
}

export function isMessageCode(code: string): code is MessageCode {
  return Object.hasOwn(fr.messages, code);
}

export function translate(code: MessageCode, locale: Locale, params: Params = {}): string {
  const values = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, localiseParam(k, String(v), locale)]));
  return i18n.t(`messages.${code}`, { lng: locale, ...values });
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
