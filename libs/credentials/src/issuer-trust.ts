import { isRecord, moduleReferencesOf } from './data-model';
import { proofsOf } from './proof-check';
import { check, CheckName, CheckOutcome, IssuanceLedger, IssuerRecord, ModuleCatalogue, VerificationCheck } from './verification.types';

// Clocks differ between servers; a few minutes either way is not a forgery.
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * When a credential was signed. `recorded`: the platform's issuance record holds it, and `at` is
 * the time recorded there. Otherwise `at` is what the document says (its proof's `created`, or
 * `validFrom`): the signer wrote that, so it counts only for keys not reported compromised.
 */
export interface SigningFacts {
  at: Date | null;
  recorded: boolean;
}

/**
 * Whether two JSON values are the same value, key order and keys holding `undefined` aside: what
 * comparing their `canonicalJson` decides, without writing either out (that was ≈ 0.2 ms of the
 * event loop per verification). `skip`: a key of the outer object left out on both sides.
 */
export function sameJson(a: unknown, b: unknown, skip?: string): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = (o: Record<string, unknown>) => Object.keys(o).filter((k) => k !== skip && o[k] !== undefined);
  const ofA = keys(a);
  return ofA.length === keys(b).length && ofA.every((k) => Object.hasOwn(b, k) && sameJson(a[k], b[k]));
}

function claimedSigningTime(credential: Record<string, unknown>): Date | null {
  const proof = proofsOf(credential)[0];
  const stamp = isRecord(proof) && typeof proof.created === 'string' ? proof.created : (credential.validFrom ?? credential.issuanceDate);
  const time = typeof stamp === 'string' ? Date.parse(stamp) : NaN;
  return Number.isNaN(time) ? null : new Date(time);
}

/**
 * The signing facts of a credential by one of our issuers: from our issuance record when it holds a
 * credential of this id, by this key, with this exact content (proofs aside: the VC-JOSE form of
 * a credential carries none); else what the document claims. A credential without an id is never
 * in the record.
 */
export async function signingFacts(
  credential: Record<string, unknown>,
  issuerDid: string | undefined,
  ledger: IssuanceLedger | undefined,
): Promise<SigningFacts> {
  const id = credential.id;
  if (ledger && issuerDid && typeof id === 'string') {
    const held = (await ledger.recordsOf(id, issuerDid)).find((r) => sameJson(credential, r.document, 'proof'));
    if (held) return { at: held.issuedAt, recorded: true };
  }
  return { at: claimedSigningTime(credential), recorded: false };
}

/**
 * Whether the issuer's key was trusted when it signed. A rotated (retired) key stays trusted for
 * what it signed before retirement. A key reported compromised vouches only for what our issuance
 * record shows it signed before the compromise: a thief writes any `proof.created` they like.
 */
export function issuerTrustCheck(record: IssuerRecord | null, issuerDid: string | undefined, signing: SigningFacts): VerificationCheck {
  if (!record) {
    if (!issuerDid)
      return check(CheckName.ISSUER, CheckOutcome.FAILED, 'issuer.missing', 'The issuer (none) is not in the consortium’s trust registry');
    const message = `The issuer ${issuerDid} is not in the consortium’s trust registry`;
    return check(CheckName.ISSUER, CheckOutcome.FAILED, 'issuer.untrusted', message, { did: issuerDid });
  }
  const who = `${record.name} (${record.countryCode})`;
  const failed = (code: IssuerFailure, message: string, date?: Date) =>
    check(CheckName.ISSUER, CheckOutcome.FAILED, code, message, {
      issuer: record.name,
      country: record.countryCode,
      ...(date ? { date: date.toISOString() } : {}),
    });
  if (record.compromisedFrom && !signing.recorded) {
    const message = `${who}'s key was reported compromised from ${record.compromisedFrom.toISOString()}, and this credential is not in the issuer's issuance record`;
    return failed('issuer.compromisedUnrecorded', message, record.compromisedFrom);
  }
  if (!signing.at) return failed('issuer.signingTimeUnknown', `Issued by ${who}, but the signing time is unknown`);
  const at = signing.at.getTime();
  if (record.compromisedFrom && at >= record.compromisedFrom.getTime()) {
    const message = `${who}'s key was reported compromised from ${record.compromisedFrom.toISOString()}; this was signed after that`;
    return failed('issuer.compromised', message, record.compromisedFrom);
  }
  if (at < record.validFrom.getTime() - CLOCK_SKEW_MS) {
    return failed('issuer.beforeKey', `Signed before ${who}'s key came into use (${record.validFrom.toISOString()})`, record.validFrom);
  }
  if (record.retiredAt && at > record.retiredAt.getTime() + CLOCK_SKEW_MS) {
    return failed('issuer.afterRetired', `Signed after ${who} retired this key (${record.retiredAt.toISOString()})`, record.retiredAt);
  }
  const params = { issuer: record.name, country: record.countryCode };
  return record.retiredAt
    ? check(
        CheckName.ISSUER,
        CheckOutcome.PASSED,
        'issuer.trustedRotated',
        `Issued by ${who}, a trusted consortium member, with a key since rotated`,
        params,
      )
    : check(CheckName.ISSUER, CheckOutcome.PASSED, 'issuer.trusted', `Issued by ${who}, a trusted consortium member`, params);
}

/** The ways a known issuer's key fails to vouch for a credential; a co-awarder's failure says which, prefixed. */
export type IssuerFailure =
  'issuer.compromisedUnrecorded' | 'issuer.signingTimeUnknown' | 'issuer.compromised' | 'issuer.beforeKey' | 'issuer.afterRetired';

/**
 * The catalogue modules a credential names that its issuer does not provide: only a module's
 * provider certifies it. `issuerOrganisationId` null: the issuer is none of ours, so every module
 * named is someone else's.
 */
export async function foreignModuleClaims(
  credential: Record<string, unknown>,
  issuerOrganisationId: string | null,
  modules: ModuleCatalogue | undefined,
): Promise<string[]> {
  if (!modules) return [];
  const foreign = new Set<string>();
  // By URL and by code apart: an achievement could pair one HEI's module URL with another's code.
  const references = moduleReferencesOf(credential).flatMap(({ id, code }) => [
    ...(id !== undefined ? [{ id }] : []),
    ...(code !== undefined ? [{ code }] : []),
  ]);
  for (const reference of references) {
    const module = await modules.moduleNamed(reference);
    if (module && module.providerOrganisationId !== issuerOrganisationId) foreign.add(module.code);
  }
  return [...foreign];
}
