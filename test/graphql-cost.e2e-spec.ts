import { getIntrospectionQuery } from 'graphql';
import { MAX_QUERY_ALIASES, MAX_QUERY_COST } from '@magix/common';
import { ADMIN } from './support/factories';
import { startTestServer, TestServer } from './support/test-server';

/** `count` aliases of one field, as an attacker multiplies one cheap-looking query. */
const aliased = (count: number, field: string) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

describe('GraphQL cost limit', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('refuses 300 aliases of offerings(limit: 100) with QUERY_TOO_COSTLY and no data', async () => {
    const { status, data, errors } = await server.gql(aliased(300, 'offerings(limit: 100) { items { id code } }'));
    expect(status).toBe(400);
    expect(data).toBeUndefined();
    expect(errors?.[0].extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(errors?.[0].message).toMatch(/aliases/);
  });

  it('refuses, by cost, fewer aliases whose lists multiply past the limit', async () => {
    const field = 'offerings(limit: 100) { items { id code module { code title provider { name } prerequisites { code } } } }';
    const { status, data, errors } = await server.gql(aliased(MAX_QUERY_ALIASES, field));
    expect(status).toBe(400);
    expect(data).toBeUndefined();
    expect(errors?.[0].extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(errors?.[0].message).toContain(`the most allowed is ${MAX_QUERY_COST}`);
  });

  it('counts a limit given by a variable', async () => {
    const query = `query($n: Int!) { ${Array.from({ length: 20 }, (_, i) => `a${i}: offerings(limit: $n) { items { id code module { code } } }`).join(' ')} }`;
    expect((await server.gql(query, { n: 100 })).errors?.[0].extensions?.code).toBe('QUERY_TOO_COSTLY');
    const small = await server.gql(query, { n: 1 });
    expect(small.errors).toBeUndefined();
    expect(small.data.a0.items.length).toBeLessThanOrEqual(1);
  });

  it('refuses a fragment that multiplies itself without expanding it', async () => {
    const fragments = Array.from(
      { length: 30 },
      (_, i) => `fragment F${i} on Query { ${i === 29 ? '__typename' : `...F${i + 1} ...F${i + 1}`} }`,
    );
    const { data, errors } = await server.gql(`{ ...F0 } ${fragments.join(' ')}`);
    expect(data).toBeUndefined();
    expect(errors?.[0].extensions?.code).toBe('QUERY_TOO_COSTLY');
  });

  it('accepts the standard introspection query of graphql-js', async () => {
    const { status, data, errors } = await server.gql(getIntrospectionQuery());
    expect(errors).toBeUndefined();
    expect(status).toBe(200);
    expect(data.__schema.queryType.name).toBe('Query');
    expect(data.__schema.types.length).toBeGreaterThan(50);
  });

  it('refuses introspection nested past its own bounds', async () => {
    const lists = '__schema { types { fields { type { fields { type { fields { name } } } } } } }';
    const { data, errors } = await server.gql(`{ ${lists} }`);
    expect(data).toBeUndefined();
    expect(errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors?.[0].message).toMatch(/introspection/);
  });

  it('accepts the pages’ own queries: the learner’s credentials and the dashboard', async () => {
    const learner = await server.login('lucia.martin@madrid.example');
    const credentials = await server.gql(
      '{ myCredentials(limit: 100) { items { id kind state issuedAt json issuer { name countryCode } } } }',
      {},
      learner,
    );
    expect(credentials.errors).toBeUndefined();
    expect(credentials.data.myCredentials.items.length).toBeGreaterThan(0);
    const admin = await server.login(ADMIN);
    const page = await server.gql(
      '{ offerings(limit: 100) { totalCount items { id code module { code title ectsCredits provider { name countryCode } prerequisites { code } } } } }',
      {},
      admin,
    );
    expect(page.errors).toBeUndefined();
    expect(page.data.offerings.items.length).toBeGreaterThan(0);
  });
  it('answers a variable of the wrong type with BAD_USER_INPUT, not as a costly query', async () => {
    const query = 'query ($form: ParticipationForm, $n: Int) { modules(participationForm: $form, limit: $n) { items { code } } }';
    const wrongEnum = await server.gql(query, { form: 'BY_MAIL', n: 5 });
    expect(wrongEnum.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(wrongEnum.errors?.[0].message).toMatch(/BY_MAIL/);
    const wrongInt = await server.gql(query, { form: 'ONLINE', n: 'many' });
    expect(wrongInt.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // The same operation with valid variables is still priced and runs.
    const fine = await server.gql(query, { form: 'ONLINE', n: 5 });
    expect(fine.errors).toBeUndefined();
  });
});
