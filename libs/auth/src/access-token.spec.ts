import { randomBytes, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { signAccessToken, TOKEN_AUDIENCE, TOKEN_ISSUER, verifyAccessToken } from './access-token';
import { Role } from './role';

const secret = randomBytes(32);
const userId = randomUUID();
const principal = { userId, role: Role.LEARNER, organisationId: null, learnerId: randomUUID() };

function token(claims: Record<string, unknown>, build: (jwt: SignJWT) => SignJWT) {
  return build(new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuer(TOKEN_ISSUER).setAudience(TOKEN_AUDIENCE)).sign(secret);
}

describe('access tokens', () => {
  it('names the account and its token version', async () => {
    await expect(verifyAccessToken(await signAccessToken(principal, 3, secret, 60), secret)).resolves.toEqual({ userId, tokenVersion: 3 });
  });

  it('refuses a token without exp, without iat or without sub', async () => {
    const ok = (jwt: SignJWT) => jwt.setSubject(userId).setIssuedAt().setExpirationTime('1m');
    await expect(verifyAccessToken(await token({ ver: 0 }, ok), secret)).resolves.not.toBeNull();
    await expect(verifyAccessToken(await token({ ver: 0 }, (jwt) => jwt.setSubject(userId).setIssuedAt()), secret)).resolves.toBeNull();
    await expect(
      verifyAccessToken(await token({ ver: 0 }, (jwt) => jwt.setSubject(userId).setExpirationTime('1m')), secret),
    ).resolves.toBeNull();
    await expect(
      verifyAccessToken(await token({ ver: 0 }, (jwt) => jwt.setIssuedAt().setExpirationTime('1m')), secret),
    ).resolves.toBeNull();
  });

  it('refuses an expired token, another key, a subject that is not an id, and a missing version', async () => {
    const expired = await token({ ver: 0 }, (jwt) => jwt.setSubject(userId).setIssuedAt(1).setExpirationTime(2));
    await expect(verifyAccessToken(expired, secret)).resolves.toBeNull();
    await expect(verifyAccessToken(await signAccessToken(principal, 0, randomBytes(32), 60), secret)).resolves.toBeNull();
    const notUuid = await token({ ver: 0 }, (jwt) => jwt.setSubject("x' OR 1=1").setIssuedAt().setExpirationTime('1m'));
    await expect(verifyAccessToken(notUuid, secret)).resolves.toBeNull();
    const noVersion = await token({}, (jwt) => jwt.setSubject(userId).setIssuedAt().setExpirationTime('1m'));
    await expect(verifyAccessToken(noVersion, secret)).resolves.toBeNull();
  });
});
