/** Keys every line has, shown in the line's head rather than as `key=value`. */
const HEAD = new Set(['time', 'level', 'msg', 'context', 'pid', 'reqId']);

/**
 * A JSON log line as a person reads it (LOG_FORMAT=pretty): `12:03:04.123 INFO  [Database] message
 * key=value`, with no colours and no package of its own; the fields are the same as in JSON.
 */
export function prettyLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const time = text(entry.time).slice(11, 23);
  const level = text(entry.level).toUpperCase().padEnd(5);
  const context = entry.context ? `[${text(entry.context)}] ` : '';
  const request = entry.reqId ? ` (request ${text(entry.reqId)})` : '';
  const rest = Object.entries(entry)
    .filter(([key]) => !HEAD.has(key))
    .map(([key, value]) => (key === 'err' || key === 'stack' ? `\n${errorText(value)}` : ` ${key}=${text(value)}`))
    .join('');
  return `${time} ${level} ${context}${text(entry.msg)}${request}${rest}\n`;
}

/** A field as text: strings as they are, anything else as JSON. */
function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function errorText(value: unknown): string {
  if (typeof value === 'string') return value;
  const error = value as { stack?: unknown; message?: unknown } | null;
  return text(error?.stack ?? error?.message ?? value);
}
