import { DomainError } from '@magix/common';
import { normalizedProgrammeTranslations, programmeTitleIn, sameProgrammeTranslations } from './programme-translation';

const spanish = { language: 'es', title: 'Máster conjunto', description: 'El máster conjunto del consorcio.' };
const german = { language: 'de', title: 'Gemeinsamer Master', description: 'Der gemeinsame Master des Konsortiums.' };

describe('programme translations', () => {
  it('sorts by language and keeps only the three fields', () => {
    expect(normalizedProgrammeTranslations([spanish, { ...german, extra: 1 } as typeof german], 'input.translations')).toEqual([
      german,
      spanish,
    ]);
  });

  it('are the same whatever their order or key order', () => {
    const reordered = { description: spanish.description, title: spanish.title, language: 'es' };
    expect(sameProgrammeTranslations([german, spanish], [german, reordered])).toBe(true);
    expect(sameProgrammeTranslations([german, spanish], [german, { ...spanish, title: 'Otro' }])).toBe(false);
    expect(sameProgrammeTranslations([], [])).toBe(true);
  });

  it.each([
    ['English', [{ ...spanish, language: 'en' }], /English is the programme’s own title and description/],
    ['a variant of English', [{ ...spanish, language: 'en-GB' }], /English/],
    ['two into one language', [spanish, { ...spanish, title: 'Otro' }], /Two translations into es/],
  ])('refuses %s as BAD_USER_INPUT naming the field', (_, translations, message) => {
    let error: unknown;
    try {
      normalizedProgrammeTranslations(translations, 'input.translations');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.translations', message: expect.stringMatching(message) });
  });

  it('give the title in a reader’s language, by primary language too, else the English one', () => {
    const programme = { title: 'Joint Master', translations: [german, { ...spanish, language: 'es-ES' }] };
    expect(programmeTitleIn(programme, 'de')).toBe('Gemeinsamer Master');
    expect(programmeTitleIn(programme, 'es')).toBe('Máster conjunto');
    expect(programmeTitleIn(programme, 'et')).toBe('Joint Master');
    expect(programmeTitleIn(programme, 'en')).toBe('Joint Master');
  });
});
