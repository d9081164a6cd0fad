import { LoggerService, LogLevel } from '@nestjs/common';
import { Level } from 'pino';
import { pinoLevelFor } from './log-settings';
import { requestContext } from './request-context';
import { rootLogger } from './root-logger';

/**
 * Nest's logger (and so TypeORM's, through QueryLogger, and every `new Logger(context)` of ours)
 * written as pino JSON: one object per line with `context`, and `reqId` while a request is handled.
 * Nest calls `log(message, context)` and `error(message, stack, context)`; the context comes last.
 */
export class PinoLoggerService implements LoggerService {
  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  /** What `NestFactory.create({ logger: levels })` and `Logger.overrideLogger(levels)` ask for. */
  setLogLevels(levels: LogLevel[]): void {
    rootLogger().level = pinoLevelFor(levels);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    const logger = rootLogger();
    if (!logger.isLevelEnabled(level)) return;
    const rest = [...params];
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const fields: Record<string, unknown> = {};
    if (context) fields.context = context;
    const request = requestContext.getStore();
    if (request) fields.reqId = request.reqId;
    // Nest's error(message, stack): the stack of an error that was already turned into text.
    if (level === 'error' && typeof rest[0] === 'string' && rest[0].includes('\n    at ')) fields.stack = rest.shift();
    if (message instanceof Error) {
      fields.err = message;
      logger[level](fields, message.message);
    } else if (typeof message === 'object' && message !== null) {
      logger[level]({ ...fields, data: message });
    } else {
      logger[level](fields, String(message));
    }
  }
}
