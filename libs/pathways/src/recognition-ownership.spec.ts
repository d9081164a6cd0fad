import { createHash } from 'node:crypto';
import { credentialKeyOf, holdingOf, identifierIsEmail, LearnerIdentity, namesWallet, RecognitionHolding } from './recognition-ownership';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const learner: LearnerIdentity = { platformDid: 'did:key:zPlatform', walletDid: 'did:key:zWallet', email: 'elena.garcia@madrid.example' };
const hashed = (email: string, salt = 'f00d') => ({
  type: 'IdentityObject',
  identityType: 'emailAddress',
  hashed: true,
  salt,
  identityHash: `sha256$${sha256(email + salt)}`,
});

describe('recognition ownership', () => {
  it('matches an OB 3.0 salted sha256 email hash, in either hex case, and a plain email', () => {
    expect(identifierIsEmail(hashed(learner.email), learner.email)).toBe(true);
    const upper = hashed(learner.email);
    expect(
      identifierIsEmail({ ...upper, identityHash: upper.identityHash.toUpperCase().replace('SHA256$', 'sha256$') }, learner.email),
    ).toBe(true);
    expect(identifierIsEmail({ ...hashed(learner.email), salt: 'other' }, learner.email)).toBe(false);
    expect(identifierIsEmail(hashed('someone@else.example'), learner.email)).toBe(false);
    expect(identifierIsEmail({ ...hashed(learner.email), identityType: 'name' }, learner.email)).toBe(false);
    expect(identifierIsEmail({ ...hashed(learner.email), identityHash: `md5$${sha256('x').slice(0, 32)}` }, learner.email)).toBe(false);
    expect(
      identifierIsEmail(
        { type: 'IdentityObject', identityType: 'emailAddress', hashed: false, identityHash: 'Elena.Garcia@madrid.example' },
        learner.email,
      ),
    ).toBe(true);
    // An unsalted hash is an OB IdentityHash too.
    expect(
      identifierIsEmail({ identityType: 'emailAddress', hashed: true, identityHash: `sha256$${sha256(learner.email)}` }, learner.email),
    ).toBe(true);
  });

  it('holds a credential issued to the platform DID or naming the email, never by the wallet DID alone', () => {
    expect(holdingOf({ credentialSubject: { id: learner.platformDid } }, learner)).toBe(RecognitionHolding.PLATFORM_DID);
    expect(holdingOf({ credentialSubject: [{ id: 'urn:uuid:x', identifier: [hashed(learner.email)] }] }, learner)).toBe(
      RecognitionHolding.EMAIL,
    );
    expect(holdingOf({ credentialSubject: { id: 'urn:uuid:x', identifier: hashed(learner.email) } }, learner)).toBe(
      RecognitionHolding.EMAIL,
    );
    const toWallet = { credentialSubject: { id: learner.walletDid } };
    expect(holdingOf(toWallet, learner)).toBeNull();
    expect(namesWallet(toWallet, learner)).toBe(true);
    expect(holdingOf({ credentialSubject: { id: 'did:key:zIeva' } }, learner)).toBeNull();
    expect(holdingOf({ credentialSubject: { id: 'did:key:zIeva' } }, { ...learner, platformDid: null })).toBeNull();
  });

  it('keys a verified credential by its id, anything else by its content without the proof, whatever the key order', () => {
    const credential = { id: 'urn:uuid:1', name: 'A', credentialSubject: { id: 'x', b: 1, a: 2 }, proof: { proofValue: 'z1' } };
    expect(credentialKeyOf(credential, '', true)).toBe('id:urn:uuid:1');
    const digest = credentialKeyOf(credential, '', false);
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    const reordered = { proof: { proofValue: 'z2' }, credentialSubject: { a: 2, id: 'x', b: 1 }, name: 'A', id: 'urn:uuid:1' };
    expect(credentialKeyOf(reordered, '', false)).toBe(digest);
    expect(credentialKeyOf({ ...credential, name: 'B' }, '', false)).not.toBe(digest);
    expect(credentialKeyOf(null, 'eyJhbGciOi.jwt', false)).toBe(`sha256:${sha256('eyJhbGciOi.jwt')}`);
  });
});
