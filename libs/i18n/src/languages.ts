/** The languages MAGIX writes to people in: the consortium's four and English, the default. */
export const LANGUAGES = ['en', 'es', 'it', 'de', 'et'] as const;

export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'en';

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** One of ours for any BCP 47 tag ("es-MX" → es); English for the others and for none. */
export function languageOf(tag: string | null | undefined): Language {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return isLanguage(primary) ? primary : DEFAULT_LANGUAGE;
}

const BY_COUNTRY: Record<string, Language> = { ES: 'es', IT: 'it', DE: 'de', EE: 'et' };

/** The language of an issuer, from its country (ISO 3166-1 alpha-2); English outside the four. */
export const languageOfCountry = (countryCode: string | null | undefined): Language =>
  BY_COUNTRY[countryCode?.toUpperCase() ?? ''] ?? DEFAULT_LANGUAGE;

/** The Intl locale for a language: British English, and each language as spoken in its country. */
const LOCALES: Record<Language, string> = { en: 'en-GB', es: 'es-ES', it: 'it-IT', de: 'de-DE', et: 'et-EE' };

export const intlLocale = (language: Language): string => LOCALES[language];
