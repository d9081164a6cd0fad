// Reads a credential value written as the VC 2.0 internationalization section allows: a plain string,
// a value object {"@value", "@language", "@direction"?}, or an array of those. No DOM here, so the
// same file runs in the browser and in a node test.

/**
 * @typedef {{ text: string, language: string | null, direction: 'ltr' | 'rtl' | null }} LocalizedText
 */

/** @param {unknown} value @returns {LocalizedText | null} */
function option(value) {
  if (typeof value === 'string') return value ? { text: value, language: null, direction: null } : null;
  if (typeof value === 'number') return { text: String(value), language: null, direction: null };
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const object = /** @type {Record<string, unknown>} */ (value);
  const text = object['@value'];
  if (typeof text !== 'string' || !text) return null;
  const language = typeof object['@language'] === 'string' ? object['@language'] : null;
  const direction = object['@direction'] === 'rtl' || object['@direction'] === 'ltr' ? object['@direction'] : null;
  return { text, language, direction };
}

/** @param {string | null} tag @returns {string} */
const base = (tag) => (tag ?? '').toLowerCase().split('-')[0];

/**
 * The value in the reader's language; else the English one; else an untagged one; else the first.
 * An exact tag ("pt-BR") wins over a bare language ("pt").
 * @param {unknown} value a credential property: string, value object or array of either
 * @param {string} language the reader's language ("de", "es-ES")
 * @returns {LocalizedText | null} null when nothing readable is there
 */
export function localizedText(value, language) {
  const options = (Array.isArray(value) ? value : [value]).map(option).filter((o) => o !== null);
  if (!options.length) return null;
  const wanted = language.toLowerCase();
  return (
    options.find((o) => o.language?.toLowerCase() === wanted) ??
    options.find((o) => base(o.language) === base(wanted)) ??
    options.find((o) => base(o.language) === 'en') ??
    options.find((o) => o.language === null) ??
    options[0]
  );
}

/**
 * Just the text of {@link localizedText}.
 * @param {unknown} value
 * @param {string} language
 * @returns {string | null}
 */
export function localized(value, language) {
  return localizedText(value, language)?.text ?? null;
}
