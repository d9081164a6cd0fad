import { heiFactsOf, ISSUER_LOGO_SIZE, issuerLogo, MODULE_BADGE_SIZE, moduleBadge, moduleBadgeFactsOf } from '@magix/badges';
import { decodePng } from '../libs/badges/src/testing/decode-png';
import { startTestServer, TestServer } from './support/test-server';

interface Hei {
  id: string;
  name: string;
  shortName: string;
  countryCode: string;
}

describe('badge images', () => {
  let server: TestServer;
  let upm: Hei;

  async function heiByShortName(shortName: string): Promise<Hei> {
    const { rows } = await server.db.query<Hei>(
      'SELECT id, name, short_name AS "shortName", country_code AS "countryCode" FROM organisation WHERE short_name = $1',
      [shortName],
    );
    return rows[0];
  }

  async function moduleFacts(code: string) {
    const { rows } = await server.db.query(
      `SELECT m.code, m.title, m.ects_credits::float AS "ectsCredits", m.eqf_level AS "eqfLevel",
              o.name, o.short_name AS "shortName", o.country_code AS "countryCode"
         FROM module m JOIN organisation o ON o.id = m.provider_id WHERE m.code = $1`,
      [code],
    );
    return moduleBadgeFactsOf(rows[0], rows[0]);
  }

  beforeAll(async () => {
    server = await startTestServer();
    upm = await heiByShortName('UPM');
  });
  afterAll(() => server?.close());

  it("serves a module's badge to anyone, as a cacheable PNG drawn from the catalogue", async () => {
    const response = await fetch(`${server.url}/badges/modules/UPM-AIG-01`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(response.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    const bytes = Buffer.from(await response.arrayBuffer());
    const png = decodePng(bytes);
    expect([png.width, png.height]).toEqual([MODULE_BADGE_SIZE, MODULE_BADGE_SIZE]);
    // The very picture the credential builders embed for the same facts.
    expect(bytes.equals(moduleBadge(await moduleFacts('UPM-AIG-01')).bytes)).toBe(true);

    const withExtension = Buffer.from(await (await fetch(`${server.url}/badges/modules/UPM-AIG-01.png`)).arrayBuffer());
    expect(withExtension.equals(bytes)).toBe(true);
    const other = Buffer.from(await (await fetch(`${server.url}/badges/modules/FAU-MLP-01`)).arrayBuffer());
    expect(decodePng(other).width).toBe(MODULE_BADGE_SIZE);
    expect(other.equals(bytes)).toBe(false);
  });

  it('answers a revalidation with 304 and no body', async () => {
    const first = await fetch(`${server.url}/badges/modules/UPM-AIG-01`);
    const etag = first.headers.get('etag')!;
    // As a browser revalidates (fetch() would otherwise add `cache-control: no-cache`, which asks for the full answer).
    const again = await fetch(`${server.url}/badges/modules/UPM-AIG-01`, {
      headers: { 'if-none-match': etag, 'cache-control': 'max-age=0' },
    });
    expect(again.status).toBe(304);
    expect((await again.arrayBuffer()).byteLength).toBe(0);
  });

  it("serves a HEI's logo by organisation id", async () => {
    const response = await fetch(`${server.url}/badges/issuers/${upm.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(decodePng(bytes).width).toBe(ISSUER_LOGO_SIZE);
    expect(bytes.equals(issuerLogo(heiFactsOf(upm)).bytes)).toBe(true);

    const polimi = await heiByShortName('POLIMI');
    const other = Buffer.from(await (await fetch(`${server.url}/badges/issuers/${polimi.id}.png`)).arrayBuffer());
    expect(other.equals(bytes)).toBe(false);
  });

  it('answers 404 in JSON for unknown modules and organisations, malformed ids and organisations that are not HEIs', async () => {
    const employer = await heiByShortName('MAD-CITY');
    for (const path of [
      '/badges/modules/NO-SUCH-MODULE',
      `/badges/issuers/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`,
      '/badges/issuers/not-a-uuid',
      `/badges/issuers/${employer.id}`,
    ]) {
      const response = await fetch(`${server.url}${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await response.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
  });

  it('changes nothing in the database', async () => {
    const before = await Promise.all(['module', 'organisation', 'audit_log'].map((table) => server.count(table)));
    await fetch(`${server.url}/badges/modules/POLIMI-DGT-01`);
    await fetch(`${server.url}/badges/issuers/${upm.id}`);
    expect(await Promise.all(['module', 'organisation', 'audit_log'].map((table) => server.count(table)))).toEqual(before);
  });
});
