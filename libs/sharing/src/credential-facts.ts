import { Language, languageOfCountry } from '@magix/i18n';
import type { GradingScaleSpec } from '@magix/results';

/**
 * A text in several languages, as VC 2.0 writes one (§ 11.1 Language and Base Direction): the
 * value without a language, and the value in each language tagged.
 */
export interface LanguageText {
  /** The value to use when a language is not there: the English one, else the untagged one, else the first. */
  fallback: string;
  /** By primary language subtag, lower case ("es" for "es-ES"). */
  byLanguage: Record<string, string>;
}

/** A grading scale as the certificate explains it: its range and its pass mark. */
export type GradeScale = Pick<
  GradingScaleSpec,
  'kind' | 'minGrade' | 'maxGrade' | 'passMark' | 'higherIsBetter' | 'decimals' | 'letters' | 'passingLetters'
>;

/** What a person reads on a certificate, taken from an Open Badges 3.0 credential as issued. */
export interface CredentialFacts {
  credentialId: string;
  learnerName: string;
  achievement: LanguageText;
  achievementType: string;
  code: string | null;
  ects: number | null;
  eqfLevel: number | null;
  grade: string | null;
  /** The grading scale the grade is in, as the credential names it ("Spanish university scale 0–10 (pass 5)"). */
  gradingScale: string | null;
  /** That scale's range and pass mark, when the platform knows the scale (see ShareLinksService.gradeScale). */
  scale?: GradeScale | null;
  /** A calendar date, YYYY-MM-DD. */
  date: string | null;
  issuer: { name: string; countryCode: string | null };
  coAwardedBy: Array<{ name: string; countryCode: string | null }>;
  /** The issuer's language (from its country), which the certificate is written in beside English. */
  issuerLanguage: Language;
}

type Json = Record<string, unknown>;

const record = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

const primaryTag = (tag: unknown): string | null => text(tag)?.trim().toLowerCase().split(/[-_]/)[0] ?? null;

/**
 * Reads a property in any of the three forms VC 2.0 allows: a plain string, a value object
 * `{"@value": "…", "@language": "es"}`, or an array of those. Null when it holds no text at all.
 */
export function languageText(value: unknown): LanguageText | null {
  const entries: Array<{ value: string; language: string | null }> = [];
  for (const item of list(value)) {
    if (typeof item === 'string') {
      if (text(item)) entries.push({ value: item, language: null });
      continue;
    }
    const object = record(item);
    const found = text(object['@value']);
    if (found) entries.push({ value: found, language: primaryTag(object['@language']) });
  }
  if (entries.length === 0) return null;
  const byLanguage: Record<string, string> = {};
  for (const entry of entries) if (entry.language && !(entry.language in byLanguage)) byLanguage[entry.language] = entry.value;
  const fallback = byLanguage.en ?? entries.find((entry) => entry.language === null)?.value ?? entries[0].value;
  return { fallback, byLanguage };
}

/** The text in a language, or the fallback (English, as the credential's default) when it has none. */
export const textIn = (value: LanguageText, language: Language): string => value.byLanguage[language] ?? value.fallback;

/** The English text: the one tagged en, else the untagged value (English stays the default). */
export const englishOf = (value: LanguageText): string => value.byLanguage.en ?? value.fallback;

const plain = (value: unknown): string | null => languageText(value)?.fallback ?? null;

function profile(value: unknown): { name: string; countryCode: string | null } {
  const p = record(value);
  return { name: plain(p.name) ?? text(p.id) ?? 'Unknown issuer', countryCode: text(record(p.address).addressCountryCode) };
}

/** An Open Badges alignment to the EQF, or the private term of credentials issued before it. */
function eqfLevelOf(achievement: Json): number | null {
  const alignment = list(achievement.alignment)
    .map(record)
    .find((a) => a.targetFramework === 'European Qualifications Framework');
  const code = Number(text(alignment?.targetCode));
  return Number.isInteger(code) && code > 0 ? code : num(achievement.eqfLevel);
}

/**
 * Reads defensively: the document was verified, but a field the certificate prints may still be
 * absent (a degree has no grade), and a certificate must never fail on a missing line.
 */
export function credentialFacts(document: Json): CredentialFacts {
  const subject = record(list(document.credentialSubject)[0]);
  const achievement = record(subject.achievement);
  const name = list(subject.identifier)
    .map(record)
    .find((identifier) => identifier.identityType === 'name' && identifier.hashed === false);
  const result = record(list(subject.result)[0]);
  const grade = result.value;
  const issuer = profile(document.issuer);
  return {
    credentialId: text(document.id) ?? '',
    learnerName: text(name?.identityHash) ?? 'The holder',
    // Every language sits in `localizedName` (MAGIX context v3) beside the plain English `name`.
    achievement: languageText(achievement.localizedName) ??
      languageText(achievement.name) ??
      languageText(document.localizedName) ??
      languageText(document.name) ?? { fallback: 'Achievement', byLanguage: {} },
    achievementType: text(achievement.achievementType) ?? 'Achievement',
    code: text(achievement.humanCode),
    ects: num(subject.creditsEarned) ?? num(achievement.creditsAvailable),
    eqfLevel: eqfLevelOf(achievement),
    grade: typeof grade === 'number' ? String(grade) : text(grade),
    gradingScale: plain(result.gradingScale),
    date: (text(subject.activityEndDate) ?? text(document.validFrom) ?? text(document.issuanceDate))?.slice(0, 10) ?? null,
    issuer,
    coAwardedBy: list(document.coAwardedBy).map(profile),
    issuerLanguage: languageOfCountry(issuer.countryCode),
  };
}
