import { formatDate, formatList, formatNumber, Language, languageOf, renderMail, translate } from '@magix/i18n';
import { INTEREST_LIST_PATH } from './admissions.errors';

/**
 * What the applicant is told, as plain text for the outbox, in the reader's language (their
 * preferred language, English by default; messages in libs/i18n). Every date is written for the
 * reader (their language and time zone, never a raw timestamp) and every letter carries the link
 * that helps: the registration system after an acceptance, the interest list after a refusal or a
 * reserve place.
 */

export interface Reader {
  givenName: string;
  timeZone: string;
  /** One of the five languages, or null: English. */
  preferredLanguage?: string | null;
}

export interface LetterLinks {
  publicUrl: string;
  registrationUrl: string;
}

export interface Letter {
  subject: string;
  body: string;
}

export const interestListUrl = (links: Pick<LetterLinks, 'publicUrl'>) => `${links.publicUrl}${INTEREST_LIST_PATH}`;

const languageOfReader = (reader: Pick<Reader, 'preferredLanguage'>): Language => languageOf(reader.preferredLanguage);

const when = (reader: Reader, value: Date | string) => formatDate(languageOfReader(reader), value, { timeZone: reader.timeZone });

const keepInformed = (links: LetterLinks): [string, { url: string }] => ['mail.keepInformed', { url: interestListUrl(links) }];

/** The degree: accepted by the commission, or admitted from the reserve list. */
export function degreeAdmittedLetter(
  reader: Reader,
  links: LetterLinks,
  intake: { code: string; startsOn: string },
  fromReserve: boolean,
): Letter {
  const m = 'mail.degreeAdmitted';
  return renderMail(
    languageOfReader(reader),
    [fromReserve ? `${m}.subjectFromReserve` : `${m}.subject`, { intake: intake.code }],
    [
      [fromReserve ? `${m}.openingFromReserve` : `${m}.opening`, { intake: intake.code }],
      [`${m}.register`, { url: links.registrationUrl }],
      [`${m}.starts`, { date: when(reader, intake.startsOn) }],
    ],
  );
}

/** The degree: the programme office confirmed the learner's registration at UPM. */
export function degreeWelcomeLetter(
  reader: Reader,
  links: LetterLinks,
  edition: { code: string; startsOn: string; endsOn: string },
): Letter {
  const m = 'mail.degreeWelcome';
  return renderMail(
    languageOfReader(reader),
    [`${m}.subject`, { edition: edition.code }],
    [
      [`${m}.registered`, { edition: edition.code }],
      [`${m}.runs`, { from: when(reader, edition.startsOn), to: when(reader, edition.endsOn) }],
      [`${m}.platform`, { url: links.publicUrl }],
    ],
  );
}

/** A module place offered: by the commission's acceptance, or from the reserve list. */
export function placeOfferedLetter(
  reader: Reader,
  links: LetterLinks,
  offering: { code: string; startsOn: string },
  deadline: Date,
  fromReserve: boolean,
): Letter {
  const m = 'mail.placeOffered';
  return renderMail(
    languageOfReader(reader),
    [fromReserve ? `${m}.subjectFromReserve` : `${m}.subject`, { offering: offering.code }],
    [
      [fromReserve ? `${m}.openingFromReserve` : `${m}.opening`, { offering: offering.code }],
      [`${m}.take`, { deadline: when(reader, deadline), url: `${links.publicUrl}/graphql` }],
      [`${m}.register`, { url: links.registrationUrl }],
      [`${m}.starts`, { date: when(reader, offering.startsOn) }],
    ],
  );
}

/** What an application was for, as the reserve and refusal letters name it: a module offering, or the degree. */
export type AppliedFor = { offeringCode: string } | 'degree';

const whatIn = (language: Language, appliedFor: AppliedFor) =>
  appliedFor === 'degree'
    ? translate(language, 'mail.what.degree')
    : translate(language, 'mail.what.offering', { offering: appliedFor.offeringCode });

export function reserveLetter(reader: Reader, links: LetterLinks, appliedFor: AppliedFor, rank: number | null): Letter {
  const language = languageOfReader(reader);
  const place = rank === null ? '–' : formatNumber(language, rank);
  return renderMail(
    language,
    ['mail.reserve.subject'],
    [['mail.reserve.body', { what: whatIn(language, appliedFor), rank: place }], keepInformed(links)],
  );
}

export function rejectedLetter(reader: Reader, links: LetterLinks, appliedFor: AppliedFor): Letter {
  const language = languageOfReader(reader);
  return renderMail(
    language,
    ['mail.rejected.subject'],
    [['mail.rejected.body', { what: whatIn(language, appliedFor) }], keepInformed(links)],
  );
}

export function offerExpiredLetter(reader: Reader, links: LetterLinks, offering: { code: string }, deadline: Date | null): Letter {
  const m = 'mail.offerExpired';
  return renderMail(
    languageOfReader(reader),
    [`${m}.subject`, { offering: offering.code }],
    [
      deadline
        ? [`${m}.body`, { offering: offering.code, deadline: when(reader, deadline) }]
        : [`${m}.bodyNoDeadline`, { offering: offering.code }],
      keepInformed(links),
    ],
  );
}

/** A place was due to the applicant, but a prerequisite is missing: not offered, the next in line gets it. */
export function ineligibleLetter(reader: Reader, links: LetterLinks, offering: { code: string }, missing: string[]): Letter {
  const language = languageOfReader(reader);
  const m = 'mail.ineligible';
  const count = missing.length;
  const again = translate(language, `${m}.again`, { count });
  const informed = translate(language, ...keepInformed(links));
  return renderMail(
    language,
    [`${m}.subject`, { offering: offering.code }],
    [[`${m}.body`, { count, offering: offering.code, missing: formatList(language, missing) }], { text: `${again} ${informed}` }],
  );
}

/** The credential's issuer revoked it: which one, why, when, and where to see it. */
export function credentialRevokedLetter(
  reader: Reader,
  links: LetterLinks,
  credential: { id: string; name: string; issuedAt: Date; revokedAt: Date; reason: string },
): Letter {
  const m = 'mail.credentialRevoked';
  return renderMail(
    languageOfReader(reader),
    [`${m}.subject`, { name: credential.name }],
    [
      [
        `${m}.revoked`,
        { name: credential.name, issuedAt: when(reader, credential.issuedAt), revokedAt: when(reader, credential.revokedAt) },
      ],
      [`${m}.reason`, { reason: credential.reason }],
      [`${m}.status`, { url: `${links.publicUrl}/credentials/${credential.id}` }],
      [`${m}.mistake`],
    ],
  );
}

/** The commission's reason, as staff wrote it, after the letter of a decision. */
export function withCommissionReason(reader: Reader, letter: Letter, reason: string | null): Letter {
  const line = translate(languageOfReader(reader), 'mail.commissionReason', { reason: reason ?? '' });
  return { subject: letter.subject, body: `${letter.body}\n\n${line}` };
}

/** A letter to a learner: greeted by name and signed by the office, in their language. */
export function addressedTo(reader: Reader, letter: Letter): Letter {
  const language = languageOfReader(reader);
  const greeting = translate(language, 'mail.greeting', { name: reader.givenName });
  const signature = translate(language, 'mail.officeSignature');
  return { subject: letter.subject, body: `${greeting}\n\n${letter.body}\n\n${signature}` };
}

/** The commission: a batch the schedule opened (staff have no language preference: English). */
export function batchOpenedLetter(
  links: LetterLinks,
  batch: { applications: number; periodEndsOn: string },
  timeZone: string,
  language: Language = 'en',
): Letter {
  const m = 'mail.batchOpened';
  const count = batch.applications;
  const n = formatNumber(language, count);
  return renderMail(
    language,
    [`${m}.subject`, { count, n }],
    [
      [`${m}.opened`, { count, n }],
      [`${m}.decide`, { date: formatDate(language, batch.periodEndsOn, { timeZone }) }],
      [`${m}.review`, { url: `${links.publicUrl}/graphql` }],
    ],
  );
}

/** The commission: a batch still has undecided applications near the end of its period. */
export function batchReminderLetter(
  links: LetterLinks,
  batch: { undecided: number; periodEndsOn: string },
  timeZone: string,
  language: Language = 'en',
): Letter {
  const m = 'mail.batchReminder';
  const count = batch.undecided;
  const values = { count, n: formatNumber(language, count), date: formatDate(language, batch.periodEndsOn, { timeZone }) };
  return renderMail(
    language,
    [`${m}.subject`, values],
    [
      [`${m}.pending`, values],
      [`${m}.decide`, { url: `${links.publicUrl}/graphql` }],
    ],
  );
}

/** Signed by the platform, for the office's own mails. */
export const signedByPlatform = (letter: Letter, language: Language = 'en'): Letter => ({
  subject: letter.subject,
  body: `${letter.body}\n\n${translate(language, 'mail.platformSignature')}`,
});
