// The web app's i18next: core's catalogue (messages, statuses, roles, months:
// the words the server uses too) with the screen labels of this app beside it.
import { catalogue } from "@baara/core";
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en.ts";
import { fr } from "./fr.ts";

export type Language = "fr" | "en";
const STORAGE_KEY = "baara.language";

function initialLanguage(): Language {
  const stored = typeof localStorage === "undefined" ? null : localStorage.getItem(STORAGE_KEY);
  return stored === "en" ? "en" : "fr";
}

void i18n.use(initReactI18next).init({
  resources: { fr: { translation: { ...catalogue.fr, ...fr } }, en: { translation: { ...catalogue.en, ...en } } },
  lng: initialLanguage(),
  fallbackLng: "fr",
  interpolation: { escapeValue: false },
  returnObjects: true,
});

export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  return i18n.language === "en" ? "en" : "fr";
}

export default i18n;

/** A finding's kind in words (« Montant manquant »), never its code, whatever code the server sends. */
export function findingKind(t: (key: string) => string, code: string): string {
  const key = `findingKind.${code}`;
  return i18n.exists(key) ? t(key) : t("findingKind.other");
}
