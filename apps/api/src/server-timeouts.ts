import type { Server } from 'node:http';

/**
 * Idle keep-alive connections live 65 s, longer than a load balancer's (60 s), so that the proxy
 * closes them first and never sends a request on a socket the server is closing. Node's default
 * (5 s) also lets one long busy moment of the event loop close a socket under the request that
 * has just arrived on it (the client sees ECONNRESET). headersTimeout must exceed it.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export function keepConnectionsAsProxiesDo(server: Server): void {
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
}
