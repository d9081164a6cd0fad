import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '@magix/demo';
import { freePort } from './support/free-port';
import { NodeProcess, ROOT, startNode } from './support/node-process';
import { Json } from './support/test-server';

/**
 * The server compiled by tsc into a folder of this run's own, not dist/: other suites (and people)
 * build dist/ at the same time, and Nest's build empties it first. The `@magix/*` paths are
 * resolved at run time (tsconfig-paths, as the bench does). A type error elsewhere in the tree
 * fails the check, not the emit. Returns the folder.
 */
export async function buildPrivately(): Promise<string> {
  // Inside the repository (test-output/ is ignored by git), so that node_modules is found from it.
  mkdirSync(join(ROOT, 'test-output'), { recursive: true });
  const outDir = mkdtempSync(join(ROOT, 'test-output', 'multi-process-build-'));
  await new Promise<void>((done) =>
    execFile(
      process.execPath,
      ['node_modules/typescript/bin/tsc', '-p', 'apps/api/tsconfig.app.json', '--outDir', outDir],
      { cwd: ROOT },
      () => done(),
    ),
  );
  if (!existsSync(join(outDir, 'apps/api/src/main.js'))) throw new Error(`tsc emitted no server into ${outDir}`);
  return outDir;
}

/** `node <script>` of the private build, with the paths it needs resolved. */
export function startBuilt(build: string, script: string, env: Record<string, string>): NodeProcess {
  return startNode(['-r', 'tsconfig-paths/register', join(build, script)], { TS_NODE_BASEURL: build, ...env });
}

/** One of several built servers (apps/api/src/main.js of buildPrivately) sharing a database, each a real process of its own. */
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
export function startServerProcess(build: string, name: string, port: number, shared: Record<string, string>): ServerProcess {
  const url = `http://127.0.0.1:${port}`;
  const process = startBuilt(build, 'apps/api/src/main.js', {
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
