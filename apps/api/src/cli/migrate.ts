import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QueryLogger } from '@magix/common';
import { loadConfig } from '@magix/config';
import { openDatabase, typeOrmOptions } from '@magix/database';
import { configureLogging, logSettings, PinoLoggerService } from '@magix/observability';
import { exitOnFatal } from '../exit-on-fatal';
import { startingAlone } from '../startup-lock';

/**
 * `npm run migration:run`: applies pending migrations to DATABASE_URL or the embedded database;
 * beside a running server, to that server's embedded database (as the command line does). The
 * answer is one line on stdout; the log (JSON, as the server's) goes to stderr.
 */
async function migrate(): Promise<void> {
  configureLogging(logSettings(), 2);
  Logger.overrideLogger(new PinoLoggerService());
  const config = loadConfig();
  const database = await openDatabase(config, { shareRunning: true });
  const dataSource = new DataSource({ ...typeOrmOptions(database.url), migrationsRun: false, logger: new QueryLogger() });
  try {
    // Not while a server starting on the same database migrates it too.
    const applied = await startingAlone(database.url, async () => {
      await dataSource.initialize();
      return dataSource.runMigrations({ transaction: 'all' });
    });
    console.log(applied.length === 0 ? 'The schema is up to date.' : `Applied: ${applied.map((m) => m.name).join(', ')}`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.close();
  }
}

migrate().catch(exitOnFatal);
