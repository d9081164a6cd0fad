import { isISO31661Alpha2 } from 'class-validator';
import { ISO_COUNTRY_CODES, isCountryCode } from './country-codes';

describe('ISO 3166-1 alpha-2 country codes', () => {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
  const everyPair = letters.flatMap((a) => letters.map((b) => a + b));

  it('holds the 249 officially assigned codes', () => {
    expect(ISO_COUNTRY_CODES.size).toBe(249);
  });

  it('agrees with validator.js on every two-letter code', () => {
    expect(everyPair.filter(isCountryCode)).toEqual(everyPair.filter((code) => isISO31661Alpha2(code)));
  });

  it('refuses user-assigned codes, EU abbreviations, lower case and non-strings', () => {
    for (const code of ['XX', 'XK', 'ZZ', 'EL', 'UK', 'es', 'ESP', '', ' E']) expect(isCountryCode(code)).toBe(false);
    expect(isCountryCode(34)).toBe(false);
    for (const code of ['ES', 'IT', 'DE', 'EE', 'LV', 'GR', 'GB']) expect(isCountryCode(code)).toBe(true);
  });
});
