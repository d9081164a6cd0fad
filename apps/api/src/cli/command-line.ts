import { parseArgs } from 'node:util';
import { ResultsImportCommand } from '@magix/results';

export const USAGE = `Usage: npm run cli -- <command>

Commands
  results import FILE --offering CODE [--dry-run] [--as EMAIL] [--json]
      Record a cohort's results from a CSV (email, grade, assessed_on[, credits][, passed]).
      The whole file is checked first: with any bad row nothing is recorded and every
      problem is listed by line and column. Then a background job records each result and
      issues its credential, shown by a progress bar: a running server's job, or this
      command's own when no server works the queue. The same file again records nothing.
        --offering CODE  the offering the results are for, e.g. UPM-AIG-01-2026
        --dry-run        check and report only
        --as EMAIL       the HEI staff account that imports (default: the one ISSUER
                         account of the offering's HEI; required when it has several)
        --json           print the report as JSON, for scripts
  help
      Show this text.

The command uses the server's settings (DATABASE_URL, DATA_DIR, ...). Without DATABASE_URL it
uses the embedded PostgreSQL: the running server's, or its own when no server runs.
Exit status: 0 done, 1 refused (bad rows, failed rows, unknown offering, ...), 2 wrong usage.`;

export type CliCommand = { name: 'help' } | { name: 'results import'; options: ResultsImportCommand };

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function parseCommandLine(argv: string[]): CliCommand {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    // parseArgs names the unknown or incomplete option; its own error type says nothing more.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const [group, action, ...rest] = positionals;
  if (values.help || group === undefined || group === 'help') return { name: 'help' };
  if (group !== 'results' || action !== 'import') throw new UsageError(`Unknown command: ${[group, action].filter(Boolean).join(' ')}`);
  if (rest.length !== 1) throw new UsageError('results import takes exactly one FILE');
  if (!values.offering) throw new UsageError('results import needs --offering CODE');
  return {
    name: 'results import',
    options: { file: rest[0], offeringCode: values.offering, dryRun: values['dry-run'], as: values.as, json: values.json },
  };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      offering: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      as: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}
