import { normaliseText } from './text-fit';

/** What a badge says about a higher education institution. */
export interface HeiFacts {
  name: string;
  /** The HEI's handle, e.g. UPM; when absent, initials are taken from the name. */
  shortName?: string;
  /** ISO 3166-1 alpha-2, e.g. ES. */
  countryCode: string;
}

const LINKING_WORDS = new Set([
  'a',
  'an',
  'and',
  'at',
  'da',
  'de',
  'degli',
  'dei',
  'del',
  'della',
  'der',
  'des',
  'di',
  'do',
  'dos',
  'du',
  'e',
  'en',
  'et',
  'for',
  'für',
  'i',
  'in',
  'la',
  'le',
  'of',
  'the',
  'und',
  'van',
  'von',
  'y',
  'z',
  'και',
  'της',
  'του',
  'των',
]);

/** "Universidad Politécnica de Madrid" → "UPM": the first letters of its words, linking words left out. */
export function initialsOf(name: string): string {
  const words = normaliseText(name)
    .split(/[\s\-–—/,.()]+/)
    .filter((w) => w && !LINKING_WORDS.has(w.toLocaleLowerCase()));
  const initials = words
    .map((w) => [...w].find((c) => /\p{L}|\p{N}/u.test(c)) ?? '')
    .join('')
    .toLocaleUpperCase();
  return [...initials].slice(0, 5).join('') || '?';
}

/** The HEI's handle as badges show it. */
export function handleOf(hei: HeiFacts): string {
  return normaliseText(hei.shortName ?? '') || initialsOf(hei.name);
}

export function countryOf(hei: HeiFacts): string {
  return normaliseText(hei.countryCode).toUpperCase();
}
