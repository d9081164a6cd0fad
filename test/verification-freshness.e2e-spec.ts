import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_CONFIG, AppConfig, loadConfig } from '@magix/config';
import { createApp } from '../apps/api/src/create-app';
import { ADMIN, UPM_STAFF } from './support/factories';
import { anIssuedCredential, checkOf, verify, VERIFY } from './support/credentials';
import { Json, startTestServer, TestServer } from './support/test-server';

const CHANGE = (mutation: string) => `mutation($input: CredentialStatusInput!) { ${mutation}(input: $input) { id state } }`;
const REPORT = 'mutation($input: ReportKeyCompromiseInput!) { reportKeyCompromise(input: $input) { did compromisedFrom } }';

/**
 * Verification keeps what cannot change under a version (signed status lists, issuance records)
 * and reads the rest fresh in one query: a change made through one server is seen by the very
 * next verification in another on the same database, whose caches are warm. Two applications in
 * one test process have caches of their own, as two processes do.
 */
describe('verification sees every change at once, from any server on the database', () => {
  let a: TestServer;
  let b: INestApplication;
  let bUrl: string;
  let upm: string;

  beforeAll(async () => {
    a = await startTestServer();
    const config = loadConfig({ PORT: '0', DATA_DIR: mkdtempSync(join(tmpdir(), 'magix-test-data-')), SEED_DEMO: 'false' });
    b = await createApp({
      config,
      secrets: { jwtSecret: randomBytes(32), masterKey: a.masterKey },
      databaseUrl: a.databaseUrl,
      logger: ['error'],
    });
    await b.listen(0, '127.0.0.1');
    bUrl = (await b.getUrl()).replace('[::1]', '127.0.0.1');
    upm = await a.login(UPM_STAFF);
  });

  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  /** GraphQL verification on the second server. */
  const verifyOnB = async (credential: unknown): Promise<Json> => {
    const response = await fetch(`${bUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: VERIFY, variables: { credential } }),
    });
    const { data, errors } = (await response.json()) as Json;
    expect(errors).toBeUndefined();
    return data.verifyCredential;
  };
  /** The VC-API route on the second server (the one the bench saturates): 200 verified, 422 not. */
  const restStatusOnB = async (credential: unknown): Promise<number> => {
    const response = await fetch(`${bUrl}/credentials/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ verifiableCredential: credential }),
    });
    await response.arrayBuffer();
    return response.status;
  };
  const change = async (mutation: string, id: string) => {
    const { errors } = await a.gql(CHANGE(mutation), { input: { id, reason: 'Under review' } }, upm);
    expect(errors).toBeUndefined();
  };

  it('shares one public URL between the two servers (status lists are "ours" to both)', () => {
    expect(b.get<AppConfig>(APP_CONFIG).publicUrl).toBe(a.app.get<AppConfig>(APP_CONFIG).publicUrl);
  });

  it('a revocation through one server is seen by the next verification on the other, and on itself', async () => {
    const { credential } = await anIssuedCredential(a);
    for (let i = 0; i < 3; i++) expect((await verifyOnB(credential.document)).verdict).toBe('VALID');
    expect(await restStatusOnB(credential.document)).toBe(200);
    expect((await verify(a, credential.document)).verdict).toBe('VALID');
    await change('revokeCredential', credential.id);
    expect(await restStatusOnB(credential.document)).toBe(422);
    expect(await verifyOnB(credential.document)).toMatchObject({ verified: false, verdict: 'REVOKED' });
    expect((await verify(a, credential.document)).verdict).toBe('REVOKED');
  });

  it('a suspension and a reinstatement, each seen by the next verification', async () => {
    const { credential } = await anIssuedCredential(a);
    expect((await verifyOnB(credential.document)).verdict).toBe('VALID');
    await change('suspendCredential', credential.id);
    expect((await verifyOnB(credential.document)).verdict).toBe('SUSPENDED');
    await change('reinstateCredential', credential.id);
    expect((await verifyOnB(credential.document)).verdict).toBe('VALID');
  });

  it('a change of the bits by another process (SQL, the version bumped) is seen at once', async () => {
    const { credential } = await anIssuedCredential(a);
    expect((await verifyOnB(credential.document)).verdict).toBe('VALID');
    const index = Number(credential.document.credentialStatus.statusListIndex);
    const listId = String(credential.document.credentialStatus.statusListCredential).split('/').pop();
    // Status 0x1 (revoked) in a two-bit list: the second bit of the entry, in PostgreSQL's bit order.
    const position = index * 2 + 1;
    await a.db.query('UPDATE status_list SET bits = set_bit(bits, $1, 1), version = version + 1 WHERE id = $2', [
      (position & ~7) | (7 - (position & 7)),
      listId,
    ]);
    expect((await verifyOnB(credential.document)).verdict).toBe('REVOKED');
  });

  it('a registry change (an HEI leaves the consortium) is seen by the next verification', async () => {
    const { credential } = await anIssuedCredential(a);
    expect((await verifyOnB(credential.document)).verdict).toBe('VALID');
    await a.db.query("UPDATE organisation SET consortium_member = false WHERE short_name = 'UPM'");
    try {
      const report = await verifyOnB(credential.document);
      expect(report.verdict).toBe('INVALID');
      expect(checkOf(report, 'ISSUER').outcome).toBe('FAILED');
    } finally {
      await a.db.query("UPDATE organisation SET consortium_member = true WHERE short_name = 'UPM'");
    }
    expect((await verifyOnB(credential.document)).verdict).toBe('VALID');
  });

  it('a key compromise report is seen by the next verification of what the key signed after it', async () => {
    const { credential } = await anIssuedCredential(a);
    expect((await verifyOnB(credential.document)).verdict).toBe('VALID');
    const compromisedFrom = new Date(Date.now() - 60 * 60_000).toISOString();
    const { errors } = await a.gql(
      REPORT,
      { input: { did: credential.issuerDid, compromisedFrom, reason: 'Laptop lost' } },
      await a.login(ADMIN),
    );
    expect(errors).toBeUndefined();
    const report = await verifyOnB(credential.document);
    expect(report.verdict).toBe('INVALID');
    expect(checkOf(report, 'ISSUER').message).toContain('reported compromised');
  });
});
