import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, loadSecrets } from './app-config';

describe('loadConfig', () => {
  it('defaults to port 3000 and the embedded database', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.seedDemo).toBe(true);
  });

  it('reads PORT and DATABASE_URL', () => {
    const config = loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://u:p@db:5432/magix' });
    expect(config.port).toBe(8080);
    expect(config.databaseUrl).toBe('postgres://u:p@db:5432/magix');
  });

  it('names every bad variable at once, without echoing the database URL', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://secret@x/y', SEED_DEMO: 'maybe', JWT_SECRET: 'short' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems, message } = error as ConfigError;
    expect(problems).toHaveLength(4);
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/DATABASE_URL/);
    expect(message).toMatch(/SEED_DEMO/);
    expect(message).toMatch(/JWT_SECRET/);
    expect(message).not.toContain('secret@');
  });
});

describe('loadSecrets', () => {
  it('generates the secrets once into the data folder, readable by the owner only', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'magix-secrets-'));
    const first = loadSecrets(loadConfig({ DATA_DIR: dataDir }));
    const second = loadSecrets(loadConfig({ DATA_DIR: dataDir }));
    expect(first.masterKey).toHaveLength(32);
    expect(second.masterKey.equals(first.masterKey)).toBe(true);
    expect(Buffer.from(second.jwtSecret).equals(Buffer.from(first.jwtSecret))).toBe(true);
    expect(statSync(join(dataDir, 'master.key')).mode & 0o077).toBe(0);
    expect(readFileSync(join(dataDir, 'jwt-secret'), 'utf8').length).toBeGreaterThan(32);
  });
});
