import { confirmationMail, openingMail } from './interest-list-mails';

const edition = {
  code: '2027-2028',
  startsOn: '2027-09-01',
  endsOn: '2028-08-31',
  degreePlaces: 30,
  degreeApplicationsOpenOn: '2027-01-15',
  degreeApplicationsCloseOn: '2027-06-30',
};
const reader = { name: 'Ana', preferredLanguage: null, leaveToken: 'T'.repeat(43) };

describe('interest list mails', () => {
  it('names the edition, writes its dates and window for people, links to apply and to leave', () => {
    const { subject, body } = openingMail(edition, 'Joint Master', reader, 'https://magix.example/');
    expect(subject).toBe('The 2027-2028 edition of MAGIX is open');
    expect(body).toContain('runs from Wednesday, 1 September 2027 to Thursday, 31 August 2028');
    expect(body).toContain('taken from Friday, 15 January 2027 to Wednesday, 30 June 2027, for 30 places');
    expect(body).toContain('catalogue: https://magix.example\n');
    expect(body).toContain(`https://magix.example/interest-list/leave?token=${'T'.repeat(43)}`);
    expect(body).not.toMatch(/\d{4}-\d{2}-\d{2}(?!-)/);
  });

  it('writes the mail and its dates in the member’s language, and says when no degree places are offered', () => {
    const { subject, body } = openingMail(
      { ...edition, degreePlaces: 0 },
      'Joint Master',
      { ...reader, preferredLanguage: 'es' },
      'https://m.example',
    );
    expect(subject).toBe('La edición 2027-2028 de MAGIX está abierta');
    expect(body).toContain('Va del miércoles, 1 de septiembre de 2027 al jueves, 31 de agosto de 2028.');
    expect(body).toContain('no admite nuevos estudiantes de máster');
    expect(body).toContain(`https://m.example/interest-list/leave?token=${'T'.repeat(43)}`);
  });

  it('uses the primary language of a regional tag, and English for a language it does not write', () => {
    const german = openingMail(edition, 'Joint Master', { ...reader, preferredLanguage: 'de-AT' }, 'https://m.example');
    expect(german.body).toContain('für 30 Plätze');
    const portuguese = openingMail(edition, 'Joint Master', { ...reader, preferredLanguage: 'pt-BR' }, 'https://m.example');
    expect(portuguese.subject).toBe('The 2027-2028 edition of MAGIX is open');
  });

  it('asks a new member to confirm with their confirmation link, and carries the leave link', () => {
    const { body } = confirmationMail(reader, 'C'.repeat(43), 'https://m.example/');
    expect(body).toContain(`https://m.example/interest-list/confirm?token=${'C'.repeat(43)}`);
    expect(body).toContain(`https://m.example/interest-list/leave?token=${'T'.repeat(43)}`);
  });
});
