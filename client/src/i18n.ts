/** Translation with i18next: English and German, switchable at run time; more languages are one file each. */
import { signal } from "@preact/signals";
import i18next from "i18next";
import { de } from "./locales/de.ts";
import { en } from "./locales/en.ts";

export const LANGUAGES = { en: "English", de: "Deutsch" } as const;
export type Language = keyof typeof LANGUAGES;

const STORAGE_KEY = "cf.language";
const listeners = new Set<() => void>();

/**
 * The language as a signal: every component that translates or formats a number reads it, so a switch
 * re-renders exactly those components (and keeps what is typed in the others).
 */
const current = signal<Language>("en");

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === "en" || stored === "de") return stored;
  return navigator.language.toLowerCase().startsWith("de") ? "de" : "en";
}

export async function initI18n(): Promise<void> {
  await i18next.init({
    lng: initialLanguage(),
    fallbackLng: "en",
    resources: { en: { translation: en }, de: { translation: de } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
  current.value = i18next.language === "de" ? "de" : "en";
}

/** Translates a key; a missing key shows as the key itself, which the browser tests look for. */
export function t(key: string, params?: Record<string, string | number>): string {
  void current.value;
  return i18next.t(key, params ?? {});
}

export function language(): Language {
  void current.value;
  return i18next.language === "de" ? "de" : "en";
}

export async function setLanguage(lang: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, lang);
  await i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
  current.value = lang;
  for (const l of listeners) l();
}

export function onLanguageChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A number in the current language, with at most `digits` decimals. */
export function num(x: number, digits = 1): string {
  return new Intl.NumberFormat(language(), { maximumFractionDigits: digits }).format(x);
}

/** Large quantities: 1,234,567 -> "1.23M" (German "1,23 Mio."); 44,145 -> "44.1k" ("44,1 Tsd."). */
export function compact(x: number): string {
  const a = Math.abs(x);
  const de = language() === "de";
  if (a >= 1e9) return `${num(x / 1e9, 2)}${de ? " Mrd." : "B"}`;
  if (a >= 1e6) return `${num(x / 1e6, 2)}${de ? " Mio." : "M"}`;
  if (a >= 1e4) return `${num(x / 1e3, 1)}${de ? " Tsd." : "k"}`;
  return num(x, a >= 100 ? 0 : 2);
}

/** Money in $B. */
export function money(billions: number): string {
  return `${num(billions, billions < 10 ? 2 : 0)} ${t("units.$B")}`;
}

/** A turn's label from the rules ("2025 H1") in the player's language ("1. Hj. 2025" in German). */
export function turnLabel(label: string): string {
  const m = /^(\d{4}) H([12])$/.exec(label);
  if (!m) return label;
  return t("match.halfYear", { year: m[1] ?? "", half: m[2] ?? "" });
}
