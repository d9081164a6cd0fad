import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createApp } from '../../apps/api/src/create-app';
import { loadConfig } from '@magix/config';
import { DEMO_PASSWORD } from '@magix/demo';

export interface GraphQLError {
  message: string;
  extensions?: { code?: string; field?: string };
}

// Test code reads answers field by field; `any` keeps that terse.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface GraphQLResponse<T = Json> {
  status: number;
  data?: T | null;
  errors?: GraphQLError[];
}

export interface TestServer {
  url: string;
  app: INestApplication;
  /** This suite's own database, for a second process (e.g. the command line) to share. */
  databaseUrl: string;
  /** This server's master key, for tests that act as an HEI outside the API. */
  masterKey: Buffer;
  /** A client on this suite's own database, to check what was (not) written. */
  db: Client;
  gql<T = Json>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  login(email: string, password?: string): Promise<string>;
  count(table: string): Promise<number>;
  close(): Promise<void>;
}

/** A new empty database on the test run's PostgreSQL; its URL. */
export async function aFreshDatabase(): Promise<string> {
  const adminUrl = process.env.MAGIX_TEST_ADMIN_URL;
  if (!adminUrl) throw new Error('MAGIX_TEST_ADMIN_URL is unset: run the tests through jest (global setup)');
  const database = `magix_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  return Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();
}

/**
 * A real server on its own fresh database (migrated and seeded with the demo data), on a free port;
 * `env` adds settings as the environment would (e.g. SMTP_URL).
 */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const databaseUrl = await aFreshDatabase();

  const config = loadConfig({ PORT: '0', DATA_DIR: mkdtempSync(join(tmpdir(), 'magix-test-data-')), SEED_DEMO: 'true', ...env });
  const secrets = { jwtSecret: randomBytes(32), masterKey: randomBytes(32) };
  const app = await createApp({ config, secrets, databaseUrl, logger: ['error'] });
  // PORT (with PUBLIC_URL) when the test needs URLs that resolve: credentials name them.
  await app.listen(Number(env.PORT ?? 0), '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();

  const gql: TestServer['gql'] = async (query, variables, token) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  };

  return {
    url,
    app,
    databaseUrl,
    masterKey: secrets.masterKey,
    db,
    gql,
    async login(email, password = DEMO_PASSWORD) {
      const { data, errors } = await gql<{ login: { accessToken: string } }>(
        'mutation($input: LoginInput!) { login(input: $input) { accessToken } }',
        { input: { email, password } },
      );
      if (!data?.login) throw new Error(`login failed for ${email}: ${JSON.stringify(errors)}`);
      return data.login.accessToken;
    },
    async count(table) {
      const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
      return Number(rows[0].n);
    },
    async close() {
      await db.end();
      await app.close();
    },
  };
}
