import { looksLikeJwt } from './jose-credential';
import { unsafeJsonLdName, unsafeNameMessage } from './unsafe-names';
import type { PresentationReport } from './presentation';
import { check, CheckName, CheckOutcome } from './verification.types';

/**
 * What one verification may cost, checked before any canonicalization or signature work, on every
 * interface (GraphQL, REST, VC-API, share links: they all call verifyCredential / verifyPresentation).
 * Canonicalization costs about 0.08 ms of CPU per JSON value and is done once per proof, so the
 * limits bound values, proofs and their product. Why each number: docs/verification-cost.md.
 */
export const VERIFICATION_LIMITS = {
  /** Serialized JSON, UTF-8. */
  credentialBytes: 512 * 1024,
  presentationBytes: 1024 * 1024,
  /** Nesting of objects and arrays; real credentials need fewer than 12 levels. */
  depth: 32,
  /** Every JSON value counts: objects, arrays, strings, numbers, booleans, nulls. */
  credentialValues: 4_000,
  presentationValues: 20_000,
  /** In any one proof set: the credential's, an endorsement's, the presentation's. */
  proofsPerSet: 8,
  /** Embedded EndorsementCredentials: a MAGIX degree carries one per co-awarder but the issuer. */
  endorsements: 16,
  /** Proofs a credential makes us verify: its own and those of its endorsements. */
  signaturesPerCredential: 16,
  /** Σ values × proofs over every proof set verified: the canonicalization work. */
  canonicalizedValuesPerCredential: 16_000,
  canonicalizedValuesPerPresentation: 40_000,
  credentialsPerPresentation: 50,
  /** Each one is a registry or status-list look-up. */
  coAwarders: 16,
  statusEntries: 8,
} as const;

export type VerificationLimit = keyof typeof VERIFICATION_LIMITS;

const DESCRIPTIONS: Record<VerificationLimit, string> = {
  credentialBytes: 'bytes in a credential',
  presentationBytes: 'bytes in a presentation',
  depth: 'levels of nesting',
  credentialValues: 'JSON values in a credential',
  presentationValues: 'JSON values in a presentation',
  proofsPerSet: 'proofs in one proof set',
  endorsements: 'embedded endorsements',
  signaturesPerCredential: 'signatures to verify in a credential, its endorsements’ included',
  canonicalizedValuesPerCredential: 'values to canonicalize for a credential’s proofs (values × proofs)',
  canonicalizedValuesPerPresentation: 'values to canonicalize for a presentation’s proofs and its credentials’ (values × proofs)',
  credentialsPerPresentation: 'credentials in a presentation',
  coAwarders: 'co-awarders',
  statusEntries: 'status entries',
};

/** The DATA_MODEL message for a limit passed: which limit, its value, and what the document has. */
export function overLimitMessage(limit: VerificationLimit, found: number | string): string {
  return `Over the verification limit of ${VERIFICATION_LIMITS[limit].toLocaleString('en')} ${DESCRIPTIONS[limit]} (${limit}): found ${typeof found === 'number' ? found.toLocaleString('en') : found}`;
}

/** Why a document is refused before any work. */
class Refused extends Error {}

class OverLimit extends Refused {
  constructor(
    readonly limit: VerificationLimit,
    found: number | string,
  ) {
    super(overLimitMessage(limit, found));
  }
}

/** Once its size is known to be bounded: a document jsonld.js must never see. */
function ensureSafeNames(document: unknown): void {
  const name = unsafeJsonLdName(document);
  if (name !== null) throw new Refused(unsafeNameMessage(name));
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/**
 * Counts the JSON values of a document without recursion (a hostile nesting cannot overflow the
 * stack), stopping at the first limit passed.
 */
function valuesIn(document: unknown, maxValues: number, valueLimit: VerificationLimit): number {
  const stack: Array<[unknown, number]> = [[document, 0]];
  let values = 0;
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (++values > maxValues) throw new OverLimit(valueLimit, `more than ${maxValues.toLocaleString('en')}`);
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= VERIFICATION_LIMITS.depth) throw new OverLimit('depth', `more than ${VERIFICATION_LIMITS.depth}`);
    for (const child of Array.isArray(value) ? value : Object.values(value)) stack.push([child, depth + 1]);
  }
  return values;
}

/** Only called once depth and values are within limits, so stringify is bounded and cannot overflow. */
function ensureBytes(document: unknown, limit: 'credentialBytes' | 'presentationBytes'): void {
  const bytes = Buffer.byteLength(JSON.stringify(document) ?? '', 'utf8');
  if (bytes > VERIFICATION_LIMITS[limit]) throw new OverLimit(limit, bytes);
}

function ensureAtMost(limit: VerificationLimit, found: number): void {
  if (found > VERIFICATION_LIMITS[limit]) throw new OverLimit(limit, found);
}

/** A credential as verifyCredential reads it: JSON, JSON text, or a VC-JOSE JWS whose payload is one. */
function credentialValue(input: unknown): unknown {
  if (typeof input !== 'string') return input;
  if (Buffer.byteLength(input, 'utf8') > VERIFICATION_LIMITS.credentialBytes) {
    throw new OverLimit('credentialBytes', Buffer.byteLength(input, 'utf8'));
  }
  try {
    if (looksLikeJwt(input)) return JSON.parse(Buffer.from(input.trim().split('.')[1], 'base64url').toString('utf8')) as unknown;
    return JSON.parse(input) as unknown;
  } catch {
    return undefined; // not JSON: verifyCredential reports that, cheaply
  }
}

/** The canonicalization work of a credential's proof sets (its own and its endorsements'), checked against the per-credential limits. */
function credentialWork(credential: unknown): number {
  // The counts an attacker inflates first, so that the answer names them.
  const record = isRecord(credential) ? credential : {};
  const proofs = listOf(record.proof).length;
  ensureAtMost('proofsPerSet', proofs);
  const endorsements = listOf(record.endorsement);
  ensureAtMost('endorsements', endorsements.length);
  ensureAtMost('coAwarders', listOf(record.coAwardedBy).length);
  ensureAtMost('statusEntries', listOf(record.credentialStatus).length);
  const values = valuesIn(credential, VERIFICATION_LIMITS.credentialValues, 'credentialValues');
  ensureBytes(credential, 'credentialBytes');
  ensureSafeNames(credential);
  let signatures = proofs;
  let work = values * proofs;
  for (const endorsement of endorsements) {
    if (!isRecord(endorsement)) continue;
    const endorsementProofs = listOf(endorsement.proof).length;
    ensureAtMost('proofsPerSet', endorsementProofs);
    signatures += endorsementProofs;
    work += valuesIn(endorsement, VERIFICATION_LIMITS.credentialValues, 'credentialValues') * endorsementProofs;
  }
  ensureAtMost('signaturesPerCredential', signatures);
  ensureAtMost('canonicalizedValuesPerCredential', work);
  return work;
}

/**
 * Why verifyCredential must not even start on this input (a message naming the limit, or the name
 * JSON-LD processors mishandle), or null
 * when it is within every limit (or is not a credential at all, which verifyCredential reports).
 */
export function credentialLimitProblem(input: unknown): string | null {
  try {
    credentialWork(credentialValue(input));
    return null;
  } catch (error) {
    if (error instanceof Refused) return error.message;
    throw error;
  }
}

/** As credentialLimitProblem, for a presentation: its own limits, then each credential's. */
export function presentationLimitProblem(input: unknown): string | null {
  try {
    const record = isRecord(input) ? input : {};
    const proofs = listOf(record.proof).length;
    ensureAtMost('proofsPerSet', proofs);
    const credentials = listOf(record.verifiableCredential);
    ensureAtMost('credentialsPerPresentation', credentials.length);
    const values = valuesIn(input, VERIFICATION_LIMITS.presentationValues, 'presentationValues');
    ensureBytes(input, 'presentationBytes');
    ensureSafeNames(input);
    let work = values * proofs;
    for (const credential of credentials) work += credentialWork(credentialValue(credential));
    ensureAtMost('canonicalizedValuesPerPresentation', work);
    return null;
  } catch (error) {
    if (error instanceof Refused) return error.message;
    throw error;
  }
}

/** The report on a presentation refused by a limit: the data model failed, nothing else ran. */
export function overLimitPresentationReport(problem: string): PresentationReport {
  const report = {
    verified: false,
    holder: null,
    checks: [
      check(CheckName.DATA_MODEL, CheckOutcome.FAILED, 'dataModel.problems', problem, { detail: problem }),
      check(
        CheckName.PROOF,
        CheckOutcome.NOT_CHECKED,
        'notChecked.presentationOverLimit',
        'Not checked: the presentation is over a verification limit',
      ),
    ],
    credentials: [],
    presentedBy: [],
  };
  return report;
}
