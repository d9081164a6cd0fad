import pino, { DestinationStream, Logger } from 'pino';
import { LogSettings } from './log-settings';
import { prettyLine } from './pretty-line';

// Until a process configures logging (the server, the commands), nothing is written: test servers built in Jest stay quiet.
let root: Logger = pino({ level: 'silent' });

/** The process's one pino logger; the Nest logger and the request log both write through it. */
export function rootLogger(): Logger {
  return root;
}

/**
 * Sets up the process's logging: one JSON object per line on `fd` (stdout for the server, stderr
 * for the commands, whose stdout is their answer), written synchronously so that the last lines
 * before an exit are not lost; or, for LOG_FORMAT=pretty, the same lines made readable.
 */
export function configureLogging(settings: LogSettings, fd: 1 | 2 = 1): Logger {
  const destination: DestinationStream =
    settings.format === 'pretty' ? { write: (line: string) => void writeTo(fd, prettyLine(line)) } : pino.destination({ fd, sync: true });
  root = pino(
    {
      level: settings.level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      base: { pid: process.pid },
    },
    destination,
  );
  return root;
}

function writeTo(fd: 1 | 2, text: string): boolean {
  return (fd === 1 ? process.stdout : process.stderr).write(text);
}
