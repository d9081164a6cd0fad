import { randomUUID } from 'node:crypto';
import { digestSri } from './contexts/magix-context';
import { CREDENTIALS_V2_CONTEXT_URL, OPEN_BADGES_CONTEXT_URL } from './credential.constants';
import { IssuerProfile, issuerProfile, toDateTimeStamp, UnsignedCredential } from './module-credential.builder';

/**
 * JSON Canonicalization Scheme (RFC 8785): keys sorted by UTF-16 code units, ECMAScript number
 * and string forms — exactly what `JSON.stringify` writes for each primitive.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * What each co-awarder signs: the degree as issued, without its proof and its endorsements (the
 * endorsements cannot cover themselves), canonicalized with JCS and hashed with SHA-384.
 */
export function degreeContentDigest(degree: Record<string, unknown>): string {
  const { proof: _proof, endorsement: _endorsement, ...content } = degree;
  return digestSri(canonicalJson(content));
}

export interface CoAwardFacts {
  degree: UnsignedCredential;
  coAwarder: IssuerProfile;
  issuedAt: Date;
  /** Fixed in tests. */
  id?: string;
}

/**
 * One co-awarding HEI's attestation of a joint degree: an Open Badges 3.0 EndorsementCredential
 * about the degree (its subject is the degree's id), bound to the degree's exact content by a
 * `relatedResource` digest. Signed by that HEI, it verifies on its own with any VC library.
 */
export function buildCoAwardEndorsement(facts: CoAwardFacts): UnsignedCredential {
  const { degree, coAwarder } = facts;
  const degreeId = String(degree.id);
  return {
    '@context': [CREDENTIALS_V2_CONTEXT_URL, OPEN_BADGES_CONTEXT_URL],
    id: facts.id ?? `urn:uuid:${randomUUID()}`,
    type: ['VerifiableCredential', 'EndorsementCredential'],
    name: `${coAwarder.name} co-awards ${String(degree.name)}`,
    issuer: issuerProfile(coAwarder),
    validFrom: toDateTimeStamp(facts.issuedAt),
    credentialSubject: {
      id: degreeId,
      type: ['EndorsementSubject'],
      endorsementComment: `${coAwarder.name} (${coAwarder.countryCode}) is a co-awarding university of this joint degree and attests its content.`,
    },
    relatedResource: [{ id: degreeId, digestSRI: degreeContentDigest(degree) }],
  };
}
