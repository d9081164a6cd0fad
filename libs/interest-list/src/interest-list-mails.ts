import { formatDate, formatNumber, languageOf, renderMail, translate } from '@magix/i18n';

/** What an opening mail says of the edition. */
export interface OpenedEdition {
  code: string;
  startsOn: string;
  endsOn: string;
  degreePlaces: number;
  degreeApplicationsOpenOn: string | null;
  degreeApplicationsCloseOn: string | null;
}

export interface Reader {
  name: string;
  /** A language tag; the mail is in its primary language when that is one of the five, else in English. */
  preferredLanguage: string | null;
  leaveToken: string;
}

export interface Mail {
  subject: string;
  body: string;
}

const base = (publicUrl: string) => publicUrl.replace(/\/+$/, '');

export const leaveLink = (publicUrl: string, token: string) => `${base(publicUrl)}/interest-list/leave?token=${token}`;

const m = 'mail.interestList';

/** Why they get it, how to leave, and who writes: the closing of every interest-list mail. */
const footer = (reader: Reader, publicUrl: string) => {
  const language = languageOf(reader.preferredLanguage);
  return [
    translate(language, `${m}.footer`, { url: leaveLink(publicUrl, reader.leaveToken) }),
    translate(language, 'mail.officeSignature'),
  ].join('\n\n');
};

/** The mail each member gets when an edition opens: its dates for people, the degree window, the link to apply. */
export function openingMail(edition: OpenedEdition, programmeTitle: string, reader: Reader, publicUrl: string): Mail {
  const language = languageOf(reader.preferredLanguage);
  const date = (value: string) => formatDate(language, value);
  const closes = date(edition.degreeApplicationsCloseOn ?? edition.endsOn);
  const window = edition.degreeApplicationsOpenOn
    ? translate(language, `${m}.windowDates`, { from: date(edition.degreeApplicationsOpenOn), to: closes })
    : translate(language, `${m}.windowNow`, { to: closes });
  const places = edition.degreePlaces;
  return renderMail(
    language,
    [`${m}.openingSubject`, { edition: edition.code }],
    [
      ['mail.greeting', { name: reader.name }],
      [`${m}.openingIntro`, { edition: edition.code, programme: programmeTitle, from: date(edition.startsOn), to: date(edition.endsOn) }],
      places > 0 ? [`${m}.degree`, { count: places, n: formatNumber(language, places), window }] : [`${m}.noDegree`],
      [`${m}.apply`, { url: base(publicUrl) }],
      { text: footer(reader, publicUrl) },
    ],
  );
}

export const confirmLink = (publicUrl: string, token: string) => `${base(publicUrl)}/interest-list/confirm?token=${token}`;

/**
 * The mail a pending member gets: nothing more is sent to the address until its owner follows
 * the link, so someone who typed another person's address mails them this once and no more.
 */
export function confirmationMail(reader: Reader, confirmToken: string, publicUrl: string): Mail {
  return renderMail(
    languageOf(reader.preferredLanguage),
    [`${m}.confirmSubject`],
    [
      ['mail.greeting', { name: reader.name }],
      [`${m}.confirmAsk`],
      { text: confirmLink(publicUrl, confirmToken) },
      [`${m}.confirmIgnore`],
      [`${m}.programme`, { url: base(publicUrl) }],
      { text: footer(reader, publicUrl) },
    ],
  );
}
