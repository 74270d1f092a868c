import i18next, { type FormatterModule } from 'i18next';
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

/** Every number in a message in the reader's language: 8,3 in Vietnamese (never "8.3" beside
 * "4,93"). No grouping, so years stay as they are (2026). The app's messages use no named formats
 * (`{{x, number}}`), so this replaces i18next's formatter. */
const localeNumbers: FormatterModule = {
  type: 'formatter',
  init: () => undefined,
  add: () => undefined,
  addCached: () => undefined,
  format: (value: unknown, _format?: string, lng?: string): string =>
    typeof value === 'number'
      ? value.toLocaleString(lng === 'en' ? 'en-US' : 'vi-VN', {
          maximumFractionDigits: 2,
          useGrouping: false,
        })
      : (value as string),
};

/** Vietnamese first; English when the user switches (remembered on this device). */
export const i18n = i18next.createInstance();
void i18n
  .use(initReactI18next)
  .use(localeNumbers)
  .init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng: storedLocale(),
    fallbackLng: 'vi',
    supportedLngs: ['vi', 'en'],
    interpolation: { escapeValue: false, alwaysFormat: true },
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
