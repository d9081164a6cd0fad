import { IncomingMessage, ServerResponse } from 'node:http';
import { Level } from 'pino';
import { pinoHttp } from 'pino-http';
import { requestContext } from '../logging/request-context';
import { rootLogger } from '../logging/root-logger';
import { httpRequestDuration } from '../metrics/process-metrics';
import { requestIdFor } from './request-id';

interface RoutedRequest extends IncomingMessage {
  route?: { path?: unknown };
  baseUrl?: string;
}

/** Answered often and of no interest one by one: logged at debug. */
const ROUTINE = new Set(['/health', '/metrics']);

/**
 * The route template of a request (`/c/:token`, never the token), for the log and the metrics;
 * `/graphql` (Apollo is mounted, not routed), `static` for the web pages, `unmatched` for a 404.
 */
export function routeOf(request: IncomingMessage, status: number): string {
  const { route, baseUrl } = request as RoutedRequest;
  if (typeof route?.path === 'string') return `${baseUrl ?? ''}${route.path}`;
  const url = (request as { originalUrl?: string }).originalUrl ?? request.url ?? '';
  if (url.split('?')[0] === '/graphql') return '/graphql';
  return status === 404 ? 'unmatched' : 'static';
}

/**
 * First on every request: an id (an incoming safe `x-request-id`, else a UUID; echoed in the
 * answer) that every log line written while handling it carries, one JSON line when it is answered,
 * and its figures for /metrics. The line holds the method, the route template, the status and the
 * time: never the URL's parameters or query, a header or a body, which may carry personal data.
 */
export function observeRequests(): (request: IncomingMessage, response: ServerResponse, next: () => void) => void {
  const log = pinoHttp({
    logger: rootLogger(),
    genReqId: requestIdFor,
    quietReqLogger: true,
    wrapSerializers: false,
    serializers: {
      req: (request: IncomingMessage) => ({ method: request.method }),
      res: (response: ServerResponse) => ({ statusCode: response.statusCode, route: routeOf(response.req, response.statusCode) }),
      err: (error: Error) => ({ type: error.name, message: error.message }),
    },
    customLogLevel: (request, response, error): Level | 'silent' => {
      if (error || response.statusCode >= 500) return 'error';
      return ROUTINE.has(routeOf(request, response.statusCode)) ? 'debug' : 'info';
    },
  });
  return (request, response, next) => {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const status = response.statusCode;
      httpRequestDuration.observe(
        { method: request.method ?? 'UNKNOWN', route: routeOf(request, status), status: String(status) },
        seconds,
      );
    });
    log(request, response, () => requestContext.run({ reqId: request.id as string }, next));
  };
}
