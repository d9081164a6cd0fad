import { randomUUID } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '@magix/config';
import { buildModuleCredential, KeyVault, signCredential, statusEntry } from '@magix/credentials';
import { aModuleCredential } from '../libs/credentials/src/testing/credential-factories';
import { FAU_STAFF, UPM_STAFF } from './support/factories';
import { anIssuedCredential, checkOf, verify } from './support/credentials';
import { independentlyVerify } from './support/independent-eddsa-verifier';
import { Json, startTestServer, TestServer } from './support/test-server';

const CHANGE = (mutation: string) =>
  `mutation($input: CredentialStatusInput!) { ${mutation}(input: $input) { id state revokedAt revocationReason suspendedAt suspensionReason } }`;

describe('credential lifecycle: revocation, suspension, rotation, VC-JOSE', () => {
  let server: TestServer;
  let upm: string;

  beforeAll(async () => {
    server = await startTestServer();
    upm = await server.login(UPM_STAFF);
  });

  afterAll(() => server.close());

  const change = (mutation: string, id: string, reason = 'Academic misconduct found', token = upm) =>
    server.gql(CHANGE(mutation), { input: { id, reason } }, token);

  describe('revocation and suspension', () => {
    it('issues every credential with one two-bit status entry (revoked or suspended) at a random index', async () => {
      const { credential } = await anIssuedCredential(server);
      const status = credential.document.credentialStatus;
      expect(status).toMatchObject({
        type: 'BitstringStatusListEntry',
        statusPurpose: 'message',
        statusSize: 2,
        statusMessage: [
          { status: '0x0', message: 'valid' },
          { status: '0x1', message: 'revoked' },
          { status: '0x2', message: 'suspended' },
          { status: '0x3', message: 'revoked' },
        ],
      });
      expect(Number(status.statusListIndex)).toBeGreaterThanOrEqual(131072);
      expect(Number(status.statusListIndex)).toBeLessThan(262144);
      await expect(independentlyVerify(credential.document)).resolves.toBe(true);
    });

    it('gives credentials positions that are not in issue order', async () => {
      const indexes: number[] = [];
      for (let i = 0; i < 4; i++)
        indexes.push(Number((await anIssuedCredential(server)).credential.document.credentialStatus.statusListIndex));
      expect(new Set(indexes).size).toBe(4);
      const sorted = [...indexes].sort((a, b) => a - b);
      const consecutive = sorted.every((value, i) => i === 0 || value === sorted[i - 1] + 1);
      expect(consecutive).toBe(false);
    });

    it('revokes: the verifier then says revoked, for good', async () => {
      const { credential, learner } = await anIssuedCredential(server);
      const { data } = await change('revokeCredential', credential.id);
      expect(data.revokeCredential).toMatchObject({ state: 'REVOKED', revocationReason: 'Academic misconduct found' });
      const report = await verify(server, credential.document);
      expect(report).toMatchObject({ verified: false, verdict: 'REVOKED' });
      expect(checkOf(report, 'STATUS')).toMatchObject({ outcome: 'FAILED', message: 'Revoked by the issuer' });

      const again = await change('revokeCredential', credential.id);
      expect(again.data.revokeCredential.revokedAt).toBe(data.revokeCredential.revokedAt);
      const reinstate = await change('reinstateCredential', credential.id);
      expect(reinstate.errors?.[0].extensions?.code).toBe('CREDENTIAL_REVOKED');
      const suspend = await change('suspendCredential', credential.id);
      expect(suspend.errors?.[0].extensions?.code).toBe('CREDENTIAL_REVOKED');

      const { rows } = await server.db.query(
        "SELECT action, details FROM audit_log WHERE entity_id = $1 AND action = 'CREDENTIAL_REVOKED'",
        [credential.id],
      );
      expect(rows).toEqual([{ action: 'CREDENTIAL_REVOKED', details: { reason: 'Academic misconduct found' } }]);
      const mine = await server.gql('{ myCredentials { items { id state revocationReason } } }', {}, learner.token);
      expect(mine.data.myCredentials.items).toEqual([
        { id: credential.id, state: 'REVOKED', revocationReason: 'Academic misconduct found' },
      ]);
    });

    it('suspends and reinstates: suspended, then valid again', async () => {
      const { credential } = await anIssuedCredential(server);
      await change('suspendCredential', credential.id, 'Under investigation');
      await expect(verify(server, credential.document)).resolves.toMatchObject({ verified: false, verdict: 'SUSPENDED' });
      const { data } = await change('reinstateCredential', credential.id, 'Investigation closed');
      expect(data.reinstateCredential).toMatchObject({ state: 'ACTIVE', suspendedAt: null });
      await expect(verify(server, credential.document)).resolves.toMatchObject({ verified: true, verdict: 'VALID' });
      const { rows } = await server.db.query('SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id', [credential.id]);
      expect(rows.map((r) => r.action)).toEqual(['CREDENTIAL_ISSUED', 'CREDENTIAL_SUSPENDED', 'CREDENTIAL_REINSTATED']);
    });

    it('lets only the issuing HEI change a credential’s status', async () => {
      const { credential, learner } = await anIssuedCredential(server);
      const fau = await change('revokeCredential', credential.id, 'Not ours', await server.login(FAU_STAFF));
      expect(fau.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const own = await change('revokeCredential', credential.id, 'Mine', learner.token);
      expect(own.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      await expect(verify(server, credential.document)).resolves.toMatchObject({ verdict: 'VALID' });
    });

    it('requires a reason', async () => {
      const { credential } = await anIssuedCredential(server);
      const { errors } = await change('revokeCredential', credential.id, '');
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    });

    it('serves each list as a signed BitstringStatusListCredential with an ETag', async () => {
      const { credential } = await anIssuedCredential(server);
      const entry = credential.document.credentialStatus;
      const url = new URL(entry.statusListCredential);
      const first = await fetch(`${server.url}${url.pathname}`);
      expect(first.status).toBe(200);
      const etag = first.headers.get('etag');
      expect(etag).toBeTruthy();
      expect(first.headers.get('cache-control')).toMatch(/max-age/);
      const list = (await first.json()) as Json;
      expect(list).toMatchObject({
        type: ['VerifiableCredential', 'BitstringStatusListCredential'],
        issuer: credential.issuerDid,
        credentialSubject: { type: 'BitstringStatusList', statusPurpose: 'message', encodedList: expect.stringMatching(/^u/) },
      });
      await expect(independentlyVerify(list)).resolves.toBe(true);
      const unchanged = await fetch(`${server.url}${url.pathname}`, { headers: { 'if-none-match': etag! } });
      expect(unchanged.status).toBe(304);
      await change('revokeCredential', credential.id);
      const changed = await fetch(`${server.url}${url.pathname}`, { headers: { 'if-none-match': etag! } });
      expect(changed.status).toBe(200);
      expect(changed.headers.get('etag')).not.toBe(etag);
      const missing = await fetch(`${server.url}/status-lists/not-a-list`);
      expect(missing.status).toBe(404);
    });

    it('says status unknown, not valid, when the status list cannot be read', async () => {
      // A credential UPM signed whose status list lives on a server this one cannot reach.
      const { rows } = await server.db.query(
        "SELECT k.did, k.verification_method, k.public_key_multibase, k.sealed_secret_key FROM issuer_key k JOIN organisation o ON o.id = k.organisation_id WHERE o.short_name = 'UPM' AND k.active",
      );
      const key = {
        did: rows[0].did,
        verificationMethod: rows[0].verification_method,
        publicKeyMultibase: rows[0].public_key_multibase,
        secretKeyMultibase: new KeyVault(server.masterKey).open(rows[0].sealed_secret_key, rows[0].did),
      };
      const facts = aModuleCredential({
        issuedAt: new Date(),
        issuer: { did: key.did, name: 'Universidad Politécnica de Madrid', countryCode: 'ES' },
        credentialStatus: [statusEntry('https://status.elsewhere.example/lists/1', 'revocation', 42)],
      });
      const credential = await signCredential(buildModuleCredential(facts), key);
      const report = await verify(server, credential);
      expect(report).toMatchObject({ verified: false, verdict: 'STATUS_UNKNOWN' });
      expect(checkOf(report, 'STATUS')).toMatchObject({ outcome: 'UNKNOWN', message: expect.stringMatching(/cannot be read/) });
      expect(checkOf(report, 'PROOF').outcome).toBe('PASSED');
      expect(checkOf(report, 'ISSUER').outcome).toBe('PASSED');
    });
  });

  describe('credentials issued with the two-entry form (before issue 10)', () => {
    it('stay revocable and suspendable: their revocation and suspension lists are still kept', async () => {
      const publicUrl = server.app.get<AppConfig>(APP_CONFIG).publicUrl;
      const { rows } = await server.db.query(
        "SELECT o.id AS organisation, k.did, k.verification_method, k.public_key_multibase, k.sealed_secret_key FROM issuer_key k JOIN organisation o ON o.id = k.organisation_id WHERE o.short_name = 'UPM' AND k.active",
      );
      const key = {
        did: rows[0].did,
        verificationMethod: rows[0].verification_method,
        publicKeyMultibase: rows[0].public_key_multibase,
        secretKeyMultibase: new KeyVault(server.masterKey).open(rows[0].sealed_secret_key, rows[0].did),
      };
      // The set as the old code created it: two one-bit lists of 131,072 entries.
      const set = await server.db.query('INSERT INTO status_list_set (organisation_id, size) VALUES ($1, 131072) RETURNING id', [
        rows[0].organisation,
      ]);
      const setId = set.rows[0].id;
      const lists: Record<string, string> = {};
      for (const purpose of ['revocation', 'suspension']) {
        const list = await server.db.query(
          "INSERT INTO status_list (set_id, purpose, bits) VALUES ($1, $2, decode(repeat('00', 16384), 'hex')) RETURNING id",
          [setId, purpose],
        );
        lists[purpose] = `${publicUrl}/status-lists/${list.rows[0].id}`;
      }
      const issueOld = async (index: number) => {
        await server.db.query('INSERT INTO status_allocation (set_id, index) VALUES ($1, $2)', [setId, index]);
        const id = randomUUID();
        const credential = await signCredential(
          buildModuleCredential(
            aModuleCredential({
              credentialId: `urn:uuid:${id}`,
              issuedAt: new Date(),
              issuer: { did: key.did, name: 'Universidad Politécnica de Madrid', countryCode: 'ES' },
              credentialStatus: [statusEntry(lists.revocation, 'revocation', index), statusEntry(lists.suspension, 'suspension', index)],
            }),
          ),
          key,
        );
        await server.db.query(
          `INSERT INTO credential (id, kind, issuer_organisation_id, issuer_did, document, issued_at, status_set_id, status_index)
           VALUES ($1, 'API', $2, $3, $4, now(), $5, $6)`,
          [id, rows[0].organisation, key.did, JSON.stringify(credential), setId, index],
        );
        return { id, credential };
      };
      const revoked = await issueOld(1000);
      const suspended = await issueOld(1001);
      expect((await verify(server, revoked.credential)).verdict).toBe('VALID');
      expect((await change('revokeCredential', revoked.id)).errors).toBeUndefined();
      expect((await change('suspendCredential', suspended.id)).errors).toBeUndefined();
      expect((await verify(server, revoked.credential)).verdict).toBe('REVOKED');
      expect((await verify(server, suspended.credential)).verdict).toBe('SUSPENDED');
      expect((await change('reinstateCredential', suspended.id)).errors).toBeUndefined();
      expect((await verify(server, suspended.credential)).verdict).toBe('VALID');
    });
  });

  describe('key rotation and compromise', () => {
    it('keeps verifying credentials signed before a rotation; signs new ones with the new key', async () => {
      const before = await anIssuedCredential(server, 'TALTECH-EGV-01', 'registrar@taltech.example');
      const taltech = await server.login('registrar@taltech.example');
      const { data: orgs } = await server.gql('{ organisations(countryCode: "EE", kind: HEI) { items { id issuerDid } } }');
      const organisation = orgs.organisations.items[0];
      const rotated = await server.gql(
        'mutation($id: ID!) { rotateSigningKey(organisationId: $id) { did active } }',
        { id: organisation.id },
        taltech,
      );
      expect(rotated.data.rotateSigningKey.active).toBe(true);
      expect(rotated.data.rotateSigningKey.did).not.toBe(organisation.issuerDid);

      await expect(verify(server, before.credential.document)).resolves.toMatchObject({ verified: true, verdict: 'VALID' });
      const after = await anIssuedCredential(server, 'TALTECH-EGV-01', 'registrar@taltech.example');
      expect(after.credential.issuerDid).toBe(rotated.data.rotateSigningKey.did);
      await expect(verify(server, after.credential.document)).resolves.toMatchObject({ verified: true });

      const registry = (await (await fetch(`${server.url}/.well-known/magix-trust-registry.json`)).json()) as Json;
      const entries = registry.issuers.filter((i: Json) => i.organisation.shortName === 'TalTech');
      expect(entries.map((e: Json) => [e.did, e.active, e.validUntil === null])).toEqual([
        [organisation.issuerDid, false, false],
        [rotated.data.rotateSigningKey.did, true, true],
      ]);
    });

    it('distrusts what a compromised key signed from the compromise on, not before', async () => {
      const early = await anIssuedCredential(server, 'FAU-MLP-01', FAU_STAFF);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const compromisedFrom = new Date();
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const late = await anIssuedCredential(server, 'FAU-MLP-01', FAU_STAFF);
      expect(late.credential.issuerDid).toBe(early.credential.issuerDid);
      const fau = await server.login(FAU_STAFF);
      const reported = await server.gql(
        'mutation($input: ReportKeyCompromiseInput!) { reportKeyCompromise(input: $input) { did active compromisedFrom } }',
        { input: { did: early.credential.issuerDid, compromisedFrom: compromisedFrom.toISOString(), reason: 'Laptop stolen' } },
        fau,
      );
      expect(reported.data.reportKeyCompromise).toMatchObject({ active: false, compromisedFrom: compromisedFrom.toISOString() });
      await expect(verify(server, early.credential.document)).resolves.toMatchObject({ verified: true });
      const report = await verify(server, late.credential.document);
      expect(report).toMatchObject({ verified: false, verdict: 'INVALID' });
      expect(checkOf(report, 'ISSUER')).toMatchObject({ outcome: 'FAILED', message: expect.stringMatching(/compromised/) });
      const next = await anIssuedCredential(server, 'FAU-MLP-01', FAU_STAFF);
      expect(next.credential.issuerDid).not.toBe(early.credential.issuerDid);
    });

    it('refuses another HEI rotating or reporting your key', async () => {
      const { data: orgs } = await server.gql('{ organisations(countryCode: "IT", kind: HEI) { items { id issuerDid } } }');
      const rotate = await server.gql(
        'mutation($id: ID!) { rotateSigningKey(organisationId: $id) { did } }',
        { id: orgs.organisations.items[0].id },
        upm,
      );
      expect(rotate.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('VC-JOSE', () => {
    it('offers every credential as application/vc+jwt, which verifies; a tampered one does not', async () => {
      const { credential, learner } = await anIssuedCredential(server);
      const { data } = await server.gql('query($id: ID!) { credential(id: $id) { jwt } }', { id: credential.id }, learner.token);
      const jwt: string = data.credential.jwt;
      const header = JSON.parse(Buffer.from(jwt.split('.')[0], 'base64url').toString());
      expect(header).toMatchObject({ alg: 'EdDSA', typ: 'vc+jwt', kid: expect.stringContaining(credential.issuerDid) });
      await expect(verify(server, jwt)).resolves.toMatchObject({ verified: true, securedWith: 'JOSE', verdict: 'VALID' });

      const [h, payload, signature] = jwt.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      claims.credentialSubject.creditsEarned = 60;
      const tampered = [h, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
      const report = await verify(server, tampered);
      expect(report).toMatchObject({ verified: false, securedWith: 'JOSE' });
      expect(checkOf(report, 'PROOF').outcome).toBe('FAILED');

      const rest = await fetch(`${server.url}/credentials/${credential.id}`, {
        headers: { accept: 'application/vc+jwt', authorization: `Bearer ${learner.token}` },
      });
      expect(rest.headers.get('content-type')).toMatch(/application\/vc\+jwt/);
      expect(await rest.text()).toBe(jwt);
    });

    it('reports the JOSE form of a revoked credential as revoked', async () => {
      const { credential } = await anIssuedCredential(server);
      const { data } = await server.gql('query($id: ID!) { credential(id: $id) { jwt } }', { id: credential.id }, upm);
      await change('revokeCredential', credential.id);
      await expect(verify(server, data.credential.jwt)).resolves.toMatchObject({ verdict: 'REVOKED' });
    });
  });
});
