import {
  bitAt,
  CredentialState,
  FIRST_MESSAGE_INDEX,
  MESSAGE_LIST_ENTRIES,
  messageListBits,
  STATUS_SIZE,
  statusAt,
  withBit,
} from './status-list';
import { CheckName, CheckOutcome, IssuerRecord, VerificationContext, verifyCredential } from './credential-verifier';
import legacy from './testing/legacy/issued-before-issue-10.json';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

describe('a two-bit message status list', () => {
  const empty = (): Uint8Array => new Uint8Array((MESSAGE_LIST_ENTRIES * STATUS_SIZE) / 8);
  const write = (bits: Uint8Array, index: number, state: CredentialState) =>
    messageListBits(index, state).reduce((acc, { position, value }) => withBit(acc, position, value), bits);

  it.each([CredentialState.VALID, CredentialState.REVOKED, CredentialState.SUSPENDED])('reads back state %s at every corner', (state) => {
    for (const index of [FIRST_MESSAGE_INDEX, FIRST_MESSAGE_INDEX + 1, MESSAGE_LIST_ENTRIES - 1, 200_001]) {
      const bits = write(empty(), index, state);
      expect(statusAt(bits, index, STATUS_SIZE)).toBe(state);
      // A reader that ignores statusSize reads one bit at the index: set exactly when not valid.
      expect(bitAt(bits, index)).toBe(state !== CredentialState.VALID);
    }
  });

  it('never lets one credential’s status show through another’s, for any reader', () => {
    let bits: Uint8Array = empty();
    const revoked = FIRST_MESSAGE_INDEX + 12_345;
    const suspended = FIRST_MESSAGE_INDEX + 77_777;
    bits = write(bits, revoked, CredentialState.REVOKED);
    bits = write(bits, suspended, CredentialState.SUSPENDED);
    for (let index = FIRST_MESSAGE_INDEX; index < MESSAGE_LIST_ENTRIES; index += 997) {
      if (index === revoked || index === suspended) continue;
      expect(statusAt(bits, index, STATUS_SIZE)).toBe(CredentialState.VALID);
      expect(bitAt(bits, index)).toBe(false);
    }
    bits = write(bits, suspended, CredentialState.VALID);
    expect(statusAt(bits, suspended, STATUS_SIZE)).toBe(CredentialState.VALID);
    expect(bitAt(bits, suspended)).toBe(false);
    expect(statusAt(bits, revoked, STATUS_SIZE)).toBe(CredentialState.REVOKED);
  });
});

describe('credentials issued before issue 10', () => {
  const fixture = legacy as unknown as Doc;
  const records = new Map<string, IssuerRecord>(
    Object.entries(fixture.issuers as Record<string, string>).map(([name, did]) => [
      did,
      { did, organisationId: name, name, countryCode: 'ES', validFrom: new Date(0), retiredAt: null, compromisedFrom: null },
    ]),
  );
  const context = (lists: Record<string, unknown>): VerificationContext => ({
    issuers: { lookup: (did) => Promise.resolve(records.get(did) ?? null) },
    statusLists: { resolve: (url) => Promise.resolve(lists[url] ?? null) },
    now: new Date(),
  });

  it('names the old, unserved context and two status entries', () => {
    expect(fixture.module['@context']).toContain('https://magix.ai4gov-x.eu/contexts/v1');
    expect(fixture.module.credentialStatus).toHaveLength(2);
  });

  it('still verify: the module credential, under the old context (bundled, never fetched)', async () => {
    const report = await verifyCredential(fixture.module, context(fixture.statusLists));
    expect(report.checks.filter((c) => c.outcome !== CheckOutcome.PASSED)).toEqual([]);
    expect(report.verdict).toBe('VALID');
  });

  it('still verify: the degree with its proof set, every co-awarder signing', async () => {
    const report = await verifyCredential(fixture.degree, context(fixture.statusLists));
    expect(report.verdict).toBe('VALID');
    expect(report.checks.find((c) => c.name === CheckName.PROOF)?.message).toMatch(/co-awarders match/);
  });

  it('are still reported revoked through their revocation list', async () => {
    const report = await verifyCredential(fixture.module, context(fixture.revokedStatusLists));
    expect(report.verdict).toBe('REVOKED');
  });

  it('still fail when tampered', async () => {
    const copy = structuredClone(fixture.module);
    copy.credentialSubject.result[0].value = '10';
    const report = await verifyCredential(copy, context(fixture.statusLists));
    expect(report.verdict).toBe('INVALID');
  });
});
