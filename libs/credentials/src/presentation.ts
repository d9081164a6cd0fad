import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { CREDENTIALS_V2_CONTEXT_URL } from './credential.constants';
import { verifyCredential } from './credential-verifier';
import { isRecord } from './data-model';
import { overLimitPresentationReport, presentationLimitProblem } from './document-limits';
import { documentLoader } from './document-loader';
import { IssuerKeyMaterial, signerFor } from './issuer-key';
import { proofsOf, verifyProofSet } from './proof-check';
import { check, CheckName, CheckOutcome, VerificationCheck, VerificationContext, VerificationReport } from './verification.types';

export interface PresentationOptions {
  challenge: string;
  domain: string;
}

/** A holder's Verifiable Presentation of chosen credentials, bound to a verifier's challenge and domain. */
export async function signPresentation(
  credentials: unknown[],
  holder: IssuerKeyMaterial,
  options: PresentationOptions,
): Promise<Record<string, unknown>> {
  const presentation = vc.createPresentation({ verifiableCredential: credentials, holder: holder.did, version: 2.0 }) as Record<
    string,
    unknown
  >;
  const suite = new DataIntegrityProof({ signer: await signerFor(holder), cryptosuite: eddsaRdfc2022 });
  return (await vc.signPresentation({
    presentation,
    suite,
    challenge: options.challenge,
    domain: options.domain,
    documentLoader,
  })) as Record<string, unknown>;
}

export interface PresentationReport {
  verified: boolean;
  holder: string | null;
  checks: VerificationCheck[];
  credentials: VerificationReport[];
}

function presentationProblems(presentation: unknown): string[] {
  if (!isRecord(presentation)) return ['The presentation is not a JSON object'];
  const problems: string[] = [];
  const context = presentation['@context'];
  if (!Array.isArray(context) || context[0] !== CREDENTIALS_V2_CONTEXT_URL)
    problems.push(`@context must start with ${CREDENTIALS_V2_CONTEXT_URL}`);
  if (!Array.isArray(presentation.type) || !presentation.type.includes('VerifiablePresentation'))
    problems.push('type must include VerifiablePresentation');
  return problems;
}

/**
 * Verifies a presentation: its holder's proof for exactly this challenge and domain, then every
 * credential inside, each check by check.
 */
export async function verifyPresentation(
  input: unknown,
  options: Partial<PresentationOptions>,
  context: VerificationContext,
): Promise<PresentationReport> {
  const overLimit = presentationLimitProblem(input); // before any canonicalization or signature work
  if (overLimit) return overLimitPresentationReport(overLimit);
  const problems = presentationProblems(input);
  const dataModel =
    problems.length === 0
      ? check(CheckName.DATA_MODEL, CheckOutcome.PASSED, 'Well-formed Verifiable Presentation')
      : check(CheckName.DATA_MODEL, CheckOutcome.FAILED, problems.join('; '));
  if (!isRecord(input)) {
    return {
      verified: false,
      holder: null,
      checks: [dataModel, check(CheckName.PROOF, CheckOutcome.NOT_CHECKED, 'Not a presentation')],
      credentials: [],
    };
  }
  const proof = await holderProofCheck(input, options);
  const credentials = await Promise.all(
    ([] as unknown[]).concat(input.verifiableCredential ?? []).map((credential) => verifyCredential(credential, context)),
  );
  return {
    verified: dataModel.outcome === CheckOutcome.PASSED && proof.outcome === CheckOutcome.PASSED && credentials.every((c) => c.verified),
    holder:
      typeof input.holder === 'string'
        ? input.holder
        : isRecord(input.holder) && typeof input.holder.id === 'string'
          ? input.holder.id
          : null,
    checks: [dataModel, proof],
    credentials,
  };
}

async function holderProofCheck(presentation: Record<string, unknown>, options: Partial<PresentationOptions>): Promise<VerificationCheck> {
  if (!options.challenge) return check(CheckName.PROOF, CheckOutcome.FAILED, 'A challenge is required to verify a presentation');
  if (proofsOf(presentation).length === 0) return check(CheckName.PROOF, CheckOutcome.FAILED, 'The presentation has no proof');
  const results = await verifyProofSet(presentation, { purpose: 'authentication', challenge: options.challenge, domain: options.domain });
  const failure = results.find((r) => !r.verified);
  if (failure) return check(CheckName.PROOF, CheckOutcome.FAILED, `The holder’s signature does not verify: ${failure.error}`);
  const holder = isRecord(presentation.holder) ? presentation.holder.id : presentation.holder;
  if (typeof holder === 'string' && !results.some((r) => r.controller === holder)) {
    return check(CheckName.PROOF, CheckOutcome.FAILED, 'The presentation was signed by someone other than its holder');
  }
  return check(
    CheckName.PROOF,
    CheckOutcome.PASSED,
    `Signed by the holder for this challenge${options.domain ? ` and domain ${options.domain}` : ''}`,
  );
}
