import fc from 'fast-check';
import { adversarialNumber, adversarialString } from './adversarial-values';

type Container = Record<string, unknown> | unknown[];
interface Place {
  parent: Container;
  key: string | number;
}

/** Every value of the document with the object or array that holds it. */
function placesOf(document: unknown): Place[] {
  const places: Place[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        places.push({ parent: value, key: index });
        visit(item);
      });
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        places.push({ parent: value as Record<string, unknown>, key });
        visit(child);
      }
    }
  };
  visit(document);
  return places;
}

const KEYS = [
  'extra',
  'name',
  'id',
  'type',
  'unknownTerm',
  '@id',
  '@type',
  '@value',
  '@language',
  '@direction',
  '@index',
  '@context',
  '@graph',
  'proof',
];

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  adversarialString,
  adversarialNumber,
  fc.boolean(),
  fc.constant(null),
  fc.constant({}),
  fc.constant([]),
  adversarialString.map((v) => ({ '@value': v, '@language': 'en' })),
  adversarialString.map((v) => ({ '@value': v, '@language': 'not a tag' })),
  adversarialString.map((v) => ({ '@value': v, '@type': 'xsd:string' })),
  adversarialString.map((v) => ({ '@id': v })),
  adversarialString.map((v) => ({ id: v, type: 'Profile' })),
);

/** One change of shape or of kind, as a function of the value it applies to (undefined: delete). */
type Change = (value: unknown) => unknown;

const change: fc.Arbitrary<{ what: string; apply: Change }> = fc.oneof(
  anyValue.map((v) => ({ what: 'another value of any kind', apply: () => v })),
  fc.constant({ what: 'deleted', apply: () => undefined }),
  fc.constant({ what: 'an array of it', apply: (v: unknown) => [v] }),
  fc.constant({ what: 'an array of it twice', apply: (v: unknown) => [v, v] }),
  fc.constant({ what: 'one element more', apply: (v: unknown) => (Array.isArray(v) ? [...v, v[0] ?? 'x'] : v) }),
  fc.constant({ what: 'one element fewer', apply: (v: unknown) => (Array.isArray(v) ? v.slice(1) : v) }),
  fc.constant({ what: 'a language tag', apply: (v: unknown) => ({ '@value': v, '@language': 'de' }) }),
  fc.constant({ what: 'a number in another form', apply: (v: unknown) => (typeof v === 'number' ? v + 0.5 : v) }),
  fc.constant({ what: 'a number as text', apply: (v: unknown) => (typeof v === 'number' ? String(v) : v) }),
  fc.constant({ what: 'text as a number', apply: (v: unknown) => (typeof v === 'string' ? Number(v.length) : v) }),
  fc.constant({ what: 'a relative IRI', apply: (v: unknown) => (typeof v === 'string' ? v.slice(v.indexOf(':') + 1) : v) }),
  fc.constant({ what: 'a blank node label', apply: (v: unknown) => (typeof v === 'string' ? `_:${v}` : v) }),
  fc.constant({ what: 'a compact IRI', apply: (v: unknown) => (typeof v === 'string' ? `xsd:${v}` : v) }),
);

export interface Mutation {
  document: unknown;
  description: string;
}

/** The document with one value changed, or one key added to one of its objects. */
export function mutationOf(document: unknown): fc.Arbitrary<Mutation> {
  const count = placesOf(document).length;
  return fc
    .tuple(fc.nat({ max: count - 1 }), fc.boolean(), change, fc.constantFrom(...KEYS), anyValue)
    .map(([at, addKey, c, key, value]) => {
      const copy = structuredClone(document);
      const place = placesOf(copy)[at];
      const target = place.parent as Record<string | number, unknown>;
      if (addKey) {
        const holder = (target[place.key] !== null && typeof target[place.key] === 'object' ? target[place.key] : target) as Record<
          string,
          unknown
        >;
        if (!Array.isArray(holder)) {
          holder[key] = value;
          return { document: copy, description: `key "${key}" added` };
        }
      }
      const changed = c.apply(target[place.key]);
      if (changed === undefined && !Array.isArray(target)) delete target[place.key];
      else target[place.key] = changed ?? null;
      return { document: copy, description: `${String(place.key)}: ${c.what}` };
    });
}
