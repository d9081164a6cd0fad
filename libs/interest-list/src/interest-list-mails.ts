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

/** The one mail a new member gets on joining: it carries their leave link. */
export function welcomeMail(reader: Reader, publicUrl: string): Mail {
  return {
    subject: 'You are on the MAGIX interest list',
    body: [
      `Dear ${reader.name},`,
      'You will get one mail when the next edition of the MAGIX joint master’s opens, with its dates and how to apply.',
      `The programme and its modules: ${base(publicUrl)}`,
      footer(reader, publicUrl),
    ].join('\n\n'),
  };
}
