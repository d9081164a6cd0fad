import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '@magix/demo';
import { freePort } from './support/free-port';
import { NodeProcess, startNode } from './support/node-process';
import { Json } from './support/test-server';

/** One of several built servers (dist/apps/api/src/main.js) sharing a database, each a real process of its own. */
export interface ServerProcess {
  /** Also the value of PGAPPNAME: what its database sessions call themselves. */
  name: string;
  url: string;
  process: NodeProcess;
  gql(query: string, variables?: Record<string, unknown>, token?: string): Promise<Json>;
  login(email: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * What every process behind one address must share: the database, the public URL (credentials
 * and status lists name it), the JWT secret (a token from one is valid at the other) and the
 * master key (it opens the issuers' keys). Everything else is each process's own.
 */
export function sharedSettings(databaseUrl: string, publicUrl: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    PUBLIC_URL: publicUrl,
    JWT_SECRET: randomBytes(48).toString('base64url'),
    MASTER_KEY: randomBytes(32).toString('base64'),
    SEED_DEMO: 'true',
  };
}

/** Starts the built server as `name` on `port`; resolve `ready` to wait for it to serve. */
export function startServerProcess(name: string, port: number, shared: Record<string, string>): ServerProcess {
  const url = `http://127.0.0.1:${port}`;
  const process = startNode(['dist/apps/api/src/main.js'], {
    ...shared,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: mkdtempSync(join(tmpdir(), `magix-${name}-`)),
    // pg reads it for the pools of TypeORM; pg-boss names its own connections (libs/jobs).
    PGAPPNAME: name,
  });
  const gql = async (query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Json> => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return response.json();
  };
  return {
    name,
    url,
    process,
    gql,
    async login(email) {
      const { data, errors } = await gql('mutation($input: LoginInput!) { login(input: $input) { accessToken } }', {
        input: { email, password: DEMO_PASSWORD },
      });
      if (!data?.login) throw new Error(`${name}: login failed: ${JSON.stringify(errors)}`);
      return data.login.accessToken;
    },
    async stop() {
      if (process.child.exitCode !== null || process.child.signalCode !== null) return;
      process.child.kill('SIGTERM');
      await process.exited;
    },
  };
}

/** Two free ports, distinct. */
export async function twoPorts(): Promise<[number, number]> {
  const first = await freePort();
  for (;;) {
    const second = await freePort();
    if (second !== first) return [first, second];
  }
}
