import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { DomainError } from '@magix/common';
import { checkMetricsAccess } from './metrics-access';

function aRequest(remoteAddress: string, headers: Record<string, string> = {}): IncomingMessage {
  const request = new IncomingMessage(Object.defineProperty(new Socket(), 'remoteAddress', { value: remoteAddress }));
  request.headers = headers;
  return request;
}

const refusal = (request: IncomingMessage, token?: string) => {
  try {
    checkMetricsAccess(request, token);
    return 'allowed';
  } catch (error) {
    return error instanceof DomainError ? `${error.httpStatus} ${error.code}` : String(error);
  }
};

describe('checkMetricsAccess', () => {
  it('without METRICS_TOKEN lets in only a direct loopback scraper', () => {
    expect(refusal(aRequest('127.0.0.1'))).toBe('allowed');
    expect(refusal(aRequest('::1'))).toBe('allowed');
    expect(refusal(aRequest('::ffff:127.0.0.1'))).toBe('allowed');
    expect(refusal(aRequest('192.0.2.10'))).toBe('403 FORBIDDEN');
    // A reverse proxy on this machine connects from loopback on behalf of anyone.
    expect(refusal(aRequest('127.0.0.1', { 'x-forwarded-for': '203.0.113.7' }))).toBe('403 FORBIDDEN');
    expect(refusal(aRequest('127.0.0.1', { forwarded: 'for=203.0.113.7' }))).toBe('403 FORBIDDEN');
  });

  it('with METRICS_TOKEN asks everyone, loopback included, for the bearer token', () => {
    const token = 'a-long-random-metrics-token';
    expect(refusal(aRequest('192.0.2.10', { authorization: `Bearer ${token}` }), token)).toBe('allowed');
    expect(refusal(aRequest('127.0.0.1'), token)).toBe('401 UNAUTHENTICATED');
    expect(refusal(aRequest('192.0.2.10', { authorization: `Bearer ${token}x` }), token)).toBe('401 UNAUTHENTICATED');
    expect(refusal(aRequest('192.0.2.10', { authorization: token }), token)).toBe('401 UNAUTHENTICATED');
  });
});
