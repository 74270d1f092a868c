import type { Locale } from '@epw/domain';

/** Vietnamese unless the caller asks for English first. */
export function localeFrom(acceptLanguage: string | string[] | undefined): Locale {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage[0] : acceptLanguage;
  return header?.trim().toLowerCase().startsWith('en') ? 'en' : 'vi';
}
