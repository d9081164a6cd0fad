/**
 * Errors that say the database cannot be reached or refuses work, as opposed to refusing one
 * query: connection refused or lost, shut down by an administrator, out of connections, or the
 * pool timing out. They are the server's fault for a moment, not the client's (503, never 4xx or
 * a verdict on the input).
 */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown (pg_terminate_backend)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down)
  '53300', // too_many_connections
  '53000', // insufficient_resources
  '53100', // disk_full
  '53200', // out_of_memory
]);

const UNAVAILABLE_SYSCALL_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);

// pg and pg-pool raise these as plain Errors with no code.
const UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /not queryable/i,
  /connection (?:is )?closed/i,
  /is not currently accepting connections/i, // ALTER DATABASE … ALLOW_CONNECTIONS false (SQLSTATE 55000)
  /the database system is (?:starting up|shutting down|in recovery mode)/i,
];

interface WithCode {
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
}

/** What the error is made of: TypeORM wraps the driver's error (`driverError`), others use `cause`. */
function* layers(error: unknown): Generator<WithCode> {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const layer = current as WithCode;
    yield layer;
    current = layer.driverError ?? layer.cause;
  }
}

export function isDatabaseUnavailable(error: unknown): boolean {
  for (const layer of layers(error)) {
    const code = typeof layer.code === 'string' ? layer.code : '';
    if (UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08') || UNAVAILABLE_SYSCALL_CODES.has(code)) return true;
    const message = typeof layer.message === 'string' ? layer.message : '';
    if (UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
  }
  return false;
}

/**
 * PostgreSQL's invalid_text_representation (22P02): a value the column type cannot read, such as
 * "abc" for a uuid. The id checks refuse those before any SQL; this is the net behind them.
 */
export function isInvalidTextRepresentation(error: unknown): boolean {
  for (const layer of layers(error)) if (layer.code === '22P02') return true;
  return false;
}

/**
 * PostgreSQL quotes the offending value in some messages (`invalid input syntax for type date:
 * "…"`, `value "…" is out of range`); names of relations and constraints are quoted too and stay.
 */
const QUOTED_VALUES = [/(syntax for type [\w ]+|literal|out of range|invalid [\w ]+): "[\s\S]*"$/, /value "[\s\S]*?" is/];

function withoutValues(message: string): string {
  return message.replace(QUOTED_VALUES[0], '$1: "…"').replace(QUOTED_VALUES[1], 'value "…" is');
}

/** One line for the log: the SQLSTATE or errno and the driver's message, never the SQL, its parameters or a value. */
export function describeDatabaseError(error: unknown): string {
  for (const layer of layers(error)) {
    if (typeof layer.code === 'string')
      return `${layer.code} ${typeof layer.message === 'string' ? withoutValues(layer.message) : ''}`.trim();
  }
  return withoutValues(error instanceof Error ? error.message : String(error));
}

/** Whether a layer of the error comes from the database driver (it carries an SQLSTATE). */
function fromDatabase(error: unknown): boolean {
  for (const layer of layers(error)) if (typeof layer.code === 'string' && /^[0-9A-Z]{5}$/.test(layer.code)) return true;
  return false;
}

/**
 * An unexpected error for the log: its stack, but for a database error the first line is
 * describeDatabaseError's (the driver's message can quote a value of the row).
 */
export function describeErrorForLog(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (!fromDatabase(error)) return error.stack ?? error.message;
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return [describeDatabaseError(error), ...frames].join('\n');
}
