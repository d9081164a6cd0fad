import { SignJWT } from 'jose';
import { Principal } from './role';

export const TOKEN_ISSUER = 'magix';
export const TOKEN_AUDIENCE = 'magix-api';
export const TOKEN_ALGORITHM = 'HS256';

export interface AccessTokenClaims {
  sub: string;
  role: Principal['role'];
  org?: string;
  lrn?: string;
}

export function signAccessToken(principal: Principal, secret: Uint8Array, ttlSeconds: number): Promise<string> {
  const claims: Omit<AccessTokenClaims, 'sub'> = {
    role: principal.role,
    ...(principal.organisationId ? { org: principal.organisationId } : {}),
    ...(principal.learnerId ? { lrn: principal.learnerId } : {}),
  };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: TOKEN_ALGORITHM, typ: 'JWT' })
    .setSubject(principal.userId)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(secret);
}

export function principalFromClaims(claims: AccessTokenClaims): Principal {
  return { userId: claims.sub, role: claims.role, organisationId: claims.org ?? null, learnerId: claims.lrn ?? null };
}
