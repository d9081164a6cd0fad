import { DataSource } from 'typeorm';
import { typeOrmOptions } from '@magix/database';
import { migrations } from '@magix/migrations';
import { aFreshDatabase } from './support/test-server';

/** Every migration applies on an empty database, reverts in order, and applies again. */
describe('migrations', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    const url = await aFreshDatabase();
    dataSource = new DataSource({ ...typeOrmOptions(url), migrationsRun: false });
    await dataSource.initialize();
  });

  afterAll(() => dataSource.destroy());

  const tables = async () =>
    Number(
      (
        await dataSource.query(
          `SELECT count(*) AS n FROM information_schema.tables WHERE table_schema IN ('public', 'pgboss') AND table_name <> 'migrations'`,
        )
      )[0].n,
    );

  it('apply, revert and apply again', async () => {
    const applied = await dataSource.runMigrations({ transaction: 'all' });
    expect(applied.map((m) => m.name)).toEqual(migrations.map((m) => new m().name));
    const created = await tables();
    expect(created).toBeGreaterThan(20);
    expect(await dataSource.query('SELECT version FROM pgboss.version')).toEqual([{ version: 24 }]);

    for (let i = 0; i < migrations.length; i++) await dataSource.undoLastMigration({ transaction: 'all' });
    expect(await tables()).toBe(0);

    await dataSource.runMigrations({ transaction: 'all' });
    expect(await tables()).toBe(created);
  });
});
