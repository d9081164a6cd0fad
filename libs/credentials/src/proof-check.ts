import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as jsigs from 'jsonld-signatures';
import { EDDSA_RDFC_2022 } from './credential.constants';
import { isRecord, issuerIdOf } from './data-model';
import { documentLoader } from './document-loader';
import { check, CheckName, CheckOutcome, VerificationCheck } from './verification.types';

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

/** The DIDs a joint award names in `coAwardedBy`. */
export function coAwarderDids(document: Record<string, unknown>): string[] {
  const listed = ([] as unknown[]).concat(document.coAwardedBy ?? []);
  return listed.map((p) => (isRecord(p) ? p.id : p)).filter((id): id is string => typeof id === 'string');
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
 * proof must be eddsa-rdfc-2022 for the expected purpose. jsonld-signatures accepts a set when any
 * one proof verifies; callers of this get every result.
 */
export async function verifyProofSet(document: Record<string, unknown>, options: ProofSetOptions): Promise<ProofResult[]> {
  const proofs = proofsOf(document);
  const { proof: _proofs, ...unsecured } = document;
  return Promise.all(
    proofs.map(async (proof): Promise<ProofResult> => {
      const fail = (error: string): ProofResult => ({ verified: false, controller: null, error });
      if (!isRecord(proof)) return fail('a proof is not an object');
      if (proof.type !== 'DataIntegrityProof' || proof.cryptosuite !== EDDSA_RDFC_2022)
        return fail(`proofs must be DataIntegrityProof with ${EDDSA_RDFC_2022}`);
      if (proof.proofPurpose !== options.purpose) return fail(`the proof purpose must be ${options.purpose}`);
      if (typeof proof.proofValue !== 'string' || !proof.proofValue.startsWith('z')) return fail('proofValue must be base58btc multibase');
      if (typeof proof.verificationMethod !== 'string') return fail('the proof names no verification method');
      let signed: Record<string, unknown> = unsecured;
      if (proof.previousProof !== undefined) {
        const ids = ([] as unknown[]).concat(proof.previousProof);
        const previous = ids.map((id) => proofs.find((p) => isRecord(p) && typeof id === 'string' && p.id === id));
        if (previous.some((p) => p === undefined)) return fail('previousProof names a proof that is not in the set');
        signed = { ...unsecured, proof: previous.length === 1 ? previous[0] : previous };
      }
      try {
        const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
        const result = (await suite.verifyProof({
          proof,
          proofSet: proofs,
          document: signed,
          documentLoader: jsigs.extendContextLoader(documentLoader),
        })) as {
          verified: boolean;
          verificationMethod?: { controller?: string };
          error?: unknown;
        };
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
 * The PROOF check of a credential: every proof verifies, and at least one is by the issuer (a
 * joint award carries one proof per co-awarding issuer; see `requireAllControllers`).
 */
export async function dataIntegrityProofCheck(document: Record<string, unknown>): Promise<VerificationCheck> {
  const proofs = proofsOf(document);
  if (proofs.length === 0) return check(CheckName.PROOF, CheckOutcome.FAILED, 'The credential has no proof');
  const results = await verifyProofSet(document, { purpose: 'assertionMethod' });
  const failures = results.filter((r) => !r.verified);
  if (failures.length > 0) {
    const which = proofs.length > 1 ? `${failures.length} of ${proofs.length} signatures do not match` : 'The signature does not match';
    return check(CheckName.PROOF, CheckOutcome.FAILED, `${which}: ${[...new Set(failures.map((f) => f.error))].join('; ')}`);
  }
  const issuer = issuerIdOf(document);
  if (!results.some((r) => r.controller === issuer)) {
    return check(CheckName.PROOF, CheckOutcome.FAILED, 'No proof is by the credential’s issuer');
  }
  // A joint award names its co-awarders: each must have signed this very document.
  const unsigned = coAwarderDids(document).filter((did) => !results.some((r) => r.controller === did));
  if (unsigned.length > 0) {
    return check(CheckName.PROOF, CheckOutcome.FAILED, `Missing the signature of co-awarding ${unsigned.join(', ')}`);
  }
  const what = proofs.length === 1 ? 'The signature matches' : `All ${proofs.length} signatures match`;
  return check(CheckName.PROOF, CheckOutcome.PASSED, `${what} the content and the issuer`);
}
