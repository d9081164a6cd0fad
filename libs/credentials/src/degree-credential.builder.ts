import { digestSri } from './contexts/magix-context';
import { inEveryLanguage, languageValuesIn, TitleTranslation } from './localized-text';
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
  programme: {
    id: string;
    code: string;
    /** English, as OB 3.0's `name` and `description` are. */
    title: string;
    description: string;
    /** The title and description in other languages; none: the degree is English only, as before issue 14. */
    translations?: readonly TitleTranslation[];
    totalEcts: number;
    eqfLevel: number;
    image?: string;
  };
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
  const { programme } = facts;
  const image = programme.image ? { image: openBadgeImage(programme.image, programme.title) } : {};
  const translations = programme.translations ?? [];
  // As on a module credential: the same terms, on the credential and its achievement, and only
  // when there are translations (a degree of an English-only programme is as before).
  const localizedName = () =>
    translations.length > 0 ? { localizedName: inEveryLanguage(programme.title, translations, (t) => t.title) } : {};
  const localizedDescription = () =>
    translations.length > 0 ? { localizedDescription: inEveryLanguage(programme.description, translations, (t) => t.description) } : {};
  return {
    '@context': context,
    id: facts.credentialId,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: programme.title,
    ...localizedName(),
    description: programme.description,
    ...localizedDescription(),
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
        id: programme.id,
        type: ['Achievement'],
        achievementType: 'MasterDegree',
        humanCode: programme.code,
        name: programme.title,
        ...localizedName(),
        description: programme.description,
        ...localizedDescription(),
        criteria: { narrative: facts.criteria },
        ...image,
        alignment: [eqfAlignment(programme.eqfLevel)],
        creditsAvailable: programme.totalEcts,
        creditUnit: 'ECTS',
        awardedOnCompletionOf: creditsForWallets('EducationalOccupationalProgram', programme.totalEcts),
      },
    },
    relatedResource: [...relatedResource, ...facts.stackedFrom.map((c) => ({ id: c.id, digestSRI: digestSri(c.json) }))],
    evidence: facts.stackedFrom.map(evidenceOf),
    ...(facts.credentialStatus ? { credentialStatus: facts.credentialStatus } : {}),
  };
}
