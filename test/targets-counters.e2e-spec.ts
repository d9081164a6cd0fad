import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { TargetsService } from '@magix/targets';
import { ADMIN, aLearner, anEnrolledCohort, anEnrolment, offeringId, UPM_STAFF } from './support/factories';
import { decideDegreeApplication } from './support/degree-admission';
import { Json, startTestServer, TestServer } from './support/test-server';

/**
 * The counters behind programmeTargets (migration target-counters) give exactly what the views
 * give, in every state: built through the public API where it reaches (enrolment, admission,
 * revocation, re-issue) and by direct changes where it does not (withdrawals before and after the
 * start, sector and employer changes, moved offerings, suspensions), then by random sequences of
 * changes. The views, aggregated at query time, are the oracle; `target_recount()` must also find
 * the per-learner rows and the sums the triggers kept.
 */
describe('programme targets from counters', () => {
  let server: TestServer;
  let admin: string;
  let targets: TargetsService;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.login(ADMIN);
    targets = server.app.get(TargetsService);
  });

  afterAll(() => server.close());

  const sql = async <T = Json>(text: string, params: unknown[] = []) => (await server.db.query(text, params)).rows as T[];
  const one = async <T = Json>(text: string, params: unknown[] = []) => (await sql<T>(text, params))[0];

  /** Every scope: the whole programme and each edition; counters and views, figure by figure. */
  async function expectCountersMatchViews(): Promise<void> {
    const editions = await sql<{ id: string }>('SELECT id FROM edition ORDER BY starts_on');
    for (const scope of [null, ...editions.map((e) => e.id)]) {
      const counted = await targets.programmeTargets(scope);
      const viewed = await targets.programmeTargetsFromViews(scope);
      expect({ ...counted, asOf: null }).toEqual({ ...viewed, asOf: null });
    }
    await expectRecountAgrees();
  }

  /** Rebuilding from the facts (in a transaction rolled back) finds the rows the triggers kept. */
  async function expectRecountAgrees(): Promise<void> {
    const read = async () => ({
      contributions: await sql('SELECT * FROM target_contribution ORDER BY learner_id, edition_id, dimension, key'),
      mismatches: await sql('SELECT * FROM target_mismatch ORDER BY edition_id, learner_id'),
      counts: await sql(
        'SELECT * FROM target_count WHERE participants <> 0 OR self_standing <> 0 OR public <> 0 OR mismatched <> 0 OR graduates <> 0 ORDER BY edition_id, dimension, key',
      ),
    });
    const kept = await read();
    await sql('BEGIN');
    try {
      await sql('SELECT target_recount()');
      expect(await read()).toEqual(kept);
    } finally {
      await sql('ROLLBACK');
    }
  }

  const overall = () => targets.programmeTargets(null);

  it('match the views on the demo data, with real figures to compare', async () => {
    const t = await overall();
    expect(t.graduates.actual).toBeGreaterThan(0);
    expect(t.publicSectorShare.participants).toBeGreaterThan(0);
    expect(t.byPartner.length).toBeGreaterThan(0);
    await expectCountersMatchViews();
  });

  it('follow enrolments and admission to the degree through the API', async () => {
    const before = await overall();
    const learner = await aLearner(server, { sector: 'PUBLIC', countryCode: 'PT' });
    await anEnrolment(server, learner.id, 'UPM-AIG-01');
    await anEnrolment(server, learner.id, 'FAU-MLP-01', 'registrar@fau.example');
    const enrolled = await overall();
    expect(enrolled.moduleParticipants.actual).toBe(before.moduleParticipants.actual + 1);
    await expectCountersMatchViews();

    await decideDegreeApplication(server, learner, 'ACCEPTED');
    const admitted = await overall();
    expect(admitted.moduleParticipants.actual).toBe(before.moduleParticipants.actual);
    expect(admitted.publicSectorShare.participants).toBe(before.publicSectorShare.participants + 1);
    await expectCountersMatchViews();

    // A bulk insert (one statement, many learners) moves them all.
    await anEnrolledCohort(server, 'UPM-AIG-01-2026', 5, 'IT');
    expect((await overall()).publicSectorShare.participants).toBe(before.publicSectorShare.participants + 6);
    await expectCountersMatchViews();
  });

  it('follow withdrawals before and after the start, and a reinstatement', async () => {
    const learner = await aLearner(server, { sector: 'ACADEMIC' });
    const enrolment = await anEnrolment(server, learner.id, 'POLIMI-DGT-01', 'registrar@polimi.example');
    const before = await overall();
    await sql(
      `UPDATE enrolment e SET status = 'WITHDRAWN', withdrawn_at = o.starts_on - 1 FROM offering o WHERE o.id = e.offering_id AND e.id = $1`,
      [enrolment],
    );
    expect((await overall()).moduleParticipants.actual).toBe(before.moduleParticipants.actual - 1);
    await expectCountersMatchViews();
    await sql(`UPDATE enrolment e SET withdrawn_at = o.starts_on + 3 FROM offering o WHERE o.id = e.offering_id AND e.id = $1`, [
      enrolment,
    ]);
    expect((await overall()).moduleParticipants.actual).toBe(before.moduleParticipants.actual);
    await expectCountersMatchViews();
    // The offering moves to start after the withdrawal: the withdrawal is now before the start.
    await sql(`UPDATE offering SET starts_on = starts_on + 10 WHERE id = (SELECT offering_id FROM enrolment WHERE id = $1)`, [enrolment]);
    expect((await overall()).moduleParticipants.actual).toBe(before.moduleParticipants.actual - 1);
    await expectCountersMatchViews();
    await sql(`UPDATE offering SET starts_on = starts_on - 10 WHERE id = (SELECT offering_id FROM enrolment WHERE id = $1)`, [enrolment]);
    await sql(`UPDATE enrolment SET status = 'ENROLLED' WHERE id = $1`, [enrolment]);
    expect((await overall()).moduleParticipants.actual).toBe(before.moduleParticipants.actual);
    await expectCountersMatchViews();
  });

  it('follow sector mismatches as the learner, the employer or its kind change', async () => {
    const [{ id: employer }] = await sql<{ id: string }>(
      `INSERT INTO organisation (name, short_name, country_code, kind) VALUES ('Counter agency', 'COUNTER-AG', 'ES', 'PUBLIC_ADMINISTRATION') RETURNING id`,
    );
    const learner = await aLearner(server, { sector: 'PRIVATE', givenName: 'Nora', familyName: 'Quintana', employerId: employer });
    await anEnrolment(server, learner.id, 'UPM-AIG-01');
    const flagged = await overall();
    expect(flagged.sectorMismatches.map((m) => m.learnerId)).toContain(learner.id);
    await expectCountersMatchViews();
    await sql(`UPDATE organisation SET kind = 'INDUSTRY' WHERE id = $1`, [employer]);
    expect((await overall()).sectorMismatches.map((m) => m.learnerId)).not.toContain(learner.id);
    await expectCountersMatchViews();
    await sql(`UPDATE organisation SET kind = 'PUBLIC_ADMINISTRATION' WHERE id = $1`, [employer]);
    await sql(`UPDATE learner SET family_name = 'Quintana Ruiz' WHERE id = $1`, [learner.id]);
    expect((await overall()).sectorMismatches.find((m) => m.learnerId === learner.id)).toMatchObject({ name: 'Nora Quintana Ruiz' });
    await expectCountersMatchViews();
    await sql(`UPDATE organisation SET kind = 'INDUSTRY' WHERE id = $1`, [employer]);
    await sql(`UPDATE learner SET sector = 'PUBLIC', country_code = 'FR' WHERE id = $1`, [learner.id]);
    expect((await overall()).sectorMismatches.find((m) => m.learnerId === learner.id)).toMatchObject({ countedSector: 'PRIVATE' });
    await expectCountersMatchViews();
    await sql(`UPDATE learner SET employer_id = NULL WHERE id = $1`, [learner.id]);
    await expectCountersMatchViews();
  });

  it('follow a degree’s revocation, suspension and re-issue, and a move of its rules to another edition', async () => {
    const [ieva] = await sql<{ id: string; credential_id: string; rules: string }>(
      `SELECT l.id, d.credential_id, d.pathway_rules_id AS rules FROM learner l JOIN degree_award d ON d.learner_id = l.id
        WHERE l.email = 'ieva.berzina@vid.example' AND d.superseded_at IS NULL`,
    );
    const before = await overall();
    await sql('UPDATE credential SET suspended_at = now() WHERE id = $1', [ieva.credential_id]);
    expect((await overall()).graduates.actual).toBe(before.graduates.actual - 1);
    await expectCountersMatchViews();
    await sql('UPDATE credential SET suspended_at = NULL WHERE id = $1', [ieva.credential_id]);
    await expectCountersMatchViews();

    const revoked = await server.gql(
      'mutation($input: CredentialStatusInput!) { revokeCredential(input: $input) { state } }',
      { input: { id: ieva.credential_id, reason: 'Issued with a misspelt name' } },
      await server.login(UPM_STAFF),
    );
    expect(revoked.data?.revokeCredential.state).toBe('REVOKED');
    expect((await overall()).graduates.actual).toBe(before.graduates.actual - 1);
    await expectCountersMatchViews();
    const reissued = await server.gql('mutation($id: ID!) { issueDegree(learnerId: $id) { id credentialId } }', { id: ieva.id }, admin);
    expect(reissued.errors).toBeUndefined();
    expect((await overall()).graduates.actual).toBe(before.graduates.actual);
    await expectCountersMatchViews();

    const [other] = await sql<{ id: string }>(
      `SELECT r.id FROM pathway_rules r WHERE r.edition_id <> (SELECT edition_id FROM pathway_rules WHERE id = $1) LIMIT 1`,
      [ieva.rules],
    );
    await sql('UPDATE degree_award SET pathway_rules_id = $1 WHERE credential_id = $2', [other.id, reissued.data.issueDegree.credentialId]);
    await expectCountersMatchViews();
  });

  const blockedOnALock = async (pid: number) =>
    (await one<{ wait: string | null }>('SELECT wait_event_type AS wait FROM pg_stat_activity WHERE pid = $1', [pid])).wait === 'Lock';

  it('stay exact when two transactions change the same learner at once', async () => {
    const learner = await aLearner(server, { sector: 'PRIVATE' });
    const offerings = [await offeringId(server, 'UPM-AIG-01'), await offeringId(server, 'TALTECH-EGV-01')];
    const clients = [new Client({ connectionString: server.databaseUrl }), new Client({ connectionString: server.databaseUrl })];
    await Promise.all(clients.map((c) => c.connect()));
    try {
      const [first, second] = clients;
      await first.query('BEGIN');
      await second.query('BEGIN');
      const secondPid = (await second.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
      await first.query('INSERT INTO enrolment (learner_id, offering_id) VALUES ($1, $2)', [learner.id, offerings[0]]);
      // The second transaction must wait for the first (the learner's counters are serialised), then count its enrolments.
      let done = false;
      const waiting = second.query(`UPDATE learner SET sector = 'PUBLIC' WHERE id = $1`, [learner.id]).then(() => (done = true));
      for (let i = 0; i < 200 && !done && !(await blockedOnALock(secondPid)); i++) await new Promise((r) => setTimeout(r, 25));
      expect(done).toBe(false);
      await first.query('INSERT INTO enrolment (learner_id, offering_id) VALUES ($1, $2)', [learner.id, offerings[1]]);
      await first.query('COMMIT');
      await waiting;
      await second.query('COMMIT');
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
    const row = await one<{ public: number }>(
      `SELECT public FROM target_contribution WHERE learner_id = $1 AND edition_id = '00000000-0000-0000-0000-000000000000' AND dimension = 'total'`,
      [learner.id],
    );
    expect(row).toEqual({ public: 1 });
    await expectCountersMatchViews();
  });

  it('match the views after any sequence of changes to enrolments, admissions, degrees, learners and employers', async () => {
    const programme = (await one<{ id: string }>('SELECT id FROM programme ORDER BY starts_on LIMIT 1')).id;
    const offerings = (await sql<{ id: string }>('SELECT id FROM offering ORDER BY code')).map((o) => o.id);
    const rules = (await sql<{ id: string; edition_id: string }>('SELECT id, edition_id FROM pathway_rules ORDER BY created_at')).map(
      (r) => r,
    );
    const modules = (await sql<{ id: string }>(`SELECT id FROM credential WHERE kind = 'MODULE' ORDER BY id LIMIT 6`)).map((c) => c.id);
    const issuer = (await one<{ id: string }>(`SELECT id FROM organisation WHERE short_name = 'UPM'`)).id;
    const employers = await sql<{ id: string }>(
      `INSERT INTO organisation (name, short_name, country_code, kind)
       SELECT 'Random employer ' || i, 'RANDOM-EMP-' || i, 'DE', (ARRAY['PUBLIC_ADMINISTRATION', 'INDUSTRY', 'HEI'])[i] FROM generate_series(1, 3) i RETURNING id`,
    );
    const learners = await sql<{ id: string }>(
      `INSERT INTO learner (given_name, family_name, email, country_code, sector)
       SELECT 'Random', 'Learner ' || i, 'random-' || i || '-' || $1 || '@example.org', 'ES', 'PUBLIC' FROM generate_series(1, 5) i RETURNING id`,
      [randomUUID().slice(0, 8)],
    );
    const SECTORS = ['PUBLIC', 'PRIVATE', 'ACADEMIC', 'NONPROFIT', 'OTHER'];
    const KINDS = ['PUBLIC_ADMINISTRATION', 'INDUSTRY', 'HEI', 'OTHER'];
    const STATUSES = ['SUBMITTED', 'ACCEPTED', 'REJECTED', 'ENROLLED', 'WITHDRAWN'];

    const pick = <T>(items: T[]) => fc.nat({ max: items.length - 1 }).map((i) => items[i]);
    const learner = pick(learners.map((l) => l.id));
    const offering = pick(offerings);
    const change = fc.oneof(
      fc.record({ op: fc.constant('enrol'), learner, offering, daysBefore: fc.integer({ min: -30, max: 30 }) }),
      fc.record({ op: fc.constant('withdraw'), learner, offering, days: fc.integer({ min: -5, max: 5 }) }),
      fc.record({ op: fc.constant('reinstate'), learner, offering }),
      fc.record({ op: fc.constant('unenrol'), learner, offering }),
      fc.record({ op: fc.constant('sector'), learner, sector: pick(SECTORS), country: pick(['ES', 'IT', 'LV']) }),
      fc.record({ op: fc.constant('employer'), learner, employer: fc.option(pick(employers.map((e) => e.id))) }),
      fc.record({ op: fc.constant('rename'), learner, familyName: pick(['Abad', 'Zorrilla', 'Mägi']) }),
      fc.record({ op: fc.constant('kind'), employer: pick(employers.map((e) => e.id)), kind: pick(KINDS) }),
      fc.record({ op: fc.constant('apply'), learner, status: pick(STATUSES) }),
      fc.record({ op: fc.constant('award'), learner, rules: pick(rules), sources: fc.subarray(modules) }),
      fc.record({ op: fc.constant('degreeStatus'), learner, state: pick(['revoked', 'suspended', 'valid']) }),
    );

    async function apply(c: Json): Promise<void> {
      switch (c.op) {
        case 'enrol':
          await sql(
            `INSERT INTO enrolment (learner_id, offering_id, enrolled_at) SELECT $1, id, starts_on - $3::int FROM offering WHERE id = $2 ON CONFLICT DO NOTHING`,
            [c.learner, c.offering, c.daysBefore],
          );
          break;
        case 'withdraw':
          await sql(
            `UPDATE enrolment e SET status = 'WITHDRAWN', withdrawn_at = o.starts_on + $3::int FROM offering o
              WHERE o.id = e.offering_id AND e.learner_id = $1 AND e.offering_id = $2`,
            [c.learner, c.offering, c.days],
          );
          break;
        case 'reinstate':
          await sql(`UPDATE enrolment SET status = 'ENROLLED' WHERE learner_id = $1 AND offering_id = $2`, [c.learner, c.offering]);
          break;
        case 'unenrol':
          await sql('DELETE FROM enrolment WHERE learner_id = $1 AND offering_id = $2', [c.learner, c.offering]);
          break;
        case 'sector':
          await sql('UPDATE learner SET sector = $2, country_code = $3 WHERE id = $1', [c.learner, c.sector, c.country]);
          break;
        case 'employer':
          await sql('UPDATE learner SET employer_id = $2 WHERE id = $1', [c.learner, c.employer]);
          break;
        case 'rename':
          await sql('UPDATE learner SET family_name = $2 WHERE id = $1', [c.learner, c.familyName]);
          break;
        case 'kind':
          await sql('UPDATE organisation SET kind = $2 WHERE id = $1', [c.employer, c.kind]);
          break;
        case 'apply': {
          const updated = await server.db.query(`UPDATE application SET status = $2 WHERE learner_id = $1 AND programme_id IS NOT NULL`, [
            c.learner,
            c.status,
          ]);
          if (updated.rowCount === 0)
            await sql(
              `INSERT INTO application (learner_id, programme_id, edition_id, motivation, status)
               VALUES ($1, $2, (SELECT id FROM edition ORDER BY starts_on LIMIT 1), 'Random sequence', $3)`,
              [c.learner, programme, c.status],
            );
          break;
        }
        case 'award': {
          // A new degree supersedes the current one, as a re-issue does.
          await sql('UPDATE degree_award SET superseded_at = now() WHERE learner_id = $1 AND superseded_at IS NULL', [c.learner]);
          const credential = randomUUID();
          await sql(
            `INSERT INTO credential (id, kind, learner_id, issuer_organisation_id, issuer_did, document, issued_at)
             VALUES ($1, 'DEGREE', $2, $3, 'did:key:random', '{}', now())`,
            [credential, c.learner, issuer],
          );
          const award = await one<{ id: string }>(
            `INSERT INTO degree_award (learner_id, programme_id, pathway_rules_id, credential_id) VALUES ($1, $2, $3, $4) RETURNING id`,
            [c.learner, programme, c.rules.id, credential],
          );
          for (const source of c.sources)
            await sql('INSERT INTO degree_award_source (degree_award_id, credential_id) VALUES ($1, $2)', [award.id, source]);
          break;
        }
        case 'degreeStatus':
          await sql(
            `UPDATE credential SET revoked_at = CASE WHEN $2 = 'revoked' THEN now() END, suspended_at = CASE WHEN $2 = 'suspended' THEN now() END
              WHERE id IN (SELECT credential_id FROM degree_award WHERE learner_id = $1 AND superseded_at IS NULL)`,
            [c.learner, c.state],
          );
          break;
      }
    }

    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 12 }), async (changes) => {
        for (const c of changes) await apply(c);
        await expectCountersMatchViews();
      }),
      { numRuns: 12 },
    );
    // The sequences did reach the counters: the random learners are counted somewhere.
    expect(
      Number(
        (await one<{ n: string }>('SELECT count(*) AS n FROM target_contribution WHERE learner_id = ANY($1)', [learners.map((l) => l.id)]))
          .n,
      ),
    ).toBeGreaterThan(0);
  });

  describe('targets per edition', () => {
    const TARGETS = `query($edition: ID) { programmeTargets(editionId: $edition) {
      graduates { target targetSet onTrack } moduleParticipants { target targetSet actual percentOfTarget onTrack }
      publicSectorShare { target targetSet onTrack } memberOrganisations { target targetSet reached } memberCountries { target targetSet reached } } }`;
    const read = async (edition?: string) => {
      const { data, errors } = await server.gql(TARGETS, { edition }, admin);
      if (!data) throw new Error(JSON.stringify(errors));
      return data.programmeTargets;
    };

    it('reads an edition’s own target rows, and says when an edition has none', async () => {
      const [first, second] = await sql<{ id: string; programme_id: string }>(
        'SELECT id, programme_id FROM edition ORDER BY starts_on LIMIT 2',
      );
      await sql('DELETE FROM programme_target WHERE edition_id IN ($1, $2)', [first.id, second.id]);
      await sql(
        `INSERT INTO programme_target (programme_id, edition_id, metric, target_value)
         VALUES ($1, $2, 'MODULE_PARTICIPANTS', 4), ($1, $2, 'GRADUATES', 250)`,
        [first.programme_id, first.id],
      );
      const edition = await read(first.id);
      expect(edition.moduleParticipants).toMatchObject({ target: 4, targetSet: true });
      expect(edition.moduleParticipants.percentOfTarget).toBe(Math.round((edition.moduleParticipants.actual / 4) * 1000) / 10);
      expect(edition.graduates).toMatchObject({ target: 250, targetSet: true, onTrack: false });
      // No row for the share in this edition: no target, not the programme's 40 %.
      expect(edition.publicSectorShare).toEqual({ target: 0, targetSet: false, onTrack: false });
      expect(edition.memberOrganisations).toEqual({ target: 0, targetSet: false, reached: false });

      const none = await read(second.id);
      for (const figure of ['graduates', 'moduleParticipants', 'publicSectorShare'])
        expect(none[figure]).toMatchObject({ target: 0, targetSet: false, onTrack: false });
      expect(none.moduleParticipants.percentOfTarget).toBe(0);

      // The whole programme keeps its own rows.
      const whole = await read();
      expect(whole.moduleParticipants).toMatchObject({ target: 2200, targetSet: true });
      expect(whole.publicSectorShare).toMatchObject({ target: 40, targetSet: true });
      expect(whole.memberCountries).toMatchObject({ target: 20, targetSet: true });
    });
  });
});
