import { createHash } from 'node:crypto';
import { CREDENTIALS_V2_CONTEXT_URL, EXAMPLES_V2_CONTEXT_URL } from './credential.constants';
import { magixContextTextAt } from './contexts/magix-context';

/**
 * Integrity of related resources (VC Data Model 2.0 §5.3): "If the digest provided by the issuer does
 * not match the digest computed for the retrieved resource, the conforming verifier implementation
 * MUST produce an error." We never fetch; we check the resources we hold offline (the W3C contexts we
 * bundle, against the digests the W3C publishes, and the MAGIX context, against its exact served
 * bytes). A digest of any other resource cannot be checked offline and is not an error.
 */

export type DigestAlgorithm = 'sha256' | 'sha384' | 'sha512' | 'sha3-256' | 'sha3-384';

export interface Digest {
  algorithm: DigestAlgorithm;
  bytes: Buffer;
}

/**
 * Multihash codes (https://github.com/multiformats/multicodec table; VC Data Integrity §2.6
 * "Resource Integrity" defines `digestMultibase` as a Multibase-encoded Multihash). All codes and
 * lengths fit one unsigned-varint byte.
 */
const MULTIHASH: Record<number, { algorithm: DigestAlgorithm; length: number }> = {
  0x12: { algorithm: 'sha256', length: 32 },
  0x20: { algorithm: 'sha384', length: 48 },
  0x13: { algorithm: 'sha512', length: 64 },
  0x16: { algorithm: 'sha3-256', length: 32 },
  0x15: { algorithm: 'sha3-384', length: 48 },
};

/**
 * A bare digest with no multihash header, named by its length. Not what the specification asks for,
 * but the W3C vc-data-model-2.0-test-suite (tests/fixtures.js `relatedResource.digestMultibase`)
 * sends one and expects it to be accepted, so a bare SHA-2 digest of an exact length is read too.
 */
const BARE_BY_LENGTH: Record<number, DigestAlgorithm> = { 32: 'sha256', 48: 'sha384', 64: 'sha512' };

const BASE58_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const BASE64URL = /^[A-Za-z0-9_-]+$/;

function base58btcDecode(text: string): Buffer | null {
  if (text.length === 0) return null;
  const bytes: number[] = [];
  for (const char of text) {
    let carry = BASE58_ALPHABET.indexOf(char);
    if (carry < 0) return null;
    for (let i = 0; i < bytes.length; i++) {
      carry += bytes[i] * 58;
      bytes[i] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  for (let i = 0; i < text.length && text[i] === '1'; i++) bytes.push(0);
  return Buffer.from(bytes.reverse());
}

function base64urlDecode(text: string): Buffer | null {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return null;
  const bytes = Buffer.from(text, 'base64url');
  // Refuse non-canonical encodings (stray trailing bits), so one digest has one spelling.
  return bytes.toString('base64url') === text ? bytes : null;
}

/** Reads a `digestMultibase` value; null when it is not a multibase-encoded digest we know. */
export function parseDigestMultibase(value: unknown): Digest | null {
  if (typeof value !== 'string' || value.length < 2) return null;
  const body = value.slice(1);
  const bytes = value[0] === 'z' ? base58btcDecode(body) : value[0] === 'u' ? base64urlDecode(body) : null;
  if (bytes === null) return null;
  const hash = MULTIHASH[bytes[0]];
  if (hash !== undefined && bytes.length === hash.length + 2 && bytes[1] === hash.length) {
    return { algorithm: hash.algorithm, bytes: bytes.subarray(2) };
  }
  const bare = BARE_BY_LENGTH[bytes.length];
  return bare === undefined ? null : { algorithm: bare, bytes };
}

/** Subresource Integrity `hash-expression` (SRI §3.5), one of the algorithms SRI names. */
export const SRI_DIGEST = /^sha(256|384|512)-[A-Za-z0-9+/]+={0,2}$/;

/** Reads a well-formed `digestSRI` value (see SRI_DIGEST); null otherwise. */
export function parseDigestSri(value: unknown): Digest | null {
  if (typeof value !== 'string' || !SRI_DIGEST.test(value)) return null;
  const dash = value.indexOf('-');
  return { algorithm: value.slice(0, dash) as DigestAlgorithm, bytes: Buffer.from(value.slice(dash + 1), 'base64') };
}

/**
 * Published digests of the W3C contexts we bundle, by URL (hex). The npm packages' JSON is not
 * byte-identical to what the W3C serves, so these are not computed from our bundled objects. Every
 * published revision a credential may cite is listed: an issuer digests what was served when it issued.
 */
export const PUBLISHED_CONTEXT_DIGESTS: Readonly<Record<string, readonly Partial<Record<DigestAlgorithm, string>>[]>> = {
  [CREDENTIALS_V2_CONTEXT_URL]: [
    // The document served since the VC Data Model 2.0 Recommendation (2025-05-15): file
    // contexts/credentials/v2 of github.com/w3c/vc-data-model at 08b83e46 ("Ensure integers can be
    // round-tripped from RDF.", 10131 bytes); the SHA-256 is the one the Recommendation's
    // "Base Context" appendix publishes (it renders the digest of the served file).
    {
      sha256: '59955ced6697d61e03f2b2556febe5308ab16842846f5b586d7f1f7adec92734',
      sha384: '97f1eb8e5042356c805fdd61afa2c557663785e0794dcafa21e138fd38def18cb360133c221aa31d6896a6bf3e65b614',
    },
    // The revision of 2024-07-03 (same file at 8d0ee107, "Remove `@vocab` definition from v2 context.",
    // 10139 bytes), served during the Candidate Recommendation. The W3C vc-data-model-2.0-test-suite
    // (tests/fixtures.js `relatedResource`) carries exactly these: digestSRI
    // sha384-NSOcNpmdIVUxIJGvGUoe22FjTWrXiaXlsZ8q6912LdnR3KraQO2n75Ica4wK4Qeg and digestMultibase
    // uJKGMkOmFbVJhEfKTduMC2XCyvRAYLjOVmZWwIH1wQ7k (the bare SHA-256 below).
    {
      sha256: '24a18c90e9856d526111f29376e302d970b2bd10182e33959995b0207d7043b9',
      sha384: '35239c36999d2155312091af194a1edb61634d6ad789a5e5b19f2aebdd762dd9d1dcaada40eda7ef921c6b8c0ae107a0',
    },
  ],
  [EXAMPLES_V2_CONTEXT_URL]: [
    // File contexts/credentials/examples/v2 of github.com/w3c/vc-data-model (its only revision,
    // 80cefeec, 84 bytes), which is what https://www.w3.org/ns/credentials/examples/v2 serves.
    {
      sha256: '57393fbc69d6efb9b9b5dc9cb6b9880b0944360abfe2eaf459c9e58cf2279d7c',
      sha384: 'ccd35b4135824944a2d1b6f3edd6ee6be45c10dbfb0ba16f966609d58f88ef6ec7b0f387773c042cc60ef4ccfaf0cdba',
    },
  ],
};

/** A deployment's MAGIX context URL (…/contexts/magix/v2 or v3): we hold its exact bytes. */
export const isMagixContextUrl = (id: string) => magixContextTextAt(id) !== undefined;

/**
 * Whether a digest matches the resource `id`: true or false when we hold the resource (or its
 * published digest in that algorithm), undefined when it cannot be checked offline.
 */
export function digestMatches(id: string, digest: Digest): boolean | undefined {
  const magixText = magixContextTextAt(id);
  if (magixText !== undefined) return createHash(digest.algorithm).update(magixText, 'utf8').digest().equals(digest.bytes);
  const revisions = PUBLISHED_CONTEXT_DIGESTS[id];
  if (revisions === undefined) return undefined;
  const known = revisions.map((r) => r[digest.algorithm]).filter((hex): hex is string => hex !== undefined);
  if (known.length === 0) return undefined;
  return known.some((hex) => Buffer.from(hex, 'hex').equals(digest.bytes));
}

/**
 * Problems with the digests of one `relatedResource` entry: malformed `digestMultibase`, and any
 * digest that does not match a resource we hold. (`digestSRI` form is checked by the caller.)
 */
export function relatedResourceDigestProblems(item: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const id = typeof item.id === 'string' ? item.id : undefined;
  const checks: [string, Digest | null][] = [];
  if (item.digestMultibase !== undefined) {
    const digest = parseDigestMultibase(item.digestMultibase);
    if (digest === null) {
      problems.push(
        'relatedResource.digestMultibase must be a multibase (base58btc "z" or base64url "u") multihash of a SHA-2 or SHA-3 digest',
      );
    }
    checks.push(['digestMultibase', digest]);
  }
  if (item.digestSRI !== undefined) checks.push(['digestSRI', parseDigestSri(item.digestSRI)]);
  if (id === undefined) return problems;
  for (const [field, digest] of checks) {
    if (digest !== null && digestMatches(id, digest) === false) {
      problems.push(`relatedResource ${id}: ${field} does not match the digest of the resource`);
    }
  }
  return problems;
}
