import { verify } from './support/credentials';
import { ADMIN, aLearner, anEnrolment, aPassingResult, FAU_STAFF, RECORD_RESULT, UPM_STAFF } from './support/factories';
import { Json, startTestServer, TestServer } from './support/test-server';

const MODULE = `id code version retiredAt title ectsCredits
  versions { version title ectsCredits eqfLevel reason }`;
const UPDATE = `mutation($input: UpdateModuleInput!) { updateModule(input: $input) { ${MODULE} } }`;
const RETIRE = 'mutation($input: RetireModuleInput!) { retireModule(input: $input) { id version retiredAt retiredReason } }';
const CREATE_OFFERING =
  'mutation($input: CreateOfferingInput!) { createOffering(input: $input) { id moduleVersion { version title ectsCredits } } }';
const PROGRESS = `query($id: ID!) { pathwayProgress(learnerId: $id) {
  mandatory { moduleCode satisfied } counted { title ects countsAs } } }`;

describe('curriculum versions: a module changes without changing what was issued', () => {
  let server: TestServer;
  let upm: string;
  let fau: string;
  let admin: string;
  let editionId: string;

  const moduleNamed = async (code: string): Promise<Json> => {
    const { data, errors } = await server.gql(`query($code: String!) { module(code: $code) { ${MODULE} } }`, { code });
    if (!data?.module) throw new Error(JSON.stringify(errors));
    return data.module;
  };
  /** What a refused call must leave as it was: the module row, its versions, offerings and the audit log. */
  const snapshot = async (moduleId: string) => {
    const { rows } = await server.db.query(
      `SELECT (SELECT row_to_json(m)::text FROM module m WHERE m.id = $1) AS module,
              (SELECT count(*) FROM module_version WHERE module_id = $1)::int AS versions,
              (SELECT count(*) FROM offering WHERE module_id = $1)::int AS offerings,
              (SELECT count(*) FROM audit_log WHERE entity_id = $1::text)::int AS audits`,
      [moduleId],
    );
    return rows[0];
  };
  /** A new learner who passed in the offering (by default UPM-AIG-01's 2026-2027 run), as its HEI's staff. */
  const passedIn = async (offeringId: string | null, staff = upm, grade = '8.5') => {
    const learner = await aLearner(server);
    const enrol = 'mutation($input: EnrolInput!) { enrol(input: $input) { id } }';
    const enrolmentId = offeringId
      ? (await server.gql(enrol, { input: { learnerId: learner.id, offeringId } }, staff)).data.enrol.id
      : await anEnrolment(server, learner.id);
    const { data, errors } = await server.gql(RECORD_RESULT, { input: aPassingResult(enrolmentId, { grade }) }, staff);
    if (!data?.recordResult?.credential) throw new Error(JSON.stringify(errors));
    return { learner, credential: data.recordResult.credential };
  };

  beforeAll(async () => {
    server = await startTestServer();
    [upm, fau, admin] = await Promise.all([server.login(UPM_STAFF), server.login(FAU_STAFF), server.login(ADMIN)]);
    const { data } = await server.gql('{ programme { editions { id code } } }');
    editionId = data.programme.editions.find((e: Json) => e.code === '2026-2027').id;
  });

  afterAll(() => server.close());

  it('makes every module version 1 and pins every offering to it', async () => {
    const { rows } = await server.db.query(
      `SELECT (SELECT count(*) FROM module WHERE version <> 1)::int AS not_first,
              (SELECT count(*) FROM module m WHERE NOT EXISTS (SELECT 1 FROM module_version v WHERE v.module_id = m.id AND v.version = 1))::int AS unversioned,
              (SELECT count(*) FROM offering o JOIN module_version v ON v.id = o.module_version_id WHERE v.version <> 1)::int AS later`,
    );
    expect(rows[0]).toEqual({ not_first: 0, unversioned: 0, later: 0 });
    const module = await moduleNamed('UPM-AIG-01');
    expect(module).toMatchObject({ version: 1, retiredAt: null, versions: [{ version: 1, title: module.title, reason: null }] });
  });

  describe('updating a module', () => {
    let before: { learner: Json; credential: Json };
    let storedBefore: string;
    let v1: Json;

    beforeAll(async () => {
      v1 = await moduleNamed('UPM-AIG-01');
      before = await passedIn(null);
      storedBefore = (await server.db.query('SELECT document FROM credential WHERE id = $1', [before.credential.id])).rows[0].document;
    });

    it('makes version 2 with the new fields; the history keeps version 1', async () => {
      const { data, errors } = await server.gql(
        UPDATE,
        {
          input: {
            moduleId: v1.id,
            reason: 'Extended with a lab on AI audits',
            changes: { title: 'AI Governance and Audit', ectsCredits: 7.5 },
          },
        },
        upm,
      );
      expect(errors).toBeUndefined();
      expect(data.updateModule).toMatchObject({ version: 2, title: 'AI Governance and Audit', ectsCredits: 7.5 });
      expect(data.updateModule.versions).toEqual([
        { version: 1, title: v1.title, ectsCredits: 6, eqfLevel: 7, reason: null },
        { version: 2, title: 'AI Governance and Audit', ectsCredits: 7.5, eqfLevel: 7, reason: 'Extended with a lab on AI audits' },
      ]);
      const { rows } = await server.db.query("SELECT details FROM audit_log WHERE action = 'MODULE_UPDATED' AND entity_id = $1", [v1.id]);
      expect(rows).toEqual([{ details: expect.objectContaining({ version: 2, fields: ['title', 'ectsCredits'] }) }]);
    });

    it('leaves the existing offering on version 1, and a credential issued there still states version 1', async () => {
      const { data } = await server.gql('query($m: ID) { offerings(moduleId: $m) { items { code moduleVersion { version } } } }', {
        m: v1.id,
      });
      expect(data.offerings.items.map((o: Json) => o.moduleVersion.version)).toEqual([1, 1]);
      const late = await passedIn(null);
      expect(late.credential.document.credentialSubject.achievement).toMatchObject({ name: v1.title, creditsAvailable: 6 });
      expect(late.credential.document.credentialSubject.creditsEarned).toBe(6);
    });

    it('issues version 2 in an offering created after, while the credential issued before is unchanged and still verifies', async () => {
      const created = await server.gql(
        CREATE_OFFERING,
        { input: { code: 'UPM-AIG-01-2026B', moduleId: v1.id, editionId, startsOn: '2026-09-15', endsOn: '2026-12-20', capacity: 5 } },
        upm,
      );
      expect(created.errors).toBeUndefined();
      expect(created.data.createOffering.moduleVersion).toEqual({ version: 2, title: 'AI Governance and Audit', ectsCredits: 7.5 });

      const after = await passedIn(created.data.createOffering.id);
      expect(after.credential.document.name).toBe('AI Governance and Audit (7.5 ECTS)');
      expect(after.credential.document.credentialSubject.achievement).toMatchObject({
        name: 'AI Governance and Audit',
        creditsAvailable: 7.5,
      });
      expect(after.credential.document.credentialSubject.creditsEarned).toBe(7.5);
      expect((await verify(server, after.credential.document)).verified).toBe(true);

      const storedNow = (await server.db.query('SELECT document FROM credential WHERE id = $1', [before.credential.id])).rows[0].document;
      expect(storedNow).toBe(storedBefore);
      const read = await server.gql('query($id: ID!) { credential(id: $id) { json } }', { id: before.credential.id }, upm);
      expect(read.data.credential.json).toBe(storedBefore);
      expect(JSON.parse(storedBefore).credentialSubject.achievement).toMatchObject({ name: v1.title, creditsAvailable: 6 });
      const report = await verify(server, JSON.parse(storedBefore));
      expect(report).toMatchObject({ verified: true, verdict: 'VALID' });
    });

    it('still counts the version-1 credential for the rule that names the module, with its version-1 credits', async () => {
      const { data, errors } = await server.gql(PROGRESS, { id: before.learner.id }, admin);
      expect(errors).toBeUndefined();
      expect(data.pathwayProgress.mandatory).toContainEqual({ moduleCode: 'UPM-AIG-01', satisfied: true });
      expect(data.pathwayProgress.counted).toEqual([expect.objectContaining({ title: 'UPM-AIG-01', ects: 6, countsAs: 'MANDATORY' })]);
    });

    it('makes no version when nothing differs', async () => {
      const unchanged = await snapshot(v1.id);
      const { data, errors } = await server.gql(
        UPDATE,
        { input: { moduleId: v1.id, reason: 'Sent twice', changes: { title: 'AI Governance and Audit', ectsCredits: 7.5, eqfLevel: 7 } } },
        upm,
      );
      expect(errors).toBeUndefined();
      expect(data.updateModule.version).toBe(2);
      expect(await snapshot(v1.id)).toEqual(unchanged);
    });

    it("answers another HEI's staff as if the module did not exist, and writes nothing", async () => {
      const unchanged = await snapshot(v1.id);
      const { errors } = await server.gql(
        UPDATE,
        { input: { moduleId: v1.id, reason: 'Not ours', changes: { title: 'Taken over' } } },
        fau,
      );
      expect(errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const retire = await server.gql(RETIRE, { input: { moduleId: v1.id, reason: 'Not ours either' } }, fau);
      expect(retire.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(await snapshot(v1.id)).toEqual(unchanged);
    });

    it.each([
      ['ECTS below the minimum', { ectsCredits: 0.25 }, 'ectsCredits'],
      ['a title too short', { title: 'AI' }, 'title'],
      ['no learning outcome', { learningOutcomes: [] }, 'learningOutcomes'],
    ])('refuses %s with a typed error and writes nothing', async (_, changes, field) => {
      const unchanged = await snapshot(v1.id);
      const { data, errors } = await server.gql(UPDATE, { input: { moduleId: v1.id, reason: 'A bad change', changes } }, upm);
      expect(data?.updateModule ?? null).toBeNull();
      expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(errors?.[0])).toContain(field);
      expect(await snapshot(v1.id)).toEqual(unchanged);
    });

    it('refuses a reason too short, and an unknown module, writing nothing', async () => {
      const unchanged = await snapshot(v1.id);
      const short = await server.gql(UPDATE, { input: { moduleId: v1.id, reason: 'no', changes: { workloadHours: 170 } } }, upm);
      expect(short.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: expect.stringContaining('reason') });
      const unknown = await server.gql(
        UPDATE,
        { input: { moduleId: '00000000-0000-4000-8000-000000000000', reason: 'Nobody has it', changes: { workloadHours: 170 } } },
        admin,
      );
      expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(await snapshot(v1.id)).toEqual(unchanged);
    });

    it('makes one version when the same update arrives twice at once', async () => {
      const input = { moduleId: v1.id, reason: 'Workload recounted', changes: { workloadHours: 180 } };
      const [a, b] = await Promise.all([server.gql(UPDATE, { input }, upm), server.gql(UPDATE, { input }, upm)]);
      expect([a.errors, b.errors]).toEqual([undefined, undefined]);
      expect([a.data.updateModule.version, b.data.updateModule.version]).toEqual([3, 3]);
      const { rows } = await server.db.query('SELECT version, workload_hours FROM module_version WHERE module_id = $1 ORDER BY version', [
        v1.id,
      ]);
      expect(rows.map((r: Json) => r.version)).toEqual([1, 2, 3]);
      expect(rows[2].workload_hours).toBe(180);
    });

    it('lets the programme office make a version of any HEI’s module', async () => {
      const polimi = await moduleNamed('POLIMI-PPM-02');
      const { data, errors } = await server.gql(
        UPDATE,
        { input: { moduleId: polimi.id, reason: 'Workload recounted', changes: { workloadHours: 160 } } },
        admin,
      );
      expect(errors).toBeUndefined();
      expect(data.updateModule.versions.map((v: Json) => v.version)).toEqual([1, 2]);
    });
  });

  describe('retiring a module', () => {
    let module: Json;
    let offeringId: string;

    beforeAll(async () => {
      module = await moduleNamed('FAU-MLP-01');
      const { data } = await server.gql('query($m: ID) { offerings(moduleId: $m) { items { id code } } }', { m: module.id });
      offeringId = data.offerings.items.find((o: Json) => o.code === 'FAU-MLP-01-2026').id;
    });

    it('stops new offerings with MODULE_RETIRED; retiring again changes nothing', async () => {
      const first = await server.gql(RETIRE, { input: { moduleId: module.id, reason: 'Merged into FAU-LAW-02' } }, fau);
      expect(first.errors).toBeUndefined();
      expect(first.data.retireModule).toMatchObject({ version: 1, retiredReason: 'Merged into FAU-LAW-02' });
      expect(first.data.retireModule.retiredAt).not.toBeNull();

      const unchanged = await snapshot(module.id);
      const again = await server.gql(RETIRE, { input: { moduleId: module.id, reason: 'Retired once more' } }, fau);
      expect(again.errors).toBeUndefined();
      expect(again.data.retireModule).toEqual(first.data.retireModule);
      expect(await snapshot(module.id)).toEqual(unchanged);

      const offering = await server.gql(
        CREATE_OFFERING,
        { input: { code: 'FAU-MLP-01-2027', moduleId: module.id, editionId, startsOn: '2027-03-01', endsOn: '2027-06-30', capacity: 5 } },
        fau,
      );
      expect(offering.errors?.[0].extensions?.code).toBe('MODULE_RETIRED');
      const update = await server.gql(UPDATE, { input: { moduleId: module.id, reason: 'Too late', changes: { title: 'Too late' } } }, fau);
      expect(update.errors?.[0].extensions?.code).toBe('MODULE_RETIRED');
      expect(await snapshot(module.id)).toEqual(unchanged);
    });

    it('keeps the existing offering working: enrolment, result and a credential that verifies', async () => {
      const { credential } = await passedIn(offeringId, fau, '1.7');
      expect(credential.document.credentialSubject.achievement.humanCode).toBe('FAU-MLP-01');
      expect((await verify(server, credential.document)).verified).toBe(true);
    });

    it('leaves it out of the catalogue unless retired ones are asked for; by code it is still there', async () => {
      const codes = async (args: string) =>
        (await server.gql(`{ modules(limit: 100${args}) { items { code } } }`)).data.modules.items.map((m: Json) => m.code);
      expect(await codes('')).not.toContain('FAU-MLP-01');
      expect(await codes('')).toContain('FAU-LAW-02');
      expect(await codes(', includeRetired: true')).toContain('FAU-MLP-01');
      expect((await moduleNamed('FAU-MLP-01')).retiredAt).not.toBeNull();
    });
  });
});
