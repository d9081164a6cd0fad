import i18next, { i18n as I18n } from 'i18next';
import { catalogs } from './catalogs';
import { DEFAULT_LANGUAGE, Language, LANGUAGES } from './languages';

const NAMESPACE = 'magix';

/** One instance for the server, initialised synchronously from the compiled-in catalogs. */
const instance: I18n = i18next.createInstance();
void instance.init({
  initAsync: false,
  resources: Object.fromEntries(LANGUAGES.map((language) => [language, { [NAMESPACE]: catalogs[language] }])),
  ns: [NAMESPACE],
  defaultNS: NAMESPACE,
  supportedLngs: [...LANGUAGES],
  fallbackLng: DEFAULT_LANGUAGE,
  // Mails are plain text and the PDF draws text: nothing to escape, and an escaped "&" would show.
  interpolation: { escapeValue: false },
  returnNull: false,
});

export type Values = Record<string, string | number>;

/**
 * A message in a language. A key that no catalog holds is a programming error, and throws rather
 * than mailing its name to someone.
 */
export function translate(language: Language, key: string, values: Values = {}): string {
  if (!instance.exists(key, { lng: language, ...values })) throw new Error(`No message ${key} in ${language}`);
  return instance.getFixedT(language)(key, values);
}

/** A function bound to one language, for code that writes several messages in it. */
export const translator =
  (language: Language) =>
  (key: string, values?: Values): string =>
    translate(language, key, values);
