import { migrations } from '@magix/migrations';
import { DataSourceOptions } from 'typeorm';

/** The one place the TypeORM connection is described: migrations only, never synchronize. */
export function typeOrmOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations,
    migrationsRun: true,
    migrationsTransactionMode: 'all',
    synchronize: false,
    logging: ['error', 'warn', 'migration'],
    extra: { max: 10 },
  };
}
