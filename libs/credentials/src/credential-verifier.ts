import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import * as jsigs from 'jsonld-signatures';
import { EDDSA_RDFC_2022 } from './credential.constants';
import { dataModelProblems, isRecord, issuerIdOf } from './data-model';
import { documentLoader } from './document-loader';

export enum CheckName {
  DATA_MODEL = 'DATA_MODEL',
  PROOF = 'PROOF',
  ISSUER = 'ISSUER',
  VALIDITY_PERIOD = 'VALIDITY_PERIOD',
}

export enum CheckOutcome {
  PASSED = 'PASSED',
  FAILED = 'FAILED',
  /** The check could not run because the input is not a credential at all. */
  NOT_CHECKED = 'NOT_CHECKED',
}

export interface VerificationCheck {
  name: CheckName;
  outcome: CheckOutcome;
  message: string;
}

export interface TrustedIssuer {
  did: string;
  name: string;
  countryCode: string;
}

/** Who the consortium trusts to issue; the engine does not know where that list lives. */
export interface IssuerDirectory {
  findTrusted(did: string): Promise<TrustedIssuer | null>;
}

export interface VerificationReport {
  verified: boolean;
  credentialId: string | null;
  issuer: TrustedIssuer | null;
  checks: VerificationCheck[];
}

const check = (name: CheckName, outcome: CheckOutcome, message: string): VerificationCheck => ({ name, outcome, message });

/** Parses what a verifier pasted: a JSON value, or text holding one. */
export function parseCredentialInput(input: unknown): unknown {
  if (typeof input !== 'string') return input;
  try {
    return JSON.parse(input) as unknown;
  } catch {
    return input;
  }
}

/**
 * Verifies a credential check by check. Never throws for bad input: whatever arrives, the answer
 * is a report naming what failed.
 */
export async function verifyCredential(input: unknown, issuers: IssuerDirectory, now: Date = new Date()): Promise<VerificationReport> {
  const credential = parseCredentialInput(input);
  const problems = dataModelProblems(credential);
  if (!isRecord(credential)) {
    const notChecked = 'Not checked: the input is not a credential';
    return {
      verified: false,
      credentialId: null,
      issuer: null,
      checks: [
        check(CheckName.DATA_MODEL, CheckOutcome.FAILED, problems.join('; ')),
        check(CheckName.PROOF, CheckOutcome.NOT_CHECKED, notChecked),
        check(CheckName.ISSUER, CheckOutcome.NOT_CHECKED, notChecked),
        check(CheckName.VALIDITY_PERIOD, CheckOutcome.NOT_CHECKED, notChecked),
      ],
    };
  }
  const issuerDid = issuerIdOf(credential);
  const trusted = issuerDid ? await issuers.findTrusted(issuerDid) : null;
  const checks = [
    problems.length === 0
      ? check(CheckName.DATA_MODEL, CheckOutcome.PASSED, 'Well-formed per the VC Data Model 2.0')
      : check(CheckName.DATA_MODEL, CheckOutcome.FAILED, problems.join('; ')),
    await proofCheck(credential),
    trusted
      ? check(CheckName.ISSUER, CheckOutcome.PASSED, `Issued by ${trusted.name} (${trusted.countryCode}), a consortium member`)
      : check(CheckName.ISSUER, CheckOutcome.FAILED, `The issuer ${issuerDid ?? '(none)'} is not known to the consortium`),
    validityCheck(credential, now),
  ];
  return {
    verified: checks.every((c) => c.outcome === CheckOutcome.PASSED),
    credentialId: typeof credential.id === 'string' ? credential.id : null,
    issuer: trusted,
    checks,
  };
}

async function proofCheck(credential: Record<string, unknown>): Promise<VerificationCheck> {
  const proofs = ([] as unknown[]).concat(credential.proof ?? []);
  if (proofs.length === 0) return check(CheckName.PROOF, CheckOutcome.FAILED, 'The credential has no proof');
  if (!proofs.every((proof) => isRecord(proof) && proof.cryptosuite === EDDSA_RDFC_2022)) {
    return check(CheckName.PROOF, CheckOutcome.FAILED, `Every proof must be a DataIntegrityProof using ${EDDSA_RDFC_2022}`);
  }
  try {
    const result = (await jsigs.verify(structuredClone(credential), {
      suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
      purpose: new vc.CredentialIssuancePurpose(),
      documentLoader,
    })) as { verified: boolean; error?: { errors?: Error[]; message?: string } };
    if (result.verified) return check(CheckName.PROOF, CheckOutcome.PASSED, 'The signature matches the content and the issuer');
    return check(CheckName.PROOF, CheckOutcome.FAILED, `The signature does not match: ${describe(result.error)}`);
  } catch (error) {
    return check(CheckName.PROOF, CheckOutcome.FAILED, `The proof cannot be checked: ${describe(error)}`);
  }
}

function describe(error: unknown): string {
  if (isRecord(error) && Array.isArray(error.errors) && error.errors.length > 0) {
    return error.errors.map((e) => describe(e)).join('; ');
  }
  if (error instanceof Error) return error.message;
  if (isRecord(error) && typeof error.message === 'string') return error.message;
  return 'unknown reason';
}

function validityCheck(credential: Record<string, unknown>, now: Date): VerificationCheck {
  const from = typeof credential.validFrom === 'string' ? Date.parse(credential.validFrom) : NaN;
  const until = typeof credential.validUntil === 'string' ? Date.parse(credential.validUntil) : undefined;
  if (Number.isNaN(from)) return check(CheckName.VALIDITY_PERIOD, CheckOutcome.FAILED, 'validFrom is missing or not a date');
  if (from > now.getTime()) {
    return check(CheckName.VALIDITY_PERIOD, CheckOutcome.FAILED, `Not valid before ${String(credential.validFrom)}`);
  }
  if (until !== undefined && (Number.isNaN(until) || until < now.getTime())) {
    return check(CheckName.VALIDITY_PERIOD, CheckOutcome.FAILED, `Expired on ${String(credential.validUntil)}`);
  }
  return check(
    CheckName.VALIDITY_PERIOD,
    CheckOutcome.PASSED,
    until === undefined ? `Valid since ${String(credential.validFrom)}, no end date` : `Valid until ${String(credential.validUntil)}`,
  );
}
