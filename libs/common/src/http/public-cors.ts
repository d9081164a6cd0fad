import { RequestHandler } from 'express';

/**
 * The routes any web page may call from its own origin: browser-based verifiers, wallets and badge
 * displays read these. Everything else (GraphQL, accounts, CVs) stays same-origin: no CORS header
 * at all, so a browser refuses other origins' reads of it.
 */
const PUBLIC_ROUTES: Array<{ method: 'GET' | 'POST'; path: RegExp }> = [
  { method: 'POST', path: /^\/credentials\/verify$/ },
  { method: 'POST', path: /^\/presentations\/verify$/ },
  { method: 'GET', path: /^\/status-lists\/[^/]+$/ },
  { method: 'GET', path: /^\/contexts\/magix\/v\d+$/ },
  { method: 'GET', path: /^\/(?:\.well-known\/magix-trust-registry\.json|trust-registry)$/ },
  { method: 'GET', path: /^\/badges\/(?:modules|issuers)\/[^/]+$/ },
  { method: 'GET', path: /^\/c\/[^/]+\/credential\.json$/ },
];

const ALLOWED_HEADERS = 'Content-Type, Accept, Accept-Language, If-None-Match';

export function publicRouteMethod(path: string): 'GET' | 'POST' | null {
  return PUBLIC_ROUTES.find((route) => route.path.test(path))?.method ?? null;
}

/** Open CORS (any origin, never credentials) on the public routes; nothing on the others. */
export const publicCors: RequestHandler = (request, response, next) => {
  const method = publicRouteMethod(request.path);
  if (!method) return next();
  response.setHeader('Access-Control-Allow-Origin', '*');
  // Other sites may show the badges and fetch these documents; helmet's default is same-origin.
  response.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  if (request.method === 'OPTIONS') {
    response.setHeader('Access-Control-Allow-Methods', method === 'GET' ? 'GET, HEAD' : 'POST');
    response.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    response.setHeader('Access-Control-Max-Age', '600');
    response.status(204).end();
    return;
  }
  response.setHeader('Access-Control-Expose-Headers', 'ETag, Cache-Control');
  next();
};
