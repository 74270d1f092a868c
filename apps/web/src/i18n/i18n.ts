import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { AppLocale } from '../lib/dates';
import { en } from './en';
import { vi } from './vi';

const STORAGE_KEY = 'epw.lang';

function storedLocale(): AppLocale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** Vietnamese first; English when the user switches (remembered on this device). */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: storedLocale(),
  fallbackLng: 'vi',
  supportedLngs: ['vi', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18n.language;

export function currentLocale(): AppLocale {
  return i18n.language === 'en' ? 'en' : 'vi';
}

export async function switchLocale(locale: AppLocale): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // private mode: the choice lasts for this page only
  }
  document.documentElement.lang = locale;
  await i18n.changeLanguage(locale);
}
