import { verify } from './support/credentials';
import { anEnrolledCohort, UPM_STAFF } from './support/factories';
import { Json, startTestServer, TestServer } from './support/test-server';

const IMPORT = `mutation($input: ImportResultsInput!) { importResults(input: $input) { valid job { id total } } }`;
const JOB = 'query($id: ID!) { importJob(id: $id) { status done failed total issued failures } }';

/** The import in chunks (ImportChunkWriter): a few statements and one transaction per chunk, exactly once. */
describe('a cohort imported in chunks', () => {
  let server: TestServer;
  let upm: string;
  const offering = 'UPM-AIG-01-2026';

  beforeAll(async () => {
    server = await startTestServer();
    upm = await server.login(UPM_STAFF);
  });

  afterAll(() => server.close());

  const csvOf = (lines: string[]) => ['email,grade,assessed_on', ...lines].join('\n');

  async function imported(csv: string): Promise<Json> {
    const { data, errors } = await server.gql(IMPORT, { input: { offeringCode: offering, csv, dryRun: false } }, upm);
    if (!data?.importResults?.job) throw new Error(JSON.stringify(errors ?? data));
    for (let i = 0; i < 1200; i++) {
      const job = (await server.gql(JOB, { id: data.importResults.job.id }, upm)).data.importJob;
      if (job.status === 'DONE' || job.status === 'FAILED') return job;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error('the import did not finish');
  }

  /** Per row of the cohort: its results in force, their credentials, and the audit entries of both. */
  async function recordedFor(emails: string[]) {
    const { rows } = await server.db.query(
      `SELECT l.email,
              (SELECT count(*) FROM assessment_result r WHERE r.enrolment_id = e.id)::int AS results,
              (SELECT count(*) FROM credential c JOIN assessment_result r ON r.id = c.result_id WHERE r.enrolment_id = e.id)::int AS credentials,
              (SELECT count(*) FROM audit_log a JOIN assessment_result r ON r.id::text = a.entity_id
                WHERE r.enrolment_id = e.id AND a.action = 'RESULT_RECORDED')::int AS "resultAudits",
              (SELECT count(*) FROM audit_log a JOIN credential c ON c.id::text = a.entity_id JOIN assessment_result r ON r.id = c.result_id
                WHERE r.enrolment_id = e.id AND a.action = 'CREDENTIAL_ISSUED')::int AS "credentialAudits"
       FROM enrolment e JOIN learner l ON l.id = e.learner_id WHERE l.email = ANY($1) ORDER BY l.email`,
      [emails],
    );
    return rows;
  }

  /**
   * The holder keys the chunks made in bulk (HolderIdentityService.subjectDids): exactly one per
   * learner without a wallet who was issued a credential, none for others; each credential names
   * that key's DID or the wallet.
   */
  async function expectSubjectsAreHolders(emails: string[], walletOf: Map<string, string>): Promise<void> {
    const { rows } = await server.db.query(
      `SELECT l.email, l.wallet_did, array_agg(DISTINCT h.did) FILTER (WHERE h.did IS NOT NULL) AS keys,
              array_agg(c.document::jsonb->'credentialSubject'->>'id') FILTER (WHERE c.id IS NOT NULL) AS subjects
       FROM learner l JOIN enrolment e ON e.learner_id = l.id
       LEFT JOIN holder_key h ON h.learner_id = l.id
       LEFT JOIN assessment_result r ON r.enrolment_id = e.id LEFT JOIN credential c ON c.result_id = r.id
       WHERE l.email = ANY($1) GROUP BY l.id`,
      [emails],
    );
    const { rows: keyCounts } = await server.db.query(
      `SELECT count(*)::int AS n FROM holder_key h JOIN learner l ON l.id = h.learner_id WHERE l.email = ANY($1) GROUP BY l.id HAVING count(*) > 1`,
      [emails],
    );
    expect(keyCounts).toEqual([]);
    expect(rows).toHaveLength(emails.length);
    for (const row of rows) {
      const wallet = walletOf.get(row.email);
      // A learner who failed has no credential, hence no key either.
      const issued = (row.subjects?.length ?? 0) > 0;
      expect({ email: row.email, keys: row.keys?.length ?? 0 }).toEqual({ email: row.email, keys: wallet || !issued ? 0 : 1 });
      for (const subject of row.subjects ?? []) expect(subject).toBe(wallet ?? row.keys[0]);
    }
    expect(rows.filter((row) => row.subjects?.length).length).toBeGreaterThan(250);
  }

  const unusedPositions = async () =>
    Number(
      (
        await server.db.query(
          `SELECT count(*) AS n FROM status_allocation a
           WHERE NOT EXISTS (SELECT 1 FROM credential c WHERE c.status_set_id = a.set_id AND c.status_index = a.index)`,
        )
      ).rows[0].n,
    );

  it('stores one result per row and one credential per pass, each verifying, at distinct status positions', async () => {
    const emails = await anEnrolledCohort(server, offering, 320);
    // Every tenth row fails (grade 4.0): a result without a credential.
    const csv = csvOf(emails.map((e, i) => `${e},${i % 10 === 9 ? '4.0' : (5 + (i % 50) / 10).toFixed(1)},2026-11-10`));
    // Every seventh learner registered a wallet: their credentials name it, and no platform key is made for them.
    const walletOf = new Map(emails.filter((_, i) => i % 7 === 3).map((e) => [e, `did:example:wallet-${e}`]));
    for (const [email, did] of walletOf) await server.db.query('UPDATE learner SET wallet_did = $2 WHERE email = $1', [email, did]);
    const positionsBefore = await unusedPositions();

    const job = await imported(csv);

    expect(job).toEqual({ status: 'DONE', done: 320, failed: 0, total: 320, issued: 288, failures: [] });
    const rows = await recordedFor(emails);
    expect(rows).toHaveLength(320);
    for (const row of rows) {
      const fails = emails.indexOf(row.email) % 10 === 9;
      expect(row).toEqual({ email: row.email, results: 1, credentials: fails ? 0 : 1, resultAudits: 1, credentialAudits: fails ? 0 : 1 });
    }
    const { rows: credentials } = await server.db.query(
      `SELECT c.document, c.status_set_id, c.status_index FROM credential c JOIN assessment_result r ON r.id = c.result_id
       JOIN enrolment e ON e.id = r.enrolment_id JOIN learner l ON l.id = e.learner_id WHERE l.email = ANY($1)`,
      [emails],
    );
    expect(new Set(credentials.map((c) => `${c.status_set_id}/${c.status_index}`)).size).toBe(288);
    expect(await unusedPositions()).toBe(positionsBefore);
    await expectSubjectsAreHolders(emails, walletOf);
    for (const c of credentials) {
      const report = await verify(server, JSON.parse(c.document));
      expect({ verified: report.verified, verdict: report.verdict }).toEqual({ verified: true, verdict: 'VALID' });
    }
  });

  it('rolls back a chunk that fails midway (no result, credential or position of it stays) and then records its rows exactly once', async () => {
    const emails = await anEnrolledCohort(server, offering, 250);
    const victim = emails[149]; // the middle of the second chunk
    const { rows } = await server.db.query('SELECT id FROM learner WHERE email = $1', [victim]);
    // The credential of one row is refused once: after the chunk's results, positions and other credentials were written.
    await server.db.query('CREATE SEQUENCE cohort_refusals');
    await server.db.query(`
      CREATE FUNCTION cohort_refuse_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.learner_id = '${rows[0].id}' THEN
          IF nextval('cohort_refusals') = 1 THEN RAISE EXCEPTION 'refused once by the test'; END IF;
        END IF;
        RETURN NEW;
      END $$`);
    await server.db.query(
      'CREATE TRIGGER cohort_refuse_once BEFORE INSERT ON credential FOR EACH ROW EXECUTE FUNCTION cohort_refuse_once()',
    );
    const positionsBefore = await unusedPositions();
    try {
      const job = await imported(csvOf(emails.map((e) => `${e},8.0,2026-11-10`)));

      // The refusal happened (the sequence is not transactional, so it counts the attempts) …
      expect(Number((await server.db.query('SELECT last_value FROM cohort_refusals')).rows[0].last_value)).toBe(2);
      // … and the chunk left nothing behind: had its results stayed, their rows would now lack credentials.
      expect(job).toEqual({ status: 'DONE', done: 250, failed: 0, total: 250, issued: 250, failures: [] });
      for (const row of await recordedFor(emails))
        expect(row).toEqual({ email: row.email, results: 1, credentials: 1, resultAudits: 1, credentialAudits: 1 });
      expect(await unusedPositions()).toBe(positionsBefore);
    } finally {
      await server.db.query('DROP TRIGGER cohort_refuse_once ON credential');
      await server.db.query('DROP FUNCTION cohort_refuse_once()');
      await server.db.query('DROP SEQUENCE cohort_refusals');
    }
  });
});
