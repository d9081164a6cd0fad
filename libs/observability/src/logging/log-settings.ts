import { LogLevel } from '@nestjs/common';
import { ConfigError } from '@magix/config';

/** pino's levels, from the most to the least verbose; `silent` logs nothing. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type PinoLevel = (typeof LOG_LEVELS)[number];

export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface LogSettings {
  level: PinoLevel;
  format: LogFormat;
}

/** Nest's names for the same levels (Nest says `log` for info and `verbose` for trace). */
const NEST_TO_PINO: Record<LogLevel, PinoLevel> = {
  verbose: 'trace',
  debug: 'debug',
  log: 'info',
  warn: 'warn',
  error: 'error',
  fatal: 'fatal',
};

/**
 * LOG_LEVEL (pino's names, or Nest's `log`/`verbose`; default `info`, or the command's own) and
 * LOG_FORMAT (`json`, the default, or `pretty` for a person at a terminal). LOG_VERBOSE=true, the
 * old switch, is `trace`.
 */
export function logSettings(env: NodeJS.ProcessEnv = process.env, defaultLevel: PinoLevel = 'info'): LogSettings {
  const rawLevel = (env.LOG_LEVEL ?? (env.LOG_VERBOSE === 'true' ? 'trace' : defaultLevel)).trim().toLowerCase();
  const level = (LOG_LEVELS as readonly string[]).includes(rawLevel) ? (rawLevel as PinoLevel) : NEST_TO_PINO[rawLevel as LogLevel];
  const format = (env.LOG_FORMAT ?? 'json').trim().toLowerCase();
  // Refused rather than logging at a level or in a form nobody asked for.
  const problems = [
    ...(level ? [] : [`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${env.LOG_LEVEL}")`]),
    ...((LOG_FORMATS as readonly string[]).includes(format)
      ? []
      : [`LOG_FORMAT must be one of ${LOG_FORMATS.join(', ')} (got "${env.LOG_FORMAT}")`]),
  ];
  if (problems.length > 0) throw new ConfigError(problems);
  return { level, format: format as LogFormat };
}

/** The Nest levels a pino level lets through, for `NestFactory.create({ logger })`. */
export function nestLevelsFor(level: PinoLevel): LogLevel[] {
  const threshold = LOG_LEVELS.indexOf(level);
  return (Object.keys(NEST_TO_PINO) as LogLevel[]).filter((nest) => LOG_LEVELS.indexOf(NEST_TO_PINO[nest]) >= threshold);
}

/** The most verbose pino level among Nest's `levels` (what `Logger.overrideLogger(levels)` asks for). */
export function pinoLevelFor(levels: LogLevel[]): PinoLevel {
  const indexes = levels.map((nest) => LOG_LEVELS.indexOf(NEST_TO_PINO[nest])).filter((i) => i >= 0);
  return indexes.length === 0 ? 'silent' : LOG_LEVELS[Math.min(...indexes)];
}
