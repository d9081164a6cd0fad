import { digestSri } from './contexts/magix-context';
import { languageValuesIn } from './localized-text';
import {
  CredentialRecipient,
  creditsForWallets,
  eqfAlignment,
  IssuerProfile,
  issuerProfile,
  magixContexts,
  openBadgeImage,
  toDateTimeStamp,
  UnsignedCredential,
} from './module-credential.builder';

export { digestSri };

export interface StackedCredential {
  /** The module credential's own id (urn:uuid:…). */
  id: string;
  /** Its exact text as issued, to digest. */
  json: string;
}

export interface DegreeCredentialFacts {
  /** The MAGIX context as the issuing deployment serves it. */
  contextUrl: string;
  credentialId: string;
  issuedAt: Date;
  /** The coordinating HEI, which issues on behalf of all. */
  issuer: IssuerProfile;
  /** Every co-awarding HEI, the issuer included; each signs the same document. */
  coAwarders: IssuerProfile[];
  recipient: Omit<CredentialRecipient, 'email'>;
  programme: { id: string; code: string; title: string; description: string; totalEcts: number; eqfLevel: number; image?: string };
  creditsEarned: number;
  criteria: string;
  stackedFrom: StackedCredential[];
  credentialStatus?: unknown;
}

/**
 * A stacked module as Open Badges Evidence, so that the degree alone says, in words, which
 * modules it stands on (the digests in `relatedResource` prove it).
 */
function evidenceOf(stacked: StackedCredential) {
  const module = JSON.parse(stacked.json) as {
    issuer?: { name?: string };
    credentialSubject?: {
      creditsEarned?: number;
      activityEndDate?: string;
      achievement?: { name?: string; humanCode?: string; localizedName?: unknown };
    };
  };
  const subject = module.credentialSubject ?? {};
  // The module's title in every language its credential gives it (none: English only).
  const localizedName = languageValuesIn(subject.achievement?.localizedName);
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
    ...(localizedName.length > 0 ? { localizedName } : {}),
    ...(details.length ? { description: details.join(', ') } : {}),
  };
}

/**
 * The joint master's degree as an Open Badges 3.0 credential (achievement type MasterDegree),
 * naming its co-awarding HEIs and listing, with digests, the module credentials it stacks. Each
 * co-awarder's signature is added as an endorsement (see joint-signer.ts).
 */
export function buildDegreeCredential(facts: DegreeCredentialFacts): UnsignedCredential {
  const { '@context': context, relatedResource } = magixContexts(facts.contextUrl);
  const image = facts.programme.image ? { image: openBadgeImage(facts.programme.image, facts.programme.title) } : {};
  return {
    '@context': context,
    id: facts.credentialId,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: facts.programme.title,
    description: facts.programme.description,
    issuer: issuerProfile(facts.issuer),
    coAwardedBy: facts.coAwarders.map(issuerProfile),
    validFrom: toDateTimeStamp(facts.issuedAt),
    awardedDate: toDateTimeStamp(facts.issuedAt),
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
        ...image,
        alignment: [eqfAlignment(facts.programme.eqfLevel)],
        creditsAvailable: facts.programme.totalEcts,
        creditUnit: 'ECTS',
        awardedOnCompletionOf: creditsForWallets('EducationalOccupationalProgram', facts.programme.totalEcts),
      },
    },
    relatedResource: [...relatedResource, ...facts.stackedFrom.map((c) => ({ id: c.id, digestSRI: digestSri(c.json) }))],
    evidence: facts.stackedFrom.map(evidenceOf),
    ...(facts.credentialStatus ? { credentialStatus: facts.credentialStatus } : {}),
  };
}
