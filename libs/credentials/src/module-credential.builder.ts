import { createHash, randomBytes } from 'node:crypto';
import { CREDENTIALS_V2_CONTEXT_URL, OPEN_BADGES_CONTEXT_URL } from './credential.constants';
import { MAGIX_CONTEXT_V2_DIGEST, MAGIX_CONTEXT_V2_PATH, MAGIX_CONTEXT_V3_DIGEST } from './contexts/magix-context';
import { inEveryLanguage, outcomesInEveryLanguage, TextTranslation } from './localized-text';

export interface IssuerProfile {
  did: string;
  name: string;
  countryCode: string;
  url?: string;
  /** The HEI's logo: a URL or a data: URI (wallets show it beside the issuer's name). */
  image?: string;
}

export interface ModuleAchievement {
  /** A URI that names the module, stable across editions. */
  id: string;
  code: string;
  title: string;
  description: string;
  learningOutcomes: string[];
  ectsCredits: number;
  eqfLevel: number;
  workloadHours: number;
  language: string;
  assessmentType: string;
  participationForm: string;
  qualityAssurance: string;
  prerequisites: string[];
  /** The module's badge: a URL or a data: URI (wallets show it as the credential's picture). */
  image?: string;
  /** Title, description and outcomes in other languages; the fields above are the English ones. */
  translations?: TextTranslation[];
}

export interface CredentialRecipient {
  /** A URI for the learner: their wallet DID, or a urn:uuid the platform keeps for them. */
  id: string;
  name: string;
  email: string;
}

export interface ModuleResult {
  grade: string;
  /** The national scale the grade is in, named. */
  gradingScale?: string;
  creditsEarned: number;
  assessedOn: string;
}

export interface ModuleCredentialFacts {
  /** The MAGIX context as the issuing deployment serves it (`magixContextUrl(PUBLIC_URL)`). */
  contextUrl: string;
  credentialId: string;
  issuedAt: Date;
  validUntil?: Date;
  issuer: IssuerProfile;
  recipient: CredentialRecipient;
  achievement: ModuleAchievement;
  result: ModuleResult;
  /** The credential's one Bitstring Status List entry (revocation and suspension in one). */
  credentialStatus?: unknown;
  /** Fixed in tests so that the built document is reproducible. */
  emailSalt?: string;
}

export type UnsignedCredential = Record<string, unknown>;

/** XML Schema dateTime in UTC, to the second, as VC 2.0 examples and validators expect. */
export function toDateTimeStamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The contexts every MAGIX credential names, and the digest of the one only we define (of its version). */
export function magixContexts(contextUrl: string) {
  const digestSRI = contextUrl.endsWith(MAGIX_CONTEXT_V2_PATH) ? MAGIX_CONTEXT_V2_DIGEST : MAGIX_CONTEXT_V3_DIGEST;
  return {
    '@context': [CREDENTIALS_V2_CONTEXT_URL, OPEN_BADGES_CONTEXT_URL, contextUrl],
    relatedResource: [{ id: contextUrl, digestSRI, mediaType: 'application/ld+json' }],
  };
}

/** The EQF level as an Open Badges alignment to the EU's own identifier for it. */
export function eqfAlignment(level: number) {
  return {
    type: ['Alignment'],
    targetName: `EQF level ${level}`,
    targetFramework: 'European Qualifications Framework',
    targetCode: String(level),
    targetUrl: `http://data.europa.eu/snb/eqf/${level}`,
  };
}

/** Credits where DCC's Learner Credential Wallet reads them (OB's creditsAvailable stays too). */
export const creditsForWallets = (type: 'Course' | 'EducationalOccupationalProgram', ects: number) => ({
  type,
  numberOfCredits: { type: 'QuantitativeValue', value: String(ects), unitText: 'ECTS' },
});

export const openBadgeImage = (id: string, caption: string) => ({ id, type: 'Image', caption });

/** An OB 3.0 issuer Profile, with the HEI's country and logo. */
export function issuerProfile(p: IssuerProfile) {
  return {
    id: p.did,
    type: ['Profile'],
    name: p.name,
    ...(p.url ? { url: p.url } : {}),
    ...(p.image ? { image: openBadgeImage(p.image, `Logo of ${p.name}`) } : {}),
    address: { type: ['Address'], addressCountryCode: p.countryCode },
  };
}

function hashedEmail(email: string, salt: string): Record<string, unknown> {
  const digest = createHash('sha256')
    .update(email.trim().toLowerCase() + salt)
    .digest('hex');
  return { type: 'IdentityObject', identityType: 'emailAddress', hashed: true, identityHash: `sha256$${digest}`, salt };
}

/**
 * Builds the Open Badges 3.0 `OpenBadgeCredential` for one passed module, carrying the mandatory
 * elements of the EU Council Recommendation on micro-credentials. Pure: no keys, no I/O.
 */
export function buildModuleCredential(facts: ModuleCredentialFacts): UnsignedCredential {
  const { issuer, recipient, achievement, result } = facts;
  const gradeDescriptionId = `${achievement.id}#grade`;
  const { '@context': context, relatedResource } = magixContexts(facts.contextUrl);
  const credentialName = (title: string) => `${title} (${achievement.ectsCredits} ECTS)`;
  const translations = achievement.translations ?? [];
  // Only a module with translations has them: the English-only credential is as before.
  const localized = (pick: () => Record<string, unknown>) => (translations.length > 0 ? pick() : {});
  const credential: UnsignedCredential = {
    '@context': context,
    id: facts.credentialId,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: credentialName(achievement.title),
    ...localized(() => ({
      localizedName: inEveryLanguage(credentialName(achievement.title), translations, (t) => credentialName(t.title)),
    })),
    description: achievement.description,
    ...localized(() => ({ localizedDescription: inEveryLanguage(achievement.description, translations, (t) => t.description) })),
    issuer: issuerProfile(issuer),
    validFrom: toDateTimeStamp(facts.issuedAt),
    awardedDate: toDateTimeStamp(facts.issuedAt),
    ...(facts.validUntil ? { validUntil: toDateTimeStamp(facts.validUntil) } : {}),
    ...(facts.credentialStatus ? { credentialStatus: facts.credentialStatus } : {}),
    relatedResource,
    credentialSubject: {
      id: recipient.id,
      type: ['AchievementSubject'],
      identifier: [
        { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: recipient.name },
        hashedEmail(recipient.email, facts.emailSalt ?? randomBytes(8).toString('hex')),
      ],
      activityEndDate: `${result.assessedOn}T00:00:00Z`,
      creditsEarned: result.creditsEarned,
      result: [
        {
          type: ['Result'],
          resultDescription: gradeDescriptionId,
          value: result.grade,
          ...(result.gradingScale ? { gradingScale: result.gradingScale } : {}),
          status: 'Completed',
        },
      ],
      achievement: {
        id: achievement.id,
        type: ['Achievement'],
        achievementType: 'MicroCredential',
        humanCode: achievement.code,
        name: achievement.title,
        ...localized(() => ({ localizedName: inEveryLanguage(achievement.title, translations, (t) => t.title) })),
        description: achievement.description,
        ...localized(() => ({ localizedDescription: inEveryLanguage(achievement.description, translations, (t) => t.description) })),
        criteria: { narrative: criteriaNarrative(achievement) },
        ...(achievement.image ? { image: openBadgeImage(achievement.image, achievement.title) } : {}),
        alignment: [eqfAlignment(achievement.eqfLevel)],
        creditsAvailable: achievement.ectsCredits,
        creditUnit: 'ECTS',
        awardedOnCompletionOf: creditsForWallets('Course', achievement.ectsCredits),
        workloadHours: achievement.workloadHours,
        inLanguage: achievement.language,
        assessmentType: achievement.assessmentType,
        participationForm: achievement.participationForm,
        qualityAssurance: achievement.qualityAssurance,
        learningOutcome: achievement.learningOutcomes,
        ...localized(() => ({ localizedLearningOutcome: outcomesInEveryLanguage(achievement.learningOutcomes, translations) })),
        prerequisite: achievement.prerequisites,
        resultDescription: [{ id: gradeDescriptionId, type: ['ResultDescription'], name: 'Final grade', resultType: 'Result' }],
      },
    },
  };
  return credential;
}

function criteriaNarrative(achievement: ModuleAchievement): string {
  const outcomes = achievement.learningOutcomes.map((outcome) => `- ${outcome}`).join('\n');
  return `Passed the ${achievement.assessmentType} assessment of ${achievement.code}, demonstrating:\n${outcomes}`;
}
