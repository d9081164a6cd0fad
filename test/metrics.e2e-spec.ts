import { aLearner, anEnrolment, aPassingResult, RECORD_RESULT, UPM_STAFF } from './support/factories';
import { startTestServer, TestServer } from './support/test-server';

/** One sample of Prometheus's text format, by name and labels (0 when the series is absent). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  let total = 0;
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = (match[2] ?? '').split(',');
    if (wanted.every((pair) => present.includes(pair))) total += Number(match[3]);
  }
  return total;
}

/** GET /metrics: the server's own figures and the database's, after the work they count. */
describe('GET /metrics', () => {
  let server: TestServer;
  const scrape = async () => {
    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text();
  };

  beforeAll(async () => {
    server = await startTestServer();
  }, 120_000);
  afterAll(() => server.close());

  it('counts credentials issued and revoked, verifications by verdict and requests by route', async () => {
    const before = await scrape();
    expect(sample(before, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(sample(before, 'magix_jobs', { queue: 'results-import', state: 'failed' })).toBe(0);

    const learner = await aLearner(server);
    const enrolmentId = await anEnrolment(server, learner.id);
    const staff = await server.login(UPM_STAFF);
    const recorded = await server.gql(RECORD_RESULT, { input: aPassingResult(enrolmentId) }, staff);
    const credential = recorded.data.recordResult.credential;
    const verify = 'query($c: JSON!) { verifyCredential(credential: $c) { verdict } }';
    expect((await server.gql(verify, { c: JSON.parse(credential.json) })).data.verifyCredential.verdict).toBe('VALID');
    const revoke = 'mutation($input: CredentialStatusInput!) { revokeCredential(input: $input) { id } }';
    expect((await server.gql(revoke, { input: { id: credential.id, reason: 'issued in error' } }, staff)).errors).toBeUndefined();
    expect((await server.gql(verify, { c: JSON.parse(credential.json) })).data.verifyCredential.verdict).toBe('REVOKED');

    const after = await scrape();
    const moved = (name: string, labels: Record<string, string> = {}) => sample(after, name, labels) - sample(before, name, labels);
    expect(moved('magix_credentials_issued_total', { kind: 'MODULE' })).toBe(1);
    expect(moved('magix_credentials_revoked_total', { kind: 'MODULE' })).toBe(1);
    expect(moved('magix_verifications_total', { verdict: 'VALID' })).toBe(1);
    expect(moved('magix_verifications_total', { verdict: 'REVOKED' })).toBe(1);
    // The issuance job of the passing result, and the scrape before (a route template, not a URL).
    expect(moved('magix_http_request_duration_seconds_count', { method: 'POST', route: '/graphql', status: '200' })).toBeGreaterThanOrEqual(
      7,
    );
    expect(moved('magix_http_request_duration_seconds_count', { method: 'GET', route: '/metrics', status: '200' })).toBe(1);
    // The database's figures are the database's: the same as a count of the table.
    expect(sample(after, 'magix_credentials_issued_total')).toBe(await server.count('credential'));
  });

  it('answers a request that came through a proxy 403, and a share link is counted by its route, not its token', async () => {
    const proxied = await fetch(`${server.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.7' } });
    expect(proxied.status).toBe(403);
    expect(await proxied.json()).toMatchObject({ code: 'FORBIDDEN' });
    await fetch(`${server.url}/c/not-a-real-token-0123456789`);
    const text = await scrape();
    expect(text).not.toContain('not-a-real-token');
    expect(sample(text, 'magix_http_request_duration_seconds_count', { method: 'GET', route: '/c/:token', status: '404' })).toBe(1);
  });
});
