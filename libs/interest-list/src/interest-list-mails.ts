import { formatDateForPeople } from '@magix/common';

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
  preferredLanguage: string | null;
  leaveToken: string;
}

export interface Mail {
  subject: string;
  body: string;
}

const base = (publicUrl: string) => publicUrl.replace(/\/+$/, '');

export const leaveLink = (publicUrl: string, token: string) => `${base(publicUrl)}/interest-list/leave?token=${token}`;

const footer = (reader: Reader, publicUrl: string) =>
  `You receive this because you joined the MAGIX interest list. To leave it: ${leaveLink(publicUrl, reader.leaveToken)}\n\nThe MAGIX programme office`;

/** The mail each member gets when an edition opens: its dates for people, the degree window, the link to apply. */
export function openingMail(edition: OpenedEdition, programmeTitle: string, reader: Reader, publicUrl: string): Mail {
  const date = (value: string) => formatDateForPeople(value, { locale: reader.preferredLanguage ?? undefined });
  const closes = date(edition.degreeApplicationsCloseOn ?? edition.endsOn);
  const window = edition.degreeApplicationsOpenOn
    ? `from ${date(edition.degreeApplicationsOpenOn)} to ${closes}`
    : `from now until ${closes}`;
  const degree =
    edition.degreePlaces > 0
      ? `Applications to the full degree are taken ${window}, for ${edition.degreePlaces} places.`
      : 'This edition takes no new degree students; its modules are open to everyone.';
  return {
    subject: `The ${edition.code} edition of MAGIX is open`,
    body: [
      `Dear ${reader.name},`,
      `The ${edition.code} edition of the ${programmeTitle} is open. It runs from ${date(edition.startsOn)} to ${date(edition.endsOn)}.`,
      degree,
      `Apply, or pick self-standing modules from the catalogue: ${base(publicUrl)}`,
      footer(reader, publicUrl),
    ].join('\n\n'),
  };
}

export const confirmLink = (publicUrl: string, token: string) => `${base(publicUrl)}/interest-list/confirm?token=${token}`;

export const CONFIRMATION_SUBJECT = 'Confirm your place on the MAGIX interest list';

/**
 * The mail a pending member gets: nothing more is sent to the address until its owner follows
 * the link, so someone who typed another person's address mails them this once and no more.
 */
export function confirmationMail(reader: Reader, confirmToken: string, publicUrl: string): Mail {
  return {
    subject: CONFIRMATION_SUBJECT,
    body: [
      `Dear ${reader.name},`,
      'Someone, we hope you, asked to hear when the next edition of the MAGIX joint master’s opens. To confirm that this address wants that one mail, follow this link and press the button:',
      confirmLink(publicUrl, confirmToken),
      'If you did not ask, do nothing: without a confirmation you get no other mail from the list, and the address is deleted within 30 days.',
      `The programme and its modules: ${base(publicUrl)}`,
      footer(reader, publicUrl),
    ].join('\n\n'),
  };
}
