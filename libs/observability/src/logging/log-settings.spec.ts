import { ConfigError } from '@magix/config';
import { logSettings, nestLevelsFor, pinoLevelFor } from './log-settings';
import { prettyLine } from './pretty-line';

describe('log settings', () => {
  it('reads LOG_LEVEL in pino’s or Nest’s words, and LOG_FORMAT; JSON at info by default', () => {
    expect(logSettings({})).toEqual({ level: 'info', format: 'json' });
    expect(logSettings({ LOG_LEVEL: 'DEBUG', LOG_FORMAT: 'pretty' })).toEqual({ level: 'debug', format: 'pretty' });
    expect(logSettings({ LOG_LEVEL: 'verbose' }).level).toBe('trace');
    expect(logSettings({ LOG_LEVEL: 'log' }).level).toBe('info');
    expect(logSettings({ LOG_VERBOSE: 'true' }).level).toBe('trace');
  });

  it('takes a command’s own default level, which LOG_LEVEL still overrides', () => {
    expect(logSettings({}, 'warn')).toEqual({ level: 'warn', format: 'json' });
    expect(logSettings({ LOG_LEVEL: 'info' }, 'warn').level).toBe('info');
  });

  it('refuses a level or a format it does not know, naming both', () => {
    expect(() => logSettings({ LOG_LEVEL: 'loud', LOG_FORMAT: 'xml' })).toThrow(ConfigError);
    expect(() => logSettings({ LOG_LEVEL: 'loud', LOG_FORMAT: 'xml' })).toThrow(/LOG_LEVEL must be one of[\s\S]*LOG_FORMAT must be one of/);
  });

  it('translates between Nest’s level lists and pino’s thresholds both ways', () => {
    expect(nestLevelsFor('warn').sort()).toEqual(['error', 'fatal', 'warn']);
    expect(nestLevelsFor('silent')).toEqual([]);
    expect(pinoLevelFor(nestLevelsFor('debug'))).toBe('debug');
    expect(pinoLevelFor(['log', 'warn', 'error'])).toBe('info');
    expect(pinoLevelFor([])).toBe('silent');
  });
});

describe('LOG_FORMAT=pretty', () => {
  it('writes a JSON line as time, level, context, message, request and the other fields', () => {
    const line = JSON.stringify({
      level: 'info',
      time: '2026-12-02T07:12:17.125Z',
      pid: 1,
      reqId: 'abc-123',
      context: 'Jobs',
      msg: 'request completed',
      res: { statusCode: 200 },
    });
    expect(prettyLine(line)).toBe('07:12:17.125 INFO  [Jobs] request completed (request abc-123) res={"statusCode":200}\n');
    expect(prettyLine('not json\n')).toBe('not json\n');
  });
});
