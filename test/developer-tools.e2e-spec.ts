import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildClientSchema, getIntrospectionQuery, IntrospectionQuery, lexicographicSortSchema, printSchema } from 'graphql';
import { FAU_STAFF, UPM_STAFF } from './support/factories';
import { Json, startTestServer, TestServer } from './support/test-server';

/** `modules { items { prerequisites { … code } } }`, `levels` selection sets deep: an ordinary query with a cycle to nest. */
const nestedModules = (levels: number) => `modules { items { ${'prerequisites { '.repeat(levels - 2)}code${' }'.repeat(levels - 2)} } }`;

/** What GraphiQL sends: getIntrospectionQuery with every option on. */
const GRAPHIQL_INTROSPECTION = getIntrospectionQuery({
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
  oneOf: true,
});

describe('tools that load: introspection, schema.graphql, the OpenAPI examples', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  describe('GraphQL introspection', () => {
    it.each([
      ['graphql-js getIntrospectionQuery()', getIntrospectionQuery()],
      ['GraphiQL’s, with every option', GRAPHIQL_INTROSPECTION],
    ])('answers %s with 200 and the schema', async (_name, query) => {
      const { status, data, errors } = await server.gql<IntrospectionQuery>(query);
      expect(errors).toBeUndefined();
      expect(status).toBe(200);
      const schema = buildClientSchema(data!);
      expect(Object.keys(schema.getQueryType()!.getFields())).toContain('verifyCredential');
    });

    it('still refuses an ordinary query 15 levels deep, with GRAPHQL_VALIDATION_FAILED and no data', async () => {
      expect((await server.gql(`{ ${nestedModules(4)} }`)).errors).toBeUndefined();
      const { status, data, errors } = await server.gql(`{ ${nestedModules(15)} }`);
      expect(status).toBe(400);
      expect(data).toBeUndefined();
      expect(errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(errors?.[0].message).toBe('The query is nested 15 levels deep; the most allowed is 8');
    });

    it('refuses the deep query when it comes beside or inside an introspection query', async () => {
      const smuggled = [
        GRAPHIQL_INTROSPECTION.replace('__schema {', `${nestedModules(15)} __schema {`),
        `{ __type(name: "Module") { name } ${nestedModules(15)} }`,
        `{ ...I ...D } fragment I on Query { __schema { types { name } } } fragment D on Query { ${nestedModules(15)} }`,
      ];
      for (const query of smuggled) {
        const { status, data, errors } = await server.gql(query);
        expect({ status, data, code: errors?.[0].extensions?.code, message: errors?.[0].message }).toEqual({
          status: 400,
          data: undefined,
          code: 'GRAPHQL_VALIDATION_FAILED',
          message: 'The query is nested 15 levels deep; the most allowed is 8',
        });
      }
      // Under __schema only introspection types exist: a data fragment there is no query at all.
      const inside = await server.gql(`{ __schema { queryType { ...M } } } fragment M on Module { code }`);
      expect(inside.status).toBe(400);
      expect(inside.data).toBeUndefined();
    });

    it('refuses __schema aliased to be answered many times over', async () => {
      const aliased = `{ ${Array.from({ length: 20 }, (_, i) => `s${i}: __schema { types { fields { args { name } } } }`).join(' ')} }`;
      const { status, data, errors } = await server.gql(aliased);
      expect(status).toBe(400);
      expect(data).toBeUndefined();
      expect(errors?.[0].message).toBe('The operation asks for __schema 20 times; the most allowed is 1');
    });

    it('serves the schema that schema.graphql at the repository root holds (else: npm run schema)', async () => {
      const { data } = await server.gql<IntrospectionQuery>(getIntrospectionQuery());
      const served = printSchema(lexicographicSortSchema(buildClientSchema(data!)));
      const committed = readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8');
      expect(committed.replace(/^#.*\n\n/, '').trim()).toBe(served.trim());
    });
  });

  describe('the OpenAPI document’s examples', () => {
    let document: Json;
    const exampleOf = (path: string, name: string) =>
      document.paths[path].post.requestBody.content['application/json'].examples[name].value;
    const call = async (method: string, path: string, body?: unknown, token?: string) => {
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Json };
    };

    beforeAll(async () => {
      document = (await call('GET', '/openapi.json')).body;
    });

    it('has request and answer examples for every POST', () => {
      const posts = Object.entries(document.paths as Record<string, Json>).filter(([, item]) => item.post);
      expect(posts.map(([path]) => path).sort()).toEqual([
        '/credentials/issue',
        '/credentials/status',
        '/credentials/verify',
        '/presentations/verify',
      ]);
      for (const [path, { post }] of posts) {
        const requests = Object.keys(post.requestBody.content['application/json'].examples ?? {});
        expect({ path, requested: requests.length > 0 }).toEqual({ path, requested: true });
        const answered = Object.values(post.responses as Record<string, Json>).filter((r) => r.content?.['application/json']?.examples);
        expect({ path, answered: answered.length > 0 }).toEqual({ path, answered: true });
      }
      // Error answers share one description; an example given for one must not appear on the others.
      const issue = document.paths['/credentials/issue'].post.responses;
      expect(issue[401].content['application/json'].examples.unauthenticated.value.code).toBe('UNAUTHENTICATED');
      expect(issue[403].content['application/json'].examples.forbidden.value.code).toBe('FORBIDDEN');
      expect(issue[413].content['application/json'].examples).toBeUndefined();
    });

    it('issues the Open Badges 3.0 example as pasted, as the HEI it names, and it verifies; the status example revokes it', async () => {
      const body = exampleOf('/credentials/issue', 'openBadge');
      const fau = await server.login(FAU_STAFF);
      const { data } = await server.gql('{ organisations(countryCode: "DE", kind: HEI) { items { issuerDid } } }');
      expect(body.credential.issuer.id).toBe(data.organisations.items[0].issuerDid);
      const issued = await call('POST', '/credentials/issue', body, fau);
      expect(issued.status).toBe(201);
      const credential = issued.body.verifiableCredential;
      expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
      const verified = await call('POST', '/credentials/verify', {
        ...exampleOf('/credentials/verify', 'issued'),
        verifiableCredential: credential,
      });
      expect(verified.status).toBe(200);
      expect(verified.body.verdict).toBe('VALID');
      const revoke = exampleOf('/credentials/status', 'revoke');
      const revoked = await call('POST', '/credentials/status', { ...revoke, credentialId: credential.id }, fau);
      expect(revoked.body).toEqual({ credentialId: credential.id, state: 'revoked' });
    });

    it('shows the error answers the server gives', async () => {
      const answers = document.paths['/credentials/issue'].post.responses;
      const example = (status: number) =>
        Object.values(answers[status].content['application/json'].examples as Record<string, Json>)[0].value;
      expect(await call('POST', '/credentials/issue', {})).toEqual({ status: 401, body: example(401) });
      expect(await call('POST', '/credentials/issue', {}, await server.login('lucia.martin@madrid.example'))).toEqual({
        status: 403,
        body: example(403),
      });
      expect(await call('POST', '/credentials/issue', {}, await server.login(FAU_STAFF))).toEqual({ status: 400, body: example(400) });
    });

    it('answers the verify example itself (its proof is shortened) with 422 and the reason, never a 5xx', async () => {
      const { status, body } = await call('POST', '/credentials/verify', exampleOf('/credentials/verify', 'issued'));
      expect(status).toBe(422);
      expect(body.results.find((r: Json) => r.name === 'PROOF').outcome).toBe('FAILED');
      const presentation = await call('POST', '/presentations/verify', exampleOf('/presentations/verify', 'presentation'));
      expect(presentation.status).toBe(422);
    });
  });

  it('serves the OpenAPI viewer at /api-docs under the strict CSP, every file from this server', async () => {
    const page = await fetch(`${server.url}/api-docs`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    const html = await page.text();
    // No inline script or style: every <script> has a src, and there is no <style> or style="".
    expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g)).toBeNull();
    expect(html).not.toMatch(/<style|\sstyle=/);
    const files = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((url) => url !== '/' && !url.startsWith('data:'));
    expect(files).toEqual(
      expect.arrayContaining(['/swagger-ui/swagger-ui.css', '/swagger-ui/swagger-ui-bundle.js', '/assets/api-docs-init.js']),
    );
    for (const file of files) {
      expect(file).toMatch(/^\//);
      expect({ file, status: (await fetch(`${server.url}${file}`)).status }).toEqual({ file, status: 200 });
    }
  });

  describe('GET /credentials/{id}', () => {
    it('takes the credential’s own urn:uuid id, URL-encoded or not, and the bare UUID, with a token that may read it', async () => {
      const upm = await server.login(UPM_STAFF);
      const { data } = await server.gql('{ issuedCredentials(limit: 1) { items { id document } } }', {}, upm);
      const [{ id, document: json }] = data.issuedCredentials.items;
      expect(json.id).toBe(`urn:uuid:${id}`);
      const get = async (path: string, token?: string) => {
        const response = await fetch(`${server.url}/credentials/${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
        return { status: response.status, body: (await response.json()) as Json };
      };
      for (const path of [encodeURIComponent(json.id), json.id, id, json.id.toUpperCase().replace('URN:UUID:', 'urn:uuid:')]) {
        const answer = await get(path, upm);
        expect({ path, status: answer.status, id: answer.body.id }).toEqual({ path, status: 200, id: json.id });
      }
      expect((await get(encodeURIComponent(json.id))).status).toBe(401);
      expect((await get(encodeURIComponent(json.id), await server.login(FAU_STAFF))).status).toBe(404);
      // A credential the HEI submitted with its own urn:uuid id keeps it, and is found by it.
      const own = `urn:uuid:${randomUUID()}`;
      const submitted = await fetch(`${server.url}/credentials/issue`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${upm}` },
        body: JSON.stringify({ credential: { ...json, id: own, proof: undefined, credentialStatus: undefined } }),
      });
      expect(submitted.status).toBe(201);
      expect((await get(encodeURIComponent(own), upm)).body.id).toBe(own);
      expect((await get(`urn:uuid:${randomUUID()}`, upm)).status).toBe(404);
      const bad = await get('urn:uuid:not-a-uuid', upm);
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('BAD_USER_INPUT');
    });
  });
});
