import { Logger } from '@nestjs/common';
import { loadConfig, loadSecrets } from '@magix/config';
import { openDatabase } from '@magix/database';
import { configureLogging, logSettings, nestLevelsFor, PinoLoggerService, postgresOutputForLog } from '@magix/observability';
import { ResultsImportService, runResultsImport, workImportsOnlyWhenNoServerDoes } from '@magix/results';
import { createApp } from '../create-app';
import { exitOnFatal } from '../exit-on-fatal';
import { parseCommandLine, USAGE, UsageError } from './command-line';

const USAGE_ERROR = 2;

/** `npm run cli -- <command>`: the operator's commands, run beside (or without) a server. */
async function main(argv: string[]): Promise<number> {
  let command: ReturnType<typeof parseCommandLine>;
  try {
    command = parseCommandLine(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return USAGE_ERROR;
  }
  if (command.name === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  // The server's log (docs/operations.md), on stderr: stdout is the command's answer. Warnings and
  // errors only unless LOG_LEVEL asks for more, so an operator reads the answer, not the start-up.
  const logging = logSettings(process.env, 'warn');
  configureLogging(logging, 2);
  Logger.overrideLogger(new PinoLoggerService());
  const logger = new Logger('MAGIX');
  const config = loadConfig();
  const secrets = loadSecrets(config);
  const waiting = process.stderr.isTTY ? 'Opening the database…' : '';
  process.stderr.write(waiting);
  const database = await openDatabase(config, {
    shareRunning: true,
    log: (output) => postgresOutputForLog(output).forEach((line) => logger.verbose(line)),
    notice: (line) => logger.warn(line),
  });
  try {
    // The whole server minus its HTTP port: migrations, demo data when configured, and the import
    // queue, worked here only when no server works it (a server runs the job, as the README says).
    workImportsOnlyWhenNoServerDoes();
    const app = await createApp({ config, secrets, databaseUrl: database.url, logger: nestLevelsFor(logging.level) });
    if (waiting) process.stderr.write('\r\x1b[2K');
    try {
      return await runResultsImport(app.get(ResultsImportService), command.options, { out: process.stdout, err: process.stderr });
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code), exitOnFatal);
