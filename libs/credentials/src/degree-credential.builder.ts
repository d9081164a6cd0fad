import { createHash } from 'node:crypto';
import { CREDENTIALS_V2_CONTEXT_URL, OPEN_BADGES_CONTEXT_URL } from './credential.constants';
import { MAGIX_CONTEXT_URL } from './contexts/magix-context';
import { CredentialRecipient, IssuerProfile, toDateTimeStamp, UnsignedCredential } from './module-credential.builder';

export interface StackedCredential {
  /** The module credential's own id (urn:uuid:…). */
  id: string;
  /** Its exact text as issued, to digest. */
  json: string;
}

export interface DegreeCredentialFacts {
  credentialId: string;
  issuedAt: Date;
  /** The coordinating HEI, which issues on behalf of all. */
  issuer: IssuerProfile;
  /** Every co-awarding HEI, the issuer included; each signs the same document. */
  coAwarders: IssuerProfile[];
  recipient: Omit<CredentialRecipient, 'email'>;
  programme: { id: string; code: string; title: string; description: string; totalEcts: number; eqfLevel: number };
  creditsEarned: number;
  criteria: string;
  stackedFrom: StackedCredential[];
  credentialStatus?: unknown[];
}

const profile = (p: IssuerProfile) => ({
  id: p.did,
  type: ['Profile'],
  name: p.name,
  ...(p.url ? { url: p.url } : {}),
  address: { type: ['Address'], addressCountryCode: p.countryCode },
});

/** Subresource Integrity digest of a credential's exact text: binds the degree to what it stacks. */
export const digestSri = (text: string) => `sha384-${createHash('sha384').update(text, 'utf8').digest('base64')}`;

/**
 * A stacked module as Open Badges Evidence, so that the degree alone says, in words, which
 * modules it stands on (the digests in `relatedResource` prove it).
 */
function evidenceOf(stacked: StackedCredential) {
  const module = JSON.parse(stacked.json) as {
    issuer?: { name?: string };
    credentialSubject?: { creditsEarned?: number; activityEndDate?: string; achievement?: { name?: string; humanCode?: string } };
  };
  const subject = module.credentialSubject ?? {};
  const details = [
    module.issuer?.name,
    subject.creditsEarned !== undefined ? `${subject.creditsEarned} ECTS` : undefined,
    subject.activityEndDate?.slice(0, 10),
  ].filter(Boolean);
  return {
    id: stacked.id,
    type: ['Evidence'],
    genre: 'Module credential',
    ...(subject.achievement?.name ? { name: subject.achievement.name } : {}),
    ...(details.length ? { description: details.join(', ') } : {}),
  };
}

/**
 * The joint master's degree as an Open Badges 3.0 credential (achievement type MasterDegree),
 * naming its co-awarding HEIs and listing, with digests, the module credentials it stacks.
 */
export function buildDegreeCredential(facts: DegreeCredentialFacts): UnsignedCredential {
  return {
    '@context': [CREDENTIALS_V2_CONTEXT_URL, OPEN_BADGES_CONTEXT_URL, MAGIX_CONTEXT_URL],
    id: facts.credentialId,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: facts.programme.title,
    issuer: profile(facts.issuer),
    coAwardedBy: facts.coAwarders.map(profile),
    validFrom: toDateTimeStamp(facts.issuedAt),
    credentialSubject: {
      id: facts.recipient.id,
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: facts.recipient.name }],
      creditsEarned: facts.creditsEarned,
      achievement: {
        id: facts.programme.id,
        type: ['Achievement'],
        achievementType: 'MasterDegree',
        humanCode: facts.programme.code,
        name: facts.programme.title,
        description: facts.programme.description,
        criteria: { narrative: facts.criteria },
        creditsAvailable: facts.programme.totalEcts,
        creditUnit: 'ECTS',
        eqfLevel: facts.programme.eqfLevel,
      },
    },
    relatedResource: facts.stackedFrom.map((c) => ({ id: c.id, digestSRI: digestSri(c.json) })),
    evidence: facts.stackedFrom.map(evidenceOf),
    ...(facts.credentialStatus ? { credentialStatus: facts.credentialStatus } : {}),
  };
}
