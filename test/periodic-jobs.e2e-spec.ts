import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { createApp } from '../apps/api/src/create-app';
import { OutboxService, PlacesService } from '@magix/admissions';
import { Clock } from '@magix/common';
import { APP_CONFIG, AppConfig, loadConfig } from '@magix/config';
import { EVERY_MINUTE, PeriodicJobs } from '@magix/jobs';
import { ImportQueue } from '../libs/results/src/import/import-queue';
import { UPM_STAFF } from './support/factories';
import { startTestServer, TestServer } from './support/test-server';

const LEASE_SECONDS = '2';
const OFFERING = 'UPM-AIG-01-2026';
const IMPORT = `mutation($input: ImportResultsInput!) { importResults(input: $input) { valid job { id } } }`;

/** Waits (a bound for a hang, not a speed target) until `check` holds. */
async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Still not so after ${timeoutMs} ms: ${what}`);
    await sleep(200);
  }
}

/**
 * Periodic work and the work after a commit run as pg-boss jobs on the database, not on timers
 * of each process: two server processes on one database share them.
 */
describe('jobs: periodic work and work after the commit, across two processes on one database', () => {
  let server: TestServer;
  let second: INestApplication;
  const apps = () => [server.app, second];
  let previousLease: string | undefined;

  beforeAll(async () => {
    previousLease = process.env.IMPORT_LEASE_SECONDS;
    process.env.IMPORT_LEASE_SECONDS = LEASE_SECONDS;
    server = await startTestServer();
    // A second server process on the same database: the demo is there already.
    const config = loadConfig({ PORT: '0', DATA_DIR: mkdtempSync(join(tmpdir(), 'magix-test-data-')), SEED_DEMO: 'false' });
    second = await createApp({
      config,
      secrets: { jwtSecret: randomBytes(32), masterKey: server.masterKey },
      databaseUrl: server.databaseUrl,
      logger: ['error'],
    });
  }, 120_000);

  afterAll(async () => {
    await second?.close();
    await server?.close();
    if (previousLease === undefined) delete process.env.IMPORT_LEASE_SECONDS;
    else process.env.IMPORT_LEASE_SECONDS = previousLease;
  });

  it('runs a periodic job once per period across both processes, offer expiry included, as of the Clock', async () => {
    // Start right after a minute begins, so that everything below happens within one period.
    await until('a minute begins', () => new Date().getUTCSeconds() < 3, 65_000);
    const started = Date.now();
    const now = new Date('2031-05-01T08:00:00Z');
    const expiries = apps().map((app) => {
      jest.spyOn(app.get(Clock), 'now').mockReturnValue(now);
      return jest.spyOn(app.get(PlacesService), 'processExpiredOffers');
    });
    const ticks: Array<{ process: number; now: Date }> = [];
    const name = `test.tick-${randomBytes(3).toString('hex')}`;
    // Both processes register the same schedule, as every server does at start.
    for (const [index, app] of apps().entries())
      await app.get(PeriodicJobs).every(name, EVERY_MINUTE, (at) => Promise.resolve(void ticks.push({ process: index, now: at })));
    try {
      await until('the tick ran', () => ticks.length > 0);
      await until('offers were expired', () => expiries.some((spy) => spy.mock.calls.length > 0));
      // Every process has checked the schedules at least twice since (each does every 10 s): none sends the period again.
      await until('both processes have checked the schedules twice', () => Date.now() - started > 30_000);
      expect(new Date().getUTCMinutes()).toBe(new Date(started).getUTCMinutes()); // still the same period
      expect(ticks).toHaveLength(1);
      expect(ticks[0].now).toEqual(now);
      const calls = expiries.flatMap((spy) => spy.mock.calls);
      expect(calls).toEqual([[now]]);
    } finally {
      jest.restoreAllMocks();
    }
  }, 150_000);

  it('delivers a mail seconds after its transaction commits, by the job sent in it; a rolled-back one sends nothing', async () => {
    const outbox = server.app.get(OutboxService);
    const dataSource = server.app.get(DataSource);
    const jobs = async () =>
      (await server.db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'admissions.outbox.deliver'`)).rows[0].n;
    const recipient = `jobs-${randomBytes(3).toString('hex')}@example.org`;
    const before = await jobs();
    await expect(
      dataSource.transaction(async (manager) => {
        await outbox.enqueue(manager, recipient, 'Never sent', 'This transaction rolls back.');
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await jobs()).toBe(before);
    expect(await server.count(`outbox_message WHERE recipient = '${recipient}'`)).toBe(0);

    await dataSource.transaction((manager) => outbox.enqueue(manager, recipient, 'Your offer', 'A place is yours.'));
    expect(await jobs()).toBe(before + 1);
    const sent = async () =>
      (await server.db.query('SELECT id, sent_at FROM outbox_message WHERE recipient = $1', [recipient])).rows[0] as {
        id: string;
        sent_at: Date | null;
      };
    await until('the message is sent', async () => (await sent()).sent_at !== null);
    const file = `${String((await sent()).id).padStart(8, '0')}.eml`;
    const mailboxes = apps().map((app) => join(app.get<AppConfig>(APP_CONFIG).dataDir, 'mailbox', file));
    expect(mailboxes.filter((path) => existsSync(path))).toHaveLength(1);
  });

  it('resumes an import whose worker died holding its lease, by the lease check queued when a worker took it', async () => {
    const tag = randomBytes(3).toString('hex');
    const { rows } = await server.db.query('SELECT id FROM offering WHERE code = $1', [OFFERING]);
    await server.db.query(
      `INSERT INTO learner (given_name, family_name, email, country_code, sector)
       SELECT 'Lease', 'Learner ' || i, 'lease' || i || '-' || $1 || '@example.org', 'ES', 'PUBLIC' FROM generate_series(1, 3) i`,
      [tag],
    );
    await server.db.query(
      `INSERT INTO enrolment (learner_id, offering_id) SELECT id, $1 FROM learner WHERE email LIKE 'lease%-' || $2 || '@example.org'`,
      [rows[0].id, tag],
    );
    const csv = ['email,grade,assessed_on', ...[1, 2, 3].map((i) => `lease${i}-${tag}@example.org,8.0,2026-11-10`)].join('\n');
    const { data, errors } = await server.gql(
      IMPORT,
      { input: { offeringCode: OFFERING, csv, dryRun: false } },
      await server.login(UPM_STAFF),
    );
    expect(errors).toBeUndefined();
    const id: string = data.importResults.job.id;
    const jobOf = async () => (await server.db.query('SELECT status, done, failed FROM import_job WHERE id = $1', [id])).rows[0];
    await until('the import is done', async () => (await jobOf()).status === 'DONE');

    // As a worker leaves it when its process dies mid-import: RUNNING, under a lease still live for a second.
    const { rows: set } = await server.db.query(
      `UPDATE import_job SET status = 'RUNNING', done = 0, finished_at = NULL, lease_owner = gen_random_uuid(),
       lease_expires_at = now() + interval '1 second' WHERE id = $1 RETURNING now() AS at`,
      [id],
    );
    // pg-boss hands the job to a worker again (a retry): it finds the lease held, leaves the import, and a lease check
    // (queued now, or still pending from the first run) finds the lease run out and queues the import again.
    await server.app.get(ImportQueue).enqueue(id);
    await until('the import is resumed and done', async () => (await jobOf()).status === 'DONE');
    expect(await jobOf()).toEqual({ status: 'DONE', done: 3, failed: 0 });
    const checks = await server.db.query(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'results.import-lease-check' AND data->>'importJobId' = $1
       AND state = 'completed' AND completed_on > $2`,
      [id, set[0].at],
    );
    expect(checks.rows[0].n).toBeGreaterThanOrEqual(1);
    // Exactly once: one credential per learner of the file.
    const credentials = await server.db.query(
      `SELECT count(*)::int AS n FROM credential c JOIN assessment_result r ON r.id = c.result_id JOIN enrolment e ON e.id = r.enrolment_id
       JOIN learner l ON l.id = e.learner_id WHERE l.email LIKE 'lease%-' || $1 || '@example.org'`,
      [tag],
    );
    expect(credentials.rows[0].n).toBe(3);
  });
});
