import { rmSync } from 'node:fs';
import { Client } from 'pg';
import { migrations as allMigrations } from '@magix/migrations';
import { anEnrolledCohort, UPM_STAFF } from './support/factories';
import { aFreshDatabase, Json, TestServer } from './support/test-server';
import { VERIFY } from './support/credentials';
import { buildPrivately, ServerProcess, sharedSettings, startBuilt, startServerProcess, twoPorts } from './multi-process-servers';

const OFFERING = 'UPM-AIG-01-2026';
const IMPORT = `mutation($input: ImportResultsInput!) { importResults(input: $input) { valid job { id total } errors { line reason } } }`;
const JOB = 'query($id: ID!) { importJob(id: $id) { status done failed total issued failures } }';

/**
 * Issue 13.5, more than one machine: two stateless server processes, each the built server with
 * pools and a pg-boss of its own, on ONE fresh database, started at the same moment; then a cohort
 * imported through both at once. What two processes could get wrong: migrate or seed twice, issue
 * twice, hand out one status position twice, work a job twice, or keep state the other lacks.
 */
describe('two server processes on one database', () => {
  let db: Client;
  let a: ServerProcess;
  let b: ServerProcess;
  let build: string;

  beforeAll(async () => {
    build = await buildPrivately();
    const databaseUrl = await aFreshDatabase();
    const [portA, portB] = await twoPorts();
    // Behind one address, as a load balancer would put them: credentials name that address.
    const shared = sharedSettings(databaseUrl, `http://127.0.0.1:${portA}`);
    a = startServerProcess(build, 'magix-a', portA, shared);
    b = startServerProcess(build, 'magix-b', portB, shared);
    await Promise.all([a.process.waitFor(/GraphQL API on/), b.process.waitFor(/GraphQL API on/)]);
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await Promise.all([a?.stop(), b?.stop()]);
    if (build) rmSync(build, { recursive: true, force: true });
  });

  const one = async (sql: string, values: unknown[] = []): Promise<Json> => (await db.query(sql, values)).rows[0];

  it('start together on a fresh database: the schema migrated once, the demo loaded once, neither process failed', async () => {
    const migrations = await one('SELECT count(*)::int AS n, count(DISTINCT name)::int AS names FROM migrations');
    expect(migrations).toEqual({ n: allMigrations.length, names: allMigrations.length });
    expect(await one('SELECT count(*)::int AS n FROM programme')).toEqual({ n: 1 });
    expect(await one('SELECT count(*)::int AS n FROM organisation WHERE short_name = $1', ['UPM'])).toEqual({ n: 1 });
    // The demo's results and degrees, each recorded and issued once.
    expect(
      await one('SELECT count(*)::int AS n FROM (SELECT 1 FROM assessment_result GROUP BY enrolment_id, attempt HAVING count(*) > 1) d'),
    ).toEqual({ n: 0 });
    expect(
      await one(
        'SELECT count(*)::int AS n FROM (SELECT 1 FROM credential WHERE result_id IS NOT NULL GROUP BY result_id HAVING count(*) > 1) d',
      ),
    ).toEqual({ n: 0 });
    expect(
      await one(
        `SELECT count(*)::int AS n FROM (SELECT 1 FROM credential WHERE kind = 'DEGREE' GROUP BY learner_id HAVING count(*) > 1) d`,
      ),
    ).toEqual({ n: 0 });
    for (const server of [a, b]) expect(server.process.output()).not.toMatch(/\bERROR\b|duplicate key|deadlock/i);
    // They did start together: one waited for the other's migrations and demo data.
    const waited = [a, b].filter((server) => server.process.output().includes('waiting for it to finish'));
    expect(waited).toHaveLength(1);
  });

  it('import one cohort through both at once: exactly once, no status position reused, the jobs shared, every credential verifying at either', async () => {
    const emails = await anEnrolledCohort({ db } as TestServer, OFFERING, 400);
    // Every process's writes of credentials, by the session's name (PGAPPNAME): who did the work.
    await db.query('CREATE TABLE test_credential_writer (credential_id uuid PRIMARY KEY, writer text NOT NULL)');
    await db.query(`
      CREATE FUNCTION test_note_writer() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO test_credential_writer VALUES (NEW.id, current_setting('application_name'));
        RETURN NEW;
      END $$`);
    await db.query('CREATE TRIGGER test_note_writer AFTER INSERT ON credential FOR EACH ROW EXECUTE FUNCTION test_note_writer()');
    const positionsBefore = await unusedPositions();

    // Every tenth row fails (4.0): a result without a credential.
    const csvOf = (part: string[]) =>
      ['email,grade,assessed_on', ...part.map((e) => `${e},${emails.indexOf(e) % 10 === 9 ? '4.0' : '8.0'},2026-11-10`)].join('\n');
    const whole = csvOf(emails.slice(0, 200));
    const firstHalf = csvOf(emails.slice(200, 300));
    const secondHalf = csvOf(emails.slice(300));
    const tokenA = await a.login(UPM_STAFF);
    const tokenB = await b.login(UPM_STAFF);
    const submit = async (server: ServerProcess, csv: string, token: string): Promise<string> => {
      const { data, errors } = await server.gql(IMPORT, { input: { offeringCode: OFFERING, csv, dryRun: false } }, token);
      if (!data?.importResults?.job) throw new Error(`${server.name}: ${JSON.stringify(errors ?? data)}`);
      return data.importResults.job.id;
    };
    // The same file to both at the same moment, and a different half to each; a token of one is good at the other.
    const [wholeAtA, wholeAtB, halfAtA, halfAtB] = await Promise.all([
      submit(a, whole, tokenA),
      submit(b, whole, tokenA),
      submit(a, firstHalf, tokenB),
      submit(b, secondHalf, tokenB),
    ]);
    expect(wholeAtB).toBe(wholeAtA);
    const jobs = [wholeAtA, halfAtA, halfAtB];
    expect(new Set(jobs).size).toBe(3);

    const finished = await Promise.all(jobs.map((id, i) => untilFinished(i % 2 === 0 ? a : b, id, tokenA)));
    expect(finished).toEqual([
      { status: 'DONE', done: 200, failed: 0, total: 200, issued: 180, failures: [] },
      { status: 'DONE', done: 100, failed: 0, total: 100, issued: 90, failures: [] },
      { status: 'DONE', done: 100, failed: 0, total: 100, issued: 90, failures: [] },
    ]);

    // Exactly once: per learner one result, one credential if passed, one audit line each.
    const { rows } = await db.query(
      `SELECT l.email,
              (SELECT count(*) FROM assessment_result r WHERE r.enrolment_id = e.id)::int AS results,
              (SELECT count(*) FROM credential c JOIN assessment_result r ON r.id = c.result_id WHERE r.enrolment_id = e.id)::int AS credentials,
              (SELECT count(*) FROM audit_log x JOIN credential c ON c.id::text = x.entity_id JOIN assessment_result r ON r.id = c.result_id
                WHERE r.enrolment_id = e.id AND x.action = 'CREDENTIAL_ISSUED')::int AS audits
       FROM enrolment e JOIN learner l ON l.id = e.learner_id WHERE l.email = ANY($1)`,
      [emails],
    );
    expect(rows).toHaveLength(400);
    for (const row of rows) {
      const passed = emails.indexOf(row.email) % 10 !== 9 ? 1 : 0;
      expect(row).toEqual({ email: row.email, results: 1, credentials: passed, audits: passed });
    }
    expect(await one('SELECT count(*)::int AS n FROM import_job WHERE id = ANY($1)', [jobs])).toEqual({ n: 3 });
    expect(await one(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'RESULTS_IMPORTED' AND entity_id = ANY($1)`, [jobs])).toEqual(
      { n: 3 },
    );

    // No status position twice, across every credential of the database; none taken and left unused.
    expect(
      await one(
        `SELECT count(*)::int AS n FROM (SELECT 1 FROM credential WHERE status_set_id IS NOT NULL GROUP BY status_set_id, status_index HAVING count(*) > 1) d`,
      ),
    ).toEqual({ n: 0 });
    expect(await unusedPositions()).toBe(positionsBefore);

    // One queue for both: each import a pg-boss job, worked once, completed; and both processes did some of the work.
    const { rows: queued } = await db.query(
      `SELECT data->>'importJobId' AS id, state FROM pgboss.job WHERE name = 'results-import' AND data->>'importJobId' = ANY($1) ORDER BY 1`,
      [jobs],
    );
    expect(queued).toEqual([...jobs].sort().map((id) => ({ id, state: 'completed' })));
    const { rows: writers } = await db.query(
      `SELECT w.writer, count(*)::int AS n FROM test_credential_writer w JOIN credential c ON c.id = w.credential_id
       JOIN assessment_result r ON r.id = c.result_id JOIN enrolment e ON e.id = r.enrolment_id JOIN learner l ON l.id = e.learner_id
       WHERE l.email = ANY($1) GROUP BY w.writer ORDER BY w.writer`,
      [emails],
    );
    expect(writers.map((w) => w.writer)).toEqual(['magix-a', 'magix-b']);
    expect(writers.reduce((sum, w) => sum + w.n, 0)).toBe(360);

    // Every credential verifies at either process, whichever issued it and signed its status list.
    const { rows: documents } = await db.query(
      `SELECT c.id, c.document FROM credential c JOIN assessment_result r ON r.id = c.result_id JOIN enrolment e ON e.id = r.enrolment_id
       JOIN learner l ON l.id = e.learner_id WHERE l.email = ANY($1) ORDER BY c.id`,
      [emails],
    );
    const verdicts = await inParallel(documents, 8, async (row, i) => {
      const response = await fetch(`${(i % 2 === 0 ? a : b).url}/credentials/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ verifiableCredential: JSON.parse(row.document) }),
      });
      const body = (await response.json()) as Json;
      return `${response.status}/${body.verified}`;
    });
    expect(verdicts).toEqual(documents.map(() => '200/true'));

    // A revocation through one is seen by the other at once: no process keeps its own copy of a status list.
    const revoked = await a.gql(
      'mutation($input: CredentialStatusInput!) { revokeCredential(input: $input) { id } }',
      { input: { id: documents[0].id, reason: 'Recorded against the wrong learner' } },
      tokenA,
    );
    expect(revoked.data?.revokeCredential?.id).toBe(documents[0].id);
    const atB = await b.gql(VERIFY, { credential: JSON.parse(documents[0].document) });
    expect(atB.data.verifyCredential).toMatchObject({ verified: false, verdict: 'REVOKED' });
  }, 120_000);

  it('migrate from the command line twice at once on a fresh database: one applies the migrations, the other finds them applied', async () => {
    const fresh = await aFreshDatabase();
    const runs = [0, 1].map(() => startBuilt(build, 'apps/api/src/cli/migrate.js', { DATABASE_URL: fresh }));
    expect(await Promise.all(runs.map((run) => run.exited))).toEqual([0, 0]);
    const said = runs.map((run) => run.output());
    expect(said.filter((output) => /^Applied: /m.test(output))).toHaveLength(1);
    expect(said.filter((output) => output.includes('The schema is up to date.'))).toHaveLength(1);
    const check = new Client({ connectionString: fresh });
    await check.connect();
    try {
      expect((await check.query('SELECT count(*)::int AS n FROM migrations')).rows[0].n).toBe(allMigrations.length);
    } finally {
      await check.end();
    }
  });

  async function unusedPositions(): Promise<number> {
    const { n } = await one(
      `SELECT count(*)::int AS n FROM status_allocation s
       WHERE NOT EXISTS (SELECT 1 FROM credential c WHERE c.status_set_id = s.set_id AND c.status_index = s.index)`,
    );
    return n;
  }
});

async function untilFinished(server: ServerProcess, id: string, token: string): Promise<Json> {
  for (let i = 0; i < 600; i++) {
    const { data, errors } = await server.gql(JOB, { id }, token);
    if (!data?.importJob) throw new Error(`${server.name}: ${JSON.stringify(errors)}`);
    if (data.importJob.status === 'DONE' || data.importJob.status === 'FAILED') return data.importJob;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`import ${id} did not finish`);
}

async function inParallel<T, R>(items: T[], width: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i], i);
      }
    }),
  );
  return results;
}
