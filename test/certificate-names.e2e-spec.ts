import { aLearner, anEnrolment, aPassingResult, RECORD_RESULT, UPM_STAFF } from './support/factories';
import { pdfText } from './support/pdf-text';
import { startTestServer, TestServer } from './support/test-server';

const SHARE = 'mutation($input: CreateShareLinkInput!) { createShareLink(input: $input) { token url } }';

/** Issue 14: a certificate prints every name as written, in the issuer's language and English. */
describe('certificates for every name', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  /** A learner of UPM (Spain) passes a module, shares the credential and downloads its certificate. */
  async function certificateOf(givenName: string, familyName: string) {
    const learner = await aLearner(server, { givenName, familyName, countryCode: 'LV' });
    const enrolmentId = await anEnrolment(server, learner.id, 'UPM-AIG-01');
    const issued = await server.gql(RECORD_RESULT, { input: aPassingResult(enrolmentId, { grade: '8.5' }) }, await server.login(UPM_STAFF));
    if (!issued.data?.recordResult) throw new Error(JSON.stringify(issued.errors));
    const shared = await server.gql(SHARE, { input: { credentialId: issued.data.recordResult.credential.id } }, learner.token);
    if (!shared.data?.createShareLink) throw new Error(JSON.stringify(shared.errors));
    const response = await fetch(`${server.url}/c/${shared.data.createShareLink.token}/certificate.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    return { url: shared.data.createShareLink.url as string, ...(await pdfText(Buffer.from(await response.arrayBuffer()))) };
  }

  it.each([
    ['Ieva', 'Bērziņa'],
    ['Jan', 'Łukasiewicz'],
    ['Eleni', 'Παπαδόπουλος'],
  ])('prints %s %s on a one-page certificate of a Spanish HEI, in Spanish and English', async (givenName, familyName) => {
    const { pages, lines, url } = await certificateOf(givenName, familyName);
    const text = lines.map((line) => line.text).join('\n');
    expect(pages).toBe(1);
    expect(text).toContain(familyName);
    expect(text).toContain(`${givenName} ${familyName}`);
    expect(text).toContain('Certificado · Certificate');
    expect(text).toContain('Se certifica que\nThis certifies that');
    expect(text).toMatch(/Calificación \/ Grade/);
    expect(text).toContain('8,5 (escala de 0 a 10, aprobado desde 5)');
    expect(text).toContain('8.5 (scale 0 to 10, pass 5)');
    expect(text).toMatch(/Fecha \/ Date/);
    expect(text).toContain('10 de noviembre de 2026');
    expect(text).toContain('10 November 2026');
    expect(text).toContain('Universidad Politécnica de Madrid (ES)');
    expect(text).toContain(url);
  });
});
