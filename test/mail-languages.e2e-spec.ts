import { SMTPServer } from 'smtp-server';
import { OutboxService } from '@magix/admissions';
import { aLearner, anEnrolment, aPassingResult, RECORD_RESULT, UPM_STAFF } from './support/factories';
import { freePort } from './support/free-port';
import { startTestServer, TestServer } from './support/test-server';

const SET_LANGUAGE = 'mutation($input: SetPreferredLanguageInput!) { setMyPreferredLanguage(input: $input) { id preferredLanguage } }';
const REVOKE = 'mutation($input: CredentialStatusInput!) { revokeCredential(input: $input) { id state } }';

/** A loopback SMTP server that keeps the raw messages it receives. */
async function mailServer(port: number): Promise<{ received: string[]; close(): Promise<void> }> {
  const received: string[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push(Buffer.concat(chunks).toString('utf8'));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve));
  return { received, close: () => new Promise<void>((resolve) => smtp.close(() => resolve())) };
}

/** A learner's language decides the language of their mails (issue 14). */
describe('mails in the learner’s language', () => {
  let server: TestServer;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    server = await startTestServer({ SMTP_URL: `smtp://127.0.0.1:${port}` });
    // This test delivers itself, to its own SMTP server.
    server.app.get(OutboxService).onApplicationShutdown();
  });
  afterAll(() => server?.close());

  const mailsTo = async (email: string) =>
    (
      await server.db.query<{ subject: string; body: string }>(
        'SELECT subject, body FROM outbox_message WHERE recipient = $1 ORDER BY id',
        [email],
      )
    ).rows;

  it('is English unless set, takes only the five languages, and the learner can change it', async () => {
    const learner = await aLearner(server);
    const profile = await server.gql('{ myProfile { preferredLanguage } }', {}, learner.token);
    expect(profile.data.myProfile.preferredLanguage).toBe('en');

    const before = await server.count('learner');
    const french = await server.gql(
      'mutation($input: CreateLearnerInput!) { createLearner(input: $input) { id } }',
      {
        input: {
          givenName: 'Anne',
          familyName: 'Roy',
          email: 'anne.roy@example.org',
          countryCode: 'FR',
          sector: 'PUBLIC',
          preferredLanguage: 'fr',
        },
      },
      await server.login('office@magix.example'),
    );
    expect(french.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await server.count('learner')).toBe(before);

    const refused = await server.gql(SET_LANGUAGE, { input: { language: 'EN-gb' } }, learner.token);
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const set = await server.gql(SET_LANGUAGE, { input: { language: 'et' } }, learner.token);
    expect(set.errors).toBeUndefined();
    expect(set.data.setMyPreferredLanguage.preferredLanguage).toBe('et');
    const { rows } = await server.db.query('SELECT preferred_language FROM learner WHERE id = $1', [learner.id]);
    expect(rows).toEqual([{ preferred_language: 'et' }]);
  });

  it('writes a German learner’s revocation letter in German, with German dates and the link, and sends it so', async () => {
    const learner = await aLearner(server, { givenName: 'Jörg', familyName: 'Müller', timeZone: 'Europe/Berlin', preferredLanguage: 'de' });
    const staff = await server.login(UPM_STAFF);
    const enrolmentId = await anEnrolment(server, learner.id);
    const issued = await server.gql(RECORD_RESULT, { input: aPassingResult(enrolmentId) }, staff);
    const credentialId: string = issued.data.recordResult.credential.id;
    const revoked = await server.gql(REVOKE, { input: { id: credentialId, reason: 'Fehler in der Notenliste' } }, staff);
    expect(revoked.data.revokeCredential.state).toBe('REVOKED');

    const [letter] = await mailsTo(learner.email);
    expect(letter.subject).toMatch(/^Ihr Nachweis „.+“ wurde widerrufen$/);
    expect(letter.body).toMatch(/^Guten Tag, Jörg,\n\n/);
    expect(letter.body).toMatch(/ausgestellt am \w+, \d{1,2}\. \w+ 20\d\d um \d\d:\d\d MES?Z/);
    expect(letter.body).toContain('Angegebener Grund: Fehler in der Notenliste');
    expect(letter.body).toContain(`/credentials/${credentialId}`);
    expect(letter.body).toMatch(/Das MAGIX-Programmbüro$/);
    expect(letter.body).not.toMatch(/Dear|revoked|issued on/);

    const mail = await mailServer(port);
    try {
      await server.app.get(OutboxService).deliver();
      const sent = mail.received.find((raw) => raw.includes(`To: ${learner.email}`));
      expect(sent).toBeDefined();
      // Non-ASCII headers are MIME-encoded words; the decoded subject is the German one.
      const subject = /^Subject: (.+(?:\r\n[ \t].+)*)/m.exec(sent!)![1];
      expect(decodeMimeWords(subject)).toBe(letter.subject);
    } finally {
      await mail.close();
    }
  });
});

/** RFC 2047 encoded words, as nodemailer writes a UTF-8 subject. */
function decodeMimeWords(header: string): string {
  return header.replace(/\?=\r\n[ \t]+=\?/g, '?==?').replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
    encoding.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          'latin1',
        ).toString('utf8'),
  );
}
