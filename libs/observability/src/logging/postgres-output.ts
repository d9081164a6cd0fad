/**
 * What PostgreSQL reports about a client's statement: the failing statement itself, and the row
 * values its DETAIL quotes (`Key (email)=(…) already exists`). The app logs its query errors
 * already, without values (QueryLogger); the server's own copy is left out of our log.
 */
const ABOUT_A_STATEMENT = /\b(ERROR|DETAIL|STATEMENT|HINT|CONTEXT|QUERY|LOCATION):\s/;

/** The embedded PostgreSQL's output for our log, line by line, without what it says about statements. */
export function postgresOutputForLog(output: string): string[] {
  const lines: string[] = [];
  let dropping = false;
  for (const line of output.split('\n')) {
    // A line that does not start a message continues the one before it (a multi-line statement).
    const starts = /^\d{4}-\d{2}-\d{2} /.test(line) || ABOUT_A_STATEMENT.test(line);
    if (starts) dropping = ABOUT_A_STATEMENT.test(line);
    if (!dropping && line.trim() !== '') lines.push(line.trimEnd());
  }
  return lines;
}
