import { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * The site's policy: every script and style from our own origin, nothing inline, no framing,
 * no plugins; images also as data: URIs (credentials carry their badges inline).
 */
const STRICT_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * helmet with a strict CSP, nosniff, DENY framing, no referrer (share-link paths carry their
 * token), and HSTS only when this server itself speaks TLS (HSTS over plain HTTP is ignored at
 * best and locks out a local http:// deployment at worst).
 */
export function securityHeaders(tls: boolean): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...STRICT_DIRECTIVES, ...(tls ? { upgradeInsecureRequests: [] } : {}) },
    },
    strictTransportSecurity: tls ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: 'same-origin' },
    xPoweredBy: false,
  });
}
