import { createHash, randomBytes } from 'node:crypto';
import { generateIssuerKey, signCredential, signPresentation } from '@magix/credentials';
import { aCourseCredentialFor } from './support/credentials';
import { ADMIN, aLearner, anEnrolment, aPassingResult, FAU_STAFF, RECORD_RESULT, TestLearner, UPM_STAFF } from './support/factories';
import { Json, startTestServer, TestServer } from './support/test-server';

const SUBMIT = `mutation($c: JSON!, $m: String) {
  submitRecognition(credential: $c, moduleCode: $m) { id verdict status holding moduleCode title } }`;
const DECIDE = `mutation($input: DecideRecognitionInput!) { decideRecognition(input: $input) { id status ectsGranted } }`;

/** An OB 3.0 hashed email identifier: `sha256$` + hex SHA-256 of the email with the salt appended. */
const hashedEmail = (email: string, salt = randomBytes(6).toString('hex')) => ({
  type: 'IdentityObject',
  identityType: 'emailAddress',
  hashed: true,
  salt,
  identityHash: `sha256$${createHash('sha256')
    .update(email + salt)
    .digest('hex')}`,
});

/**
 * Item 5 of issue 12: a learner handed in another person's credential (subject "Ieva Bērziņa") and
 * got 4 ECTS for it, and a module they already held was recognised. Now the credential must be the
 * learner's own, and the same achievement never counts twice; a refusal writes nothing.
 */
describe('recognition integrity', () => {
  let server: TestServer;
  let admin: string;
  let learner: TestLearner;
  let learnerDid: string;

  const submit = (credential: unknown, token: string, moduleCode?: string) => server.gql(SUBMIT, { c: credential, m: moduleCode }, token);
  const written = async () => ({ recognitions: await server.count('recognition'), audit: await server.count('audit_log') });
  /** Refused with `code` on `field`, and nothing written. */
  const expectRefused = async (credential: unknown, token: string, code: string, field = 'credential', moduleCode?: string) => {
    const before = await written();
    const answer = await submit(credential, token, moduleCode);
    expect(answer.data).toBeNull();
    expect(answer.errors?.[0].extensions).toMatchObject({ code, field });
    expect(await written()).toEqual(before);
  };
  const accepted = async (credential: unknown, token: string, moduleCode?: string): Promise<Json> => {
    const answer = await submit(credential, token, moduleCode);
    if (!answer.data) throw new Error(JSON.stringify(answer.errors));
    return answer.data.submitRecognition;
  };
  /** A learner who has passed UPM-AIG-01, with the DID their MAGIX credential names. */
  const aLearnerWithAModule = async (): Promise<{ learner: TestLearner; did: string; document: Json }> => {
    const someone = await aLearner(server);
    const recorded = await server.gql(
      RECORD_RESULT,
      { input: aPassingResult(await anEnrolment(server, someone.id)) },
      await server.login(UPM_STAFF),
    );
    const document = recorded.data.recordResult.credential.document;
    return { learner: someone, did: document.credentialSubject.id, document };
  };

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.login(ADMIN);
    ({ learner, did: learnerDid } = await aLearnerWithAModule());
  });

  afterAll(() => server.close());

  describe('the credential must be the learner’s own', () => {
    it('refuses the demo graduate’s credential (subject Ieva Bērziņa) handed in by someone else, and writes nothing', async () => {
      const { rows } = await server.db.query(
        `SELECT c.document FROM credential c JOIN learner l ON l.id = c.learner_id
          WHERE l.email = 'ieva.berzina@vid.example' AND c.kind = 'MODULE' ORDER BY c.issued_at LIMIT 1`,
      );
      const ievas = JSON.parse(rows[0].document);
      expect(ievas.credentialSubject.identifier[0].identityHash).toBe('Ieva Bērziņa');
      await expectRefused(ievas, learner.token, 'NOT_YOUR_CREDENTIAL_TO_RECOGNISE');
    });

    it('refuses a well-signed credential for another learner’s DID', async () => {
      const other = await aLearnerWithAModule();
      await expectRefused(await aCourseCredentialFor(server, { id: other.did }), learner.token, 'NOT_YOUR_CREDENTIAL_TO_RECOGNISE');
      // The same credential is its subject's own.
      expect(await accepted(await aCourseCredentialFor(server, { id: other.did }), other.learner.token)).toMatchObject({
        verdict: 'VALID',
        status: 'SUBMITTED',
        holding: 'PLATFORM_DID',
      });
    });

    it('accepts a credential issued to the learner’s own DID', async () => {
      const recognition = await accepted(await aCourseCredentialFor(server, { id: learnerDid }, 'Public procurement law'), learner.token);
      expect(recognition).toMatchObject({ verdict: 'VALID', status: 'SUBMITTED', holding: 'PLATFORM_DID', moduleCode: null });
      expect(recognition.title).toBe('Public procurement law');
      const { rows } = await server.db.query("SELECT details FROM audit_log WHERE action = 'RECOGNITION_SUBMITTED' AND entity_id = $1", [
        recognition.id,
      ]);
      expect(rows[0].details).toMatchObject({ holding: 'PLATFORM_DID' });
    });

    it('accepts a hashed-email subject for the learner with that email, and refuses it for another', async () => {
      const subject = (email: string) => ({ id: `urn:uuid:${crypto.randomUUID()}`, identifier: [hashedEmail(email)] });
      const mine = await accepted(await aCourseCredentialFor(server, subject(learner.email), 'Open data MOOC'), learner.token);
      expect(mine).toMatchObject({ verdict: 'VALID', holding: 'EMAIL' });

      const other = await aLearner(server);
      await expectRefused(await aCourseCredentialFor(server, subject(learner.email)), other.token, 'NOT_YOUR_CREDENTIAL_TO_RECOGNISE');
      // The demo's recognition (Pablo's Salamanca MOOC) names him by his hashed email only.
      const { rows } = await server.db.query(
        "SELECT r.holding FROM recognition r JOIN learner l ON l.id = r.learner_id WHERE l.email = 'pablo.ortega@hacienda.example'",
      );
      expect(rows).toEqual([{ holding: 'EMAIL' }]);
      // Issued to another learner's DID, the email beside it does not make it the learner's.
      const othersDid = (await aLearnerWithAModule()).did;
      await expectRefused(
        await aCourseCredentialFor(server, { id: othersDid, identifier: [hashedEmail(learner.email)] }),
        learner.token,
        'NOT_YOUR_CREDENTIAL_TO_RECOGNISE',
      );
      const wrongSalt = { ...hashedEmail(learner.email), salt: 'not-the-salt' };
      await expectRefused(
        await aCourseCredentialFor(server, { id: `urn:uuid:${crypto.randomUUID()}`, identifier: [wrongSalt] }),
        learner.token,
        'NOT_YOUR_CREDENTIAL_TO_RECOGNISE',
      );
    });

    it('accepts a presentation signed by the subject for the learner’s challenge, and refuses the others', async () => {
      const someone = await aLearner(server);
      const wallet = await generateIssuerKey();
      const registered = await server.gql(
        'mutation($input: RegisterWalletInput!) { registerWallet(input: $input) { walletDid } }',
        { input: { did: wallet.did } },
        someone.token,
      );
      expect(registered.data.registerWallet.walletDid).toBe(wallet.did);
      const toWallet = await aCourseCredentialFor(server, { id: wallet.did }, 'Digital identity in Europe');

      // A registered wallet DID is claimed unproven: bare, its credential is not shown to be the learner's.
      await expectRefused(toWallet, someone.token, 'NOT_YOUR_CREDENTIAL_TO_RECOGNISE');
      // Signed by someone who does not control the subject, or for another learner's challenge.
      const stranger = await generateIssuerKey();
      await expectRefused(
        await signPresentation([toWallet], stranger, { challenge: someone.id, domain: 'magix.example' }),
        someone.token,
        'NOT_YOUR_CREDENTIAL_TO_RECOGNISE',
      );
      const forLearner = await signPresentation([toWallet], wallet, { challenge: learner.id, domain: 'magix.example' });
      await expectRefused(forLearner, someone.token, 'NOT_YOUR_CREDENTIAL_TO_RECOGNISE');
      // Nor may the learner whose challenge it is: the credential and its signer are another learner's wallet.
      await expectRefused(forLearner, learner.token, 'NOT_YOUR_CREDENTIAL_TO_RECOGNISE');

      const presentation = await signPresentation([toWallet], wallet, { challenge: someone.id, domain: 'magix.example' });
      const recognition = await accepted(presentation, someone.token);
      expect(recognition).toMatchObject({
        verdict: 'VALID',
        status: 'SUBMITTED',
        holding: 'PRESENTATION',
        title: 'Digital identity in Europe',
      });
      const { rows } = await server.db.query('SELECT submitted_credential, verification FROM recognition WHERE id = $1', [recognition.id]);
      expect(JSON.parse(rows[0].submitted_credential)).toEqual(toWallet);
      expect(rows[0].verification.presentation.presentedBy).toEqual([wallet.did]);

      const two = await signPresentation([toWallet, await aCourseCredentialFor(server, { id: wallet.did })], wallet, {
        challenge: someone.id,
        domain: 'magix.example',
      });
      await expectRefused(two, someone.token, 'BAD_USER_INPUT');
    });
  });

  describe('the same achievement never counts twice', () => {
    it('refuses the learner’s own credential for a module they hold', async () => {
      const { learner: holder, document } = await aLearnerWithAModule();
      await expectRefused(document, holder.token, 'MODULE_ALREADY_HELD');
    });

    it('refuses a request that names a module the learner holds', async () => {
      const outside = await aCourseCredentialFor(server, { id: learnerDid }, 'AI governance at another university');
      await expectRefused(outside, learner.token, 'MODULE_ALREADY_HELD', 'moduleCode', 'UPM-AIG-01');
      await expectRefused(outside, learner.token, 'BAD_USER_INPUT', 'moduleCode', 'NO-SUCH-MODULE');
    });

    it('allows one request per module, and refuses the approval once the learner holds the module', async () => {
      const { learner: someone, did } = await aLearnerWithAModule();
      const first = await accepted(
        await aCourseCredentialFor(server, { id: did }, 'Machine learning elsewhere'),
        someone.token,
        'FAU-MLP-01',
      );
      expect(first).toMatchObject({ moduleCode: 'FAU-MLP-01', status: 'SUBMITTED' });
      await expectRefused(
        await aCourseCredentialFor(server, { id: did }),
        someone.token,
        'MODULE_ALREADY_RECOGNISED',
        'moduleCode',
        'FAU-MLP-01',
      );

      // The learner then passes FAU-MLP-01 here: approving the request would count it twice.
      const fau = await server.login(FAU_STAFF);
      const passed = await server.gql(
        RECORD_RESULT,
        { input: aPassingResult(await anEnrolment(server, someone.id, 'FAU-MLP-01', FAU_STAFF), { grade: '1.7' }) },
        fau,
      );
      expect(passed.data.recordResult.credential.id).toEqual(expect.any(String));
      const before = (await server.db.query('SELECT status, ects_granted FROM recognition WHERE id = $1', [first.id])).rows[0];
      const refused = await server.gql(DECIDE, { input: { id: first.id, approve: true, ectsGranted: 4, reason: 'Same outcomes' } }, admin);
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'MODULE_ALREADY_HELD', field: 'input.id' });
      expect((await server.db.query('SELECT status, ects_granted FROM recognition WHERE id = $1', [first.id])).rows[0]).toEqual(before);
      expect(before).toEqual({ status: 'SUBMITTED', ects_granted: null });
      // Rejecting it stays possible.
      const rejected = await server.gql(DECIDE, { input: { id: first.id, approve: false, reason: 'Passed here since' } }, admin);
      expect(rejected.data.decideRecognition.status).toBe('REJECTED');
    });

    it('refuses the same external credential twice, re-serialised or handed in by another of its holders', async () => {
      const other = await aLearner(server);
      // One credential that is both learners' own: it names each by their email.
      const shared = await aCourseCredentialFor(
        server,
        { id: `urn:uuid:${crypto.randomUUID()}`, identifier: [hashedEmail(learner.email), hashedEmail(other.email)] },
        'Data stewardship',
      );
      expect(await accepted(shared, learner.token)).toMatchObject({ verdict: 'VALID' });
      await expectRefused(shared, learner.token, 'CREDENTIAL_ALREADY_SUBMITTED');
      const reordered = Object.fromEntries(Object.entries(shared).reverse());
      await expectRefused(reordered, learner.token, 'CREDENTIAL_ALREADY_SUBMITTED');
      await expectRefused(shared, other.token, 'CREDENTIAL_ALREADY_SUBMITTED');
      // In a presentation it is still the same credential.
      const wallet = await generateIssuerKey();
      const theirs = await aCourseCredentialFor(server, { id: wallet.did }, 'Ethics board practice');
      expect(
        await accepted(await signPresentation([theirs], wallet, { challenge: other.id, domain: 'x.example' }), other.token),
      ).toMatchObject({
        holding: 'PRESENTATION',
      });
      await expectRefused(
        await signPresentation([theirs], wallet, { challenge: other.id, domain: 'x.example' }),
        other.token,
        'CREDENTIAL_ALREADY_SUBMITTED',
      );
    });

    it('knows a credential without an id by its content', async () => {
      const key = await generateIssuerKey();
      const unsigned = {
        '@context': ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/ns/credentials/examples/v2'],
        type: ['VerifiableCredential', 'ExampleCourseCredential'],
        issuer: { id: key.did, name: 'Universidade de Fora' },
        name: 'Course without an id',
        credentialSubject: { id: learnerDid, course: 'Course without an id' },
      };
      const signed = await signCredential(unsigned, key);
      expect(signed.id).toBeUndefined();
      expect(await accepted(signed, learner.token)).toMatchObject({ verdict: 'INVALID' });
      await expectRefused(Object.fromEntries(Object.entries(signed).reverse()), learner.token, 'CREDENTIAL_ALREADY_SUBMITTED');
      // Its content differs: another credential.
      expect(await accepted(await signCredential({ ...unsigned, name: 'Another course without an id' }, key), learner.token)).toMatchObject(
        {
          verdict: 'INVALID',
        },
      );
    });
  });
});
