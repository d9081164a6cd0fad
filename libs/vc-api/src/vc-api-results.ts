import {
  check,
  CheckName,
  CheckOutcome,
  PresentationReport,
  unreadableCredentialReport,
  Verdict,
  VerificationCheck,
  VerificationReport,
} from '@magix/credentials';

/** VC-API check names, and the aliases callers use for them. */
const CHECK_NAMES: Record<CheckName, string> = {
  [CheckName.DATA_MODEL]: 'dataModel',
  [CheckName.PROOF]: 'proof',
  [CheckName.ISSUER]: 'issuer',
  [CheckName.STATUS]: 'status',
  [CheckName.VALIDITY_PERIOD]: 'validity',
  [CheckName.HOLDER]: 'holder',
};
const ALIASES: Record<string, CheckName> = {
  proof: CheckName.PROOF,
  issuer: CheckName.ISSUER,
  trust: CheckName.ISSUER,
  status: CheckName.STATUS,
  credentialStatus: CheckName.STATUS,
  validity: CheckName.VALIDITY_PERIOD,
  expiration: CheckName.VALIDITY_PERIOD,
  dataModel: CheckName.DATA_MODEL,
  holder: CheckName.HOLDER,
};

/**
 * What counts toward `verified` over the VC-API. The data model always does. Without `checks`
 * we check proof, status and validity; whether the issuer is in the MAGIX trust registry is a
 * warning unless asked for — the VC-API verifies any did:key issuer, our web page and GraphQL
 * API always require trust.
 */
export function requestedChecks(checks: unknown): Set<CheckName> {
  const requested = Array.isArray(checks) && checks.length > 0 ? checks : ['proof', 'status', 'validity'];
  const names = requested
    .map((name) => (typeof name === 'string' ? ALIASES[name] : undefined))
    .filter((n): n is CheckName => n !== undefined);
  return new Set([CheckName.DATA_MODEL, ...names]);
}

export interface VcApiVerificationResult {
  verified: boolean;
  checks: string[];
  warnings: Array<{ name: string; message: string }>;
  errors: Array<{ name: string; message: string }>;
  /** MAGIX's own check-by-check report, as on the verification page. */
  results: VerificationCheck[];
  verdict?: string;
}

function problem(c: VerificationCheck) {
  return { name: CHECK_NAMES[c.name], message: c.message };
}

/**
 * The verdict over the checks that count, in the same order of precedence as the full report's
 * (invalid, then revoked or suspended, then expired or not yet valid, then status unknown). It is
 * VALID exactly when every counted check passed, so it never disagrees with `verified`: the full
 * report's verdict also weighs checks the caller did not ask for (issuer trust, by default).
 */
function verdictOver(counted: VerificationCheck[]): Verdict {
  const notPassed = (name: CheckName) => counted.find((c) => c.name === name && c.outcome !== CheckOutcome.PASSED);
  if ([CheckName.DATA_MODEL, CheckName.PROOF, CheckName.ISSUER].some(notPassed)) return Verdict.INVALID;
  const status = notPassed(CheckName.STATUS);
  if (status?.outcome === CheckOutcome.FAILED) return status.code === 'status.revoked' ? Verdict.REVOKED : Verdict.SUSPENDED;
  const validity = notPassed(CheckName.VALIDITY_PERIOD);
  if (validity?.outcome === CheckOutcome.FAILED) return validity.code === 'validity.notYet' ? Verdict.NOT_YET_VALID : Verdict.EXPIRED;
  if (status) return Verdict.STATUS_UNKNOWN;
  if (validity) return Verdict.INVALID;
  return Verdict.VALID;
}

export function credentialResult(report: VerificationReport, wanted: Set<CheckName>): VcApiVerificationResult {
  const counted = report.checks.filter((c) => wanted.has(c.name));
  const ignored = report.checks.filter((c) => !wanted.has(c.name) && c.outcome !== CheckOutcome.PASSED);
  const verdict = verdictOver(counted);
  return {
    verified: verdict === Verdict.VALID,
    checks: counted.filter((c) => c.outcome === CheckOutcome.PASSED).map((c) => CHECK_NAMES[c.name]),
    warnings: ignored.map(problem),
    errors: counted.filter((c) => c.outcome !== CheckOutcome.PASSED).map(problem),
    results: report.checks,
    verdict,
  };
}

/** The report on an envelope that cannot be opened (its context, type or data: URL is wrong). */
export function unopenedCredentialReport(problem: string): VerificationReport {
  return unreadableCredentialReport(problem, 'notChecked.envelope');
}

export function unopenedPresentationReport(problem: string, proof?: VerificationCheck): PresentationReport {
  return {
    verified: false,
    holder: null,
    checks: [
      check(CheckName.DATA_MODEL, CheckOutcome.FAILED, 'dataModel.problems', problem, { detail: problem }),
      proof ?? check(CheckName.PROOF, CheckOutcome.NOT_CHECKED, 'notChecked.envelope', 'Not checked: the envelope cannot be opened'),
    ],
    credentials: [],
    presentedBy: [],
  };
}

/**
 * `holderBound`: whether HOLDER (each credential issued to the presenter) counts toward `verified`.
 * It does for a platform challenge (requestPresentation: the employer asked a learner to prove
 * possession) and when `checks` names `holder`; otherwise, as the VC Data Model leaves holder
 * binding to the verifier's policy, a credential of someone else is a warning.
 */
export function presentationResult(report: PresentationReport, wanted: Set<CheckName>, holderBound: boolean) {
  const credentialResults = report.credentials.map((c) => credentialResult(c, wanted));
  const presentation = report.checks;
  const failed = presentation.filter((c) => c.outcome !== CheckOutcome.PASSED);
  const counts = (c: VerificationCheck) => c.name !== CheckName.HOLDER || holderBound || wanted.has(CheckName.HOLDER);
  // The presentation's own integrity (data model, the holder's proof); HOLDER binds the credentials in it.
  const ownFailed = failed.filter((c) => c.name !== CheckName.HOLDER);
  return {
    verified: failed.every((c) => !counts(c)) && credentialResults.every((c) => c.verified),
    checks: [...new Set(presentation.filter((c) => c.outcome === CheckOutcome.PASSED).map((c) => CHECK_NAMES[c.name]))],
    warnings: [...failed.filter((c) => !counts(c)).map(problem), ...credentialResults.flatMap((c) => c.warnings)],
    errors: [...failed.filter(counts).map(problem), ...credentialResults.flatMap((c) => c.errors)],
    presentationResult: { verified: ownFailed.length === 0, holder: report.holder, results: presentation },
    credentialResults,
  };
}
