import QRCode from 'qrcode';
import { startTestServer, TestServer } from './support/test-server';

const LUCIA = 'lucia.martin@madrid.example';
const IEVA = 'ieva.berzina@vid.example';
const CREATE = 'mutation($input: CreateShareLinkInput!) { createShareLink(input: $input) { id token url state expiresAt } }';
const REVOKE = 'mutation($id: ID!) { revokeShareLink(id: $id) { id state revokedAt } }';

describe('share links', () => {
  let server: TestServer;
  let lucia: string;
  let luciaCredential: { id: string; json: string };

  beforeAll(async () => {
    server = await startTestServer();
    lucia = await server.login(LUCIA);
    const { data } = await server.gql('{ myCredentials { items { id json } } }', {}, lucia);
    luciaCredential = data.myCredentials.items[0];
  });
  afterAll(() => server?.close());

  async function share(token: string, credentialId: string, expiresAt?: string) {
    return server.gql(CREATE, { input: { credentialId, ...(expiresAt ? { expiresAt } : {}) } }, token);
  }

  it('lets a learner share their own credential with an unguessable token, and audits it', async () => {
    const { data, errors } = await share(lucia, luciaCredential.id);
    expect(errors).toBeUndefined();
    expect(data.createShareLink.token).toMatch(/^[A-Za-z0-9_-]{32}$/); // 24 random bytes = 192 bits
    expect(data.createShareLink.url).toMatch(new RegExp(`/c/${data.createShareLink.token}$`));
    expect(data.createShareLink.state).toBe('ACTIVE');
    const audit = await server.db.query('SELECT action FROM audit_log WHERE entity_id = $1', [data.createShareLink.id]);
    expect(audit.rows).toEqual([{ action: 'SHARE_LINK_CREATED' }]);

    const response = await fetch(`${server.url}/c/${data.createShareLink.token}/credential.json`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(luciaCredential.json); // byte for byte as issued
  });

  it("refuses to share another learner's credential, and writes nothing", async () => {
    const ieva = await server.login(IEVA);
    const before = await server.count('share_link');
    const { data, errors } = await share(ieva, luciaCredential.id);
    expect(data).toBeNull();
    expect(errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await server.count('share_link')).toBe(before);
  });

  it('refuses staff, bad ids and expiry dates in the past', async () => {
    const staff = await server.login('registrar@upm.example');
    expect((await share(staff, luciaCredential.id)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const badId = await share(lucia, 'not-a-uuid');
    expect(badId.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.credentialId' });
    const past = await share(lucia, luciaCredential.id, '2020-01-01T00:00:00Z');
    expect(past.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expiresAt' });
  });

  it('answers 404 for an unknown link and 410 once the learner revokes it, as JSON and as a page', async () => {
    const unknown = await fetch(`${server.url}/c/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/credential.json`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'SHARE_LINK_NOT_FOUND' });
    const unknownPage = await fetch(`${server.url}/c/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`);
    expect(unknownPage.status).toBe(404);
    expect(await unknownPage.text()).toContain('Link not found');

    const { data } = await share(lucia, luciaCredential.id);
    const ieva = await server.login(IEVA);
    const stolen = await server.gql(REVOKE, { id: data.createShareLink.id }, ieva);
    expect(stolen.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const revoked = await server.gql(REVOKE, { id: data.createShareLink.id }, lucia);
    expect(revoked.data.revokeShareLink.state).toBe('REVOKED');
    const json = await fetch(`${server.url}/c/${data.createShareLink.token}/credential.json`);
    expect(json.status).toBe(410);
    expect(await json.json()).toMatchObject({ code: 'SHARE_LINK_REVOKED' });
    const page = await fetch(`${server.url}/c/${data.createShareLink.token}`);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('Link withdrawn');
    expect((await fetch(`${server.url}/c/${data.createShareLink.token}/certificate.pdf`)).status).toBe(410);
  });

  it('answers 410 for an expired link', async () => {
    const { data } = await share(lucia, luciaCredential.id, new Date(Date.now() + 60_000).toISOString());
    // Age the link in the database rather than wait for it.
    await server.db.query(
      "UPDATE share_link SET created_at = now() - interval '2 days', expires_at = now() - interval '1 day' WHERE id = $1",
      [data.createShareLink.id],
    );
    const response = await fetch(`${server.url}/c/${data.createShareLink.token}/qr.svg`);
    expect(response.status).toBe(410);
    expect(await response.json()).toMatchObject({ code: 'SHARE_LINK_EXPIRED' });
    const mine = await server.gql('{ myShareLinks { id state } }', {}, lucia);
    expect(mine.data.myShareLinks.find((l: { id: string }) => l.id === data.createShareLink.id).state).toBe('EXPIRED');
  });

  it('serves a QR code of the /c/ address and a one-page PDF certificate', async () => {
    const { data } = await share(lucia, luciaCredential.id);
    const { token, url } = data.createShareLink;

    const qr = await fetch(`${server.url}/c/${token}/qr.svg`);
    expect(qr.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    // The same generator with the same options gives the same modules: the code encodes exactly the URL.
    const expected = await QRCode.toString(url, {
      type: 'svg',
      errorCorrectionLevel: 'M',
      margin: 4,
      color: { dark: '#000000', light: '#ffffff' },
    });
    expect(await qr.text()).toBe(expected);
    expect(url).toMatch(/\/c\/[A-Za-z0-9_-]{32}$/);

    const pdf = await fetch(`${server.url}/c/${token}/certificate.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = bytes.toString('latin1');
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(text).toMatch(/\/Count 1\b/);
    expect(text).toContain(url); // the link annotation under the QR code
  });
});
