import { formatDateForPeople } from '@magix/common';

/**
 * What the applicant is told, as plain text for the outbox. Every date is written for the reader
 * (their time zone, never a raw timestamp) and every letter carries the link that helps: the
 * registration system after an acceptance, the interest list after a refusal or a reserve place.
 */

export interface Reader {
  givenName: string;
  timeZone: string;
}

export interface LetterLinks {
  publicUrl: string;
  registrationUrl: string;
}

export interface Letter {
  subject: string;
  body: string;
}

export const interestListUrl = (links: Pick<LetterLinks, 'publicUrl'>) => `${links.publicUrl}/interest-list`;

const when = (reader: Reader, value: Date | string) => formatDateForPeople(value, { timeZone: reader.timeZone });

const keepInformed = (links: LetterLinks) => `To hear when the next editions open, join the interest list: ${interestListUrl(links)}`;

/** The degree: accepted by the commission, or admitted from the reserve list. */
export function degreeAdmittedLetter(
  reader: Reader,
  links: LetterLinks,
  intake: { code: string; startsOn: string },
  fromReserve: boolean,
): Letter {
  const opening = fromReserve
    ? `A place freed up in the ${intake.code} intake of the MAGIX joint master’s degree and it goes to you from the reserve list: you are admitted to the degree.`
    : `Your application to the ${intake.code} intake of the MAGIX joint master’s degree is accepted: you are admitted to the degree.`;
  return {
    subject: fromReserve ? `A degree place in ${intake.code} is yours` : 'Your application: accepted',
    body: [
      opening,
      `Next step: register through the official registration system of Universidad Politécnica de Madrid: ${links.registrationUrl}`,
      `The edition starts on ${when(reader, intake.startsOn)}.`,
    ].join('\n\n'),
  };
}

/** The degree: the programme office confirmed the learner's registration at UPM. */
export function degreeWelcomeLetter(
  reader: Reader,
  links: LetterLinks,
  edition: { code: string; startsOn: string; endsOn: string },
): Letter {
  return {
    subject: `Welcome to MAGIX ${edition.code}`,
    body: [
      `Your registration at Universidad Politécnica de Madrid is confirmed: you are a student of the MAGIX joint master’s degree, ${edition.code} edition.`,
      `The edition runs from ${when(reader, edition.startsOn)} to ${when(reader, edition.endsOn)}.`,
      `Your modules, results and credentials are in MAGIX: ${links.publicUrl}`,
    ].join('\n\n'),
  };
}

/** A module place offered: by the commission's acceptance, or from the reserve list. */
export function placeOfferedLetter(
  reader: Reader,
  links: LetterLinks,
  offering: { code: string; startsOn: string },
  deadline: Date,
  fromReserve: boolean,
): Letter {
  const opening = fromReserve
    ? `A place freed up in ${offering.code} and it is offered to you from the reserve list.`
    : `Your application to the module offering ${offering.code} is accepted: a place is yours.`;
  return {
    subject: fromReserve ? `A place in ${offering.code} is yours` : 'Your application: accepted',
    body: [
      opening,
      `Take it before ${when(reader, deadline)} (in MAGIX: ${links.publicUrl}/graphql, acceptOffer); then you are enrolled.`,
      `Register as well through the programme’s official registration system: ${links.registrationUrl}`,
      `The module starts on ${when(reader, offering.startsOn)}.`,
    ].join('\n\n'),
  };
}

export function reserveLetter(links: LetterLinks, what: string, rank: number | null): Letter {
  return {
    subject: 'Your application: reserve list',
    body: [
      `Your application to ${what} is on the reserve list, in place ${rank ?? '–'}. If a place frees up, it is offered to you and you hear from us at once.`,
      keepInformed(links),
    ].join('\n\n'),
  };
}

export function rejectedLetter(links: LetterLinks, what: string): Letter {
  return {
    subject: 'Your application: not accepted',
    body: [`Your application to ${what} was not accepted this time.`, keepInformed(links)].join('\n\n'),
  };
}

export function offerExpiredLetter(reader: Reader, links: LetterLinks, offering: { code: string }, deadline: Date | null): Letter {
  const until = deadline ? ` by ${when(reader, deadline)}` : ' in time';
  return {
    subject: `Your offer in ${offering.code} has expired`,
    body: [
      `The place offered to you in ${offering.code} was not taken${until} and went to the next on the reserve list.`,
      keepInformed(links),
    ].join('\n\n'),
  };
}

/** A place was due to the applicant, but a prerequisite is missing: not offered, the next in line gets it. */
export function ineligibleLetter(links: LetterLinks, offering: { code: string }, missing: string[]): Letter {
  return {
    subject: `No place in ${offering.code}: a prerequisite is missing`,
    body: [
      `A place in ${offering.code} was due to you, but it cannot be offered: the module requires ${missing.join(', ')}, and you hold no valid credential for ${missing.length > 1 ? 'them' : 'it'}. The place went to the next in line.`,
      `Once you hold ${missing.length > 1 ? 'them' : 'it'}, you are welcome to apply again. ${keepInformed(links)}`,
    ].join('\n\n'),
  };
}

/** The credential's issuer revoked it: which one, why, when, and where to see it. */
export function credentialRevokedLetter(
  reader: Reader,
  links: LetterLinks,
  credential: { id: string; name: string; issuedAt: Date; revokedAt: Date; reason: string },
): Letter {
  return {
    subject: `Your credential “${credential.name}” was revoked`,
    body: [
      `Your credential “${credential.name}”, issued on ${when(reader, credential.issuedAt)}, was revoked by its issuer on ${when(reader, credential.revokedAt)}.`,
      `The reason given: ${credential.reason}`,
      `A verifier checking it now sees it as revoked. The credential and its status: ${links.publicUrl}/credentials/${credential.id}`,
      'If you think this is a mistake, reply to this message or write to the programme office.',
    ].join('\n\n'),
  };
}

/** The commission: a batch the schedule opened. */
export function batchOpenedLetter(links: LetterLinks, batch: { applications: number; periodEndsOn: string }, timeZone: string): Letter {
  return {
    subject: `Review batch opened: ${batch.applications} degree application${batch.applications === 1 ? '' : 's'}`,
    body: [
      `The schedule opened a review batch with ${batch.applications} degree application${batch.applications === 1 ? '' : 's'} submitted since the last cut-off.`,
      `Please decide each one and close the batch by ${formatDateForPeople(batch.periodEndsOn, { timeZone })}.`,
      `Review them in MAGIX: ${links.publicUrl}/graphql (applications, decideApplication, closeReviewBatch).`,
    ].join('\n\n'),
  };
}

/** The commission: a batch still has undecided applications near the end of its period. */
export function batchReminderLetter(links: LetterLinks, batch: { undecided: number; periodEndsOn: string }, timeZone: string): Letter {
  return {
    subject: `Reminder: ${batch.undecided} degree application${batch.undecided === 1 ? '' : 's'} to decide by ${formatDateForPeople(batch.periodEndsOn, { timeZone })}`,
    body: [
      `The open review batch still has ${batch.undecided} application${batch.undecided === 1 ? '' : 's'} without a decision; its period ends on ${formatDateForPeople(batch.periodEndsOn, { timeZone })}.`,
      `Decide them and close the batch in MAGIX: ${links.publicUrl}/graphql (decideApplication, closeReviewBatch).`,
    ].join('\n\n'),
  };
}
