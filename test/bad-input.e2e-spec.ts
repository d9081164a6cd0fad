import { ADMIN, aLearner, anEnrolment, aPassingResult, RECORD_RESULT, UPM_STAFF } from './support/factories';
import { startTestServer, TestServer } from './support/test-server';

describe('bad input gets a typed error and changes nothing', () => {
  let server: TestServer;
  let staff: string;
  let enrolmentId: string;

  beforeAll(async () => {
    server = await startTestServer();
    staff = await server.login(UPM_STAFF);
    enrolmentId = await anEnrolment(server, (await aLearner(server)).id);
  });

  afterAll(() => server.close());

  const tables = ['assessment_result', 'credential', 'audit_log', 'enrolment'];
  const snapshot = async () => {
    const counts: number[] = [];
    for (const table of tables) counts.push(await server.count(table));
    return counts;
  };

  it.each([
    ['an empty grade', { grade: '' }, 'grade'],
    ['a grade outside the HEI’s scale', { grade: '11' }, 'grade'],
    ['a pass the scale says is a fail', { grade: '3.0', passed: true }, 'passed'],
    ['a date that is not a date', { assessedOn: '10/11/2026' }, 'assessedOn'],
    ['a date in the future', { assessedOn: '2099-01-01' }, 'assessedOn'],
    ['a date before the offering', { assessedOn: '2026-01-01' }, 'assessedOn'],
    ['more credits than the module has', { creditsAwarded: 60 }, 'creditsAwarded'],
    ['negative credits', { creditsAwarded: -1 }, 'creditsAwarded'],
    ['an enrolment id that is not a UUID', { enrolmentId: 'abc' }, 'enrolmentId'],
  ])('refuses a result with %s, naming the field', async (_what, change, field) => {
    const before = await snapshot();
    const { data, errors } = await server.gql(RECORD_RESULT, { input: aPassingResult(enrolmentId, change) }, staff);
    expect(data ?? null).toBeNull(); // absent when refused before execution (a non-UUID id)
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0].extensions?.field ?? errors?.[0].message).toContain(field);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a result for an enrolment that does not exist', async () => {
    const { errors } = await server.gql(RECORD_RESULT, { input: aPassingResult('6f1c1b1e-0000-4000-8000-000000000000') }, staff);
    expect(errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses a module with an EQF level out of range, naming the field', async () => {
    const admin = await server.login(ADMIN);
    const { data: orgs } = await server.gql('{ organisations(kind: HEI, countryCode: "ES") { items { id } } }');
    const before = await server.count('module');
    const { errors } = await server.gql(
      'mutation($input: CreateModuleInput!) { createModule(input: $input) { id } }',
      {
        input: {
          code: 'UPM-BAD-01',
          providerId: orgs.organisations.items[0].id,
          title: 'Bad module',
          description: 'A module with a bad level.',
          learningOutcomes: ['x outcome'],
          ectsCredits: 6,
          eqfLevel: 11,
          workloadHours: 150,
          language: 'en',
          assessmentType: 'Exam',
          participationForm: 'ONLINE',
          qualityAssurance: 'ANECA',
        },
      },
      admin,
    );
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'eqfLevel' });
    expect(await server.count('module')).toBe(before);
  });

  it('answers a wrong password with UNAUTHENTICATED, the same as an unknown account', async () => {
    const login = 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }';
    const wrong = await server.gql(login, { input: { email: UPM_STAFF, password: 'not-the-password' } });
    const unknown = await server.gql(login, { input: { email: 'nobody@nowhere.example', password: 'not-the-password' } });
    expect(wrong.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0].message).toBe(wrong.errors?.[0].message);
  });

  it('answers a malformed query with GRAPHQL_PARSE_FAILED', async () => {
    const { status, errors } = await server.gql('{ modules { totalCount ');
    expect(status).toBe(400);
    expect(errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('refuses a query nested too deep', async () => {
    const deep =
      '{ enrolments { items { offering { module { provider { id } prerequisites { prerequisites { prerequisites { prerequisites { prerequisites { code } } } } } } } } } }';
    const { errors } = await server.gql(deep, {}, staff);
    expect(errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors?.[0].message).toMatch(/nested/);
  });

  it('answers a body that is not JSON with a 400 and a JSON error', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(expect.objectContaining({ code: 'BAD_REQUEST' }));
  });

  it('refuses page sizes over the limit', async () => {
    const { errors } = await server.gql('{ modules(limit: 1000) { totalCount } }');
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
  });
});
