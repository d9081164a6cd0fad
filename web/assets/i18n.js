/* global document, fetch, localStorage, location, navigator */
// The one way the pages speak the reader's language: i18next with catalogs in /locales/<language>/<namespace>.json,
// dates and numbers through Intl. Every page calls initI18n() before it renders anything.
import i18next from '/vendor/i18next.js';

/** The languages every page, mail and certificate is written in; English is the fallback. */
export const LANGUAGES = /** @type {const} */ ([
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Español' },
  { code: 'it', name: 'Italiano' },
  { code: 'de', name: 'Deutsch' },
  { code: 'et', name: 'Eesti' },
]);

const FALLBACK = 'en';
const STORAGE_KEY = 'magix.language';
const CODES = LANGUAGES.map((entry) => entry.code);

/** @param {string | null | undefined} tag @returns {string | undefined} */
function supported(tag) {
  const base = tag?.toLowerCase().split('-')[0];
  return base && /** @type {readonly string[]} */ (CODES).includes(base) ? base : undefined;
}

/**
 * `?lang=` (a link in a mail), then the reader's own choice, then the browser's languages, then English.
 * @returns {string}
 */
export function preferredLanguage() {
  const fromQuery = supported(new URLSearchParams(location.search).get('lang'));
  if (fromQuery) return fromQuery;
  let stored = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be disabled; the browser's languages still apply.
  }
  return supported(stored) ?? navigator.languages.map(supported).find(Boolean) ?? FALLBACK;
}

/**
 * @param {string} language
 * @param {string} namespace
 * @returns {Promise<Record<string, unknown>>}
 */
async function catalog(language, namespace) {
  const response = await fetch(`/locales/${language}/${namespace}.json`);
  if (!response.ok) throw new Error(`No ${language} messages for ${namespace}`);
  /** @type {unknown} */
  const messages = await response.json();
  return /** @type {Record<string, unknown>} */ (messages);
}

/**
 * Loads the messages of `common` and the page's namespaces, sets <html lang>, translates the
 * static text marked with data-i18n and adds the language switch to the header.
 * @param {string[]} namespaces the page's own catalogs, the first one the default
 * @returns {Promise<void>}
 */
export async function initI18n(namespaces) {
  const language = preferredLanguage();
  const all = [...new Set([...namespaces, 'common'])];
  const languages = language === FALLBACK ? [FALLBACK] : [language, FALLBACK];
  /** @type {Record<string, Record<string, Record<string, unknown>>>} */
  const resources = {};
  await Promise.all(
    languages.flatMap((lng) =>
      all.map(async (ns) => {
        resources[lng] = resources[lng] ?? {};
        // A catalog missing in the reader's language falls back to English, key by key; English itself must load.
        resources[lng][ns] = await catalog(lng, ns).catch((/** @type {unknown} */ error) => {
          if (lng === FALLBACK) throw error;
          return {};
        });
      }),
    ),
  );
  await i18next.init({
    lng: language,
    fallbackLng: FALLBACK,
    supportedLngs: [...CODES],
    ns: all,
    defaultNS: all[0],
    fallbackNS: 'common',
    resources,
    // The pages set text with textContent only (dom.js), so nothing is parsed as HTML.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  translateDocument(document);
  mountLanguageSwitch();
}

/**
 * A message in the reader's language; `values` fill its {{placeholders}} and choose its plural (`count`).
 * @param {string} key `namespace:key` or a key of the page's default namespace
 * @param {Record<string, unknown>} [values]
 * @returns {string}
 */
export function t(key, values) {
  return i18next.t(key, values ?? {});
}

/**
 * Whether a message exists (in the reader's language or English), for values the server may extend.
 * @param {string} key
 * @returns {boolean}
 */
export function exists(key) {
  return i18next.exists(key);
}

/** @returns {string} */
export function language() {
  return i18next.language ?? FALLBACK;
}

/**
 * Fills the text of every element marked `data-i18n="key"`, and the attributes named in
 * `data-i18n-attr="placeholder:key;aria-label:key"`.
 * @param {ParentNode} root
 */
export function translateDocument(root) {
  for (const element of root.querySelectorAll('[data-i18n]')) {
    const key = element.getAttribute('data-i18n');
    if (key) element.textContent = t(key);
  }
  for (const element of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of (element.getAttribute('data-i18n-attr') ?? '').split(';')) {
      // Only the first colon separates the attribute: the key may name its namespace ("aria-label:common:nav.label").
      const split = pair.indexOf(':');
      const attribute = pair.slice(0, split).trim();
      const key = pair.slice(split + 1).trim();
      if (split > 0 && attribute && key) element.setAttribute(attribute, t(key));
    }
  }
}

/**
 * A date for people in the reader's language: "2 December 2026", "2. Dezember 2026".
 * @param {string | number | Date} value an ISO date or timestamp
 * @param {Intl.DateTimeFormatOptions} [options]
 * @returns {string}
 */
export function formatDate(value, options = { dateStyle: 'long' }) {
  const date =
    value instanceof Date ? value : new Date(typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return String(value);
  const timeZone = typeof value === 'string' && value.length === 10 ? 'UTC' : undefined;
  return new Intl.DateTimeFormat(language(), { timeZone, ...options }).format(date);
}

/**
 * @param {number} value
 * @param {Intl.NumberFormatOptions} [options]
 * @returns {string}
 */
export function formatNumber(value, options) {
  return new Intl.NumberFormat(language(), options).format(value);
}

/** The header's language switch: the choice is kept in this browser and the page reloads in it. */
function mountLanguageSwitch() {
  const header = document.querySelector('.site-header');
  if (!header || header.querySelector('.language-switch')) return;
  const select = document.createElement('select');
  select.id = 'language-switch';
  for (const entry of LANGUAGES) {
    const option = document.createElement('option');
    option.value = entry.code;
    option.lang = entry.code;
    option.textContent = entry.name;
    option.selected = entry.code === language();
    select.appendChild(option);
  }
  select.addEventListener('change', () => {
    try {
      localStorage.setItem(STORAGE_KEY, select.value);
    } catch {
      // Without storage the choice still applies to this page through ?lang=.
    }
    const url = new URL(location.href);
    url.searchParams.set('lang', select.value);
    location.assign(url.toString());
  });
  const label = document.createElement('label');
  label.className = 'language-switch';
  label.htmlFor = select.id;
  const caption = document.createElement('span');
  caption.className = 'visually-hidden';
  caption.textContent = t('common:language');
  label.append(caption, select);
  header.appendChild(label);
}
