import { applyToDegree, reviewDegreeBatch } from './support/degree-admission';
import { ADMIN, aLearner, UPM_STAFF } from './support/factories';
import { Json, startTestServer, TestServer } from './support/test-server';

const EDITION = `id code state openedAt startsOn endsOn degreePlaces degreeApplicationsOpenOn degreeApplicationsCloseOn
  targets { metric targetValue editionId }`;
const CREATE = `mutation($input: CreateEditionInput!) { createEdition(input: $input) { ${EDITION} } }`;
const UPDATE = `mutation($input: UpdateEditionInput!) { updateEdition(input: $input) { ${EDITION} } }`;
const OPEN = `mutation($id: ID!) { openEdition(editionId: $id) { ${EDITION} } }`;

const nextEdition = (overrides: Record<string, unknown> = {}) => ({
  code: '2028-2029',
  startsOn: '2028-09-01',
  endsOn: '2029-08-31',
  degreePlaces: 25,
  degreeApplicationsOpenOn: '2028-01-15',
  degreeApplicationsCloseOn: '2028-06-30',
  targets: [
    { metric: 'GRADUATES', value: 150 },
    { metric: 'PUBLIC_SECTOR_SHARE', value: 45 },
  ],
  ...overrides,
});

/** Editions are planned, edited and opened by the programme office, with their own targets. */
describe('editions: the programme office plans, edits and opens them', () => {
  let server: TestServer;
  let admin: string;
  let created: Json;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.login(ADMIN);
  });

  afterAll(() => server.close());

  /** Everything an edition change could have written. */
  const snapshot = async () => ({
    editions: (await server.db.query('SELECT * FROM edition ORDER BY id')).rows,
    targets: (await server.db.query('SELECT * FROM programme_target ORDER BY id')).rows,
    audit: await server.count('audit_log'),
  });

  it('creates a PLANNED edition with its intake and its own targets, audited; the programme’s targets stay programme-wide', async () => {
    const before = (await server.gql('{ programme { targets { metric targetValue editionId } } }')).data.programme.targets;
    const { data, errors } = await server.gql(CREATE, { input: nextEdition() }, admin);
    expect(errors).toBeUndefined();
    created = data.createEdition;
    expect(created).toMatchObject({
      code: '2028-2029',
      state: 'PLANNED',
      openedAt: null,
      degreePlaces: 25,
      degreeApplicationsOpenOn: '2028-01-15',
      degreeApplicationsCloseOn: '2028-06-30',
    });
    expect(created.targets).toEqual([
      { metric: 'GRADUATES', targetValue: 150, editionId: created.id },
      { metric: 'PUBLIC_SECTOR_SHARE', targetValue: 45, editionId: created.id },
    ]);
    const rows = await server.db.query('SELECT metric, target_value FROM programme_target WHERE edition_id = $1 ORDER BY metric', [
      created.id,
    ]);
    expect(rows.rows).toEqual([
      { metric: 'GRADUATES', target_value: '150.00' },
      { metric: 'PUBLIC_SECTOR_SHARE', target_value: '45.00' },
    ]);
    const programme = (await server.gql('{ programme { targets { metric targetValue editionId } editions { code } } }')).data.programme;
    expect(programme.targets).toEqual(before);
    expect(programme.targets.every((t: Json) => t.editionId === null)).toBe(true);
    expect(programme.editions.map((e: Json) => e.code)).toContain('2028-2029');
    const audit = await server.db.query("SELECT details FROM audit_log WHERE action = 'EDITION_CREATED' AND entity_id = $1", [created.id]);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].details).toMatchObject({ code: '2028-2029', places: 25 });
  });

  it('edits the dates, the intake and a target; the others stay; audited', async () => {
    const { data, errors } = await server.gql(
      UPDATE,
      {
        input: {
          editionId: created.id,
          degreePlaces: 40,
          degreeApplicationsOpenOn: null,
          endsOn: '2029-07-31',
          targets: [{ metric: 'GRADUATES', value: 180 }],
        },
      },
      admin,
    );
    expect(errors).toBeUndefined();
    expect(data.updateEdition).toMatchObject({
      code: '2028-2029',
      endsOn: '2029-07-31',
      degreePlaces: 40,
      degreeApplicationsOpenOn: null,
      degreeApplicationsCloseOn: '2028-06-30',
      state: 'PLANNED',
    });
    expect(data.updateEdition.targets.map((t: Json) => [t.metric, t.targetValue])).toEqual([
      ['GRADUATES', 180],
      ['PUBLIC_SECTOR_SHARE', 45],
    ]);
    expect(await server.count(`audit_log WHERE action = 'EDITION_UPDATED' AND entity_id = '${created.id}'`)).toBe(1);
  });

  it('refuses anyone but the programme office, and writes nothing', async () => {
    const before = await snapshot();
    const learner = await aLearner(server);
    const staff = await server.login(UPM_STAFF);
    for (const token of [learner.token, staff]) {
      expect((await server.gql(CREATE, { input: nextEdition({ code: '2029-2030' }) }, token)).errors?.[0].extensions?.code).toBe(
        'FORBIDDEN',
      );
      expect((await server.gql(UPDATE, { input: { editionId: created.id, degreePlaces: 1 } }, token)).errors?.[0].extensions?.code).toBe(
        'FORBIDDEN',
      );
      expect((await server.gql(OPEN, { id: created.id }, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await server.gql(OPEN, { id: created.id })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await snapshot()).toEqual(before);
  });

  it('answers bad input with a typed error on the field at fault, and writes nothing', async () => {
    const before = await snapshot();
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ endsOn: '2028-08-31' }, 'BAD_USER_INPUT', 'input.endsOn'],
      [{ code: '2029-2028' }, 'BAD_USER_INPUT', 'input.code'],
      [{ startsOn: '2028-02-30' }, 'BAD_USER_INPUT', 'startsOn'],
      [{ degreePlaces: -1 }, 'BAD_USER_INPUT', 'input.degreePlaces'],
      [
        { degreeApplicationsOpenOn: '2028-07-01', degreeApplicationsCloseOn: '2028-06-30' },
        'BAD_USER_INPUT',
        'input.degreeApplicationsCloseOn',
      ],
      [{ degreeApplicationsCloseOn: '2029-09-01' }, 'BAD_USER_INPUT', 'input.degreeApplicationsCloseOn'],
      [{ targets: [{ metric: 'PUBLIC_SECTOR_SHARE', value: 101 }] }, 'BAD_USER_INPUT', 'input.targets.0.value'],
      [{ targets: [{ metric: 'GRADUATES', value: -5 }] }, 'BAD_USER_INPUT', 'input.targets.0.value'],
      [{ startsOn: '2029-09-01', endsOn: '2030-08-31' }, 'EDITION_OUTSIDE_PROGRAMME', 'input.startsOn'],
    ];
    for (const [overrides, code, field] of cases) {
      const { errors } = await server.gql(
        CREATE,
        { input: nextEdition({ code: '2029-2030', startsOn: '2029-01-01', ...overrides }) },
        admin,
      );
      expect([overrides, errors?.[0].extensions]).toEqual([overrides, expect.objectContaining({ code, field })]);
    }
    const update = await server.gql(
      UPDATE,
      { input: { editionId: created.id, degreePlaces: 10, degreeApplicationsCloseOn: '2029-08-15' } },
      admin,
    );
    expect(update.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.degreeApplicationsCloseOn' });
    const share = await server.gql(
      UPDATE,
      { input: { editionId: created.id, targets: [{ metric: 'PUBLIC_SECTOR_SHARE', value: 100.5 }] } },
      admin,
    );
    expect(share.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const missing = await server.gql(UPDATE, { input: { editionId: '00000000-0000-4000-8000-000000000000', degreePlaces: 1 } }, admin);
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an edition whose dates overlap another, or whose code is taken, also by an edit', async () => {
    const before = await snapshot();
    const overlap = await server.gql(
      CREATE,
      { input: nextEdition({ code: '2029-2030', startsOn: '2027-06-01', endsOn: '2028-05-31', degreeApplicationsCloseOn: null }) },
      admin,
    );
    expect(overlap.errors?.[0].extensions?.code).toBe('EDITION_OVERLAP');
    const taken = await server.gql(CREATE, { input: nextEdition({ startsOn: '2029-08-01', endsOn: '2029-08-31' }) }, admin);
    expect(taken.errors?.[0].extensions).toMatchObject({ code: 'EDITION_CODE_TAKEN', field: 'input.code' });
    const moved = await server.gql(UPDATE, { input: { editionId: created.id, startsOn: '2027-08-31' } }, admin);
    expect(moved.errors?.[0].extensions?.code).toBe('EDITION_OVERLAP');
    const renamed = await server.gql(UPDATE, { input: { editionId: created.id, code: '2026-2027' } }, admin);
    expect(renamed.errors?.[0].extensions?.code).toBe('EDITION_CODE_TAKEN');
    expect(await snapshot()).toEqual(before);
  });

  it('lets only one of two concurrent plans for the same dates win', async () => {
    const answers = await Promise.all(
      ['2029-2030', '2030-2031'].map((code) =>
        server.gql(CREATE, { input: nextEdition({ code, startsOn: '2029-08-01', endsOn: '2029-08-31', targets: [] }) }, admin),
      ),
    );
    expect(answers.filter((a) => a.data?.createEdition)).toHaveLength(1);
    expect(answers.filter((a) => a.errors?.[0].extensions?.code === 'EDITION_OVERLAP')).toHaveLength(1);
  });

  it('takes no degree application while PLANNED, even within its window', async () => {
    const today = new Date().toISOString().slice(0, 10);
    await server.gql(UPDATE, { input: { editionId: created.id, degreeApplicationsOpenOn: today } }, admin);
    const learner = await aLearner(server);
    const before = await server.count('application');
    const early = await server.gql(
      'mutation($input: ApplyInput!) { apply(input: $input) { id } }',
      {
        input: {
          editionId: created.id,
          motivation: 'I want to join the programme as soon as the next edition is announced by the office.',
        },
      },
      learner.token,
    );
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'APPLICATIONS_CLOSED', field: 'input.editionId' });
    expect(await server.count('application')).toBe(before);
  });

  it('opens a PLANNED edition once: opening again answers it as it is and is not audited twice', async () => {
    const opened = (await server.gql(OPEN, { id: created.id }, admin)).data.openEdition;
    expect(opened.state).toBe('OPEN');
    expect(opened.openedAt).not.toBeNull();
    const again = (await server.gql(OPEN, { id: created.id }, admin)).data.openEdition;
    expect(again).toEqual(opened);
    expect(await server.count(`audit_log WHERE action = 'EDITION_OPENED' AND entity_id = '${created.id}'`)).toBe(1);
  });

  it('gives places added by updateEdition to the intake’s reserve list, as setDegreeIntake does', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const intake = await server.gql(
      UPDATE,
      { input: { editionId: created.id, degreePlaces: 0, degreeApplicationsOpenOn: today, degreeApplicationsCloseOn: '2028-06-30' } },
      admin,
    );
    expect(intake.errors).toBeUndefined();
    const learner = await aLearner(server);
    const application = await applyToDegree(server, learner, created.id);
    const [decided] = await reviewDegreeBatch(server, [[application.id, 'ACCEPTED']]);
    expect(decided).toMatchObject({ status: 'RESERVE', reserveRank: 1 });
    await server.gql(UPDATE, { input: { editionId: created.id, degreePlaces: 1 } }, admin);
    const status = await server.db.query('SELECT status, reserve_rank FROM application WHERE id = $1', [application.id]);
    expect(status.rows[0]).toEqual({ status: 'ACCEPTED', reserve_rank: null });
  });
});

describe('the demo’s 2027-2028 edition', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(() => server.close());

  it('was planned and opened by the office, with its intake, its targets and two admitted degree students from the interest list, one enrolled', async () => {
    const admin = await server.login(ADMIN);
    const { data } = await server.gql(`{ programme { editions { ${EDITION} } } }`);
    const edition = data.programme.editions.find((e: Json) => e.code === '2027-2028');
    expect(edition).toMatchObject({
      state: 'OPEN',
      startsOn: '2027-09-01',
      endsOn: '2028-08-31',
      degreePlaces: 30,
      degreeApplicationsOpenOn: '2027-01-15',
      degreeApplicationsCloseOn: '2027-06-30',
    });
    expect(edition.targets.map((t: Json) => [t.metric, t.targetValue])).toEqual([
      ['GRADUATES', 200],
      ['MODULE_PARTICIPANTS', 550],
      ['PUBLIC_SECTOR_SHARE', 40],
    ]);
    const actions = await server.db.query('SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id', [edition.id]);
    expect(actions.rows.map((r) => r.action).slice(0, 3)).toEqual(['EDITION_CREATED', 'PATHWAY_RULES_SET', 'EDITION_OPENED']);

    const admitted = await server.gql(
      'query($id: ID) { applications(editionId: $id, degreeSeeking: true, limit: 10) { totalCount items { status batchId } } }',
      { id: edition.id },
      admin,
    );
    expect(admitted.data.applications.totalCount).toBe(2);
    for (const application of admitted.data.applications.items) expect(application.batchId).not.toBeNull();
    // One registered at UPM and confirmed by the office; the other's registration is still to come.
    expect(admitted.data.applications.items.map((a: Json) => a.status).sort()).toEqual(['ACCEPTED', 'ENROLLED']);

    const listed = (await server.db.query('SELECT email, status FROM interest_list_member')).rows;
    // The demo members confirmed their address (double opt-in) before the opening.
    expect(listed.map((r) => r.status)).toEqual(listed.map(() => 'CONFIRMED'));
    const members = listed.map((r) => r.email);
    expect(members.length).toBeGreaterThanOrEqual(3);
    // Each in the member's language: the subject names the edition, and only the list's mails carry a leave link.
    const mails = await server.db.query(
      "SELECT recipient FROM outbox_message WHERE strpos(subject, '2027-2028') > 0 AND strpos(body, '/interest-list/leave?token=') > 0",
    );
    expect(mails.rows.map((r) => r.recipient).sort()).toEqual([...members].sort());

    // Today's degree applications still go to the running edition: 2027-2028 takes them from January.
    const learner = await aLearner(server);
    expect((await applyToDegree(server, learner)).editionId).not.toBe(edition.id);
  });
});
