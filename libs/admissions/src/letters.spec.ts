import { LANGUAGES } from '@magix/i18n';
import {
  addressedTo,
  batchOpenedLetter,
  batchReminderLetter,
  credentialRevokedLetter,
  degreeAdmittedLetter,
  degreeWelcomeLetter,
  ineligibleLetter,
  Letter,
  offerExpiredLetter,
  placeOfferedLetter,
  Reader,
  rejectedLetter,
  reserveLetter,
  signedByPlatform,
  withCommissionReason,
} from './letters';
import { confirmationMail, openingMail } from '../../interest-list/src/interest-list-mails';

const links = { publicUrl: 'https://magix.example', registrationUrl: 'https://registration.upm.example/magix' };
const deadline = new Date('2026-12-07T13:30:00Z');
const offering = { code: 'AI4GOV-M03-2026', startsOn: '2027-02-01' };
const edition = { code: '2027-2028', startsOn: '2027-09-01', endsOn: '2028-08-31' };
const credential = {
  id: 'urn:uuid:1',
  name: 'Data for policy',
  issuedAt: new Date('2026-06-30T10:00:00Z'),
  revokedAt: deadline,
  reason: 'x',
};
const opened = { ...edition, degreePlaces: 20, degreeApplicationsOpenOn: '2027-01-15', degreeApplicationsCloseOn: null };

/** Every mail the server sends, with each of its variants, for a reader in a language. */
function everyMail(language: string): Array<[string, Letter]> {
  const reader: Reader = { givenName: 'Ieva', timeZone: 'Europe/Riga', preferredLanguage: language };
  const member = { name: 'Ieva Bērziņa', preferredLanguage: language, leaveToken: 'L'.repeat(43) };
  return [
    ['degreeAdmitted', degreeAdmittedLetter(reader, links, edition, false)],
    ['degreeAdmittedFromReserve', degreeAdmittedLetter(reader, links, edition, true)],
    ['degreeWelcome', degreeWelcomeLetter(reader, links, edition)],
    ['placeOffered', placeOfferedLetter(reader, links, offering, deadline, false)],
    ['placeOfferedFromReserve', placeOfferedLetter(reader, links, offering, deadline, true)],
    ['reserveModule', reserveLetter(reader, links, { offeringCode: offering.code }, 2)],
    ['reserveDegree', withCommissionReason(reader, reserveLetter(reader, links, 'degree', null), 'Strong CV')],
    ['rejected', rejectedLetter(reader, links, 'degree')],
    ['offerExpired', offerExpiredLetter(reader, links, offering, deadline)],
    ['offerExpiredNoDeadline', offerExpiredLetter(reader, links, offering, null)],
    ['ineligibleOne', ineligibleLetter(reader, links, offering, ['M01'])],
    ['ineligibleMany', ineligibleLetter(reader, links, offering, ['M01', 'M02'])],
    ['credentialRevoked', addressedTo(reader, credentialRevokedLetter(reader, links, credential))],
    [
      'batchOpened',
      signedByPlatform(
        batchOpenedLetter(links, { applications: 3, periodEndsOn: '2026-12-20' }, 'Europe/Madrid', reader.preferredLanguage as never),
      ),
    ],
    [
      'batchReminder',
      batchReminderLetter(links, { undecided: 1, periodEndsOn: '2026-12-20' }, 'Europe/Madrid', reader.preferredLanguage as never),
    ],
    ['interestListOpening', openingMail(opened, 'Joint Master', member, links.publicUrl)],
    ['interestListOpeningNoDegree', openingMail({ ...opened, degreePlaces: 0 }, 'Joint Master', member, links.publicUrl)],
    ['interestListConfirmation', confirmationMail(member, 'C'.repeat(43), links.publicUrl)],
  ];
}

describe('the letters, in the five languages', () => {
  it.each(LANGUAGES)('%s: every mail renders with every value filled in and no message key left', (language) => {
    for (const [name, { subject, body }] of everyMail(language)) {
      const text = `${subject}\n${body}`;
      expect({ name, subject: subject.trim().length > 0, body: body.length > 40 }).toEqual({ name, subject: true, body: true });
      expect({ name, unfilled: text.match(/\{\{|\}\}|\bundefined\b|\bnull\b|\bNaN\b|\bmail\.\w+/g) }).toEqual({ name, unfilled: null });
    }
  });

  it('writes each language differently, and keeps the links in all of them', () => {
    const [english, ...others] = LANGUAGES.map((language) => everyMail(language));
    for (const mails of others) {
      mails.forEach(([name, mail], i) => {
        expect({ name, same: mail.body === english[i][1].body }).toEqual({ name, same: false });
        for (const link of english[i][1].body.match(/https:\/\/\S+[^\s.,)]/g) ?? [])
          expect({ name, body: mail.body }).toEqual({ name, body: expect.stringContaining(link) });
      });
    }
  });

  it('writes dates and numbers with Intl in the reader’s language and time zone', () => {
    const german: Reader = { givenName: 'Jan', timeZone: 'Europe/Berlin', preferredLanguage: 'de' };
    const offered = placeOfferedLetter(german, links, offering, deadline, false);
    expect(offered.subject).toBe('Ihre Bewerbung: angenommen');
    expect(offered.body).toContain('vor dem Montag, 7. Dezember 2026 um 14:30 MEZ');
    expect(offered.body).toContain('Das Modul beginnt am Montag, 1. Februar 2027.');
    const estonian = { givenName: 'Liis', timeZone: 'Europe/Tallinn', preferredLanguage: 'et' };
    expect(addressedTo(estonian, rejectedLetter(estonian, links, 'degree')).body).toMatch(
      /^Lugupeetud Liis\n\n[\s\S]*MAGIXi programmibüroo$/,
    );
    const spanish = { givenName: 'Lucía', timeZone: 'Europe/Madrid', preferredLanguage: 'es' };
    expect(ineligibleLetter(spanish, links, offering, ['M01', 'M02']).body).toContain('requiere M01 y M02');
    expect(reserveLetter({ ...spanish, preferredLanguage: 'it' }, links, 'degree', 1200).body).toContain('al posto 1200');
  });

  it('keeps the English letters as they were', () => {
    const reader: Reader = { givenName: 'Ana', timeZone: 'Europe/Madrid' };
    expect(addressedTo(reader, reserveLetter(reader, links, { offeringCode: 'M03' }, 1))).toEqual({
      subject: 'Your application: reserve list',
      body:
        'Dear Ana,\n\nYour application to the module offering M03 is on the reserve list, in place 1. If a place frees up, it is offered to you and you hear from us at once.' +
        '\n\nTo hear when the next editions open, join the interest list: https://magix.example/interest-list\n\nThe MAGIX programme office',
    });
  });
});
