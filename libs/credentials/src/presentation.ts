import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { compiledEddsaRdfc2022 as eddsaRdfc2022 } from './canonize/compiled-canonize';
import * as vc from '@digitalbazaar/vc';
import { CREDENTIALS_V2_CONTEXT_URL } from './credential.constants';
import { verifyCredential } from './credential-verifier';
import { isRecord, subjectIdsOf } from './data-model';
import { overLimitPresentationReport, presentationLimitProblem } from './document-limits';
import { documentLoader } from './document-loader';
import { IssuerKeyMaterial, signerFor } from './issuer-key';
import { ProofResult, proofsOf, verifyProofSet } from './proof-check';
import { CheckCode, CheckParams } from './check-codes';
import { check, CheckName, CheckOutcome, VerificationCheck, VerificationContext, VerificationReport } from './verification.types';

export interface PresentationOptions {
  challenge: string;
  domain: string;
  /**
   * The DID whose enveloping proof (a VP-JWT) secures this presentation, checked by the caller: the
   * embedded proof is then not looked for, and holder binding is to this DID.
   */
  envelopedBy?: string;
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
  /** The DATA_MODEL and PROOF checks of the presentation, then one HOLDER check per credential. */
  checks: VerificationCheck[];
  credentials: VerificationReport[];
  /** The DIDs whose proofs of the presentation verified: who presented it. */
  presentedBy: string[];
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
 * Whether each credential is the presenter's: a presentation proves possession only of credentials
 * issued to a DID its signer controls — the subject's own, or another DID of the same learner (the
 * key the platform holds for them, their registered wallet). Anyone can copy a credential from a
 * share link; only its holder can sign for its subject.
 */
export async function holderBindingChecks(
  credentials: VerificationReport[],
  presentedBy: string[],
  context: Pick<VerificationContext, 'holders'>,
): Promise<VerificationCheck[]> {
  return Promise.all(
    credentials.map(async (report, i) => {
      // "1 (urn:uuid:…)": a number and an identifier read the same in every language.
      const credential = `${i + 1}${report.credentialId ? ` (${report.credentialId})` : ''}`;
      const which = `Credential ${credential}`;
      if (presentedBy.length === 0) {
        const message = `${which}: not checked, no proof of the presentation verified`;
        return check(CheckName.HOLDER, CheckOutcome.NOT_CHECKED, 'holder.notChecked', message, { credential });
      }
      const subjects = report.credential ? subjectIdsOf(report.credential) : [];
      if (subjects.length === 0) {
        const message = `${which} is not the presenter's: it names no subject to bind it to`;
        return check(CheckName.HOLDER, CheckOutcome.FAILED, 'holder.noSubject', message, { credential });
      }
      for (const subject of subjects) {
        const presenters = [subject, ...((await context.holders?.presentersOf(subject)) ?? [])];
        if (presenters.some((did) => presentedBy.includes(did))) {
          return check(CheckName.HOLDER, CheckOutcome.PASSED, 'holder.bound', `${which} was issued to the presenter (${subject})`, {
            credential,
            subject,
          });
        }
      }
      const [issuedTo, presenters] = [subjects.join(', '), presentedBy.join(', ')];
      return check(
        CheckName.HOLDER,
        CheckOutcome.FAILED,
        'holder.notBound',
        `${which} is not the presenter's: it was issued to ${issuedTo}, the presentation is signed by ${presenters}`,
        { credential, subjects: issuedTo, presenters },
      );
    }),
  );
}

/**
 * Verifies a presentation: its holder's proof for exactly this challenge and domain, then every
 * credential inside, each check by check, and each one's binding to the presenter.
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
      ? check(CheckName.DATA_MODEL, CheckOutcome.PASSED, 'dataModel.presentationValid', 'Well-formed Verifiable Presentation')
      : check(CheckName.DATA_MODEL, CheckOutcome.FAILED, 'dataModel.problems', problems.join('; '), { detail: problems.join('; ') });
  if (!isRecord(input)) {
    return {
      verified: false,
      holder: null,
      checks: [dataModel, check(CheckName.PROOF, CheckOutcome.NOT_CHECKED, 'notChecked.notPresentation', 'Not a presentation')],
      credentials: [],
      presentedBy: [],
    };
  }
  const { proof, presentedBy } = options.envelopedBy
    ? {
        proof: check(
          CheckName.PROOF,
          CheckOutcome.PASSED,
          'presentation.enveloped',
          `Secured by an enveloping proof of ${options.envelopedBy}`,
          {
            did: options.envelopedBy,
          },
        ),
        presentedBy: [options.envelopedBy],
      }
    : await holderProofCheck(input, options);
  const credentials = await Promise.all(
    ([] as unknown[]).concat(input.verifiableCredential ?? []).map((credential) => verifyCredential(credential, context)),
  );
  const checks = [dataModel, proof, ...(await holderBindingChecks(credentials, presentedBy, context))];
  return {
    verified: checks.every((c) => c.outcome === CheckOutcome.PASSED) && credentials.every((c) => c.verified),
    holder:
      typeof input.holder === 'string'
        ? input.holder
        : isRecord(input.holder) && typeof input.holder.id === 'string'
          ? input.holder.id
          : null,
    checks,
    credentials,
    presentedBy,
  };
}

async function holderProofCheck(
  presentation: Record<string, unknown>,
  options: Partial<PresentationOptions>,
): Promise<{ proof: VerificationCheck; presentedBy: string[] }> {
  const failed = (code: CheckCode, message: string, params: CheckParams = {}) => ({
    proof: check(CheckName.PROOF, CheckOutcome.FAILED, code, message, params),
    presentedBy: [],
  });
  if (!options.challenge) return failed('presentation.challengeRequired', 'A challenge is required to verify a presentation');
  if (proofsOf(presentation).length === 0) return failed('presentation.noProof', 'The presentation has no proof');
  const results: ProofResult[] = await verifyProofSet(presentation, {
    purpose: 'authentication',
    challenge: options.challenge,
    domain: options.domain,
  });
  const failure = results.find((r) => !r.verified);
  if (failure) {
    const detail = String(failure.error);
    return failed('presentation.holderMismatch', `The holder’s signature does not verify: ${detail}`, { detail });
  }
  const holder = isRecord(presentation.holder) ? presentation.holder.id : presentation.holder;
  if (typeof holder === 'string' && !results.some((r) => r.controller === holder)) {
    return failed('presentation.notHolder', 'The presentation was signed by someone other than its holder');
  }
  return {
    proof: options.domain
      ? check(
          CheckName.PROOF,
          CheckOutcome.PASSED,
          'presentation.signedForDomain',
          `Signed by the holder for this challenge and domain ${options.domain}`,
          {
            domain: options.domain,
          },
        )
      : check(CheckName.PROOF, CheckOutcome.PASSED, 'presentation.signed', 'Signed by the holder for this challenge'),
    presentedBy: results.map((r) => r.controller).filter((did): did is string => did !== null),
  };
}
