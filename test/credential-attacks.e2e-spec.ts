import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '@magix/config';
import {
  buildModuleCredential,
  documentLoader,
  generateIssuerKey,
  IssuerKeyMaterial,
  KeyVault,
  magixContextUrl,
  privateKeyObject,
  signCredential,
  signerFor,
  signPresentation,
  UnsignedCredential,
} from '@magix/credentials';
import { aModuleCredential } from '../libs/credentials/src/testing/credential-factories';
import { anIssuedCredential, checkOf, verify } from './support/credentials';
import { ADMIN, FAU_STAFF, UPM_STAFF } from './support/factories';
import { Json, startTestServer, TestServer } from './support/test-server';

const DOMAIN = 'hr.example.gov';
const VERIFY_PRESENTATION = `
  query($p: JSON!, $c: String!, $d: String) {
    verifyPresentation(presentation: $p, challenge: $c, domain: $d) {
      verified holder checks { name outcome message } credentials { verdict }
    }
  }`;
const REPORT = 'mutation($input: ReportKeyCompromiseInput!) { reportKeyCompromise(input: $input) { did compromisedFrom } }';
const LIFT = 'mutation($input: LiftKeyCompromiseInput!) { liftKeyCompromise(input: $input) { did compromisedFrom } }';

/** Each finding of issue 11 in this part, replayed as the attacker would, through the public interfaces. */
describe('credential attacks (issue 11): borrowed, forged, replayed', () => {
  let server: TestServer;
  let publicUrl: string;

  beforeAll(async () => {
    server = await startTestServer();
    publicUrl = server.app.get<AppConfig>(APP_CONFIG).publicUrl;
  });

  afterAll(() => server.close());

  const post = async (path: string, body: unknown, token?: string) => {
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Json };
  };

  /** An HEI's active key, unsealed as an insider (or a thief of the key) would hold it. */
  const keyOf = async (shortName: string): Promise<IssuerKeyMaterial & { organisationId: string }> => {
    const { rows } = await server.db.query(
      `SELECT k.did, k.verification_method, k.public_key_multibase, k.sealed_secret_key, k.organisation_id
       FROM issuer_key k JOIN organisation o ON o.id = k.organisation_id WHERE o.short_name = $1 AND k.active`,
      [shortName],
    );
    return {
      did: rows[0].did,
      verificationMethod: rows[0].verification_method,
      publicKeyMultibase: rows[0].public_key_multibase,
      secretKeyMultibase: new KeyVault(server.masterKey).open(rows[0].sealed_secret_key, rows[0].did),
      organisationId: rows[0].organisation_id,
    };
  };

  const aChallenge = async (): Promise<string> => {
    const { data } = await server.gql(`mutation { requestPresentation(input: { domain: "${DOMAIN}" }) { challenge } }`);
    return data.requestPresentation.challenge;
  };

  const verifyPresentation = async (presentation: unknown, challenge: string, domain: string | null = DOMAIN) => {
    const { data, errors } = await server.gql(VERIFY_PRESENTATION, { p: presentation, c: challenge, d: domain });
    if (!data) throw new Error(JSON.stringify(errors));
    return data.verifyPresentation;
  };

  const presentAsLearner = async (credentialId: string, token: string, challenge: string) => {
    const { data, errors } = await server.gql(
      'mutation($input: PresentCredentialsInput!) { presentCredentials(input: $input) }',
      { input: { credentialIds: [credentialId], challenge, domain: DOMAIN } },
      token,
    );
    if (!data) throw new Error(JSON.stringify(errors));
    return data.presentCredentials;
  };

  describe('holder binding (finding 1)', () => {
    it('does not verify a victim’s credential, taken from a share link, presented under the attacker’s own did:key', async () => {
      const victim = await anIssuedCredential(server);
      const link = await server.gql(
        'mutation($input: CreateShareLinkInput!) { createShareLink(input: $input) { token } }',
        { input: { credentialId: victim.credential.id } },
        victim.learner.token,
      );
      const shared = (await (await fetch(`${server.url}/c/${link.data.createShareLink.token}/credential.json`)).json()) as Json;
      expect(shared.id).toBe(`urn:uuid:${victim.credential.id}`);

      const attacker = await generateIssuerKey();
      const challenge = await aChallenge();
      const presentation = await signPresentation([shared], attacker, { challenge, domain: DOMAIN });
      const report = await verifyPresentation(presentation, challenge);
      expect(report.verified).toBe(false);
      expect(checkOf(report, 'PROOF').outcome).toBe('PASSED');
      expect(report.credentials).toEqual([{ verdict: 'VALID' }]);
      expect(checkOf(report, 'HOLDER')).toMatchObject({ outcome: 'FAILED', message: expect.stringMatching(/not the presenter's/) });

      const rest = await post('/presentations/verify', { verifiablePresentation: presentation, options: { challenge, domain: DOMAIN } });
      expect(rest.status).toBe(422);
      expect(rest.body.errors.map((e: Json) => e.name)).toContain('holder');
    });

    it('does not verify it wrapped in the attacker’s VP-JWT either; the holder’s own VP-JWT verifies', async () => {
      const victim = await anIssuedCredential(server);
      const { learner } = victim;
      const wallet = await generateIssuerKey();
      await server.gql(
        'mutation($input: RegisterWalletInput!) { registerWallet(input: $input) { walletDid } }',
        { input: { did: wallet.did } },
        learner.token,
      );
      const vpJwt = async (key: IssuerKeyMaterial, challenge: string) => {
        const jwt = await new SignJWT({
          '@context': ['https://www.w3.org/ns/credentials/v2'],
          type: ['VerifiablePresentation'],
          holder: key.did,
          verifiableCredential: [victim.credential.document],
          nonce: challenge,
        })
          .setProtectedHeader({ alg: 'EdDSA', kid: key.verificationMethod })
          .setAudience(DOMAIN)
          .sign(await privateKeyObject(key));
        return {
          '@context': 'https://www.w3.org/ns/credentials/v2',
          type: 'EnvelopedVerifiablePresentation',
          id: `data:application/vp+jwt,${jwt}`,
        };
      };
      const attacker = await generateIssuerKey();
      // A verifier's own challenge: holder binding is the verifier's policy (VC Data Model), so the
      // stolen credential is a warning by default and refused when `checks` names `holder` …
      const lenient = await post('/presentations/verify', {
        verifiablePresentation: await vpJwt(attacker, 'the-verifier-own-challenge-0'),
        options: { challenge: 'the-verifier-own-challenge-0', domain: DOMAIN },
      });
      expect(lenient.status).toBe(200);
      expect(lenient.body.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'holder' })]));
      expect(lenient.body.presentationResult.results.find((c: Json) => c.name === 'HOLDER')).toMatchObject({ outcome: 'FAILED' });
      const stolen = await post('/presentations/verify', {
        verifiablePresentation: await vpJwt(attacker, 'the-verifier-own-challenge-1'),
        options: { challenge: 'the-verifier-own-challenge-1', domain: DOMAIN, checks: ['proof', 'status', 'validity', 'holder'] },
      });
      expect(stolen.status).toBe(422);
      expect(stolen.body.errors.map((e: Json) => e.name)).toContain('holder');
      // … and with a platform challenge (requestPresentation) it is always refused.
      const platformChallenge = await aChallenge();
      const asked = await post('/presentations/verify', {
        verifiablePresentation: await vpJwt(attacker, platformChallenge),
        options: { challenge: platformChallenge, domain: DOMAIN },
      });
      expect(asked.status).toBe(422);
      // Issued to the key the platform holds for the learner, presented from their registered wallet.
      const own = await post('/presentations/verify', {
        verifiablePresentation: await vpJwt(wallet, 'the-verifier-own-challenge-2'),
        options: { challenge: 'the-verifier-own-challenge-2', domain: DOMAIN },
      });
      expect(own.status).toBe(200);
    });
  });

  describe('challenges answer once (finding 6)', () => {
    it('verifies a presentation for a platform challenge once; a replay fails on every interface', async () => {
      const { credential, learner } = await anIssuedCredential(server);
      const challenge = await aChallenge();
      const presentation = await presentAsLearner(credential.id, learner.token, challenge);
      const first = await verifyPresentation(presentation, challenge);
      expect(first.verified).toBe(true);
      expect(checkOf(first, 'HOLDER').outcome).toBe('PASSED');

      const replay = await verifyPresentation(presentation, challenge);
      expect(replay.verified).toBe(false);
      expect(checkOf(replay, 'PROOF')).toMatchObject({ outcome: 'FAILED', message: expect.stringMatching(/already answered/) });
      const rest = await post('/presentations/verify', { verifiablePresentation: presentation, options: { challenge, domain: DOMAIN } });
      expect(rest.status).toBe(422);
      expect(rest.body.errors[0]).toMatchObject({ name: 'proof', message: expect.stringMatching(/already answered/) });
      const again = await server.gql(
        'mutation($input: PresentCredentialsInput!) { presentCredentials(input: $input) }',
        { input: { credentialIds: [credential.id], challenge, domain: DOMAIN } },
        learner.token,
      );
      expect(again.errors?.[0].extensions?.code).toBe('CHALLENGE_USED');
    });

    it('lets exactly one of concurrent verifications of the same presentation through', async () => {
      const { credential, learner } = await anIssuedCredential(server);
      const challenge = await aChallenge();
      const presentation = await presentAsLearner(credential.id, learner.token, challenge);
      const answers = await Promise.all(
        Array.from({ length: 4 }, () =>
          post('/presentations/verify', { verifiablePresentation: presentation, options: { challenge, domain: DOMAIN } }),
        ),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([200, 422, 422, 422]);
    });

    it('checks a platform challenge against the domain it was requested for, even when the caller names none', async () => {
      const { credential, learner } = await anIssuedCredential(server);
      const challenge = await aChallenge();
      const presentation = await presentAsLearner(credential.id, learner.token, challenge);
      expect((await verifyPresentation(presentation, challenge, 'evil.example')).verified).toBe(false);
      await expect(verifyPresentation(presentation, challenge, null)).resolves.toMatchObject({ verified: true });
    });

    it('leaves a verifier’s own challenge to the verifier: it verifies as often as they ask (VC-API)', async () => {
      const { credential, learner } = await anIssuedCredential(server, 'POLIMI-DGT-01', 'registrar@polimi.example');
      const wallet = await generateIssuerKey();
      await server.gql(
        'mutation($input: RegisterWalletInput!) { registerWallet(input: $input) { walletDid } }',
        { input: { did: wallet.did } },
        learner.token,
      );
      const presentation = await signPresentation([credential.document], wallet, { challenge: 'verifier-chosen-nonce', domain: DOMAIN });
      for (let i = 0; i < 2; i++) {
        const answer = await post('/presentations/verify', {
          verifiablePresentation: presentation,
          options: { challenge: 'verifier-chosen-nonce', domain: DOMAIN },
        });
        expect(answer.status).toBe(200);
      }
    });
  });

  describe('a compromised key (finding 3)', () => {
    /** Signs as the thief does: with the stolen key, outside the platform, `created` whenever they like. */
    const signBackDated = async (credential: UnsignedCredential, key: IssuerKeyMaterial, date: Date) => {
      const suite = new DataIntegrityProof({ signer: await signerFor(key), cryptosuite: eddsaRdfc2022, date });
      const signed = await vc.issue({ credential: structuredClone(credential), suite, documentLoader });
      return { ...signed, proof: [signed.proof] };
    };

    it('distrusts a credential signed with it and back-dated before the compromise; what the platform signed before stays valid', async () => {
      const fau = await keyOf('FAU');
      const genuine = await anIssuedCredential(server, 'FAU-MLP-01', FAU_STAFF);
      expect(genuine.credential.issuerDid).toBe(fau.did);
      await new Promise((resolve) => setTimeout(resolve, 20));
      const reported = await server.gql(
        REPORT,
        { input: { did: fau.did, compromisedFrom: new Date().toISOString(), reason: 'Backup tape stolen' } },
        await server.login(ADMIN),
      );
      expect(reported.errors).toBeUndefined();

      const aYearAgo = new Date(Date.now() - 365 * 86_400_000);
      const facts = aModuleCredential({
        credentialId: `urn:uuid:${randomUUID()}`,
        issuedAt: aYearAgo,
        issuer: { did: fau.did, name: 'Friedrich-Alexander-Universität Erlangen-Nürnberg', countryCode: 'DE' },
        achievement: { ...aModuleCredential().achievement, id: `${publicUrl}/modules/FAU-MLP-01`, code: 'FAU-MLP-01' },
      });
      const forged = await signBackDated(buildModuleCredential(facts), fau, aYearAgo);
      expect(forged.proof[0].created).toBe(aYearAgo.toISOString().replace(/\.\d+Z$/, 'Z'));
      const report = await verify(server, forged);
      expect(report).toMatchObject({ verified: false, verdict: 'INVALID' });
      expect(checkOf(report, 'PROOF').outcome).toBe('PASSED');
      expect(checkOf(report, 'ISSUER')).toMatchObject({
        outcome: 'FAILED',
        message: expect.stringMatching(/not in the issuer's issuance record/),
      });

      // The genuine credential's id with other content: not what the record holds.
      const altered = structuredClone(genuine.credential.document);
      delete altered.proof;
      altered.credentialSubject.creditsEarned = 60;
      expect((await verify(server, await signBackDated(altered, fau, aYearAgo))).verdict).toBe('INVALID');

      await expect(verify(server, genuine.credential.document)).resolves.toMatchObject({ verdict: 'VALID' });
    });

    it('lets HEI staff report an earlier compromise but not move it later; the programme office may move or lift it', async () => {
      const taltech = await keyOf('TalTech');
      const staff = await server.login('registrar@taltech.example');
      const admin = await server.login(ADMIN);
      const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
      const report = (minutesAgo: number, token: string) =>
        server.gql(REPORT, { input: { did: taltech.did, compromisedFrom: at(minutesAgo), reason: 'Signing laptop lost' } }, token);
      const stored = async () =>
        (await server.db.query('SELECT compromised_from FROM issuer_key WHERE did = $1', [taltech.did])).rows[0]
          .compromised_from as Date | null;

      expect((await report(60, staff)).errors).toBeUndefined();
      const first = await stored();
      const later = await report(30, staff);
      expect(later.errors?.[0].extensions?.code).toBe('COMPROMISE_REPORTED');
      expect(await stored()).toEqual(first);
      expect((await report(120, staff)).errors).toBeUndefined();
      expect((await stored())!.getTime()).toBeLessThan(first!.getTime());

      expect((await report(10, admin)).errors).toBeUndefined();
      expect((await stored())!.getTime()).toBeGreaterThan(first!.getTime());
      const staffLift = await server.gql(LIFT, { input: { did: taltech.did, reason: 'Found again' } }, staff);
      expect(staffLift.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const lifted = await server.gql(LIFT, { input: { did: taltech.did, reason: 'The laptop was found sealed' } }, admin);
      expect(lifted.data.liftKeyCompromise.compromisedFrom).toBeNull();
      expect(await stored()).toBeNull();
      const audit = await server.db.query(
        "SELECT details FROM audit_log WHERE action = 'ISSUER_KEY_COMPROMISED' AND details->>'did' = $1 ORDER BY occurred_at",
        [taltech.did],
      );
      expect(audit.rows).toHaveLength(4);
      expect(audit.rows[3].details).toMatchObject({ lifted: true, compromisedFrom: null });
    });
  });

  describe('claims an HEI may sign (finding 4)', () => {
    const upmProfile = (did: string) => ({ did, name: 'Universidad Politécnica de Madrid', countryCode: 'ES' });
    const unsignedIssue = (credential: UnsignedCredential, token: string) => post('/credentials/issue', { credential }, token);

    it('refuses a one-HEI MasterDegree with names-only co-awarders at issue (422), and finds it INVALID when signed outside', async () => {
      const upm = await keyOf('UPM');
      const degree = buildModuleCredential(
        aModuleCredential({ contextUrl: magixContextUrl(publicUrl), issuer: upmProfile(upm.did) }),
      ) as Json;
      degree.credentialSubject.achievement.achievementType = 'MasterDegree';
      degree.coAwardedBy = ['Politecnico di Milano', 'FAU Erlangen-Nürnberg', 'TalTech', 'Universidad Politécnica de Madrid'].map(
        (name) => ({
          type: ['Profile'],
          name,
        }),
      );
      const before = await server.count('credential');
      const issued = await unsignedIssue(degree, await server.login(UPM_STAFF));
      expect(issued.status).toBe(422);
      expect(issued.body.message).toMatch(/degree path/);
      const withoutCoAwarders = structuredClone(degree);
      delete withoutCoAwarders.coAwardedBy;
      expect((await unsignedIssue(withoutCoAwarders, await server.login(UPM_STAFF))).status).toBe(422);
      expect(await server.count('credential')).toBe(before);

      const signed = await signCredential(degree, upm);
      const report = await verify(server, signed);
      expect(report).toMatchObject({ verified: false, verdict: 'INVALID' });
      expect(checkOf(report, 'PROOF').message).toMatch(/co-awarder is named without an identifier/);
      const rest = await post('/credentials/verify', { verifiableCredential: signed });
      expect(rest.status).toBe(422);
    });

    it('refuses another HEI’s module code at issue (422) and finds it INVALID when signed outside; its own module issues', async () => {
      const upm = await keyOf('UPM');
      const token = await server.login(UPM_STAFF);
      const foreign = buildModuleCredential(
        aModuleCredential({
          contextUrl: magixContextUrl(publicUrl),
          credentialId: `urn:uuid:${randomUUID()}`,
          issuedAt: new Date(),
          issuer: upmProfile(upm.did),
          achievement: {
            ...aModuleCredential().achievement,
            id: `${publicUrl}/modules/FAU-MLP-01`,
            code: 'FAU-MLP-01',
            title: 'Machine Learning',
          },
        }),
      );
      const refused = await unsignedIssue(foreign, token);
      expect(refused).toMatchObject({ status: 422, body: { code: 'INVALID_CREDENTIAL', message: expect.stringMatching(/FAU-MLP-01/) } });

      const report = await verify(server, await signCredential(foreign, upm));
      expect(report).toMatchObject({ verified: false, verdict: 'INVALID' });
      expect(checkOf(report, 'ISSUER')).toMatchObject({
        outcome: 'FAILED',
        message: expect.stringMatching(/FAU-MLP-01.*does not provide/),
      });
      // The code alone, under an id of the attacker's choosing, names the module too.
      const byCode = structuredClone(foreign) as Json;
      byCode.credentialSubject.achievement.id = 'https://upm.example/courses/ml';
      expect((await unsignedIssue(byCode, token)).status).toBe(422);
      expect((await verify(server, await signCredential(byCode, upm))).verdict).toBe('INVALID');

      const own = buildModuleCredential(
        aModuleCredential({
          contextUrl: magixContextUrl(publicUrl),
          credentialId: `urn:uuid:${randomUUID()}`,
          issuedAt: new Date(),
          issuer: upmProfile(upm.did),
        }),
      );
      const issued = await unsignedIssue(own, token);
      expect(issued.status).toBe(201);
      await expect(verify(server, issued.body.verifiableCredential)).resolves.toMatchObject({ verdict: 'VALID' });
    });
  });

  describe('VC 1.1 through the VC-API (finding 12)', () => {
    it('gets a status entry and can be revoked like a VC 2.0 credential', async () => {
      const upm = await keyOf('UPM');
      const token = await server.login(UPM_STAFF);
      const v1 = {
        '@context': ['https://www.w3.org/2018/credentials/v1'],
        id: `urn:uuid:${randomUUID()}`,
        type: ['VerifiableCredential'],
        issuer: upm.did,
        issuanceDate: '2026-01-01T00:00:00Z',
        credentialSubject: { id: 'did:example:alice' },
      };
      const issued = await post('/credentials/issue', { credential: v1 }, token);
      expect(issued.status).toBe(201);
      const credential = issued.body.verifiableCredential;
      expect(credential['@context'][0]).toBe('https://www.w3.org/2018/credentials/v1');
      expect(credential['@context']).toContainEqual({ BitstringStatusListEntry: expect.objectContaining({ '@id': expect.any(String) }) });
      expect(credential.credentialStatus).toMatchObject({ type: 'BitstringStatusListEntry', statusPurpose: 'message' });
      expect(credential.validFrom).toBeUndefined();
      expect((await post('/credentials/verify', { verifiableCredential: credential })).status).toBe(200);

      const revoked = await post(
        '/credentials/status',
        { credentialId: v1.id, credentialStatus: [{ type: 'BitstringStatusListEntry', statusPurpose: 'revocation', status: true }] },
        token,
      );
      expect(revoked).toMatchObject({ status: 200, body: { state: 'revoked' } });
      const after = await post('/credentials/verify', { verifiableCredential: credential });
      expect(after).toMatchObject({ status: 422, body: { verdict: 'REVOKED' } });
    });
  });

  describe('faults (finding 7, verification)', () => {
    it('never reports a genuine credential as untrusted when the trust registry cannot be read', async () => {
      const { credential } = await anIssuedCredential(server);
      await server.db.query('ALTER TABLE issuer_key RENAME TO issuer_key_away');
      try {
        const graphql = await server.gql('query($c: JSON!) { verifyCredential(credential: $c) { verdict } }', { c: credential.document });
        expect(graphql.data?.verifyCredential).toBeFalsy();
        expect(graphql.errors?.length).toBeGreaterThan(0);
        const rest = await post('/credentials/verify', { verifiableCredential: credential.document });
        expect(rest.status).toBeGreaterThanOrEqual(500);
        expect(rest.body.verdict).toBeUndefined();
      } finally {
        await server.db.query('ALTER TABLE issuer_key_away RENAME TO issuer_key');
      }
      await expect(verify(server, credential.document)).resolves.toMatchObject({ verdict: 'VALID' });
    });
  });
});
