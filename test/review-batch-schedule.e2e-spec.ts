import { setTimeout as sleep } from 'node:timers/promises';
import { Clock } from '@magix/common';
import { APP_CONFIG, AppConfig } from '@magix/config';
import { formatDate } from '@magix/i18n';
import { JobsService } from '@magix/jobs';
import { OFFICE_TIME_ZONE } from '@magix/admissions';
import { ADMIN, aLearner } from './support/factories';
import { applyToDegree } from './support/degree-admission';
import { startTestServer, TestServer } from './support/test-server';

const JOB = 'admissions.review-batch-schedule';

/**
 * The two-weekly review calendar runs as the pg-boss job `admissions.review-batch-schedule`
 * (docs/jobs.md): here on seven-day periods (REVIEW_BATCH_INTERVAL_DAYS=7, anchor 2026-01-05),
 * each run sent as a job and worked by the server's own worker, as of the Clock moved to `at`.
 */
describe('the review-batch schedule, as a pg-boss job', () => {
  let server: TestServer;
  let office: string[];

  beforeAll(async () => {
    server = await startTestServer({ REVIEW_BATCH_INTERVAL_DAYS: '7', REVIEW_BATCH_ANCHOR: '2026-01-05' });
    office = (await server.db.query("SELECT email FROM app_user WHERE role = 'ADMIN' AND disabled_at IS NULL")).rows.map((r) => r.email);
  });

  afterAll(() => server.close());

  /** Sends the schedule's job with the Clock at `at` and waits until the server's worker has done it. */
  async function runScheduleAt(at: string): Promise<void> {
    const clock = jest.spyOn(server.app.get(Clock), 'now').mockReturnValue(new Date(at));
    try {
      const id = await server.app.get(JobsService).send(JOB, {});
      const deadline = Date.now() + 60_000;
      for (;;) {
        const { rows } = await server.db.query('SELECT state FROM pgboss.job WHERE id = $1', [id]);
        if (rows[0]?.state === 'completed') return;
        if (rows[0]?.state === 'failed') throw new Error(`The ${JOB} job failed`);
        if (Date.now() > deadline) throw new Error(`The ${JOB} job is still ${rows[0]?.state}`);
        await sleep(200);
      }
    } finally {
      clock.mockRestore();
    }
  }
  const officeMails = async (subject: string): Promise<Array<{ recipient: string; body: string }>> =>
    (
      await server.db.query('SELECT recipient, body FROM outbox_message WHERE recipient = ANY($1) AND subject LIKE $2 ORDER BY id', [
        office,
        `${subject}%`,
      ])
    ).rows;
  const batchesOf = async (periodStartsOn: string) =>
    (
      await server.db.query('SELECT id, closed_at, reminded_for_period::text FROM review_batch WHERE period_starts_on = $1', [
        periodStartsOn,
      ])
    ).rows;

  it('opens the degree batch with a mail to the commission when the job runs, and reminds it once near the period’s end', async () => {
    const learner = await aLearner(server);
    const application = await applyToDegree(server, learner);
    await runScheduleAt('2026-01-19T06:00:00Z');
    const [batch] = await batchesOf('2026-01-19');
    expect(batch).toMatchObject({ closed_at: null, reminded_for_period: null });
    const { rows } = await server.db.query('SELECT batch_id FROM application WHERE id = $1', [application.id]);
    expect(rows[0].batch_id).toBe(batch.id);
    const opened = await officeMails('Review batch opened');
    expect(opened.map((m) => m.recipient).sort()).toEqual([...office].sort());
    // To be decided by the last day of a seven-day period.
    expect(opened[0].body).toContain(formatDate('en', '2026-01-25', { timeZone: OFFICE_TIME_ZONE }));

    // Before the reminder days (the last two of the period) nothing more is sent; from them, once.
    await runScheduleAt('2026-01-22T06:00:00Z');
    expect(await officeMails('Reminder:')).toHaveLength(0);
    await runScheduleAt('2026-01-23T06:00:00Z');
    await runScheduleAt('2026-01-23T07:00:00Z');
    expect(await officeMails('Reminder:')).toHaveLength(office.length);
    expect((await batchesOf('2026-01-19'))[0].reminded_for_period).toBe('2026-01-19');
  });

  it('takes its interval from REVIEW_BATCH_INTERVAL_DAYS: the next batch opens seven days on, not fourteen', async () => {
    expect(server.app.get<AppConfig>(APP_CONFIG).reviewBatchIntervalDays).toBe(7);
    const admin = await server.login(ADMIN);
    const [batch] = await batchesOf('2026-01-19');
    const { rows } = await server.db.query("SELECT id FROM application WHERE batch_id = $1 AND status = 'SUBMITTED'", [batch.id]);
    for (const { id } of rows) {
      const decided = await server.gql(
        'mutation($input: DecideApplicationInput!) { decideApplication(input: $input) { id } }',
        { input: { batchId: batch.id, applicationId: id, decision: 'REJECTED', reason: 'Reviewed by the academic commission' } },
        admin,
      );
      expect(decided.errors).toBeUndefined();
    }
    const closed = await server.gql('mutation($id: ID!) { closeReviewBatch(batchId: $id) { id } }', { id: batch.id }, admin);
    expect(closed.errors).toBeUndefined();
    await applyToDegree(server, await aLearner(server));

    // Still the 19 January period: it had its batch.
    await runScheduleAt('2026-01-25T06:00:00Z');
    expect(await batchesOf('2026-01-26')).toHaveLength(0);
    expect(await server.count('review_batch WHERE programme_id IS NOT NULL AND closed_at IS NULL')).toBe(0);
    // 26 January starts the next seven-day period (with fourteen days it would still be 19 January's).
    await runScheduleAt('2026-01-26T06:00:00Z');
    expect(await batchesOf('2026-01-26')).toEqual([expect.objectContaining({ closed_at: null })]);
  });
});
