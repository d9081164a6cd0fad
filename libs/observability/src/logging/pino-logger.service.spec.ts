import { Logger } from '@nestjs/common';
import { Writable } from 'node:stream';
import pino from 'pino';
import { PinoLoggerService } from './pino-logger.service';
import { requestContext } from './request-context';
import * as root from './root-logger';

describe('PinoLoggerService', () => {
  let lines: Array<Record<string, unknown>>;
  beforeEach(() => {
    lines = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    jest.spyOn(root, 'rootLogger').mockReturnValue(pino({ level: 'info', formatters: { level: (label) => ({ level: label }) } }, sink));
    Logger.overrideLogger(new PinoLoggerService());
  });
  afterEach(() => jest.restoreAllMocks());

  it('writes what Nest’s Logger is given as one JSON object, with its context and the request’s id', async () => {
    const logger = new Logger('Database');
    logger.log('opened');
    await requestContext.run({ reqId: 'r-42' }, async () => {
      await Promise.resolve();
      logger.warn('slow query (1200 ms): SELECT 1');
    });
    logger.error('query failed', 'Error: boom\n    at somewhere (file.ts:1:1)');
    logger.debug('not at info');
    expect(lines).toEqual([
      expect.objectContaining({ level: 'info', context: 'Database', msg: 'opened' }),
      expect.objectContaining({ level: 'warn', context: 'Database', reqId: 'r-42', msg: 'slow query (1200 ms): SELECT 1' }),
      expect.objectContaining({ level: 'error', context: 'Database', msg: 'query failed', stack: expect.stringContaining('at somewhere') }),
    ]);
    expect(lines[0]).not.toHaveProperty('reqId');
  });

  it('writes readable lines with LOG_FORMAT=pretty, on the stream it was given', () => {
    jest.restoreAllMocks();
    let written = '';
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written += chunk.toString();
      return true;
    });
    root.configureLogging({ level: 'info', format: 'pretty' }, 2);
    requestContext.run({ reqId: 'r-7' }, () => new Logger('Jobs').warn('A results-import job failed'));
    expect(written).toMatch(/^\d{2}:\d{2}:\d{2}\.\d{3} WARN {2}\[Jobs\] A results-import job failed \(request r-7\)\n$/);
    root.configureLogging({ level: 'silent', format: 'json' });
  });
});
