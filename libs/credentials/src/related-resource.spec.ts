import { createHash } from 'node:crypto';
import { dataModelProblems } from './data-model';
import {
  MAGIX_CONTEXT_V2_DIGEST,
  MAGIX_CONTEXT_V2_TEXT,
  MAGIX_CONTEXT_V3_DIGEST,
  magixContextUrl,
  magixContextV2Url,
} from './contexts/magix-context';
import { PUBLISHED_CONTEXT_DIGESTS, parseDigestMultibase } from './related-resource';

const V2 = 'https://www.w3.org/ns/credentials/v2';
const EXAMPLES = 'https://www.w3.org/ns/credentials/examples/v2';
// Version 2, which credentials issued before issue 14 name (version 3 below).
const MAGIX = magixContextV2Url('https://hei.example/');

const base = {
  '@context': [V2],
  type: ['VerifiableCredential'],
  issuer: 'did:example:1',
  credentialSubject: { id: 'did:example:2' },
};
const withResources = (...relatedResource: Record<string, unknown>[]) => dataModelProblems({ ...base, relatedResource });

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function base58btc(bytes: Buffer): string {
  let n = BigInt(`0x${bytes.toString('hex') || '0'}`);
  let out = '';
  while (n > 0n) {
    out = BASE58[Number(n % 58n)] + out;
    n /= 58n;
  }
  for (let i = 0; i < bytes.length && bytes[i] === 0; i++) out = `1${out}`;
  return `z${out}`;
}
const multihash = (code: number, digest: Buffer) => Buffer.concat([Buffer.from([code, digest.length]), digest]);
const hex = (h: string) => Buffer.from(h, 'hex');

// The current served v2 context (VC 2.0 Recommendation) and the revision the W3C test suite digests.
const V2_SHA256 = hex('59955ced6697d61e03f2b2556febe5308ab16842846f5b586d7f1f7adec92734');
const V2_SHA384 = hex('97f1eb8e5042356c805fdd61afa2c557663785e0794dcafa21e138fd38def18cb360133c221aa31d6896a6bf3e65b614');
// github.com/w3c/vc-data-model-2.0-test-suite tests/fixtures.js and tests/5-advanced-concepts.js.
const SUITE = {
  digestSRI: 'sha384-NSOcNpmdIVUxIJGvGUoe22FjTWrXiaXlsZ8q6912LdnR3KraQO2n75Ica4wK4Qeg',
  digestMultibase: 'uJKGMkOmFbVJhEfKTduMC2XCyvRAYLjOVmZWwIH1wQ7k',
  wrongMultibase: 'uM4RgWQc3RUDtjJCSgTJtTfvpZ7SPEg_LNO0ESlovQC0',
  wrongSRI: 'sha384-_rCVIV7fSXXTNIvpiq26jRDyj8JG8TDjij-tD0ewLk4JpnXEz6a5AeeY_1qQ0d0P',
};
const OTHER_SHA384 = createHash('sha384').update('something else').digest();

describe('relatedResource digests', () => {
  describe('the VC 2.0 base context', () => {
    it('accepts the published digests, as SRI and as multibase multihash (base64url and base58btc)', () => {
      expect(withResources({ id: V2, digestSRI: `sha384-${V2_SHA384.toString('base64')}` })).toEqual([]);
      expect(withResources({ id: V2, digestSRI: `sha256-${V2_SHA256.toString('base64')}` })).toEqual([]);
      expect(withResources({ id: V2, digestMultibase: `u${multihash(0x12, V2_SHA256).toString('base64url')}` })).toEqual([]);
      expect(withResources({ id: V2, digestMultibase: `u${multihash(0x20, V2_SHA384).toString('base64url')}` })).toEqual([]);
      expect(withResources({ id: V2, digestMultibase: base58btc(multihash(0x20, V2_SHA384)) })).toEqual([]);
      expect(withResources({ id: V2, digestSRI: `sha384-${V2_SHA384.toString('base64')}`, mediaType: 'application/ld+json' })).toEqual([]);
    });

    it('accepts what the W3C test suite sends as valid (the 2024-07 revision; a bare SHA-256 multibase)', () => {
      expect(withResources({ id: V2, digestSRI: SUITE.digestSRI })).toEqual([]);
      expect(withResources({ id: V2, digestMultibase: SUITE.digestMultibase })).toEqual([]);
      expect(withResources({ id: V2, mediaType: 'application/ld+json', digestSRI: SUITE.digestSRI })).toEqual([]);
      // and the table's entry for that revision is the suite's own values
      const revision = PUBLISHED_CONTEXT_DIGESTS[V2][1];
      expect(`sha384-${hex(revision.sha384!).toString('base64')}`).toBe(SUITE.digestSRI);
      expect(`u${hex(revision.sha256!).toString('base64url')}`).toBe(SUITE.digestMultibase);
    });

    it('rejects wrong digests, naming the resource', () => {
      expect(withResources({ id: V2, digestMultibase: SUITE.wrongMultibase })).toEqual([
        `relatedResource ${V2}: digestMultibase does not match the digest of the resource`,
      ]);
      expect(withResources({ id: V2, digestSRI: `sha384-${OTHER_SHA384.toString('base64')}` })).toEqual([
        `relatedResource ${V2}: digestSRI does not match the digest of the resource`,
      ]);
      expect(withResources({ id: V2, digestMultibase: `u${multihash(0x20, OTHER_SHA384).toString('base64url')}` })).toEqual([
        `relatedResource ${V2}: digestMultibase does not match the digest of the resource`,
      ]);
      expect(withResources({ id: V2, digestMultibase: base58btc(multihash(0x20, OTHER_SHA384)) })).toHaveLength(1);
      // the suite's wrong SRI is base64url, not SRI's base64: rejected as malformed
      expect(withResources({ id: V2, digestSRI: SUITE.wrongSRI })).toEqual([
        'relatedResource.digestSRI must be a Subresource Integrity hash',
      ]);
    });

    it('checks every digest of an entry: one right and one wrong is an error', () => {
      expect(withResources({ id: V2, digestSRI: SUITE.digestSRI, digestMultibase: SUITE.wrongMultibase })).toEqual([
        `relatedResource ${V2}: digestMultibase does not match the digest of the resource`,
      ]);
    });

    it('checks the examples context too', () => {
      const sha256 = hex(PUBLISHED_CONTEXT_DIGESTS[EXAMPLES][0].sha256!);
      expect(withResources({ id: EXAMPLES, digestMultibase: `u${multihash(0x12, sha256).toString('base64url')}` })).toEqual([]);
      expect(withResources({ id: EXAMPLES, digestMultibase: SUITE.digestMultibase })).toHaveLength(1);
    });

    it('cannot check an algorithm whose published digest it does not hold: not an error', () => {
      const sha512 = createHash('sha512').update('anything').digest();
      expect(withResources({ id: V2, digestSRI: `sha512-${sha512.toString('base64')}` })).toEqual([]);
    });
  });

  describe('the MAGIX context', () => {
    const sha384 = createHash('sha384').update(MAGIX_CONTEXT_V2_TEXT, 'utf8').digest();

    it('accepts MAGIX_CONTEXT_V2_DIGEST and the matching multibase, at any deployment URL', () => {
      expect(withResources({ id: MAGIX, digestSRI: MAGIX_CONTEXT_V2_DIGEST, mediaType: 'application/ld+json' })).toEqual([]);
      expect(withResources({ id: 'http://localhost:3000/contexts/magix/v2', digestSRI: MAGIX_CONTEXT_V2_DIGEST })).toEqual([]);
      expect(withResources({ id: MAGIX, digestMultibase: `u${multihash(0x20, sha384).toString('base64url')}` })).toEqual([]);
      expect(withResources({ id: MAGIX, digestMultibase: base58btc(multihash(0x20, sha384)) })).toEqual([]);
    });

    it('holds each version’s own bytes: v3 with its digest, never with v2’s', () => {
      const v3 = magixContextUrl('https://hei.example/');
      expect(v3).toBe('https://hei.example/contexts/magix/v3');
      expect(withResources({ id: v3, digestSRI: MAGIX_CONTEXT_V3_DIGEST })).toEqual([]);
      expect(withResources({ id: v3, digestSRI: MAGIX_CONTEXT_V2_DIGEST })).toEqual([
        `relatedResource ${v3}: digestSRI does not match the digest of the resource`,
      ]);
      expect(withResources({ id: MAGIX, digestSRI: MAGIX_CONTEXT_V3_DIGEST })).toHaveLength(1);
    });

    it('rejects a digest of other bytes', () => {
      expect(withResources({ id: MAGIX, digestSRI: SUITE.digestSRI })).toEqual([
        `relatedResource ${MAGIX}: digestSRI does not match the digest of the resource`,
      ]);
      expect(withResources({ id: MAGIX, digestMultibase: `u${multihash(0x20, OTHER_SHA384).toString('base64url')}` })).toEqual([
        `relatedResource ${MAGIX}: digestMultibase does not match the digest of the resource`,
      ]);
    });
  });

  describe('malformed digestMultibase', () => {
    const malformed =
      'relatedResource.digestMultibase must be a multibase (base58btc "z" or base64url "u") multihash of a SHA-2 or SHA-3 digest';
    const sha256 = createHash('sha256').update('x').digest();
    it.each([
      ['a number', 42],
      ['not multibase', 'not multibase'],
      ['an unknown multibase prefix', `m${multihash(0x12, sha256).toString('base64')}`],
      ['base64url with invalid characters', 'u+/+/'],
      ['a multihash with the wrong length', `u${Buffer.concat([Buffer.from([0x12, 0x20]), sha256.subarray(0, 31)]).toString('base64url')}`],
      ['a multihash whose length byte lies', `u${Buffer.concat([Buffer.from([0x12, 0x1f]), sha256]).toString('base64url')}`],
      ['an unknown hash code', `u${multihash(0x11, sha256).toString('base64url')}`],
      ['a bare digest of no known length', `u${sha256.subarray(0, 20).toString('base64url')}`],
      ['base58btc with an invalid character', 'z0OIl'],
      ['an empty value', 'u'],
    ])('rejects %s', (_label, digestMultibase) => {
      expect(withResources({ id: 'https://x.example/a', digestMultibase })).toEqual([malformed]);
      expect(withResources({ id: V2, digestMultibase })).toEqual([malformed]);
    });

    it('reads the algorithm from the multihash header', () => {
      expect(parseDigestMultibase(`u${multihash(0x13, createHash('sha512').update('x').digest()).toString('base64url')}`)?.algorithm).toBe(
        'sha512',
      );
      expect(parseDigestMultibase(base58btc(multihash(0x12, sha256)))?.bytes.equals(sha256)).toBe(true);
    });
  });

  describe('resources we do not hold', () => {
    it('accepts any well-formed digest: it cannot be checked offline', () => {
      const sha384 = createHash('sha384').update('a module credential').digest();
      expect(
        withResources({ id: 'urn:uuid:5b0f0f9e-1c1b-4a4e-9d3b-0d7c0c3c6d11', digestSRI: `sha384-${sha384.toString('base64')}` }),
      ).toEqual([]);
      expect(withResources({ id: 'https://x.example/a', digestMultibase: `u${multihash(0x20, sha384).toString('base64url')}` })).toEqual(
        [],
      );
      expect(withResources({ id: 'https://x.example/a', digestMultibase: SUITE.wrongMultibase })).toEqual([]);
      expect(withResources({ id: 'https://x.example/contexts/magix/v1', digestSRI: SUITE.digestSRI })).toEqual([]);
    });
  });
});
