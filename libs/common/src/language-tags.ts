import { registerDecorator, ValidationOptions } from 'class-validator';
import { badInput } from './domain-error';

/** A well-formed BCP 47 tag, written as Intl canonicalizes it (so `es` and `ES` cannot both exist). */
export function isCanonicalLanguageTag(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 35) return false;
  try {
    return Intl.getCanonicalLocales(value)[0] === value;
  } catch {
    return false;
  }
}

export function IsLanguageTag(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isLanguageTag',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be a BCP 47 language tag in canonical form, such as es, it, de, et or pt-BR`, ...options },
      validator: { validate: isCanonicalLanguageTag },
    });
}

/** At most one translation per language, at most this many languages (modules and the programme alike). */
export const MAX_TRANSLATIONS = 30;

/**
 * The languages of a set of translations, checked the same way wherever texts are translated
 * (modules, the programme): none is English, which is the thing's own text (`english` says
 * which, for the message), and none comes twice. A typed BAD_USER_INPUT naming `field` otherwise.
 * The tags themselves are checked by @IsLanguageTag on the input.
 */
export function checkTranslationLanguages(translations: readonly { language: string }[], field: string, english: string): void {
  const seen = new Set<string>();
  for (const { language } of translations) {
    if (language === 'en' || language.startsWith('en-')) throw badInput(field, `English is ${english}: give other languages here`);
    if (seen.has(language)) throw badInput(field, `Two translations into ${language}: give one per language`);
    seen.add(language);
  }
}

/** Sorted by language tag, as translations are stored (so equal sets compare equal). */
export const byLanguageTag = <T extends { language: string }>(translations: readonly T[]): T[] =>
  [...translations].sort((a, b) => (a.language < b.language ? -1 : a.language > b.language ? 1 : 0));
