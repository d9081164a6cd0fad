import { randomBytes, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { signAccessToken, TOKEN_AUDIENCE, TOKEN_ISSUER, verifyAccessToken } from './access-token';
import { Role } from './role';

const secret = randomBytes(32);
const userId = randomUUID();
const principal = { userId, role: Role.LEARNER, organisationId: null, learnerId: randomUUID() };
const now = new Date();

function token(claims: Record<string, unknown>, build: (jwt: SignJWT) => SignJWT) {
  return build(new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuer(TOKEN_ISSUER).setAudience(TOKEN_AUDIENCE)).sign(secret);
}

describe('access tokens', () => {
  it('names the account and its token version', async () => {
    await expect(verifyAccessToken(await signAccessToken(principal, 3, secret, 60, now), secret, now)).resolves.toEqual({
      userId,
      tokenVersion: 3,
    });
  });

  it('refuses a token without exp, without iat or without sub', async () => {
    const ok = (jwt: SignJWT) => jwt.setSubject(userId).setIssuedAt().setExpirationTime('1m');
    await expect(verifyAccessToken(await token({ ver: 0 }, ok), secret, now)).resolves.not.toBeNull();
    await expect(
      verifyAccessToken(await token({ ver: 0 }, (jwt) => jwt.setSubject(userId).setIssuedAt()), secret, now),
    ).resolves.toBeNull();
    await expect(
      verifyAccessToken(await token({ ver: 0 }, (jwt) => jwt.setSubject(userId).setExpirationTime('1m')), secret, now),
    ).resolves.toBeNull();
    await expect(
      verifyAccessToken(await token({ ver: 0 }, (jwt) => jwt.setIssuedAt().setExpirationTime('1m')), secret, now),
    ).resolves.toBeNull();
  });

  it('refuses an expired token, another key, a subject that is not an id, and a missing version', async () => {
    const expired = await token({ ver: 0 }, (jwt) => jwt.setSubject(userId).setIssuedAt(1).setExpirationTime(2));
    await expect(verifyAccessToken(expired, secret, now)).resolves.toBeNull();
    await expect(verifyAccessToken(await signAccessToken(principal, 0, randomBytes(32), 60, now), secret, now)).resolves.toBeNull();
    const notUuid = await token({ ver: 0 }, (jwt) => jwt.setSubject("x' OR 1=1").setIssuedAt().setExpirationTime('1m'));
    await expect(verifyAccessToken(notUuid, secret, now)).resolves.toBeNull();
    const noVersion = await token({}, (jwt) => jwt.setSubject(userId).setIssuedAt().setExpirationTime('1m'));
    await expect(verifyAccessToken(noVersion, secret, now)).resolves.toBeNull();
  });

  it('dates the token by the time it is given and judges its expiry by the time it is given, not the wall clock', async () => {
    const at = new Date('2031-05-01T08:00:00Z');
    const signed = await signAccessToken(principal, 1, secret, 60, at);
    const claims = JSON.parse(Buffer.from(signed.split('.')[1], 'base64url').toString('utf8')) as { iat: number; exp: number };
    expect(claims).toMatchObject({ iat: at.getTime() / 1000, exp: at.getTime() / 1000 + 60 });
    await expect(verifyAccessToken(signed, secret, new Date(at.getTime() + 59_000))).resolves.toEqual({ userId, tokenVersion: 1 });
    await expect(verifyAccessToken(signed, secret, new Date(at.getTime() + 61_000))).resolves.toBeNull();
  });
});
