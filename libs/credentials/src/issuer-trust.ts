import { check, CheckName, CheckOutcome, IssuerRecord, VerificationCheck } from './verification.types';

// Clocks differ between servers; a few minutes either way is not a forgery.
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * Whether the issuer's key was trusted when it signed. A rotated (retired) key stays trusted for
 * what it signed before retirement; a compromised key is distrusted for all it signed from then on.
 * `signedAt` comes from the proof's `created` (or the credential's `validFrom`).
 */
export function issuerTrustCheck(record: IssuerRecord | null, issuerDid: string | undefined, signedAt: Date | null): VerificationCheck {
  if (!record)
    return check(CheckName.ISSUER, CheckOutcome.FAILED, `The issuer ${issuerDid ?? '(none)'} is not in the consortium’s trust registry`);
  const who = `${record.name} (${record.countryCode})`;
  if (!signedAt) return check(CheckName.ISSUER, CheckOutcome.FAILED, `Issued by ${who}, but the signing time is unknown`);
  const at = signedAt.getTime();
  if (record.compromisedFrom && at >= record.compromisedFrom.getTime()) {
    return check(
      CheckName.ISSUER,
      CheckOutcome.FAILED,
      `${who}'s key was reported compromised from ${record.compromisedFrom.toISOString()}; this was signed after that`,
    );
  }
  if (at < record.validFrom.getTime() - CLOCK_SKEW_MS) {
    return check(CheckName.ISSUER, CheckOutcome.FAILED, `Signed before ${who}'s key came into use (${record.validFrom.toISOString()})`);
  }
  if (record.retiredAt && at > record.retiredAt.getTime() + CLOCK_SKEW_MS) {
    return check(CheckName.ISSUER, CheckOutcome.FAILED, `Signed after ${who} retired this key (${record.retiredAt.toISOString()})`);
  }
  const retired = record.retiredAt ? ', with a key since rotated' : '';
  return check(CheckName.ISSUER, CheckOutcome.PASSED, `Issued by ${who}, a trusted consortium member${retired}`);
}
