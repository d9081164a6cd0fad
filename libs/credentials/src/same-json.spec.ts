import fc from 'fast-check';
import { canonicalJson } from './co-award';
import { sameJson, signingFacts } from './issuer-trust';

/** The same value with every object's keys in another order. */
function reordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reordered);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reordered(v)]),
    );
  return value;
}

describe('sameJson', () => {
  it('decides as comparing canonicalJson does, for any two JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        expect(sameJson(a, b)).toBe(canonicalJson(a) === canonicalJson(b));
        expect(sameJson(a, reordered(a))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('tells apart values that differ in one place, however deep', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.string(), (a, extra) => {
        const changed = JSON.parse(JSON.stringify({ a, at: [a] })) as { a: unknown; at: unknown[] };
        changed.at.push(extra);
        expect(sameJson({ a, at: [a] }, changed)).toBe(false);
      }),
    );
  });

  it('leaves the skipped key out of the outer object only, and ignores keys holding undefined', () => {
    expect(sameJson({ a: 1, proof: 'x' }, { a: 1, proof: 'y' }, 'proof')).toBe(true);
    expect(sameJson({ a: { proof: 'x' } }, { a: { proof: 'y' } }, 'proof')).toBe(false);
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ 0: 'a' }, ['a'])).toBe(false);
  });
});

describe('signingFacts', () => {
  const issuedAt = new Date('2026-01-01T00:00:00Z');
  const recorded = {
    id: 'urn:uuid:1',
    issuer: 'did:key:z1',
    validFrom: '2026-06-01T00:00:00Z',
    proof: { created: '2026-06-01T00:00:00Z' },
  };
  const ledger = { recordsOf: () => Promise.resolve([{ issuedAt, document: recorded }]) };

  it('takes the recorded time for the recorded content in any key order and with any proof', async () => {
    const presented = { ...(reordered(recorded) as object), proof: { created: '2030-01-01T00:00:00Z' } };
    expect(await signingFacts(presented, 'did:key:z1', ledger)).toEqual({ at: issuedAt, recorded: true });
  });

  it('takes what the document claims when its content differs from the record', async () => {
    const altered = { ...recorded, validFrom: '2026-06-02T00:00:00Z' };
    expect(await signingFacts(altered, 'did:key:z1', ledger)).toEqual({ at: new Date('2026-06-01T00:00:00Z'), recorded: false });
  });
});
