import { ConfigError } from '@magix/config';
import { CredentialsUnreadableError, PortInUseError } from '@magix/database';

/** The last word of a process that cannot go on: a known cause in one line, anything else with its stack. */
export function exitOnFatal(error: unknown): never {
  if (error instanceof ConfigError || error instanceof PortInUseError || error instanceof CredentialsUnreadableError)
    console.error(error.message);
  else console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
}
