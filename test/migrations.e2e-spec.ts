import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { typeOrmOptions } from '@magix/database';
import { migrations } from '@magix/migrations';

/** Every migration applies on an empty database, reverts in order, and applies again. */
describe('migrations', () => {
  let dataSource: DataSource;
  let database: string;
  const adminUrl = () => process.env.MAGIX_TEST_ADMIN_URL!;

  beforeAll(async () => {
    database = `magix_migrations_${randomBytes(6).toString('hex')}`;
    const admin = new Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    const url = Object.assign(new URL(adminUrl()), { pathname: `/${database}` }).toString();
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
