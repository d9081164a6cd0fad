import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import * as jsigs from 'jsonld-signatures';
import { EDDSA_RDFC_2022 } from './credential.constants';
import { isRecord } from './data-model';
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

/**
 * Checks every Data Integrity proof (eddsa-rdfc-2022) on a credential; each proof's key must be
 * controlled by the credential's issuer. `purpose` overrides that for presentations.
 */
export async function dataIntegrityProofCheck(
  document: Record<string, unknown>,
  purpose: unknown = new vc.CredentialIssuancePurpose(),
): Promise<VerificationCheck> {
  const proofs = proofsOf(document);
  if (proofs.length === 0) return check(CheckName.PROOF, CheckOutcome.FAILED, 'The credential has no proof');
  if (!proofs.every((proof) => isRecord(proof) && proof.type === 'DataIntegrityProof' && proof.cryptosuite === EDDSA_RDFC_2022)) {
    return check(CheckName.PROOF, CheckOutcome.FAILED, `Every proof must be a DataIntegrityProof using ${EDDSA_RDFC_2022}`);
  }
  try {
    const result = (await jsigs.verify(structuredClone(document), {
      suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
      purpose,
      documentLoader,
    })) as { verified: boolean; error?: unknown; results?: Array<{ verified: boolean; error?: unknown }> };
    const verifiedCount = (result.results ?? []).filter((r) => r.verified).length;
    if (result.verified && verifiedCount === proofs.length) {
      const what = proofs.length === 1 ? 'The signature matches' : `All ${proofs.length} signatures match`;
      return check(CheckName.PROOF, CheckOutcome.PASSED, `${what} the content and the issuer`);
    }
    // jsonld-signatures is satisfied by any one valid proof; we require all of them.
    const failures = (result.results ?? []).filter((r) => !r.verified).map((r) => describeError(r.error));
    const reason = failures.length > 0 ? [...new Set(failures)].join('; ') : describeError(result.error);
    const which =
      proofs.length > 1 ? `${proofs.length - verifiedCount} of ${proofs.length} signatures do not match` : 'The signature does not match';
    return check(CheckName.PROOF, CheckOutcome.FAILED, `${which}: ${reason}`);
  } catch (error) {
    return check(CheckName.PROOF, CheckOutcome.FAILED, `The proof cannot be checked: ${describeError(error)}`);
  }
}
