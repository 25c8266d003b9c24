// Spanish and English: the language comes from the browser (or the user's last choice) and can be switched.
// Words of the KPI model come from the PDF's own dictionary (src/exports/i18n.ts), so screen and paper agree.
import i18next from 'i18next';
import { useMemo } from 'react';
import { initReactI18next, useTranslation } from 'react-i18next';
import { labelsFor, type ReportLabels } from '@server/exports/i18n';
import { en } from './en';
import { es } from './es';

export const LANGUAGES = ['es', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'incognito.language';

export function detectLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'es' || stored === 'en') return stored;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'es' || base === 'en') return base;
  }
  return 'es';
}

export function initI18n(): typeof i18next {
  const lng = detectLanguage();
  void i18next.use(initReactI18next).init({
    resources: { es: { translation: es }, en: { translation: en } },
    lng,
    fallbackLng: 'es',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  document.documentElement.lang = lng;
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  return i18next;
}

export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  void i18next.changeLanguage(language);
}

/** The current language, narrowed to the two the app speaks. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'es';
}

/** The PDF's words in the current language. */
export function useReportLabels(): ReportLabels {
  const language = useLanguage();
  return useMemo(() => labelsFor(language), [language]);
}
