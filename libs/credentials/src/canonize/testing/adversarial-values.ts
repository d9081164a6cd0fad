import fc from 'fast-check';
import { isJsonLdDouble, SlotValue } from '../document-shape';

/** Strings that break writers: quotes, backslashes, line ends, controls, lone surrogates, BOMs. */
const NASTY = ['', ' ', '"', '\\', '\n', '\r', '\r\n', '\t', '\u0000', '\u0007', '\u007f', '\u2028', '\ufeff', '\ud800', '\udfff', '"\\"'];

/**
 * Strings that are or look like IRIs, terms and keywords: what decides whether JSON-LD keeps a
 * value as it is, expands it, drops it or refuses it.
 */
const IRI_LIKE = [
  'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
  'urn:uuid:6a1f3c3e-5c7b-4a55-9a5e-3f4f0b7b2c11',
  'https://example.org/a',
  'http://localhost:3000/modules/X#grade',
  'https://a b',
  'https://example.org/\u00e9\u2603',
  'mailto:a@b.example',
  'did:',
  'x:',
  'a,b:c',
  '_:b0',
  '_:',
  'foo',
  '/relative',
  '../up',
  '#fragment',
  '?q',
  '//host/path',
  'assertionMethod',
  'authentication',
  'VerifiableCredential',
  'xsd:string',
  'xsd',
  'sec:proof',
  'schema:name',
  'cred:issuer',
  'id',
  'type',
  '@id',
  '@type',
  '@vocab',
  '@foo',
  'https://www.w3.org/2018/credentials#VerifiableCredential',
  'https://w3id.org/security#assertionMethod',
  'RFC3339',
  'en',
];

const DATES = fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
const ANY_CODE_UNIT = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** Any string, weighted towards the ones that break JSON-LD and N-Quads writers. */
export const adversarialString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: ANY_CODE_UNIT, maxLength: 20 }) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...NASTY, 'a', 'é', 'ß', '中', '😀', ':', '/'), maxLength: 24 }) },
  { weight: 4, arbitrary: fc.constantFrom(...IRI_LIKE) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('did', 'urn', 'https', 'http', 'xsd', 'sec', 'a'), fc.string({ maxLength: 12 }))
      .map(([s, r]) => `${s}:${r}`),
  },
  { weight: 1, arbitrary: fc.webUrl({ withFragments: true, withQueryParameters: true }) },
  { weight: 1, arbitrary: DATES },
  { weight: 1, arbitrary: fc.string({ minLength: 500, maxLength: 3000 }) },
);

/** Any finite number, edges first: zero and minus zero, the safe-integer and double-form limits. */
export const adversarialNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    1,
    -1,
    6,
    2.5,
    0.1,
    1e-7,
    1e20,
    1e21,
    -1e21,
    Number.MAX_SAFE_INTEGER,
    2 ** 53 + 2,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const NO_WHITESPACE = fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !/\s/.test(s));

/** Absolute IRIs JSON-LD keeps as they are, with any characters but whitespace after the scheme. */
const keptIri: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('did:key:', 'urn:uuid:', 'https://', 'http://', 'urn:', 'mailto:'), NO_WHITESPACE)
  .map(([scheme, rest]) => scheme + rest);

const looksLikeIri = (value: string) => /^(did|urn|https?):/.test(value);

/**
 * New values for a document's slots, each of its kind (strings for strings, numbers for numbers),
 * drawn now and then from a small pool so that two slots get equal values. Half of the documents
 * keep the original's shape (an IRI where it has one, numbers of the same form: they stay on the
 * compiled path); the others put anything anywhere.
 */
export function valuesLike(values: SlotValue[]): fc.Arbitrary<SlotValue[]> {
  const pool = fc.constantFrom('did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', 'urn:x:1', 'same', '');
  const slot = (v: SlotValue, keepIris: boolean): fc.Arbitrary<SlotValue> => {
    if (typeof v === 'number') {
      // Keeping the shape means keeping the number's JSON-LD kind (integer or double form).
      const kind = keepIris ? adversarialNumber.filter((n) => isJsonLdDouble(n) === isJsonLdDouble(v)) : adversarialNumber;
      return fc.oneof({ weight: 1, arbitrary: fc.constant(v) }, { weight: 3, arbitrary: kind });
    }
    const kind = keepIris && looksLikeIri(v) ? keptIri : adversarialString;
    const iriPool = keepIris && looksLikeIri(v) ? pool.filter(looksLikeIri) : pool;
    return fc.oneof({ weight: 1, arbitrary: fc.constant(v) }, { weight: 4, arbitrary: kind }, { weight: 1, arbitrary: iriPool });
  };
  return fc.boolean().chain((keepIris) => fc.tuple(...values.map((v) => slot(v, keepIris))));
}
