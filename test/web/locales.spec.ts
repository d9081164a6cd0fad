import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES } from '@magix/i18n';
import { flattenMessages, MessageTree, placeholderNames } from '../support/message-catalogs';

/** Every message of the pages in every language: the same keys, the same {{placeholders}}, no empty text. */
const LOCALES = join(__dirname, '../../web/locales');
// i18next's plural forms (Intl.PluralRules categories): languages may need different ones.
const PLURAL = /_(zero|one|two|few|many|other)$/;

function catalog(language: string, namespace: string): Map<string, string> {
  return flattenMessages(JSON.parse(readFileSync(join(LOCALES, language, namespace), 'utf8')) as MessageTree);
}

/** Plural variants of one message count as one key: their placeholders are the union of theirs. */
function messages(language: string, namespace: string): Map<string, Set<string>> {
  const byKey = new Map<string, Set<string>>();
  for (const [key, text] of catalog(language, namespace)) {
    const base = key.replace(PLURAL, '');
    const names = byKey.get(base) ?? new Set<string>();
    for (const name of placeholderNames(text)) names.add(name);
    byKey.set(base, names);
  }
  return byKey;
}

const namespaces = (language: string) =>
  readdirSync(join(LOCALES, language))
    .filter((file) => file.endsWith('.json'))
    .sort();

describe('message catalogs of the web pages', () => {
  it('has the same namespace files in every language', () => {
    expect(namespaces('en').length).toBeGreaterThan(0);
    for (const language of LANGUAGES) expect([language, namespaces(language)]).toEqual([language, namespaces('en')]);
  });

  describe.each(namespaces('en'))('%s', (namespace) => {
    const english = messages('en', namespace);

    it.each(LANGUAGES.filter((l) => l !== 'en'))('has every English key in %s and no other, with the same placeholders', (language) => {
      const other = messages(language, namespace);
      expect({ missing: [...english.keys()].filter((k) => !other.has(k)) }).toEqual({ missing: [] });
      expect({ extra: [...other.keys()].filter((k) => !english.has(k)) }).toEqual({ extra: [] });
      const mismatched = [...english].filter(([key, names]) => {
        const theirs = other.get(key) ?? new Set<string>();
        return names.size !== theirs.size || [...names].some((n) => !theirs.has(n));
      });
      expect({ placeholdersDiffer: mismatched.map(([key]) => key) }).toEqual({ placeholdersDiffer: [] });
    });

    it.each(LANGUAGES)('has no empty message in %s', (language) => {
      const empty = [...catalog(language, namespace)].filter(([, text]) => !text.trim()).map(([key]) => key);
      expect(empty).toEqual([]);
    });
  });
});
