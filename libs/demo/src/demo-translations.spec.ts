import { isCanonicalLanguageTag, normalizedTranslations } from '@magix/catalogue';
import { normalizedProgrammeTranslations } from '@magix/programme';
import { demoHeis, demoProgramme } from './demo-data';
import { demoModuleTranslations, demoProgrammeTranslations } from './demo-translations';

describe('the demo modules’ translations', () => {
  const modules = demoHeis.flatMap((hei) => hei.modules);

  it('give every demo module in Spanish, Italian, German and Estonian, as the catalogue accepts them', () => {
    for (const module of modules) {
      const translations = demoModuleTranslations[module.code] ?? [];
      expect({ code: module.code, languages: translations.map((t) => t.language).sort() }).toEqual({
        code: module.code,
        languages: ['de', 'es', 'et', 'it'],
      });
      expect(translations.every((t) => isCanonicalLanguageTag(t.language))).toBe(true);
      expect(() => normalizedTranslations(translations, module.learningOutcomes.length, module.code)).not.toThrow();
    }
  });

  it('translate: no text is the English one copied', () => {
    for (const module of modules) {
      for (const t of demoModuleTranslations[module.code]) {
        expect(t.title).not.toBe(module.title);
        expect(t.description).not.toBe(module.description);
        t.learningOutcomes.forEach((outcome, i) => expect(outcome).not.toBe(module.learningOutcomes[i]));
      }
    }
  });

  it('name only modules of the demo', () => {
    expect(Object.keys(demoModuleTranslations).filter((code) => !modules.some((m) => m.code === code))).toEqual([]);
  });
});

describe('the demo programme’s translations', () => {
  it('give its title and description in German, Spanish, Estonian and Italian, stored as the office would set them', () => {
    expect(demoProgrammeTranslations.map((t) => t.language)).toEqual(['de', 'es', 'et', 'it']);
    expect(normalizedProgrammeTranslations(demoProgrammeTranslations, 'demo')).toEqual(demoProgrammeTranslations);
    for (const t of demoProgrammeTranslations) {
      expect(t.title).not.toBe(demoProgramme.title);
      expect(t.description).not.toBe(demoProgramme.description);
      // Within the lengths the mutation accepts.
      expect(t.title.length).toBeLessThanOrEqual(200);
    }
  });
});
