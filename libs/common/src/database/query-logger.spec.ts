import { Logger } from '@nestjs/common';
import { QueryFailedError, Logger as TypeOrmLogger } from 'typeorm';
import { describeErrorForLog } from './database-errors';
import { QueryLogger } from './query-logger';

const MOTIVATION = 'I have worked for the Ministry of the Interior of Latvia since 2015 and …';

/** The error pg raises, as TypeORM wraps it: the driver's error with SQLSTATE, message and detail. */
function failed(code: string, message: string, detail: string): QueryFailedError {
  const driverError = Object.assign(new Error(message), { code, detail });
  return new QueryFailedError('INSERT INTO application (motivation, email) VALUES ($1, $2)', [MOTIVATION, 'ieva@example.lv'], driverError);
}

// As TypeORM calls it: with the query's parameters.
const typeOrmLogger = (): TypeOrmLogger => new QueryLogger();

describe('QueryLogger', () => {
  let logged: string[];
  beforeEach(() => {
    logged = [];
    jest.spyOn(Logger.prototype, 'error').mockImplementation((message: unknown) => void logged.push(String(message)));
  });
  afterEach(() => jest.restoreAllMocks());

  it('logs a failed insert by its SQLSTATE and statement, never its parameters or the row in the detail', () => {
    const error = failed(
      '23505',
      'duplicate key value violates unique constraint "application_email_key"',
      'Key (email)=(ieva@example.lv) already exists.',
    );
    typeOrmLogger().logQueryError(error, 'INSERT INTO application (motivation, email) VALUES ($1, $2)', [MOTIVATION, 'ieva@example.lv']);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('23505');
    expect(logged[0]).toContain('application_email_key');
    expect(logged[0]).not.toContain('ieva@example.lv');
    expect(logged[0]).not.toContain('Ministry');
  });

  it('leaves out the value PostgreSQL quotes in its own message', () => {
    const error = failed('22007', `invalid input syntax for type date: "${MOTIVATION}"`, '');
    typeOrmLogger().logQueryError(error, 'INSERT INTO application (motivation) VALUES ($1)', [MOTIVATION]);
    expect(logged[0]).toContain('invalid input syntax for type date');
    expect(logged[0]).not.toContain('Ministry');
    const range = failed('22003', `value "${MOTIVATION}" is out of range for type integer`, '');
    typeOrmLogger().logQueryError(range, 'UPDATE offering SET capacity = $1', [MOTIVATION]);
    expect(logged[1]).toContain('out of range for type integer');
    expect(logged[1]).not.toContain('Ministry');
  });

  it('an unexpected database error reaches the error log with its frames but without the value its message quotes', () => {
    const error = failed('22007', `invalid input syntax for type date: "${MOTIVATION}"`, '');
    const line = describeErrorForLog(error);
    expect(line).toMatch(/^22007 invalid input syntax for type date/);
    expect(line).toMatch(/\n\s+at /);
    expect(line).not.toContain('Ministry');
    const plain = new Error('not a database error');
    expect(describeErrorForLog(plain)).toBe(plain.stack);
  });

  it('a slow query is logged by its statement with the literals cut out, never with its parameters', () => {
    const warned: string[] = [];
    jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown) => void warned.push(String(message)));
    const query = "SELECT id FROM learner WHERE email = 'ieva@example.lv' OR motivation = $1";
    typeOrmLogger().logQuerySlow(1500, query, [MOTIVATION]);
    expect(warned).toEqual(["slow query (1500 ms): SELECT id FROM learner WHERE email = '…' OR motivation = $1"]);
  });
});
