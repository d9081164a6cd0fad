import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { OutboxService } from '@magix/admissions';
import { freePort } from './support/free-port';
import { startTestServer, TestServer } from './support/test-server';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on loopback that keeps what it receives. */
async function mailServer(port: number): Promise<{ received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve));
  return { received, close: () => new Promise<void>((resolve) => smtp.close(() => resolve())) };
}

describe('outbox delivery by SMTP', () => {
  let server: TestServer;
  let port: number;
  let outbox: OutboxService;

  beforeAll(async () => {
    port = await freePort();
    server = await startTestServer({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'MAGIX office <office@magix.example>' });
    outbox = server.app.get(OutboxService);
    // The test drives delivery itself: the periodic round stops, so attempts are counted exactly.
    outbox.onApplicationShutdown();
    // The demo's own notifications, if any, out of the way: this test counts its own messages.
    await server.db.query('UPDATE outbox_message SET sent_at = now() WHERE sent_at IS NULL');
  });

  afterAll(() => server.close());

  const pending = async () =>
    (await server.db.query('SELECT recipient, attempts, last_error, sent_at FROM outbox_message WHERE sent_at IS NULL ORDER BY id')).rows;

  it('keeps messages while the mail server is down, delivers them once it is up, and never twice', async () => {
    await server.app.get(DataSource).transaction(async (manager) => {
      await outbox.enqueue(manager, 'ana@example.org', 'Your application: accepted', 'Dear Ana,\nyou have a place in FAU-MLP-01-2026.');
      await outbox.enqueue(manager, 'joerg@example.org', 'Ihre Bewerbung: Reserveliste', 'Sie stehen auf Platz 1 der Reserveliste.');
    });

    // Mail is down: nothing is lost, each attempt is counted with its error.
    expect(await outbox.deliver()).toBe(0);
    const waiting = await pending();
    expect(waiting).toHaveLength(2);
    for (const message of waiting) {
      expect(message.attempts).toBe(1);
      expect(message.last_error).toMatch(/ECONNREFUSED|connect/i);
    }

    const mail = await mailServer(port);
    try {
      expect(await outbox.deliver()).toBe(2);
      expect(await pending()).toEqual([]);
      expect(mail.received.map((m) => m.to)).toEqual([['ana@example.org'], ['joerg@example.org']]);
      expect(mail.received.every((m) => m.from === 'office@magix.example')).toBe(true);
      expect(mail.received[0].raw).toContain('Subject: Your application: accepted');
      expect(mail.received[0].raw).toContain('you have a place in FAU-MLP-01-2026.');

      expect(await outbox.deliver()).toBe(0);
      expect(mail.received).toHaveLength(2);
    } finally {
      await mail.close();
    }
  });

  it('marks each message sent as it goes: a failure recording one never sends the others again', async () => {
    await server.db.query(`CREATE FUNCTION refuse_marking() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'cannot record this delivery'; END $$`);
    await server.db.query(`CREATE TRIGGER refuse_marking BEFORE UPDATE ON outbox_message
      FOR EACH ROW WHEN (NEW.recipient = 'blocked@example.org') EXECUTE FUNCTION refuse_marking()`);
    const mail = await mailServer(port);
    try {
      await server.app.get(DataSource).transaction(async (manager) => {
        await outbox.enqueue(manager, 'first@example.org', 'One', 'The first message.');
        await outbox.enqueue(manager, 'blocked@example.org', 'Two', 'Its delivery cannot be recorded.');
        await outbox.enqueue(manager, 'third@example.org', 'Three', 'The third message.');
      });
      expect(await outbox.deliver()).toBe(2);
      expect((await pending()).map((m) => m.recipient)).toEqual(['blocked@example.org']);
      // The next round sends only the one whose delivery was never recorded.
      await outbox.deliver();
      expect(mail.received.map((m) => m.to[0])).toEqual([
        'first@example.org',
        'blocked@example.org',
        'third@example.org',
        'blocked@example.org',
      ]);
    } finally {
      await server.db.query('DROP TRIGGER refuse_marking ON outbox_message; DROP FUNCTION refuse_marking()');
      await server.db.query('UPDATE outbox_message SET sent_at = now() WHERE sent_at IS NULL');
      await mail.close();
    }
  });
});
