import { DomainError } from '@magix/common';
import { isCanonicalLanguageTag, normalizedTranslations } from './module-translation';

const spanish = {
  language: 'es',
  title: 'Gobernanza de la IA',
  description: 'Gobernar la IA en la administración.',
  learningOutcomes: ['Evaluar'],
};

describe('module translations', () => {
  it('accepts BCP 47 tags in canonical form, the consortium’s languages first', () => {
    for (const tag of ['en', 'es', 'it', 'de', 'et', 'lv', 'pt-BR', 'sr-Latn', 'de-CH-1996'])
      expect(isCanonicalLanguageTag(tag)).toBe(true);
  });

  it('refuses what is not a tag, or not in canonical form', () => {
    for (const tag of ['', 'ES', 'es_ES', 'pt-br', 'englishes', 'e', '123', 'es-', ' es', 'x'.repeat(40), 42, null]) {
      expect({ tag, ok: isCanonicalLanguageTag(tag) }).toEqual({ tag, ok: false });
    }
  });

  it('sorts by language and keeps only the four fields', () => {
    const german = {
      language: 'de',
      title: 'KI-Governance',
      description: 'KI in der Verwaltung steuern.',
      learningOutcomes: ['Bewerten'],
      extra: 1,
    };
    expect(normalizedTranslations([spanish, german], 1, 'input.translations')).toEqual([
      { language: 'de', title: 'KI-Governance', description: 'KI in der Verwaltung steuern.', learningOutcomes: ['Bewerten'] },
      spanish,
    ]);
  });

  it.each([
    ['English', [{ ...spanish, language: 'en' }], /English/],
    ['a variant of English', [{ ...spanish, language: 'en-GB' }], /English/],
    ['two into one language', [spanish, { ...spanish, title: 'Otra' }], /Two translations into es/],
    [
      'another number of outcomes',
      [{ ...spanish, learningOutcomes: ['Evaluar', 'Redactar'] }],
      /gives 2 learning outcomes; the module has 1/,
    ],
  ])('refuses %s as BAD_USER_INPUT naming the field', (_, translations, message) => {
    let error: unknown;
    try {
      normalizedTranslations(translations, 1, 'input.translations');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.translations', message: expect.stringMatching(message) });
  });
});
