import { createHash } from 'node:crypto';
import { isRecord } from '@magix/credentials';

/** Who the learner is as a credential subject. The account email counts as verified (the platform does not verify it). */
export interface LearnerIdentity {
  /** The did:key the platform holds for the learner, if one was ever made. */
  platformDid: string | null;
  /** The wallet DID the learner registered: registered unproven, so it shows nothing without the wallet's signature. */
  walletDid: string | null;
  email: string;
}

/** How a submitted credential was shown to be the learner's. */
export enum RecognitionHolding {
  /** Its subject is the DID the platform holds for the learner. */
  PLATFORM_DID = 'PLATFORM_DID',
  /** Its subject's OB 3.0 identifier is the learner's email (hashed with its salt, or plain). */
  EMAIL = 'EMAIL',
  /** It came inside a presentation signed for the learner's challenge by a key that controls its subject. */
  PRESENTATION = 'PRESENTATION',
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

const subjectsOf = (credential: Record<string, unknown>): Record<string, unknown>[] =>
  asList(credential.credentialSubject).filter(isRecord);

/**
 * OB 3.0 IdentityHash: `sha256$` and the hex SHA-256 of the identifier with the salt appended,
 * UTF-8; hex of either case. We compare the email as the account has it and trimmed lower-case
 * (issuers, ours included, normalise it before hashing). md5 is not accepted.
 */
export function identifierIsEmail(entry: unknown, email: string): boolean {
  if (!isRecord(entry) || entry.identityType !== 'emailAddress' || typeof entry.identityHash !== 'string') return false;
  const candidates = [...new Set([email, email.trim().toLowerCase()])];
  if (entry.hashed !== true) return candidates.includes(entry.identityHash.trim().toLowerCase());
  const match = /^sha256\$([0-9a-fA-F]{64})$/.exec(entry.identityHash);
  if (!match) return false;
  const salt = typeof entry.salt === 'string' ? entry.salt : '';
  return candidates.some(
    (candidate) =>
      createHash('sha256')
        .update(candidate + salt, 'utf8')
        .digest('hex') === match[1].toLowerCase(),
  );
}

/** Whether the credential itself names the learner as its subject; a wallet DID alone does not (its registration is unproven). */
export function holdingOf(credential: Record<string, unknown>, learner: LearnerIdentity): RecognitionHolding | null {
  const subjects = subjectsOf(credential);
  if (learner.platformDid && subjects.some((s) => s.id === learner.platformDid)) return RecognitionHolding.PLATFORM_DID;
  if (subjects.some((s) => asList(s.identifier).some((entry) => identifierIsEmail(entry, learner.email)))) return RecognitionHolding.EMAIL;
  return null;
}

export const namesWallet = (credential: Record<string, unknown>, learner: LearnerIdentity): boolean =>
  learner.walletDid !== null && subjectsOf(credential).some((s) => s.id === learner.walletDid);

/** JSON with object keys sorted, so that the same content has one digest whatever the key order or spacing. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isRecord(value)) {
    return `{${Object.keys(value)
      .sort()
      .filter((key) => value[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * What makes two submissions the same external credential: its `id` when its signature verified
 * (the issuer vouches for the id, so a forged copy cannot take it), else the SHA-256 of its content
 * without the proof.
 */
export function credentialKeyOf(credential: Record<string, unknown> | null, text: string, proofVerified: boolean): string {
  if (credential && proofVerified && typeof credential.id === 'string' && credential.id.length > 0) return `id:${credential.id}`;
  const content = credential ? canonicalJson({ ...credential, proof: undefined }) : text;
  return `sha256:${createHash('sha256').update(content, 'utf8').digest('hex')}`;
}

/** The achievement ids a credential's subjects hold (a MAGIX module is named by its `/modules/<code>` URL). */
export const achievementIdsOf = (credential: Record<string, unknown>): string[] =>
  subjectsOf(credential)
    .flatMap((s) => asList(s.achievement))
    .filter(isRecord)
    .map((a) => a.id)
    .filter((id): id is string => typeof id === 'string');
