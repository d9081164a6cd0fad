import { Logger as NestLogger } from '@nestjs/common';
import { Logger } from 'typeorm';
import { describeDatabaseError, isDatabaseUnavailable, isInvalidTextRepresentation } from './database-errors';

/**
 * TypeORM's log, without what the queries carried: its own logger prints a failed query with its
 * parameters (emails, CV bytes, credential JSON); this one never logs a parameter, nor a literal
 * written into the statement. Errors the API answers itself — an outage (503)
 * or a value the column cannot read (400) — are left to the one place that maps them.
 */
export class QueryLogger implements Logger {
  private readonly logger = new NestLogger('Database');

  logQuery(): void {}

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query (${time} ms): ${firstLine(query)}`);
  }

  logQueryError(error: string | Error, query: string): void {
    if (isDatabaseUnavailable(error) || isInvalidTextRepresentation(error)) return;
    this.logger.error(`query failed: ${describeDatabaseError(error)} in ${firstLine(query)}`);
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }
}

/** The statement on one line, its literals cut out: a value written into the SQL is a parameter too. */
function firstLine(query: string): string {
  return query
    .replace(/'(?:[^']|'')*'/g, "'…'")
    .replace(/\s+/g, ' ')
    .slice(0, 200);
}
