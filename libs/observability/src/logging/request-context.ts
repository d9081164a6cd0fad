import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContext {
  reqId: string;
}

/** The request being handled, for log lines written deep in a service (they carry its id). */
export const requestContext = new AsyncLocalStorage<RequestContext>();
