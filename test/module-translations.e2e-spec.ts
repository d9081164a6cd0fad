import { verify } from './support/credentials';
import { aLearner, anEnrolment, aPassingResult, RECORD_RESULT, UPM_STAFF } from './support/factories';
import { freePort } from './support/free-port';
import { closeTheNetworkExceptLoopback } from './support/loopback-only-fetch';
import { Json, startTestServer, TestServer } from './support/test-server';
import { dccStep, dccVerify, obSchemaErrors, plainVcVerify } from './support/third-party-verifiers';

const TEXTS = 'language title description learningOutcomes';
const MODULE = `id code version learningOutcomes translations { ${TEXTS} } versions { version ectsCredits translations { ${TEXTS} } }`;
const UPDATE = `mutation($input: UpdateModuleInput!) { updateModule(input: $input) { ${MODULE} } }`;
const CREATE_OFFERING = 'mutation($input: CreateOfferingInput!) { createOffering(input: $input) { id moduleVersion { version } } }';

const translation = (language: string, title: string, description: string, learningOutcomes: string[]) => ({
  language,
  title,
  description,
  learningOutcomes,
});
/** UPM-AIG-01 retranslated: what the test sets and then finds in the credential. */
const RETRANSLATED = [
  translation(
    'it',
    'Intelligenza artificiale e governance pubblica',
    'Come l’intelligenza artificiale cambia le decisioni pubbliche e come governarla.',
    ['Valutare un caso d’uso dell’IA alla luce dei valori pubblici', 'Definire la governance di un sistema di IA'],
  ),
  translation(
    'es',
    'Inteligencia artificial y gobernanza pública',
    'Cómo la inteligencia artificial cambia las decisiones públicas y cómo gobernarla.',
    ['Valorar un caso de uso de IA a la luz de los valores públicos', 'Definir la gobernanza de un sistema de IA'],
  ),
  translation('et', 'Tehisintellekt ja avalik valitsemine', 'Kuidas tehisintellekt muudab avalikke otsuseid ja kuidas seda juhtida.', [
    'Hinnata tehisintellekti kasutusjuhtu avalike väärtuste valguses',
    'Määrata tehisintellektisüsteemi juhtimiskord',
  ]),
  translation(
    'de',
    'Künstliche Intelligenz und öffentliche Governance',
    'Wie künstliche Intelligenz öffentliche Entscheidungen verändert und wie man sie steuert.',
    ['Einen KI-Anwendungsfall anhand öffentlicher Werte beurteilen', 'Die Governance eines KI-Systems festlegen'],
  ),
];
const byLanguage = (list: Json[]) => [...list].sort((a, b) => a.language.localeCompare(b.language));

/**
 * Modules in several languages (issue 14): staff set translations, they are versioned with the
 * module, and the credential carries them as language-tagged values that the OB 3.0 schema, DCC's
 * verifier-core, plain @digitalbazaar/vc and MAGIX's verifier all accept.
 */
describe('module translations, from the catalogue to the signed credential', () => {
  let server: TestServer;
  let network: ReturnType<typeof closeTheNetworkExceptLoopback>;
  let upm: string;
  let editionId: string;

  const moduleNamed = async (code: string): Promise<Json> => {
    const { data, errors } = await server.gql(`query($code: String!) { module(code: $code) { ${MODULE} } }`, { code });
    if (!data?.module) throw new Error(JSON.stringify(errors));
    return data.module;
  };
  const snapshot = async (moduleId: string) =>
    (
      await server.db.query(
        `SELECT (SELECT row_to_json(m)::text FROM module m WHERE m.id = $1) AS module,
                (SELECT count(*) FROM module_version WHERE module_id = $1)::int AS versions`,
        [moduleId],
      )
    ).rows[0];
  const passedIn = async (offeringId: string) => {
    const learner = await aLearner(server);
    const enrolled = await server.gql(
      'mutation($input: EnrolInput!) { enrol(input: $input) { id } }',
      { input: { learnerId: learner.id, offeringId } },
      upm,
    );
    const { data, errors } = await server.gql(RECORD_RESULT, { input: aPassingResult(enrolled.data.enrol.id, { grade: '8.5' }) }, upm);
    if (!data?.recordResult?.credential) throw new Error(JSON.stringify(errors));
    return data.recordResult.credential;
  };

  beforeAll(async () => {
    const port = await freePort();
    server = await startTestServer({ PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` });
    network = closeTheNetworkExceptLoopback();
    upm = await server.login(UPM_STAFF);
    const { data } = await server.gql('{ programme { editions { id code } } }');
    editionId = data.programme.editions.find((e: Json) => e.code === '2026-2027').id;
  });

  afterAll(async () => {
    network.restore();
    await server.close();
  });

  it('the demo modules come in Spanish, Italian, German and Estonian, version 1 included', async () => {
    const module = await moduleNamed('UPM-AIG-01');
    expect(module.translations.map((t: Json) => t.language)).toEqual(['de', 'es', 'et', 'it']);
    expect(module.translations.find((t: Json) => t.language === 'es').title).toBe('IA para la gobernanza pública');
    expect(module.versions[0].translations).toEqual(module.translations);
  });

  it('refuses a tag that is not BCP 47, English, two of one language or a wrong number of outcomes, and changes nothing', async () => {
    const module = await moduleNamed('UPM-AIG-01');
    const unchanged = await snapshot(module.id);
    const [spanish] = RETRANSLATED.filter((t) => t.language === 'es');
    for (const [translations, field] of [
      [[{ ...spanish, language: 'ES' }], 'language'],
      [[{ ...spanish, language: 'spanish!' }], 'language'],
      [[{ ...spanish, language: 'en' }], 'input.changes.translations'],
      [[spanish, { ...spanish, title: 'Otro título' }], 'input.changes.translations'],
      [[{ ...spanish, learningOutcomes: ['Solo uno'] }], 'input.changes.translations'],
    ] as const) {
      const { errors } = await server.gql(
        UPDATE,
        { input: { moduleId: module.id, reason: 'Translations', changes: { translations } } },
        upm,
      );
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: expect.stringContaining(field) });
    }
    expect(await snapshot(module.id)).toEqual(unchanged);
  });

  describe('set on a module, then issued', () => {
    let oldCredential: Json;
    let storedOld: string;
    let credential: Json;

    beforeAll(async () => {
      // A credential of version 1 (the demo's translations), issued before the change.
      const learner = await aLearner(server);
      const enrolmentId = await anEnrolment(server, learner.id);
      const { data, errors } = await server.gql(RECORD_RESULT, { input: aPassingResult(enrolmentId, { grade: '8.5' }) }, upm);
      if (!data?.recordResult?.credential) throw new Error(JSON.stringify(errors));
      oldCredential = data.recordResult.credential;
      storedOld = (await server.db.query('SELECT document FROM credential WHERE id = $1', [oldCredential.id])).rows[0].document;
    });

    it('makes a new version with them; the same translations again make none', async () => {
      const module = await moduleNamed('UPM-AIG-01');
      const input = { moduleId: module.id, reason: 'Retranslated by the language centre', changes: { translations: RETRANSLATED } };
      const { data, errors } = await server.gql(UPDATE, { input }, upm);
      expect(errors).toBeUndefined();
      expect(data.updateModule.version).toBe(2);
      expect(data.updateModule.translations).toEqual(byLanguage(RETRANSLATED));
      expect(data.updateModule.versions.map((v: Json) => v.translations)).toEqual([module.translations, byLanguage(RETRANSLATED)]);
      const again = await server.gql(UPDATE, { input: { ...input, changes: { translations: [...RETRANSLATED].reverse() } } }, upm);
      expect(again.data.updateModule.version).toBe(2);
    });

    it('a curriculum update keeps them; new outcomes need them given again', async () => {
      const module = await moduleNamed('UPM-AIG-01');
      const { data } = await server.gql(
        UPDATE,
        { input: { moduleId: module.id, reason: 'More lab work', changes: { ectsCredits: 7 } } },
        upm,
      );
      expect(data.updateModule).toMatchObject({ version: 3, translations: byLanguage(RETRANSLATED) });
      expect(data.updateModule.versions[2]).toMatchObject({ version: 3, ectsCredits: 7, translations: byLanguage(RETRANSLATED) });
      const unchanged = await snapshot(module.id);
      const moreOutcomes = { learningOutcomes: [...module.learningOutcomes, 'Audit an AI system in use'] };
      const refused = await server.gql(UPDATE, { input: { moduleId: module.id, reason: 'A new outcome', changes: moreOutcomes } }, upm);
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.changes.translations' });
      expect(await snapshot(module.id)).toEqual(unchanged);
    });

    it('the credential of an offering of the new version carries them as language-tagged values', async () => {
      const module = await moduleNamed('UPM-AIG-01');
      const offering = await server.gql(
        CREATE_OFFERING,
        { input: { code: 'UPM-AIG-01-2026T', moduleId: module.id, editionId, startsOn: '2026-09-15', endsOn: '2026-12-18', capacity: 5 } },
        upm,
      );
      expect(offering.data.createOffering.moduleVersion).toEqual({ version: 3 });
      credential = await passedIn(offering.data.createOffering.id);
      const doc = credential.document;
      const achievement = doc.credentialSubject.achievement;
      expect(doc['@context'][2]).toBe(`${server.url}/contexts/magix/v3`);
      expect(doc.name).toBe('AI for Public Governance (7 ECTS)');
      expect(doc.localizedName).toContainEqual({ '@value': 'Inteligencia artificial y gobernanza pública (7 ECTS)', '@language': 'es' });
      expect(achievement.name).toBe('AI for Public Governance');
      expect(achievement.localizedName).toEqual([
        { '@value': 'AI for Public Governance', '@language': 'en' },
        ...byLanguage(RETRANSLATED).map((t) => ({ '@value': t.title, '@language': t.language })),
      ]);
      expect(achievement.localizedDescription).toContainEqual({ '@value': RETRANSLATED[3].description, '@language': 'de' });
      expect(achievement.localizedLearningOutcome).toContainEqual({
        '@value': 'Määrata tehisintellektisüsteemi juhtimiskord',
        '@language': 'et',
      });
      expect(achievement.localizedLearningOutcome).toHaveLength(10);
      expect(credential.json).toBe(JSON.stringify(doc));
    });

    it('validates against the OB 3.0 schema; DCC verifier-core, plain @digitalbazaar/vc and MAGIX verify it', async () => {
      const doc = credential.document;
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
      const tampered = structuredClone(doc);
      tampered.credentialSubject.achievement.localizedName[2]['@value'] = 'Otro título';
      expect((await verify(server, tampered)).verdict).not.toBe('VALID');
    });

    it('the credential issued before keeps what it referenced, byte for byte, and still verifies', async () => {
      const { rows } = await server.db.query('SELECT document FROM credential WHERE id = $1', [oldCredential.id]);
      expect(rows[0].document).toBe(storedOld);
      const achievement = JSON.parse(storedOld).credentialSubject.achievement;
      expect(achievement.localizedName).toContainEqual({ '@value': 'IA para la gobernanza pública', '@language': 'es' });
      expect((await verify(server, JSON.parse(storedOld))).verdict).toBe('VALID');
    });
  });
});
