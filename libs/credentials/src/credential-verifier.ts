import { credentialLimitProblem } from './document-limits';
import { dataModelProblems, dataModelVersion, isRecord, issuerIdOf } from './data-model';
import { foreignModuleClaims, issuerTrustCheck, SigningFacts, signingFacts } from './issuer-trust';
import { looksLikeJwt, verifyCredentialJwt } from './jose-credential';
import { coAwarderDids, dataIntegrityProofCheck } from './proof-check';
import { statusCheck } from './status-check';
import {
  check,
  CheckName,
  CheckOutcome,
  IssuerDirectory,
  IssuerRecord,
  Verdict,
  VerificationCheck,
  VerificationContext,
  VerificationReport,
} from './verification.types';

export * from './verification.types';

/** Parses what a verifier pasted: a JSON value, or text holding one (a JWS stays text). */
export function parseCredentialInput(input: unknown): unknown {
  if (typeof input !== 'string' || looksLikeJwt(input)) return input;
  try {
    return JSON.parse(input) as unknown;
  } catch {
    return input;
  }
}

const outcomeOf = (checks: VerificationCheck[], name: CheckName) => checks.find((c) => c.name === name)?.outcome;

function verdictOf(checks: VerificationCheck[], notYetValid: boolean): Verdict {
  const failedOrUnchecked = (name: CheckName) => outcomeOf(checks, name) !== CheckOutcome.PASSED;
  if ([CheckName.DATA_MODEL, CheckName.PROOF, CheckName.ISSUER].some(failedOrUnchecked)) return Verdict.INVALID;
  const status = checks.find((c) => c.name === CheckName.STATUS);
  if (status?.outcome === CheckOutcome.FAILED) return status.message.startsWith('Revoked') ? Verdict.REVOKED : Verdict.SUSPENDED;
  if (outcomeOf(checks, CheckName.VALIDITY_PERIOD) === CheckOutcome.FAILED) return notYetValid ? Verdict.NOT_YET_VALID : Verdict.EXPIRED;
  if (status?.outcome === CheckOutcome.UNKNOWN) return Verdict.STATUS_UNKNOWN;
  return Verdict.VALID;
}

/** The report on input that is not a credential at all: its data model failed, nothing else ran. */
export function unreadableCredentialReport(problem: string, why: string): VerificationReport {
  return {
    verified: false,
    verdict: Verdict.INVALID,
    securedWith: null,
    credentialId: null,
    issuer: null,
    credential: null,
    checks: [
      check(CheckName.DATA_MODEL, CheckOutcome.FAILED, problem),
      ...[CheckName.PROOF, CheckName.ISSUER, CheckName.STATUS, CheckName.VALIDITY_PERIOD].map((name) =>
        check(name, CheckOutcome.NOT_CHECKED, `Not checked: ${why}`),
      ),
    ],
  };
}

/**
 * Verifies a credential check by check, secured either with Data Integrity (eddsa-rdfc-2022) or
 * as VC-JOSE (`application/vc+jwt`). Never throws for bad input: whatever arrives, the answer is
 * a report naming what failed.
 */
export async function verifyCredential(input: unknown, given: VerificationContext): Promise<VerificationReport> {
  const context = { ...given, issuers: askedOnce(given.issuers) };
  const overLimit = credentialLimitProblem(input); // before any parsing, canonicalization or signature work
  if (overLimit) return unreadableCredentialReport(overLimit, 'the credential is over a verification limit');
  const now = context.now ?? new Date();
  const parsed = parseCredentialInput(input);
  const jose = looksLikeJwt(parsed) ? await verifyCredentialJwt(parsed) : null;
  const credential = jose ? jose.credential : parsed;
  const problems = dataModelProblems(credential);
  if (!isRecord(credential)) return unreadableCredentialReport(problems.join('; '), 'the input is not a credential');
  const issuerDid = issuerIdOf(credential);
  // A registry or record that cannot be read throws: a database outage is not a bad credential.
  const record = issuerDid ? await context.issuers.lookup(issuerDid) : null;
  const signing = await signingFacts(credential, issuerDid, context.issuances);
  const proof = jose
    ? check(CheckName.PROOF, jose.signatureValid ? CheckOutcome.PASSED : CheckOutcome.FAILED, jose.message)
    : await dataIntegrityProofCheck(credential);
  const validity = validityCheck(credential, now);
  const checks = [
    problems.length === 0
      ? check(CheckName.DATA_MODEL, CheckOutcome.PASSED, 'Well-formed per the VC Data Model 2.0')
      : check(CheckName.DATA_MODEL, CheckOutcome.FAILED, problems.join('; ')),
    proof,
    await claimsCheck(
      await jointTrustCheck(issuerTrustCheck(record, issuerDid, signing), credential, signing, context),
      credential,
      record,
      context,
    ),
    await statusCheck(credential, record?.organisationId ?? null, { ...context, now }),
    validity.check,
  ];
  return {
    verified: checks.every((c) => c.outcome === CheckOutcome.PASSED),
    verdict: verdictOf(checks, validity.notYetValid),
    securedWith: jose ? 'JOSE' : 'DATA_INTEGRITY',
    credentialId: typeof credential.id === 'string' ? credential.id : null,
    issuer: record ? { did: record.did, name: record.name, countryCode: record.countryCode } : null,
    credential,
    checks,
  };
}

/**
 * The registry asked once per DID within one verification: the issuer, its status lists' signer
 * and co-awarders are mostly the same DID, and each question is a query on the event loop.
 */
function askedOnce(issuers: IssuerDirectory): IssuerDirectory {
  const answers = new Map<string, Promise<IssuerRecord | null>>();
  return {
    lookup(did) {
      let answer = answers.get(did);
      if (!answer) answers.set(did, (answer = issuers.lookup(did)));
      return answer;
    },
  };
}

/** A joint award is trusted only if every co-awarding signer is, too (dated by the same issuance record). */
async function jointTrustCheck(
  issuerCheck: VerificationCheck,
  credential: Record<string, unknown>,
  signing: SigningFacts,
  context: VerificationContext,
): Promise<VerificationCheck> {
  const others = coAwarderDids(credential).filter((did) => did !== issuerIdOf(credential));
  if (issuerCheck.outcome !== CheckOutcome.PASSED || others.length === 0) return issuerCheck;
  const names: string[] = [];
  for (const did of others) {
    const record = await context.issuers.lookup(did);
    const trust = issuerTrustCheck(record, did, signing);
    if (trust.outcome !== CheckOutcome.PASSED) return check(CheckName.ISSUER, CheckOutcome.FAILED, `Co-awarder: ${trust.message}`);
    names.push(record!.name);
  }
  return check(CheckName.ISSUER, CheckOutcome.PASSED, `${issuerCheck.message}; co-awarded with ${names.join(', ')}`);
}

/**
 * A trusted issuer is trusted for its own claims: a credential naming a catalogue module that
 * another HEI provides is refused, whoever signed it.
 */
async function claimsCheck(
  issuerCheck: VerificationCheck,
  credential: Record<string, unknown>,
  record: IssuerRecord | null,
  context: VerificationContext,
): Promise<VerificationCheck> {
  const foreign = await foreignModuleClaims(credential, record?.organisationId ?? null, context.modules);
  if (foreign.length === 0 || issuerCheck.outcome === CheckOutcome.FAILED) return issuerCheck;
  const who = record ? record.name : 'its issuer';
  return check(
    CheckName.ISSUER,
    CheckOutcome.FAILED,
    `It names the MAGIX module ${foreign.join(', ')}, which ${who} does not provide: only a module's provider certifies it`,
  );
}

function validityCheck(credential: Record<string, unknown>, now: Date): { check: VerificationCheck; notYetValid: boolean } {
  const fail = (message: string, notYetValid = false) => ({
    check: check(CheckName.VALIDITY_PERIOD, CheckOutcome.FAILED, message),
    notYetValid,
  });
  const [fromField, untilField] = dataModelVersion(credential) === 1 ? ['issuanceDate', 'expirationDate'] : ['validFrom', 'validUntil'];
  const fromValue = credential[fromField];
  const untilValue = credential[untilField];
  const from = typeof fromValue === 'string' ? Date.parse(fromValue) : NaN;
  const until = typeof untilValue === 'string' ? Date.parse(untilValue) : undefined;
  const expired = until !== undefined && (Number.isNaN(until) || until < now.getTime());
  // validFrom is optional in VC 2.0 (issuanceDate was required in 1.1).
  if (fromValue === undefined && fromField === 'validFrom') {
    if (expired) return fail(`Expired on ${String(untilValue)}`);
    return { check: check(CheckName.VALIDITY_PERIOD, CheckOutcome.PASSED, 'No validity period stated'), notYetValid: false };
  }
  if (Number.isNaN(from)) return fail(`${fromField} is missing or not a date`);
  if (from > now.getTime()) return fail(`Not valid before ${String(fromValue)}`, true);
  if (expired) return fail(`Expired on ${String(untilValue)}`);
  const message = until === undefined ? `Valid since ${String(fromValue)}, no end date` : `Valid until ${String(untilValue)}`;
  return { check: check(CheckName.VALIDITY_PERIOD, CheckOutcome.PASSED, message), notYetValid: false };
}
