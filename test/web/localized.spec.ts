// The page module is plain JavaScript with JSDoc types, outside this project's TypeScript: its shape is restated here.
interface LocalizedText {
  text: string;
  language: string | null;
  direction: 'ltr' | 'rtl' | null;
}
interface LocalizedModule {
  localized: (value: unknown, language: string) => string | null;
  localizedText: (value: unknown, language: string) => LocalizedText | null;
}
const MODULE: string = '../../web/assets/localized.js';
let localized: LocalizedModule['localized'];
let localizedText: LocalizedModule['localizedText'];

beforeAll(async () => {
  ({ localized, localizedText } = (await import(MODULE)) as LocalizedModule);
});

const NAME = [
  { '@value': 'Ethics of AI in Government', '@language': 'en' },
  { '@value': 'Ética de la IA en la administración', '@language': 'es' },
  { '@value': 'Ethik der KI in der Verwaltung', '@language': 'de-DE' },
];

describe('localized credential values (VC 2.0 internationalization)', () => {
  it('reads a plain string as it is, in every language', () => {
    expect(localized('Data Governance', 'et')).toBe('Data Governance');
    expect(localizedText('Data Governance', 'et')).toEqual({ text: 'Data Governance', language: null, direction: null });
  });

  it("picks the reader's language, by bare language when the tag has a region", () => {
    expect(localized(NAME, 'es')).toBe('Ética de la IA en la administración');
    expect(localized(NAME, 'de')).toBe('Ethik der KI in der Verwaltung');
    expect(localized(NAME, 'es-MX')).toBe('Ética de la IA en la administración');
  });

  it('prefers an exact tag over a bare language', () => {
    const value = [
      { '@value': 'pt', '@language': 'pt' },
      { '@value': 'pt-BR', '@language': 'pt-BR' },
    ];
    expect(localized(value, 'pt-BR')).toBe('pt-BR');
    expect(localized(value, 'pt-PT')).toBe('pt');
  });

  it('falls back to English, then to an untagged value, then to the first value', () => {
    expect(localized(NAME, 'et')).toBe('Ethics of AI in Government');
    expect(localized([{ '@value': 'Eetika', '@language': 'et' }, 'Untagged'], 'it')).toBe('Untagged');
    expect(
      localized(
        [
          { '@value': 'Etica', '@language': 'it' },
          { '@value': 'Ética', '@language': 'es' },
        ],
        'et',
      ),
    ).toBe('Etica');
  });

  it('reads a single value object, keeping its language and direction', () => {
    expect(localizedText({ '@value': 'أخلاقيات', '@language': 'ar', '@direction': 'rtl' }, 'en')).toEqual({
      text: 'أخلاقيات',
      language: 'ar',
      direction: 'rtl',
    });
  });

  it('gives null for nothing readable, skipping broken entries', () => {
    expect(localized(undefined, 'en')).toBeNull();
    expect(localized([], 'en')).toBeNull();
    expect(localized({ '@language': 'en' }, 'en')).toBeNull();
    expect(localized([{ '@value': 42 }, null, { '@value': 'Kept', '@language': 'fr' }], 'en')).toBe('Kept');
  });
});
