import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * What this process measures itself: Node's own figures (memory, CPU, event loop lag, handles),
 * HTTP requests and verifications. What the database knows exactly across every process (credentials,
 * jobs) is read at scrape time instead (database-figures.ts).
 */
export const processMetrics = new Registry();
collectDefaultMetrics({ register: processMetrics });

/** Per request: `_count` is the number of requests, by method, route template and status. */
export const httpRequestDuration = new Histogram({
  name: 'magix_http_request_duration_seconds',
  help: 'HTTP requests answered, by method, route template and status, and how long they took',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [processMetrics],
});

const verifications = new Counter({
  name: 'magix_verifications_total',
  help: 'Credentials verified by this process, by verdict (VALID, REVOKED, INVALID, …)',
  labelNames: ['verdict'] as const,
  registers: [processMetrics],
});

/** Counts a verification by its verdict and hands the report on: `verify(…).then(countVerification)`. */
export function countVerification<T extends { verdict: string }>(report: T): T {
  verifications.inc({ verdict: report.verdict });
  return report;
}
