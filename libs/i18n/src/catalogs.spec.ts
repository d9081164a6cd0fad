import { catalogs } from './catalogs';
import { LANGUAGES } from './languages';
import { translate } from './translate';
import { flattenMessages, placeholderNames } from '../../../test/support/message-catalogs';

const placeholders = (message: string) => placeholderNames(message).sort();

const english = flattenMessages(catalogs.en);

describe('the server catalogs', () => {
  it('hold the messages of mails and certificates', () => {
    expect(english.size).toBeGreaterThan(70);
    expect([...english.keys()].filter((key) => key.startsWith('certificate.')).length).toBeGreaterThan(10);
  });

  it.each(LANGUAGES.filter((language) => language !== 'en'))('%s has every English key and no other', (language) => {
    const messages = flattenMessages(catalogs[language]);
    expect([...messages.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it.each(LANGUAGES)('%s: every message is written, with the same {{placeholders}} as in English', (language) => {
    const messages = flattenMessages(catalogs[language]);
    for (const [key, message] of english) {
      const translated = messages.get(key) ?? '';
      expect({ key, empty: translated.trim() === '' }).toEqual({ key, empty: false });
      expect({ key, placeholders: placeholders(translated) }).toEqual({ key, placeholders: placeholders(message) });
    }
  });

  it('is really translated: no language repeats the English of a sentence', () => {
    for (const language of LANGUAGES.filter((l) => l !== 'en')) {
      const messages = flattenMessages(catalogs[language]);
      const same = [...english].filter(([key, message]) => message.split(' ').length > 3 && messages.get(key) === message);
      expect({ language, same: same.map(([key]) => key) }).toEqual({ language, same: [] });
    }
  });

  it('chooses the plural form by count, in each language', () => {
    expect(translate('de', 'mail.batchOpened.subject', { count: 1, n: '1' })).toBe('Prüfrunde eröffnet: 1 Bewerbung für den Studiengang');
    expect(translate('de', 'mail.batchOpened.subject', { count: 3, n: '3' })).toBe('Prüfrunde eröffnet: 3 Bewerbungen für den Studiengang');
    expect(translate('es', 'mail.interestList.degree', { count: 30, n: '30', window: 'x' })).toContain('30 plazas');
  });

  it('refuses a key no catalog holds, rather than mailing its name', () => {
    expect(() => translate('it', 'mail.noSuchThing')).toThrow('No message mail.noSuchThing');
  });
});
