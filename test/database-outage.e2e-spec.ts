import { Client } from 'pg';
import { anIssuedCredential, VERIFY } from './support/credentials';
import { ADMIN } from './support/factories';
import { startTestServer, TestServer } from './support/test-server';

/**
 * The suite's own database goes away under a running server, as a crashed or restarted
 * PostgreSQL would: new connections are refused and the open ones are terminated (57P01).
 */
describe('a database outage', () => {
  let server: TestServer;
  let admin: Client;
  let database: string;
  let credential: { json: string; id: string };
  let staff: string;
  let logged: string[];
  const spies: jest.SpyInstance[] = [];

  const health = () => fetch(`${server.url}/health`);
  const verifyRest = (document: unknown) =>
    fetch(`${server.url}/credentials/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ verifiableCredential: document }),
    });

  async function setConnections(allowed: boolean): Promise<void> {
    await admin.query(`ALTER DATABASE ${database} WITH ALLOW_CONNECTIONS ${allowed}`);
    if (!allowed)
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [
        database,
      ]);
  }

  beforeAll(async () => {
    server = await startTestServer();
    database = new URL(server.databaseUrl).pathname.slice(1);
    admin = new Client({ connectionString: process.env.MAGIX_TEST_ADMIN_URL });
    await admin.connect();
    staff = await server.login(ADMIN);
    ({ credential } = await anIssuedCredential(server));
    // The suite's own client is terminated with the rest; without a listener its error would crash jest.
    server.db.on('error', () => undefined);
    expect((await health()).status).toBe(200);
    expect((await verifyRest(JSON.parse(credential.json))).status).toBe(200);

    logged = [];
    for (const stream of [process.stdout, process.stderr]) {
      const original = stream.write.bind(stream);
      spies.push(
        jest.spyOn(stream, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: never[]) => {
          logged.push(String(chunk));
          return original(chunk, ...rest);
        }) as typeof stream.write),
      );
    }
    await setConnections(false);
  });

  afterAll(async () => {
    spies.forEach((spy) => spy.mockRestore());
    await setConnections(true);
    await admin.end();
    await server.close();
  });

  it('makes /health answer 503 in JSON', async () => {
    const response = await health();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  });

  it('answers GraphQL with SERVICE_UNAVAILABLE and HTTP 503', async () => {
    const { status, data, errors } = await server.gql('{ modules(limit: 5) { totalCount items { code } } }');
    expect(errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(data ?? null).toBeNull();
    expect(status).toBe(503);
  });

  it('answers an authenticated REST call with 503 SERVICE_UNAVAILABLE', async () => {
    const response = await fetch(`${server.url}/credentials/${credential.id}`, { headers: { authorization: `Bearer ${staff}` } });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  });

  it('answers a genuine credential with 503, never a verdict that it is invalid', async () => {
    const response = await verifyRest(JSON.parse(credential.json));
    const body = await response.json();
    expect(body).not.toMatchObject({ verified: false });
    expect(response.status).toBe(503);
    expect(body).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    const viaGraphQL = await server.gql(VERIFY, { credential: JSON.parse(credential.json) });
    expect(viaGraphQL.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
  });

  it('logs no SQL and no query parameters', () => {
    const log = logged.join('');
    expect(log).not.toMatch(/PARAMETERS|SELECT |INSERT |UPDATE /);
    expect(log).not.toContain(credential.id);
  });

  it('recovers by itself once the database is back', async () => {
    await setConnections(true);
    // The pool reconnects on demand: the first calls after the restart already succeed.
    let healthy = 0;
    for (let attempt = 0; attempt < 50 && healthy !== 200; attempt++) {
      healthy = (await health()).status;
      if (healthy !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(healthy).toBe(200);
    const { data, errors } = await server.gql('{ modules(limit: 5) { totalCount } }');
    expect(errors).toBeUndefined();
    expect(data.modules.totalCount).toBeGreaterThan(0);
    expect((await verifyRest(JSON.parse(credential.json))).status).toBe(200);
  });
});
