import * as jsigs from 'jsonld-signatures';
import { degreeContentDigest } from './co-award';
import { isRecord, issuerIdOf } from './data-model';
import { documentLoader } from './document-loader';
import { suiteForProof } from './proof-suites';
import { check, CheckName, CheckOutcome, VerificationCheck } from './verification.types';
import { proofOffload } from './verify-pool/proof-offload';

// Multibase "z" and the base58 Bitcoin alphabet (no 0, O, I or l).
const BASE58BTC_MULTIBASE = /^z[1-9A-HJ-NP-Za-km-z]+$/;

export function proofsOf(document: Record<string, unknown>): unknown[] {
  return ([] as unknown[]).concat(document.proof ?? []);
}

export function describeError(error: unknown): string {
  if (isRecord(error) && Array.isArray(error.errors) && error.errors.length > 0) {
    return [...new Set(error.errors.map((e) => describeError(e)))].join('; ');
  }
  if (error instanceof Error) return error.message;
  if (isRecord(error) && typeof error.message === 'string') return error.message;
  return 'unknown reason';
}

const coAwardedByOf = (document: Record<string, unknown>) => ([] as unknown[]).concat(document.coAwardedBy ?? []);

/** The DIDs a joint award names in `coAwardedBy`. */
export function coAwarderDids(document: Record<string, unknown>): string[] {
  return coAwardedByOf(document)
    .map((p) => (isRecord(p) ? p.id : p))
    .filter((id): id is string => typeof id === 'string');
}

export interface ProofResult {
  verified: boolean;
  /** The DID that controls the signing key, when the proof verified. */
  controller: string | null;
  error: string | null;
}

export type ProofPurposeName = 'assertionMethod' | 'authentication';

export interface ProofSetOptions {
  purpose: ProofPurposeName;
  challenge?: string;
  domain?: string;
}

function purposeFor(options: ProofSetOptions): { validate: (...args: unknown[]) => Promise<{ valid: boolean; error?: unknown }> } {
  return options.purpose === 'authentication'
    ? new jsigs.purposes.AuthenticationProofPurpose({ challenge: options.challenge, domain: options.domain })
    : new jsigs.purposes.AssertionProofPurpose();
}

/**
 * Verifies every proof of a proof set or chain (Data Integrity §4.3–4.4), each on its own: a
 * chained proof (`previousProof`) covers the document with the proofs it names attached. Each
 * proof must be for the expected purpose, a DataIntegrityProof with eddsa-rdfc-2022 (ours) or
 * eddsa-jcs-2022, or an Ed25519Signature2020 (Open edX, DCC; see proof-suites.ts).
 * jsonld-signatures accepts a set when any one proof verifies; callers of this get every result.
 * Runs on the app's worker threads when they are installed (verify-pool/).
 */
export async function verifyProofSet(document: Record<string, unknown>, options: ProofSetOptions): Promise<ProofResult[]> {
  const offload = proofOffload();
  if (!offload) return verifyProofSetHere(document, options);
  return offload
    .run({ kind: 'proofSet', document, options })
    .catch((error: unknown) =>
      proofsOf(document).map(() => ({ verified: false, controller: null, error: `it could not be checked: ${describeError(error)}` })),
    );
}

/** verifyProofSet in this thread. */
export async function verifyProofSetHere(document: Record<string, unknown>, options: ProofSetOptions): Promise<ProofResult[]> {
  const proofs = proofsOf(document);
  const { proof: _proofs, ...unsecured } = document;
  return Promise.all(
    proofs.map(async (proof): Promise<ProofResult> => {
      const fail = (error: string): ProofResult => ({ verified: false, controller: null, error });
      if (!isRecord(proof)) return fail('a proof is not an object');
      const choice = suiteForProof(proof, document);
      if (choice.error !== undefined) return fail(choice.error);
      if (proof.proofPurpose !== options.purpose) return fail(`the proof purpose must be ${options.purpose}`);
      if (typeof proof.proofValue !== 'string' || !BASE58BTC_MULTIBASE.test(proof.proofValue))
        return fail('proofValue must be base58btc multibase');
      if (typeof proof.verificationMethod !== 'string') return fail('the proof names no verification method');
      let signed: Record<string, unknown> = unsecured;
      if (proof.previousProof !== undefined) {
        const ids = ([] as unknown[]).concat(proof.previousProof);
        const previous = ids.map((id) => proofs.find((p) => isRecord(p) && typeof id === 'string' && p.id === id));
        if (previous.some((p) => p === undefined)) return fail('previousProof names a proof that is not in the set');
        signed = { ...unsecured, proof: previous.length === 1 ? previous[0] : previous };
      }
      try {
        const { suite } = choice;
        const result = await suite.verifyProof({
          proof,
          proofSet: proofs,
          // A copy: eddsa-jcs-2022 sets the document's @context to the proof's.
          document: { ...signed },
          documentLoader: jsigs.extendContextLoader(documentLoader),
        });
        if (!result.verified) return fail(describeError(result.error));
        const purpose = await purposeFor(options).validate(proof, {
          document: signed,
          suite,
          verificationMethod: result.verificationMethod,
          documentLoader,
        });
        if (!purpose.valid) return fail(describeError(purpose.error));
        return { verified: true, controller: result.verificationMethod?.controller ?? null, error: null };
      } catch (error) {
        return fail(describeError(error));
      }
    }),
  );
}

/**
 * The co-awarders whose signed EndorsementCredential in the degree verifies, names the degree as
 * its subject and carries the digest of the degree's content (see co-award.ts).
 */
async function endorsingIssuers(document: Record<string, unknown>): Promise<Set<string>> {
  const endorsed = new Set<string>();
  const endorsements = ([] as unknown[]).concat(document.endorsement ?? []);
  if (endorsements.length === 0) return endorsed;
  const digest = degreeContentDigest(document);
  for (const endorsement of endorsements) {
    if (!isRecord(endorsement) || !Array.isArray(endorsement.type) || !endorsement.type.includes('EndorsementCredential')) continue;
    const subject = endorsement.credentialSubject;
    if (!isRecord(subject) || subject.id !== document.id) continue;
    const bound = ([] as unknown[])
      .concat(endorsement.relatedResource ?? [])
      .some((r) => isRecord(r) && r.id === document.id && r.digestSRI === digest);
    const endorser = issuerIdOf(endorsement);
    if (!bound || !endorser || proofsOf(endorsement).length === 0) continue;
    const results = await verifyProofSetHere(endorsement, { purpose: 'assertionMethod' });
    if (results.every((r) => r.verified) && results.some((r) => r.controller === endorser)) endorsed.add(endorser);
  }
  return endorsed;
}

/**
 * The PROOF check of a credential: every proof verifies, and at least one is by the issuer. A
 * joint award names its co-awarders: each must have signed it, by an endorsement bound to its
 * content (since issue 10) or by a proof in a proof set (before). Runs on the app's worker
 * threads when they are installed (verify-pool/).
 */
export async function dataIntegrityProofCheck(document: Record<string, unknown>): Promise<VerificationCheck> {
  const offload = proofOffload();
  if (!offload) return dataIntegrityProofCheckHere(document);
  return offload.run({ kind: 'credentialProofs', document }).catch((error: unknown) => {
    const detail = describeError(error);
    return check(CheckName.PROOF, CheckOutcome.FAILED, 'proof.uncheckable', `The signatures could not be checked: ${detail}`, { detail });
  });
}

/** dataIntegrityProofCheck in this thread. */
export async function dataIntegrityProofCheckHere(document: Record<string, unknown>): Promise<VerificationCheck> {
  const proofs = proofsOf(document);
  if (proofs.length === 0) return check(CheckName.PROOF, CheckOutcome.FAILED, 'proof.none', 'The credential has no proof');
  const results = await verifyProofSetHere(document, { purpose: 'assertionMethod' });
  const failures = results.filter((r) => !r.verified);
  if (failures.length > 0) {
    const detail = [...new Set(failures.map((f) => f.error))].join('; ');
    return proofs.length > 1
      ? check(
          CheckName.PROOF,
          CheckOutcome.FAILED,
          'proof.someMismatch',
          `${failures.length} of ${proofs.length} signatures do not match: ${detail}`,
          {
            failed: String(failures.length),
            total: String(proofs.length),
            detail,
          },
        )
      : check(CheckName.PROOF, CheckOutcome.FAILED, 'proof.mismatch', `The signature does not match: ${detail}`, { detail });
  }
  const issuer = issuerIdOf(document);
  if (!results.some((r) => r.controller === issuer)) {
    return check(CheckName.PROOF, CheckOutcome.FAILED, 'proof.notByIssuer', 'No proof is by the credential’s issuer');
  }
  const anonymous = coAwardedByOf(document).filter((p) => !(isRecord(p) && typeof p.id === 'string'));
  if (anonymous.length > 0) {
    const message = 'A co-awarder is named without an identifier: its signature cannot be checked';
    return check(CheckName.PROOF, CheckOutcome.FAILED, 'proof.anonymousCoAwarder', message);
  }
  const coAwarders = coAwarderDids(document).filter((did) => did !== issuer);
  const endorsed = coAwarders.length > 0 ? await endorsingIssuers(document) : new Set<string>();
  const unsigned = coAwarders.filter((did) => !endorsed.has(did) && !results.some((r) => r.controller === did));
  if (unsigned.length > 0) {
    const dids = unsigned.join(', ');
    return check(CheckName.PROOF, CheckOutcome.FAILED, 'proof.coAwarderUnsigned', `Missing the signature of co-awarding ${dids}`, { dids });
  }
  if (coAwarders.length > 0) {
    const message = `The issuer’s signature and those of ${coAwarders.length} co-awarders match the content and the issuer`;
    return check(CheckName.PROOF, CheckOutcome.PASSED, 'proof.coAwardersMatch', message, { number: String(coAwarders.length) });
  }
  return proofs.length === 1
    ? check(CheckName.PROOF, CheckOutcome.PASSED, 'proof.matches', 'The signature matches the content and the issuer')
    : check(CheckName.PROOF, CheckOutcome.PASSED, 'proof.allMatch', `All ${proofs.length} signatures match the content and the issuer`, {
        total: String(proofs.length),
      });
}
