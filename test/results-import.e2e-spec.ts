import { ADMIN, anEnrolledCohort, UPM_STAFF } from './support/factories';
import { Json, startTestServer, TestServer } from './support/test-server';

const IMPORT = `mutation($input: ImportResultsInput!) { importResults(input: $input) {
  valid dryRun rows toRecord unchanged errors { line column reason } job { id total } } }`;

describe('bulk results import', () => {
  let server: TestServer;
  let upm: string;
  const offering = 'UPM-AIG-01-2026';
  let emails: string[];

  beforeAll(async () => {
    server = await startTestServer();
    upm = await server.login(UPM_STAFF);
    emails = await anEnrolledCohort(server, offering, 200);
  });

  afterAll(() => server.close());

  const csvOf = (lines: string[]) => ['email,grade,assessed_on', ...lines].join('\n');
  const run = (csv: string, dryRun = false) => server.gql(IMPORT, { input: { offeringCode: offering, csv, dryRun } }, upm);

  it('changes nothing when one row is bad, and lists it by line and column', async () => {
    const lines = emails.slice(0, 10).map((e) => `${e},8.0,2026-11-10`);
    lines[4] = `${emails[4]},12,2026-11-10`;
    lines.push('stranger@example.org,7.0,2026-11-10');
    const before = await server.count('assessment_result');
    const { data } = await run(csvOf(lines));
    expect(data.importResults).toMatchObject({ valid: false, job: null });
    expect(data.importResults.errors).toEqual([
      { line: 6, column: 'grade', reason: 'Spanish university scale 0–10 (pass 5): the grade must be a number from 0 to 10' },
      { line: 12, column: 'email', reason: `not enrolled in ${offering}` },
    ]);
    expect(await server.count('assessment_result')).toBe(before);
  });

  /**
   * DDL on pg-boss's live job table: its own workers lock the same tables in another order, and
   * PostgreSQL may pick this statement as a deadlock's victim (seen with two suites at a time).
   * A victim's statement is rolled back whole, so it is simply run again.
   */
  async function alterTheQueue(sql: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await server.db.query(sql);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== '40P01' || attempt === 5) throw error;
      }
    }
  }

  it('leaves no import behind when its job cannot be queued: the job, its audit line and its queue entry commit together', async () => {
    await server.db.query(`CREATE FUNCTION refuse_import_job() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'the queue refuses'; END $$`);
    await alterTheQueue(`CREATE TRIGGER refuse_import_job BEFORE INSERT ON pgboss.job
      FOR EACH ROW WHEN (NEW.name = 'results-import') EXECUTE FUNCTION refuse_import_job()`);
    try {
      const jobs = await server.count('import_job');
      const audits = await server.count('audit_log');
      const { errors } = await run(csvOf(emails.slice(0, 3).map((e) => `${e},8.0,2026-11-10`)));
      expect(errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(await server.count('import_job')).toBe(jobs);
      expect(await server.count('audit_log')).toBe(audits);
    } finally {
      await alterTheQueue('DROP TRIGGER refuse_import_job ON pgboss.job');
      await server.db.query('DROP FUNCTION refuse_import_job()');
    }
  });

  it('dry-runs, then records 200 results by a background job whose progress reaches 200/200; the same file again issues none', async () => {
    const csv = csvOf(emails.map((e, i) => `${e},${(5 + (i % 50) / 10).toFixed(1)},2026-11-10`));
    const dry = await run(csv, true);
    expect(dry.data.importResults).toMatchObject({ valid: true, dryRun: true, rows: 200, toRecord: 200, job: null });
    const before = await server.count('credential');
    const { data } = await run(csv);
    const jobId = data.importResults.job.id;
    let job: Json;
    for (let i = 0; i < 240; i++) {
      job = (await server.gql('query($id: ID!) { importJob(id: $id) { status done failed total issued } }', { id: jobId }, upm)).data
        .importJob;
      if (job.status === 'DONE' || job.status === 'FAILED') break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(job).toEqual({ status: 'DONE', done: 200, failed: 0, total: 200, issued: 200 });
    expect(await server.count('credential')).toBe(before + 200);
    const again = await run(csv);
    expect(again.data.importResults.job.id).toBe(jobId);
    const reordered = await run(csvOf(emails.map((e, i) => `${e},${(5 + (i % 50) / 10).toFixed(1)},2026-11-10`).reverse()));
    expect(reordered.data.importResults).toMatchObject({ valid: true, toRecord: 0, unchanged: 200 });
    expect(await server.count('credential')).toBe(before + 200);
  });

  it('is for the offering’s own HEI only', async () => {
    const { errors } = await server.gql(IMPORT, { input: { offeringCode: offering, csv: csvOf([]) } }, await server.login(ADMIN));
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
