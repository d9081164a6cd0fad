import { randomUUID } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

/** An id a proxy or client may set: short, and nothing that could forge a log line or carry data. */
const SAFE_TOKEN = /^[A-Za-z0-9._:-]{1,64}$/;

/** The incoming `x-request-id` when it is a safe short token, else a new UUID; echoed in the answer. */
export function requestIdFor(request: IncomingMessage, response: ServerResponse): string {
  const incoming = request.headers[REQUEST_ID_HEADER];
  const id = typeof incoming === 'string' && SAFE_TOKEN.test(incoming) ? incoming : randomUUID();
  response.setHeader(REQUEST_ID_HEADER, id);
  return id;
}
