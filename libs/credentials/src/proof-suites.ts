import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { createVerifyCryptosuite as eddsaJcs2022Verifier } from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import { compiledEddsaRdfc2022 as eddsaRdfc2022 } from './canonize/compiled-canonize';
import * as ed25519Signature2020Context from 'ed25519-signature-2020-context';
import { EDDSA_RDFC_2022 } from './credential.constants';
import type { DocumentLoader } from './document-loader';

export const EDDSA_JCS_2022 = 'eddsa-jcs-2022';
export const ED25519_SIGNATURE_2020 = 'Ed25519Signature2020';
export const ED25519_SIGNATURE_2020_CONTEXT_URL: string = (ed25519Signature2020Context as { constants: { CONTEXT_URL: string } }).constants
  .CONTEXT_URL;

/** What the PROOF check accepts, for failure messages. */
export const ACCEPTED_PROOFS = `DataIntegrityProof with ${EDDSA_RDFC_2022} or ${EDDSA_JCS_2022}, or ${ED25519_SIGNATURE_2020}`;

export interface SuiteVerification {
  verified: boolean;
  verificationMethod?: { id?: string; controller?: string };
  error?: unknown;
}

/** The part of a digitalbazaar proof suite that verifies one proof. */
export interface VerifyingSuite {
  verifyProof(options: {
    proof: Record<string, unknown>;
    proofSet: unknown[];
    document: Record<string, unknown>;
    documentLoader: DocumentLoader;
  }): Promise<SuiteVerification>;
}

export type SuiteChoice = { suite: VerifyingSuite; error?: undefined } | { suite?: undefined; error: string };

const includesContext = (document: Record<string, unknown>, url: string): boolean =>
  ([] as unknown[]).concat(document['@context'] ?? []).includes(url);

/**
 * The digitalbazaar suite that verifies a proof, by its type (and cryptosuite):
 * - `DataIntegrityProof` + `eddsa-rdfc-2022` — what we sign (VC 2.0, RDF Dataset Canonicalization);
 * - `DataIntegrityProof` + `eddsa-jcs-2022` — the same key and signature over JSON Canonicalization;
 * - `Ed25519Signature2020` — what Open edX and the DCC issuers sign VC 1.1 credentials with.
 * A new suite object per proof: the suites cache per document.
 */
export function suiteForProof(proof: Record<string, unknown>, document: Record<string, unknown>): SuiteChoice {
  if (proof.type === 'DataIntegrityProof') {
    if (proof.cryptosuite === EDDSA_RDFC_2022) return { suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }) as VerifyingSuite };
    if (proof.cryptosuite === EDDSA_JCS_2022) {
      return { suite: new DataIntegrityProof({ cryptosuite: eddsaJcs2022Verifier() }) as VerifyingSuite };
    }
  } else if (proof.type === ED25519_SIGNATURE_2020) {
    // The suite's own rule (its matchProof): the document must bring the suite's context, which
    // defines the proof's terms.
    if (!includesContext(document, ED25519_SIGNATURE_2020_CONTEXT_URL)) {
      return { error: `an ${ED25519_SIGNATURE_2020} proof needs the ${ED25519_SIGNATURE_2020_CONTEXT_URL} context` };
    }
    return { suite: new Ed25519Signature2020() as VerifyingSuite };
  }
  return { error: `proofs must be ${ACCEPTED_PROOFS}` };
}
