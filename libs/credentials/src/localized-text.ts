/**
 * Language-tagged texts as VC 2.0's internationalization section writes them: language value
 * objects, one per language. The English text stays the default (the plain `name`,
 * `description`, `learningOutcome` the OB 3.0 schema reads); the `localized…` terms of the MAGIX
 * context (v3) carry every language, English first (docs/credential-format.md).
 */

/** The language of a credential's plain texts. */
export const DEFAULT_LANGUAGE = 'en';

export interface LanguageValue {
  '@value': string;
  '@language': string;
}

/** A title and description in one language other than English (the programme's, for the degree). */
export interface TitleTranslation {
  language: string;
  title: string;
  description: string;
}

/** A module's texts in one language other than English. */
export interface TextTranslation extends TitleTranslation {
  /** As many as the English ones, in the same order. */
  learningOutcomes: string[];
}

export const languageValue = (value: string, language: string): LanguageValue => ({ '@value': value, '@language': language });

/** The English text and each translation's, tagged: `pick` chooses the text of a translation. */
export function inEveryLanguage<T extends { language: string }>(english: string, translations: readonly T[], pick: (t: T) => string) {
  return [languageValue(english, DEFAULT_LANGUAGE), ...translations.map((t) => languageValue(pick(t), t.language))];
}

/** Every learning outcome in every language, tagged (a set: the order carries no meaning in RDF). */
export function outcomesInEveryLanguage(english: readonly string[], translations: readonly TextTranslation[]): LanguageValue[] {
  return [
    ...english.map((outcome) => languageValue(outcome, DEFAULT_LANGUAGE)),
    ...translations.flatMap((t) => t.learningOutcomes.map((outcome) => languageValue(outcome, t.language))),
  ];
}

/** The well-formed language value objects of a value read from a credential; none otherwise. */
export function languageValuesIn(value: unknown): LanguageValue[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(
      (item): item is LanguageValue =>
        typeof item === 'object' &&
        item !== null &&
        typeof (item as LanguageValue)['@value'] === 'string' &&
        typeof (item as LanguageValue)['@language'] === 'string',
    )
    .map((item) => languageValue(item['@value'], item['@language']));
}
