import { verify } from './support/credentials';
import { decideDegreeApplication, passModules } from './support/degree-admission';
import { ADMIN, aLearner, UPM_STAFF } from './support/factories';
import { freePort } from './support/free-port';
import { closeTheNetworkExceptLoopback } from './support/loopback-only-fetch';
import { pdfText } from './support/pdf-text';
import { Json, startTestServer, TestServer } from './support/test-server';
import { dccStep, dccVerify, obSchemaErrors, plainVcVerify } from './support/third-party-verifiers';

const TRANSLATIONS = 'translations { language title description }';
const SET = `mutation($input: SetProgrammeTranslationsInput!) { setProgrammeTranslations(input: $input) { code title ${TRANSLATIONS} } }`;
const ISSUE = 'mutation($id: ID!) { issueDegree(learnerId: $id) { credential { id json document } } }';
const SHARE = 'mutation($input: CreateShareLinkInput!) { createShareLink(input: $input) { token url } }';

const ENGLISH_TITLE = 'Joint Master in AI, Data and Digital Governance for the Public Sector';
/** What the test sets (unsorted, as an office might give them) and then finds in the degree. */
const RETRANSLATED = [
  {
    language: 'it',
    title: 'Master congiunto in intelligenza artificiale, dati e governance digitale per la PA',
    description: 'Il master congiunto di AI4Gov-X per chi lavora nella pubblica amministrazione, in moduli che si sommano fino al titolo.',
  },
  {
    language: 'es',
    title: 'Máster conjunto en inteligencia artificial, datos y gobernanza digital',
    description:
      'El máster conjunto de AI4Gov-X para el personal de las administraciones públicas, en módulos que se suman hasta el título.',
  },
  {
    language: 'et',
    title: 'Tehisintellekti, andmete ja digivalitsemise ühismagistriõpe',
    description: 'AI4Gov-X-i ühismagistriõpe avaliku halduse töötajatele, moodulitena, mis kokku annavad kraadi.',
  },
  {
    language: 'de',
    title: 'Gemeinsamer Master in künstlicher Intelligenz, Daten und digitaler Verwaltung',
    description:
      'Der gemeinsame Master von AI4Gov-X für Beschäftigte der öffentlichen Verwaltung, in Modulen, die sich zum Abschluss addieren.',
  },
];
const byLanguage = (list: Json[]) => [...list].sort((a, b) => a.language.localeCompare(b.language));

/**
 * The programme in several languages (issue 14): the office sets its title and description in
 * other languages, and the joint degree carries them as language-tagged values (as module
 * credentials do) that the OB 3.0 schema, DCC's verifier-core, plain @digitalbazaar/vc and MAGIX's
 * verifier all accept. Degrees issued before keep their documents and keep verifying.
 */
describe('programme translations, from the programme office to the signed degree', () => {
  let server: TestServer;
  let network: ReturnType<typeof closeTheNetworkExceptLoopback>;
  let admin: string;

  const programme = async (): Promise<Json> =>
    (await server.gql(`{ programme { code title description ${TRANSLATIONS} } }`)).data.programme;
  const snapshot = async () =>
    (
      await server.db.query(
        `SELECT (SELECT row_to_json(p)::text FROM programme p WHERE code = 'MAGIX') AS programme,
                (SELECT count(*) FROM audit_log WHERE action = 'PROGRAMME_TRANSLATED')::int AS audited`,
      )
    ).rows[0];

  /** An admitted degree student who passes the pathway's modules, each recorded by its HEI; then the office issues the degree. */
  async function aGraduate(givenName: string): Promise<Json> {
    const learner = await aLearner(server, { givenName, familyName: 'Tamm', countryCode: 'EE' });
    await decideDegreeApplication(server, learner, 'ACCEPTED');
    await passModules(server, learner.id);
    const issued = await server.gql(ISSUE, { id: learner.id }, admin);
    if (!issued.data?.issueDegree) throw new Error(JSON.stringify(issued.errors));
    return { ...issued.data.issueDegree.credential, learner };
  }

  beforeAll(async () => {
    const port = await freePort();
    server = await startTestServer({ PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` });
    network = closeTheNetworkExceptLoopback();
    admin = await server.login(ADMIN);
  });

  afterAll(async () => {
    network.restore();
    await server.close();
  });

  it('the demo programme comes in German, Spanish, Estonian and Italian, and the demo graduate’s degree carries them', async () => {
    const demo = await programme();
    expect(demo.title).toBe(ENGLISH_TITLE);
    expect(demo.translations.map((t: Json) => t.language)).toEqual(['de', 'es', 'et', 'it']);
    expect(demo.translations.find((t: Json) => t.language === 'es').title).toBe(
      'Máster conjunto en IA, datos y gobernanza digital para el sector público',
    );
    const { rows } = await server.db.query("SELECT document FROM credential WHERE kind = 'DEGREE' ORDER BY issued_at LIMIT 1");
    const achievement = JSON.parse(rows[0].document).credentialSubject.achievement;
    expect(achievement.localizedName.map((v: Json) => v['@language'])).toEqual(['en', 'de', 'es', 'et', 'it']);
  });

  it('refuses a tag that is not BCP 47, English, two of one language, an empty or blank title, or a caller not of the office, and changes nothing', async () => {
    const unchanged = await snapshot();
    const [spanish] = RETRANSLATED.filter((t) => t.language === 'es');
    for (const [translations, field] of [
      [[{ ...spanish, language: 'ES' }], 'language'],
      [[{ ...spanish, language: 'spanish!' }], 'language'],
      [[{ ...spanish, language: '' }], 'language'],
      [[{ ...spanish, language: 'en' }], 'input.translations'],
      [[{ ...spanish, language: 'en-GB' }], 'input.translations'],
      [[spanish, { ...spanish, title: 'Otro título' }], 'input.translations'],
      [[{ ...spanish, title: '' }], 'title'],
      [[{ ...spanish, title: '     ' }], 'title'],
      [[{ ...spanish, description: 'Corta' }], 'description'],
    ] as const) {
      const { data, errors } = await server.gql(SET, { input: { translations } }, admin);
      expect(data).toBeNull();
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: expect.stringContaining(field) });
    }
    const unknown = await server.gql(SET, { input: { programmeCode: 'NOPE', translations: RETRANSLATED } }, admin);
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    for (const caller of [await server.login(UPM_STAFF), (await aLearner(server)).token]) {
      const refused = await server.gql(SET, { input: { translations: RETRANSLATED } }, caller);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await snapshot()).toEqual(unchanged);
  });

  describe('set by the office, then issued', () => {
    let before: Json;
    let storedBefore: string;
    let degree: Json;

    beforeAll(async () => {
      // A degree of an English-only programme, as every degree issued before issue 14 was.
      const cleared = await server.gql(SET, { input: { translations: [] } }, admin);
      expect(cleared.data.setProgrammeTranslations.translations).toEqual([]);
      before = await aGraduate('Kadri');
      storedBefore = (await server.db.query('SELECT document FROM credential WHERE id = $1', [before.id])).rows[0].document;
    }, 120_000);

    it('an English-only programme’s degree has no localized terms of its own (its modules’ evidence keeps theirs)', () => {
      const doc = before.document;
      expect(doc.name).toBe(ENGLISH_TITLE);
      const terms = (o: Json) => Object.keys(o).filter((key) => key.startsWith('localized'));
      expect([terms(doc), terms(doc.credentialSubject.achievement)]).toEqual([[], []]);
    });

    it('replaces the translations, sorted by language, audited once; the same ones again change nothing', async () => {
      const audited = (await snapshot()).audited;
      const { data, errors } = await server.gql(SET, { input: { translations: RETRANSLATED } }, admin);
      expect(errors).toBeUndefined();
      expect(data.setProgrammeTranslations).toMatchObject({ code: 'MAGIX', title: ENGLISH_TITLE, translations: byLanguage(RETRANSLATED) });
      expect((await programme()).translations).toEqual(byLanguage(RETRANSLATED));
      const after = await snapshot();
      expect(after.audited).toBe(audited + 1);
      const again = await server.gql(SET, { input: { translations: [...RETRANSLATED].reverse() } }, admin);
      expect(again.data.setProgrammeTranslations.translations).toEqual(byLanguage(RETRANSLATED));
      expect(await snapshot()).toEqual(after);
      const { rows } = await server.db.query(
        "SELECT details FROM audit_log WHERE action = 'PROGRAMME_TRANSLATED' ORDER BY occurred_at DESC, id DESC LIMIT 1",
      );
      expect(rows[0].details).toMatchObject({ code: 'MAGIX', languages: ['de', 'es', 'et', 'it'], before: [] });
    });

    it('the degree issued next carries them as language-tagged values, beside the English strings OB 3.0 requires', async () => {
      degree = await aGraduate('Mari');
      const doc = degree.document;
      const achievement = doc.credentialSubject.achievement;
      expect(doc['@context'][2]).toBe(`${server.url}/contexts/magix/v3`);
      const names = [
        { '@value': ENGLISH_TITLE, '@language': 'en' },
        ...byLanguage(RETRANSLATED).map((t) => ({ '@value': t.title, '@language': t.language })),
      ];
      for (const where of [doc, achievement]) {
        expect(where.name).toBe(ENGLISH_TITLE);
        expect(where.localizedName).toEqual(names);
        expect(where.localizedDescription).toHaveLength(5);
        expect(where.localizedDescription).toContainEqual({ '@value': RETRANSLATED[3].description, '@language': 'de' });
        expect(where.localizedDescription[0]).toEqual({ '@value': where.description, '@language': 'en' });
      }
      expect(achievement.achievementType).toBe('MasterDegree');
      // The modules it stacks keep their own titles in every language (the demo's module translations).
      expect(doc.evidence[0].localizedName.map((v: Json) => v['@language'])).toEqual(['en', 'de', 'es', 'et', 'it']);
      expect(degree.json).toBe(JSON.stringify(doc));
    }, 120_000);

    it('validates against the OB 3.0 schema; DCC verifier-core, plain @digitalbazaar/vc and MAGIX verify it', async () => {
      const doc = degree.document;
      expect(obSchemaErrors(doc)).toEqual([]);
      network.requested.length = 0;
      const dcc = await dccVerify(doc);
      expect(dcc.errors).toBeUndefined();
      expect(dccStep(dcc, 'valid_signature')).toEqual({ id: 'valid_signature', valid: true });
      expect(network.requested).toContain(`${server.url}/contexts/magix/v3`);
      const plain = await plainVcVerify(doc);
      expect(plain.error).toBeUndefined();
      expect(plain.verified).toBe(true);
      expect((await verify(server, doc)).verdict).toBe('VALID');
      // A changed translation breaks the signature: the language-tagged texts are signed.
      for (const tamper of [
        (d: Json) => (d.credentialSubject.achievement.localizedName[2]['@value'] = 'Otro máster'),
        (d: Json) => (d.localizedDescription[1]['@language'] = 'fr'),
      ]) {
        const tampered = structuredClone(doc);
        tamper(tampered);
        expect((await verify(server, tampered)).verdict).not.toBe('VALID');
      }
    });

    it('the degree issued before keeps its document, byte for byte, and still verifies', async () => {
      const { rows } = await server.db.query('SELECT document FROM credential WHERE id = $1', [before.id]);
      expect(rows[0].document).toBe(storedBefore);
      expect((await verify(server, JSON.parse(storedBefore))).verdict).toBe('VALID');
    });

    it('its certificate gives the title in the issuer’s language (UPM: Spanish) and in English', async () => {
      const shared = await server.gql(SHARE, { input: { credentialId: degree.id } }, degree.learner.token);
      if (!shared.data?.createShareLink) throw new Error(JSON.stringify(shared.errors));
      const response = await fetch(`${server.url}/c/${shared.data.createShareLink.token}/certificate.pdf`);
      expect(response.status).toBe(200);
      const { pages, lines } = await pdfText(Buffer.from(await response.arrayBuffer()));
      // A long title wraps: read the page as one run of words.
      const text = lines.map((line) => line.text).join(' ');
      expect(pages).toBe(1);
      expect(text).toContain(RETRANSLATED.find((t) => t.language === 'es')!.title);
      expect(text).toContain(ENGLISH_TITLE);
      // The English-only degree prints its one title.
      const sharedBefore = await server.gql(SHARE, { input: { credentialId: before.id } }, before.learner.token);
      const old = await fetch(`${server.url}/c/${sharedBefore.data.createShareLink.token}/certificate.pdf`);
      const oldText = (await pdfText(Buffer.from(await old.arrayBuffer()))).lines.map((line) => line.text).join(' ');
      expect(oldText).toContain(ENGLISH_TITLE);
      expect(oldText).not.toContain('Máster');
    });
  });
});
