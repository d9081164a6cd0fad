import { ADMIN, aLearner } from './support/factories';
import { Json, startTestServer, TestServer } from './support/test-server';

const RULES = `query($id: ID!) { pathwayRules(editionId: $id) { editionId version rules { totalEcts mandatoryModules minPartnerHeis } } }`;
const CREATE = 'mutation($input: CreateEditionInput!) { createEdition(input: $input) { id code } }';

describe('a new edition starts with the degree rules of the edition before it', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.login(ADMIN);
  });
  afterAll(() => server.close());

  const editions = async (): Promise<Json[]> => (await server.gql('{ programme { editions { id code } } }')).data.programme.editions;

  it('the demo’s 2027-2028 edition, planned through the editions service, has the 2026-2027 rules as its version 1', async () => {
    const all = await editions();
    const [current, next] = ['2026-2027', '2027-2028'].map((code) => all.find((e) => e.code === code).id);
    const before = (await server.gql(RULES, { id: current }, admin)).data.pathwayRules;
    const carried = (await server.gql(RULES, { id: next }, admin)).data.pathwayRules;
    expect(carried).toEqual({ ...before, editionId: next, version: 1 });
  });

  it('an edition the office plans gets the latest rules before it, audited; a learner of it has progress, not NO_PATHWAY_RULES', async () => {
    const previous = (await editions()).find((e) => e.code === '2027-2028').id;
    const changed = await server.gql(
      `mutation($input: SetPathwayRulesInput!) { setPathwayRules(input: $input) { version } }`,
      {
        input: {
          editionId: previous,
          rules: {
            ...(await server.gql(RULES, { id: previous }, admin)).data.pathwayRules.rules,
            electiveGroups: [],
            maxRecognitionEcts: 12,
            timeLimitMonths: 48,
            minEqfLevel: 7,
          },
        },
      },
      admin,
    );
    if (!changed.data) throw new Error(JSON.stringify(changed.errors));
    const latest = (await server.gql(RULES, { id: previous }, admin)).data.pathwayRules;

    const created = await server.gql(
      CREATE,
      { input: { code: '2028-2029', startsOn: '2028-09-01', endsOn: '2029-08-31', degreePlaces: 10 } },
      admin,
    );
    if (!created.data) throw new Error(JSON.stringify(created.errors));
    const id = created.data.createEdition.id;
    expect((await server.gql(RULES, { id }, admin)).data.pathwayRules).toEqual({ ...latest, editionId: id, version: 1 });
    const { rows } = await server.db.query(`SELECT details FROM audit_log WHERE action = 'PATHWAY_RULES_SET' AND entity_id = $1`, [id]);
    expect(rows).toEqual([{ details: { version: 1, carriedForwardFrom: previous } }]);

    // A learner with no enrolment follows the latest edition's rules: now 2028-2029's, which exist.
    const learner = await aLearner(server);
    const progress = await server.gql('query($id: ID!) { pathwayProgress(learnerId: $id) { eligible } }', { id: learner.id }, admin);
    expect(progress.errors).toBeUndefined();
    expect(progress.data.pathwayProgress.eligible).toBe(false);
  });
});
