import { credentialLimitProblem } from './document-limits';
import { dataModelProblems, dataModelVersion, isRecord, issuerIdOf } from './data-model';
import { CheckCode, CheckParams } from './check-codes';
import { foreignModuleClaims, IssuerFailure, issuerTrustCheck, SigningFacts, signingFacts } from './issuer-trust';
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
  if (status?.outcome === CheckOutcome.FAILED) return status.code === 'status.revoked' ? Verdict.REVOKED : Verdict.SUSPENDED;
  if (outcomeOf(checks, CheckName.VALIDITY_PERIOD) === CheckOutcome.FAILED) return notYetValid ? Verdict.NOT_YET_VALID : Verdict.EXPIRED;
  if (status?.outcome === CheckOutcome.UNKNOWN) return Verdict.STATUS_UNKNOWN;
  return Verdict.VALID;
}

/** Why the checks after the data model did not run on input that is not a credential. */
const UNREAD = {
  'notChecked.overLimit': 'the credential is over a verification limit',
  'notChecked.notCredential': 'the input is not a credential',
  'notChecked.envelope': 'the envelope cannot be opened',
} as const;

/** The report on input that is not a credential at all: its data model failed, nothing else ran. */
export function unreadableCredentialReport(problem: string, why: keyof typeof UNREAD): VerificationReport {
  return {
    verified: false,
    verdict: Verdict.INVALID,
    securedWith: null,
    credentialId: null,
    issuer: null,
    credential: null,
    checks: [
      check(CheckName.DATA_MODEL, CheckOutcome.FAILED, 'dataModel.problems', problem, { detail: problem }),
      ...[CheckName.PROOF, CheckName.ISSUER, CheckName.STATUS, CheckName.VALIDITY_PERIOD].map((name) =>
        check(name, CheckOutcome.NOT_CHECKED, why, `Not checked: ${UNREAD[why]}`),
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
  if (overLimit) return unreadableCredentialReport(overLimit, 'notChecked.overLimit');
  const { now } = context;
  const parsed = parseCredentialInput(input);
  const jose = looksLikeJwt(parsed) ? await verifyCredentialJwt(parsed) : null;
  const credential = jose ? jose.credential : parsed;
  const problems = dataModelProblems(credential);
  if (!isRecord(credential)) return unreadableCredentialReport(problems.join('; '), 'notChecked.notCredential');
  const issuerDid = issuerIdOf(credential);
  // A registry or record that cannot be read throws: a database outage is not a bad credential.
  const record = issuerDid ? await context.issuers.lookup(issuerDid) : null;
  const signing = await signingFacts(credential, issuerDid, context.issuances);
  const proof = jose
    ? check(CheckName.PROOF, jose.signatureValid ? CheckOutcome.PASSED : CheckOutcome.FAILED, jose.code, jose.message, jose.params)
    : await dataIntegrityProofCheck(credential);
  const validity = validityCheck(credential, now);
  const checks = [
    problems.length === 0
      ? check(CheckName.DATA_MODEL, CheckOutcome.PASSED, 'dataModel.valid', 'Well-formed per the VC Data Model 2.0')
      : check(CheckName.DATA_MODEL, CheckOutcome.FAILED, 'dataModel.problems', problems.join('; '), { detail: problems.join('; ') }),
    proof,
    await claimsCheck(
      await jointTrustCheck(issuerTrustCheck(record, issuerDid, signing), credential, signing, context),
      credential,
      record,
      context,
    ),
    await statusCheck(credential, record?.organisationId ?? null, context),
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
    if (trust.outcome !== CheckOutcome.PASSED) return coAwarderFailure(trust);
    names.push(record!.name);
  }
  const code = issuerCheck.code === 'issuer.trustedRotated' ? 'issuer.trustedRotatedCoAwarded' : 'issuer.trustedCoAwarded';
  const coAwarders = names.join(', ');
  return check(CheckName.ISSUER, CheckOutcome.PASSED, code, `${issuerCheck.message}; co-awarded with ${coAwarders}`, {
    ...issuerCheck.params,
    coAwarders,
  });
}

/** How a co-awarder's failed trust check is said of the co-awarder. */
const CO_AWARDER_FAILURE: Record<IssuerFailure | 'issuer.untrusted', CheckCode> = {
  'issuer.untrusted': 'issuer.coAwarder.untrusted',
  'issuer.compromisedUnrecorded': 'issuer.coAwarder.compromisedUnrecorded',
  'issuer.signingTimeUnknown': 'issuer.coAwarder.signingTimeUnknown',
  'issuer.compromised': 'issuer.coAwarder.compromised',
  'issuer.beforeKey': 'issuer.coAwarder.beforeKey',
  'issuer.afterRetired': 'issuer.coAwarder.afterRetired',
};

function coAwarderFailure(trust: VerificationCheck): VerificationCheck {
  // issuerTrustCheck of a named DID fails only in the ways listed.
  const code = CO_AWARDER_FAILURE[trust.code as keyof typeof CO_AWARDER_FAILURE];
  return check(CheckName.ISSUER, CheckOutcome.FAILED, code, `Co-awarder: ${trust.message}`, trust.params);
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
  // Without a registry record the issuer check has failed already.
  if (foreign.length === 0 || issuerCheck.outcome === CheckOutcome.FAILED || !record) return issuerCheck;
  const modules = foreign.join(', ');
  return check(
    CheckName.ISSUER,
    CheckOutcome.FAILED,
    'issuer.foreignModule',
    `It names the MAGIX module ${modules}, which ${record.name} does not provide: only a module's provider certifies it`,
    { modules, issuer: record.name },
  );
}

function validityCheck(credential: Record<string, unknown>, now: Date): { check: VerificationCheck; notYetValid: boolean } {
  const fail = (code: CheckCode, message: string, params: CheckParams, notYetValid = false) => ({
    check: check(CheckName.VALIDITY_PERIOD, CheckOutcome.FAILED, code, message, params),
    notYetValid,
  });
  const pass = (code: CheckCode, message: string, params: CheckParams = {}) => ({
    check: check(CheckName.VALIDITY_PERIOD, CheckOutcome.PASSED, code, message, params),
    notYetValid: false,
  });
  const [fromField, untilField] = dataModelVersion(credential) === 1 ? ['issuanceDate', 'expirationDate'] : ['validFrom', 'validUntil'];
  const fromValue = credential[fromField];
  const untilValue = credential[untilField];
  const from = typeof fromValue === 'string' ? Date.parse(fromValue) : NaN;
  const until = typeof untilValue === 'string' ? Date.parse(untilValue) : undefined;
  const expired = until !== undefined && (Number.isNaN(until) || until < now.getTime());
  // validFrom is optional in VC 2.0 (issuanceDate was required in 1.1).
  if (fromValue === undefined && fromField === 'validFrom') {
    if (expired) return fail('validity.expired', `Expired on ${String(untilValue)}`, { date: String(untilValue) });
    return pass('validity.none', 'No validity period stated');
  }
  if (Number.isNaN(from)) return fail('validity.noStart', `${fromField} is missing or not a date`, { field: fromField });
  if (from > now.getTime()) return fail('validity.notYet', `Not valid before ${String(fromValue)}`, { date: String(fromValue) }, true);
  if (expired) return fail('validity.expired', `Expired on ${String(untilValue)}`, { date: String(untilValue) });
  return until === undefined
    ? pass('validity.since', `Valid since ${String(fromValue)}, no end date`, { date: String(fromValue) })
    : pass('validity.until', `Valid until ${String(untilValue)}`, { date: String(untilValue) });
}
