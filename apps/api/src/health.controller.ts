import { Controller, Get } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '@magix/auth';
import { serviceUnavailable } from '@magix/common';

/** How long the database has to answer before the server calls itself unhealthy. */
export const HEALTH_TIMEOUT_MS = 2_000;

@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** 200 when the database answers within HEALTH_TIMEOUT_MS, 503 (JSON) otherwise. */
  @Public()
  @Get()
  async health() {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), HEALTH_TIMEOUT_MS);
    });
    // Settles either way, so a query that fails after the timeout rejects nothing unhandled.
    const query = this.dataSource.query('SELECT 1').then(
      () => 'ok' as const,
      () => 'failed' as const,
    );
    const answer = await Promise.race([query, timeout]).finally(() => clearTimeout(timer));
    if (answer === 'timeout') throw serviceUnavailable('The database did not answer in time');
    if (answer === 'failed') throw serviceUnavailable('The database is unavailable');
    return { status: 'ok' };
  }
}
