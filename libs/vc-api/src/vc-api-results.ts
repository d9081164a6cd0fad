import { CheckName, CheckOutcome, PresentationReport, VerificationCheck, VerificationReport } from '@magix/credentials';

/** VC-API check names, and the aliases callers use for them. */
const CHECK_NAMES: Record<CheckName, string> = {
  [CheckName.DATA_MODEL]: 'dataModel',
  [CheckName.PROOF]: 'proof',
  [CheckName.ISSUER]: 'issuer',
  [CheckName.STATUS]: 'status',
  [CheckName.VALIDITY_PERIOD]: 'validity',
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

export function credentialResult(report: VerificationReport, wanted: Set<CheckName>): VcApiVerificationResult {
  const counted = report.checks.filter((c) => wanted.has(c.name));
  const ignored = report.checks.filter((c) => !wanted.has(c.name) && c.outcome !== CheckOutcome.PASSED);
  return {
    verified: counted.every((c) => c.outcome === CheckOutcome.PASSED),
    checks: counted.filter((c) => c.outcome === CheckOutcome.PASSED).map((c) => CHECK_NAMES[c.name]),
    warnings: ignored.map(problem),
    errors: counted.filter((c) => c.outcome !== CheckOutcome.PASSED).map(problem),
    results: report.checks,
    verdict: report.verdict,
  };
}

export function presentationResult(report: PresentationReport, wanted: Set<CheckName>) {
  const credentialResults = report.credentials.map((c) => credentialResult(c, wanted));
  const presentation = report.checks;
  const failed = presentation.filter((c) => c.outcome !== CheckOutcome.PASSED);
  return {
    verified: failed.length === 0 && credentialResults.every((c) => c.verified),
    checks: presentation.filter((c) => c.outcome === CheckOutcome.PASSED).map((c) => CHECK_NAMES[c.name]),
    warnings: credentialResults.flatMap((c) => c.warnings),
    errors: [...failed.map(problem), ...credentialResults.flatMap((c) => c.errors)],
    presentationResult: { verified: failed.length === 0, holder: report.holder, results: presentation },
    credentialResults,
  };
}
