import { bitAt, buildStatusListCredential, decodeBitstring, encodeBitstring, STATUS_LIST_SIZE, statusEntry, withBit } from './status-list';

describe('bitstring status lists', () => {
  const empty = new Uint8Array(STATUS_LIST_SIZE / 8);

  it('numbers bits from the left of the first byte', () => {
    expect(withBit(empty, 0, true)[0]).toBe(0b1000_0000);
    expect(withBit(empty, 7, true)[0]).toBe(0b0000_0001);
    expect(withBit(empty, 8, true)[1]).toBe(0b1000_0000);
  });

  it('sets and clears one bit without touching the others', () => {
    const set = withBit(withBit(empty, 4242, true), 4243, true);
    expect(bitAt(set, 4242)).toBe(true);
    expect(bitAt(set, 4241)).toBe(false);
    const cleared = withBit(set, 4242, false);
    expect(bitAt(cleared, 4242)).toBe(false);
    expect(bitAt(cleared, 4243)).toBe(true);
    expect(bitAt(empty, 4242)).toBe(false);
  });

  it('round-trips through the GZIP + base64url multibase encoding', () => {
    const bits = withBit(empty, 131071, true);
    const encoded = encodeBitstring(bits);
    expect(encoded.startsWith('u')).toBe(true);
    expect(encoded.length).toBeLessThan(1000);
    const decoded = decodeBitstring(encoded);
    expect(decoded).toHaveLength(STATUS_LIST_SIZE / 8);
    expect(bitAt(decoded, 131071)).toBe(true);
  });

  it('refuses an index beyond the list', () => {
    expect(() => bitAt(empty, STATUS_LIST_SIZE)).toThrow(RangeError);
  });

  it('builds entries and list credentials in the shape of the spec', () => {
    expect(statusEntry('https://x.example/status-lists/1', 'suspension', 17)).toEqual({
      id: 'https://x.example/status-lists/1#17',
      type: 'BitstringStatusListEntry',
      statusPurpose: 'suspension',
      statusListIndex: '17',
      statusListCredential: 'https://x.example/status-lists/1',
    });
    const list = buildStatusListCredential({
      url: 'https://x.example/l',
      issuerDid: 'did:key:z6Mk1',
      purpose: 'revocation',
      bits: empty,
      validFrom: new Date('2026-01-01T00:00:00Z'),
    });
    expect(list).toMatchObject({
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      credentialSubject: { type: 'BitstringStatusList', statusPurpose: 'revocation' },
    });
  });
});
