import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  buildClientSchema,
  GraphQLField,
  GraphQLSchema,
  isInputObjectType,
  IntrospectionQuery,
} from 'graphql';
import { ADMIN, aLearner } from './support/factories';
import { startTestServer, TestServer } from './support/test-server';
import { launchBrowser } from './browser/browser';

const NOT_A_UUID = 'not-a-uuid';

/** What every answer must carry, whatever route or status. */
function expectHardened(headers: Headers, path: string): void {
  const csp = headers.get('content-security-policy') ?? '';
  const directive = (name: string) =>
    csp
      .split(';')
      .find((part) => part.trim().startsWith(`${name} `))
      ?.trim() ?? '';
  expect({ path, scriptSrc: directive('script-src') }).toEqual({ path, scriptSrc: "script-src 'self'" });
  expect(directive('frame-ancestors')).toBe("frame-ancestors 'none'");
  expect(directive('object-src')).toBe("object-src 'none'");
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('referrer-policy')).toBe('no-referrer');
  expect(headers.get('x-powered-by')).toBeNull();
  // This server speaks plain HTTP: HSTS would be meaningless here.
  expect(headers.get('strict-transport-security')).toBeNull();
}

describe('HTTP hardening: headers, the self-hosted IDE, CORS, bodies and ids', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.login(ADMIN);
  });
  afterAll(() => server.close());

  it.each(['/', '/learner', '/verify', '/dashboard', '/assets/verify.js', '/health', '/trust-registry', '/openapi.json', '/no-such-page'])(
    'answers %s with a strict CSP, no framing, nosniff, no referrer and no X-Powered-By',
    async (path) => {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(path === '/no-such-page' ? 404 : 200);
      expectHardened(response.headers, path);
    },
  );

  it('hardens GraphQL answers and errors too', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(200);
    expectHardened(response.headers, 'POST /graphql');
  });

  it('serves GraphiQL at /graphql to browsers, every file from this server, no other origin named', async () => {
    const page = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-');
    const html = await page.text();
    expect(html).toContain('id="graphiql"');
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(assets).toEqual(
      expect.arrayContaining([
        '/graphiql/graphiql.min.js',
        '/graphiql/graphiql.min.css',
        '/graphiql/react.production.min.js',
        '/graphiql/react-dom.production.min.js',
      ]),
    );
    for (const asset of assets) {
      expect(asset).toMatch(/^\/[^/]/);
      const response = await fetch(`${server.url}${asset}`);
      expect({ asset, status: response.status }).toEqual({ asset, status: 200 });
      expect(response.headers.get('content-type')).toMatch(asset.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
    }
    // An API client asking for JSON still reaches Apollo.
    const api = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(await api.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('runs GraphiQL in Chromium under its CSP, with no request to another origin', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.page();
      const foreign: string[] = [];
      const violations: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith(server.url) && !request.url().startsWith('data:')) foreign.push(request.url());
      });
      page.on('console', (message) => {
        if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
      });
      const introspected = page.waitForResponse(
        (response) => response.url() === `${server.url}/graphql` && response.request().method() === 'POST',
      );
      await page.goto(`${server.url}/graphql`);
      // GraphiQL rendered its editors and fetched the schema from our endpoint.
      await page.waitForSelector('.graphiql-container .graphiql-query-editor .CodeMirror', { timeout: 20_000 });
      expect((await introspected).status()).toBe(200);
      expect(foreign).toEqual([]);
      expect(violations).toEqual([]);
      await page.close();
    } finally {
      await browser.close();
    }
  });

  describe('CORS', () => {
    const preflight = (path: string, method = 'POST') =>
      fetch(`${server.url}${path}`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://verifier.example',
          'access-control-request-method': method,
          'access-control-request-headers': 'content-type',
        },
      });

    it.each(['/credentials/verify', '/presentations/verify'])('allows any origin to POST %s, without credentials', async (path) => {
      const answer = await preflight(path);
      expect(answer.status).toBe(204);
      expect(answer.headers.get('access-control-allow-origin')).toBe('*');
      expect(answer.headers.get('access-control-allow-methods')).toContain('POST');
      expect(answer.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
      expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
      const post = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { origin: 'https://verifier.example', 'content-type': 'application/json' },
        body: JSON.stringify({}),
      });
      expect(post.status).toBeLessThan(500);
      expect(post.headers.get('access-control-allow-origin')).toBe('*');
    });

    it('opens the public documents: trust registry, contexts, status lists, badges', async () => {
      const { rows } = await server.db.query<{ id: string }>('SELECT id FROM status_list LIMIT 1');
      const { data } = await server.gql('{ organisations(kind: HEI) { items { id } } modules(limit: 1) { items { code } } }');
      const paths = [
        '/trust-registry',
        '/.well-known/magix-trust-registry.json',
        // Every version a credential may name: v3 now, v2 and v1 for those issued before.
        '/contexts/magix/v3',
        '/contexts/magix/v2',
        '/contexts/magix/v1',
        `/status-lists/${rows[0].id}`,
        `/badges/modules/${data.modules.items[0].code}`,
        `/badges/issuers/${data.organisations.items[0].id}`,
      ];
      for (const path of paths) {
        const response = await fetch(`${server.url}${path}`, { headers: { origin: 'https://wallet.example' } });
        expect({ path, status: response.status, cors: response.headers.get('access-control-allow-origin') }).toEqual({
          path,
          status: 200,
          cors: '*',
        });
        expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
        // A wallet that sends its own Accept header asks first.
        const asked = await preflight(path, 'GET');
        expect({ path, status: asked.status, methods: asked.headers.get('access-control-allow-methods') }).toEqual({
          path,
          status: 204,
          methods: 'GET, HEAD',
        });
      }
    });

    it('keeps GraphQL and the pages same-origin: no CORS headers at all', async () => {
      const answer = await preflight('/graphql');
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
      expect(answer.headers.get('access-control-allow-methods')).toBeNull();
      const post = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(post.headers.get('access-control-allow-origin')).toBeNull();
      for (const path of ['/learner', '/health', '/credentials/issue']) {
        const response = await preflight(path);
        expect({ path, cors: response.headers.get('access-control-allow-origin') }).toEqual({ path, cors: null });
      }
    });
  });

  describe('bodies', () => {
    it.each(['/graphql', '/credentials/verify'])('answers a 2 MB JSON body to %s with 413 in JSON', async (path) => {
      const response = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }', padding: 'x'.repeat(2 * 1024 * 1024) }),
      });
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    });

    it.each(['/graphql', '/credentials/verify', '/presentations/verify'])('answers malformed JSON to %s with 400 in JSON', async (path) => {
      const response = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query": ',
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'BAD_REQUEST' });
    });
  });

  describe('ids that are not UUIDs', () => {
    let schema: GraphQLSchema;
    let logged: string[];
    const writes: Array<jest.SpyInstance> = [];

    beforeAll(async () => {
      const { data } = await server.gql<IntrospectionQuery>(getIntrospectionQuery());
      schema = buildClientSchema(data!);
    });
    beforeEach(() => {
      logged = [];
      for (const stream of [process.stdout, process.stderr]) {
        const original = stream.write.bind(stream);
        writes.push(
          jest.spyOn(stream, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: never[]) => {
            logged.push(String(chunk));
            return original(chunk, ...rest);
          }) as typeof stream.write),
        );
      }
    });
    afterEach(() => writes.splice(0).forEach((spy) => spy.mockRestore()));

    /** Every argument of every query and mutation that is an ID, or an input with an ID field. */
    function idTakingOperations(): Array<{
      operation: string;
      kind: 'query' | 'mutation';
      field: GraphQLField<unknown, unknown>;
      arg: string;
      value: unknown;
      path: string;
    }> {
      const cases = [];
      for (const kind of ['query', 'mutation'] as const) {
        const root = kind === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
        for (const field of Object.values(root.getFields())) {
          for (const arg of field.args) {
            const named = getNamedType(arg.type);
            if (named.name === 'ID') cases.push({ operation: field.name, kind, field, arg: arg.name, value: NOT_A_UUID, path: arg.name });
            if (isInputObjectType(named)) {
              for (const inner of Object.values(named.getFields())) {
                if (getNamedType(inner.type).name !== 'ID') continue;
                const list = getNullableType(inner.type).toString().startsWith('[');
                cases.push({
                  operation: field.name,
                  kind,
                  field,
                  arg: arg.name,
                  value: { [inner.name]: list ? [NOT_A_UUID] : NOT_A_UUID },
                  path: `${arg.name}.${inner.name}`,
                });
              }
            }
          }
        }
      }
      return cases;
    }

    it('finds the id-taking operations in the schema', () => {
      const operations = new Set(idTakingOperations().map((c) => c.operation));
      // The ones that answered INTERNAL_SERVER_ERROR before, among others.
      for (const name of [
        'application',
        'closeReviewBatch',
        'acceptOffer',
        'rotateSigningKey',
        'pathwayRules',
        'pathwayProgress',
        'importJob',
        'programmeTargets',
        'offerings',
        'enrolments',
        'recordResult',
        'enrol',
      ]) {
        expect(operations).toContain(name);
      }
    });

    it('refuses a non-UUID in every ID argument with BAD_USER_INPUT naming it, and logs nothing as an error', async () => {
      const answers = [];
      for (const c of idTakingOperations()) {
        const argType = c.field.args.find((a) => a.name === c.arg)!.type.toString();
        const query = `${c.kind}($v: ${argType}) { ${c.field.name}(${c.arg}: $v) ${selectionFor(c.field)} }`;
        const { status, data, errors } = await server.gql(query, { v: c.value }, admin);
        answers.push({
          operation: `${c.operation}(${c.path})`,
          status,
          data: data ?? null,
          code: errors?.[0].extensions?.code,
          field: errors?.[0].extensions?.field,
        });
      }
      expect(answers.length).toBeGreaterThan(25);
      for (const answer of answers) {
        expect(answer).toEqual({
          operation: answer.operation,
          status: 400,
          data: null,
          code: 'BAD_USER_INPUT',
          field: answer.operation.replace(/^\w+\((.*)\)$/, '$1'),
        });
      }
      expect(logged.join('')).not.toMatch(/ERROR|invalid input syntax|QueryFailedError/);
    });

    it('still accepts a well-formed UUID (an absent application is NOT_FOUND)', async () => {
      const { errors } = await server.gql(
        'query($id: ID!) { application(id: $id) { id } }',
        { id: '6f1c1b1e-0000-4000-8000-000000000000' },
        admin,
      );
      expect(errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });

    it.each([
      ['GET', `/credentials/${NOT_A_UUID}`],
      ['GET', `/applications/${NOT_A_UUID}/cv`],
      ['POST', `/applications/${NOT_A_UUID}/cv`],
    ])('refuses %s %s with 400 BAD_USER_INPUT', async (method, path) => {
      const token = method === 'POST' ? (await aLearner(server)).token : admin;
      const response = await fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
      expect(logged.join('')).not.toMatch(/ERROR|invalid input syntax/);
    });

    it.each([`/status-lists/${NOT_A_UUID}`, `/badges/issuers/${NOT_A_UUID}`])('answers %s with 404, not a server error', async (path) => {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ code: 'NOT_FOUND' });
    });
  });
});

/** The smallest selection a field's type takes: `{ __typename }` for objects, nothing for scalars. */
function selectionFor(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  return 'getFields' in named || 'getTypes' in named ? '{ __typename }' : '';
}

describe('HSTS under TLS', () => {
  let server: TestServer;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'magix-tls-'));
    const [cert, key] = [join(dir, 'cert.pem'), join(dir, 'key.pem')];
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      {
        stdio: 'ignore',
      },
    );
    server = await startTestServer({ TLS_CERT_FILE: cert, TLS_KEY_FILE: key, SEED_DEMO: 'false' });
  });
  afterAll(() => server.close());

  it('sends Strict-Transport-Security when the server itself speaks TLS', async () => {
    const headers = await new Promise<Record<string, unknown>>((resolve, reject) => {
      const request = httpsRequest(`${server.url}/health`, { rejectUnauthorized: false }, (response) => {
        response.resume();
        resolve(response.headers);
      });
      request.on('error', reject);
      request.end();
    });
    expect(server.url).toMatch(/^https:/);
    expect(headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
    expect(headers['content-security-policy']).toContain('upgrade-insecure-requests');
    expect(headers['x-powered-by']).toBeUndefined();
  });
});
