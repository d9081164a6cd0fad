import { DataSource } from 'typeorm';
import { loadConfig } from '@magix/config';
import { openDatabase, typeOrmOptions } from '@magix/database';
import { exitOnFatal } from '../exit-on-fatal';
import { startingAlone } from '../startup-lock';

/** `npm run migration:run`: applies pending migrations to DATABASE_URL or the embedded database. */
async function migrate(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config);
  const dataSource = new DataSource({ ...typeOrmOptions(database.url), migrationsRun: false });
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
