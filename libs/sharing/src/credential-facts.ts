/** What a person reads on a certificate, taken from an Open Badges 3.0 credential as issued. */
export interface CredentialFacts {
  credentialId: string;
  learnerName: string;
  achievement: string;
  achievementType: string;
  code: string | null;
  ects: number | null;
  eqfLevel: number | null;
  grade: string | null;
  date: string | null;
  issuer: { name: string; countryCode: string | null };
  coAwardedBy: Array<{ name: string; countryCode: string | null }>;
}

type Json = Record<string, unknown>;

const record = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

function profile(value: unknown): { name: string; countryCode: string | null } {
  const p = record(value);
  return { name: text(p.name) ?? text(p.id) ?? 'Unknown issuer', countryCode: text(record(p.address).addressCountryCode) };
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
  return {
    credentialId: text(document.id) ?? '',
    learnerName: text(name?.identityHash) ?? 'The holder',
    achievement: text(achievement.name) ?? text(document.name) ?? 'Achievement',
    achievementType: text(achievement.achievementType) ?? 'Achievement',
    code: text(achievement.humanCode),
    ects: num(subject.creditsEarned) ?? num(achievement.creditsAvailable),
    eqfLevel: eqfLevelOf(achievement),
    grade: typeof grade === 'number' ? String(grade) : text(grade),
    date: (text(subject.activityEndDate) ?? text(document.validFrom) ?? text(document.issuanceDate))?.slice(0, 10) ?? null,
    issuer: profile(document.issuer),
    coAwardedBy: list(document.coAwardedBy).map(profile),
  };
}
