import { jwtVerify, SignJWT } from 'jose';
import { Principal } from './role';

export const TOKEN_ISSUER = 'magix';
export const TOKEN_AUDIENCE = 'magix-api';
export const TOKEN_ALGORITHM = 'HS256';

export interface AccessTokenClaims {
  sub: string;
  role: Principal['role'];
  org?: string;
  lrn?: string;
  /** The account's token_version when the token was issued: a password change or a disable ends it. */
  ver: number;
}

/** A token valid for `ttlSeconds` from `now` (the Clock's time: iat and exp are stated, not taken from the wall clock). */
export function signAccessToken(
  principal: Principal,
  tokenVersion: number,
  secret: Uint8Array,
  ttlSeconds: number,
  now: Date,
): Promise<string> {
  const claims: Omit<AccessTokenClaims, 'sub'> = {
    role: principal.role,
    ...(principal.organisationId ? { org: principal.organisationId } : {}),
    ...(principal.learnerId ? { lrn: principal.learnerId } : {}),
    ver: tokenVersion,
  };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: TOKEN_ALGORITHM, typ: 'JWT' })
    .setSubject(principal.userId)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(new Date(now.getTime() + ttlSeconds * 1000))
    .sign(secret);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who a token names and at which token version, or null for any token we did not issue as it is or that has expired at `now`. */
export async function verifyAccessToken(
  token: string,
  secret: Uint8Array,
  now: Date,
): Promise<{ userId: string; tokenVersion: number } | null> {
  try {
    const { payload } = await jwtVerify(token, secret, {
      algorithms: [TOKEN_ALGORITHM],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      // A token without an expiry would be valid for ever: refuse it, and one without a subject.
      requiredClaims: ['exp', 'iat', 'sub'],
      currentDate: now,
    });
    const { sub, ver } = payload;
    if (typeof sub !== 'string' || !UUID.test(sub) || typeof ver !== 'number' || !Number.isInteger(ver)) return null;
    return { userId: sub, tokenVersion: ver };
  } catch {
    return null;
  }
}
