import { createHash, timingSafeEqual } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { CommonErrorCode, DomainError, forbidden } from '@magix/common';

/** Headers a reverse proxy adds: a request that carries one came from elsewhere, whatever its socket says. */
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'];
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Who may read /metrics (figures of the whole consortium's activity, and of the process): with
 * METRICS_TOKEN set, whoever sends `Authorization: Bearer <METRICS_TOKEN>`; without it, only a
 * scraper on this machine talking to the server directly (loopback, no proxy's headers).
 */
export function checkMetricsAccess(request: IncomingMessage, token: string | undefined): void {
  if (token) {
    const header = request.headers.authorization ?? '';
    const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
    if (!sameSecret(given, token))
      throw new DomainError(CommonErrorCode.UNAUTHENTICATED, 'GET /metrics needs Authorization: Bearer <METRICS_TOKEN>', undefined, 401);
    return;
  }
  const direct = FORWARDING_HEADERS.every((name) => request.headers[name] === undefined);
  if (!direct || !LOOPBACK.has(request.socket.remoteAddress ?? ''))
    throw forbidden('GET /metrics answers only on loopback unless METRICS_TOKEN is set');
}

/** Compared by digest: equal lengths for timingSafeEqual, and no early exit on the first differing byte. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
