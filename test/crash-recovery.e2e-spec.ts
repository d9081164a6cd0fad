import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { DEMO_PASSWORD } from '@magix/demo';
// A killed orphan is reparented; until its new parent reaps it, it is a zombie, which is not alive.
import { isAlive } from '../libs/database/src/orphaned-postgres';
import { UPM_STAFF } from './support/factories';
import { freePort } from './support/free-port';
import { buildServer, closeNormally, NodeProcess, openDatabaseInProcess, readyUrl, startNode } from './support/node-process';
import { Json } from './support/test-server';

const OFFERING = 'UPM-AIG-01-2026';
const COHORT = 300;

function aDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'magix-crash-'));
  chmodSync(dir, 0o755);
  return dir;
}

/** Crashes as they happen: `kill -9` of the real server, then a plain second start on the same DATA_DIR. */
describe('crash recovery', () => {
  beforeAll(() => buildServer(), 300_000);

  it('restarts after kill -9: the orphaned PostgreSQL is stopped, and the interrupted import resumes with exact counters', async () => {
    const dataDir = aDataDir();
    const httpPort = await freePort();
    const env = {
      PORT: String(httpPort),
      DATA_DIR: dataDir,
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
      SEED_DEMO: 'true',
      // Short leases so that the test waits seconds, not the default half minute.
      IMPORT_LEASE_SECONDS: '3',
    };
    const url = `http://127.0.0.1:${httpPort}`;
    const first = startNode(['dist/apps/api/src/main.js'], env);
    let second: NodeProcess | null = null;
    try {
      await first.waitFor(/GraphQL API on/);
      const db = new Client({
        connectionString: `postgres://magix:${readFileSync(join(dataDir, 'postgres-secrets', 'magix.password'), 'utf8').trim()}@127.0.0.1:${env.EMBEDDED_POSTGRES_PORT}/magix`,
      });
      await db.connect();
      const emails = await aCohort(db);
      await db.end();

      const token = await login(url);
      const csv = ['email,grade,assessed_on', ...emails.map((e) => `${e},8.0,2026-11-10`)].join('\n');
      const { data } = await gql(url, IMPORT, { input: { offeringCode: OFFERING, csv, dryRun: false } }, token);
      const jobId: string = data.importResults.job.id;

      // Mid-import: some rows recorded, many to go.
      let progress: Json;
      do progress = await jobOf(url, jobId, token);
      while (progress.done < 10 && progress.status !== 'DONE');
      expect(progress.status).toBe('RUNNING');
      await first.kill9();

      // What kill -9 leaves: PostgreSQL still up, holding the folder and the port.
      const orphan = Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
      expect(isAlive(orphan)).toBe(true);

      second = startNode(['dist/apps/api/src/main.js'], env);
      await second.waitFor(/GraphQL API on/);
      expect(second.output()).toContain(`An orphaned embedded PostgreSQL (pid ${orphan}) still runs on ${join(dataDir, 'postgres')}`);
      expect(second.output()).toContain(`The orphaned PostgreSQL (pid ${orphan}) has stopped.`);
      expect(isAlive(orphan)).toBe(false);

      // Resumed by the new server once the dead worker's lease ran out: a generous bound, not a speed target.
      const fresh = await login(url);
      const deadline = Date.now() + 60_000;
      let job: Json;
      do {
        await sleep(250);
        job = await jobOf(url, jobId, fresh);
      } while (job.status !== 'DONE' && job.status !== 'FAILED' && Date.now() < deadline);
      expect(job).toEqual({ status: 'DONE', done: COHORT, failed: 0, total: COHORT, issued: COHORT, failures: [] });
      await second.waitFor(/Import .*: its worker stopped before the end \(lease expired\); queued again to resume/, 1_000);

      const check = new Client({
        connectionString: `postgres://magix:${readFileSync(join(dataDir, 'postgres-secrets', 'magix.password'), 'utf8').trim()}@127.0.0.1:${env.EMBEDDED_POSTGRES_PORT}/magix`,
      });
      await check.connect();
      try {
        // Exactly once: one result and one credential per learner of the file, none lost, none twice.
        const { rows } = await check.query(
          `SELECT count(DISTINCT l.id)::int AS learners, count(r.id)::int AS results, count(c.id)::int AS credentials
           FROM learner l JOIN enrolment e ON e.learner_id = l.id
           LEFT JOIN assessment_result r ON r.enrolment_id = e.id LEFT JOIN credential c ON c.result_id = r.id
           WHERE l.email = ANY($1)`,
          [emails],
        );
        expect(rows).toEqual([{ learners: COHORT, results: COHORT, credentials: COHORT }]);
      } finally {
        await check.end();
      }
    } finally {
      if (first.child.exitCode === null && !first.child.killed) {
        first.child.kill('SIGTERM');
        await first.exited;
      }
      if (second) {
        second.child.kill('SIGTERM');
        await second.exited;
      }
    }
  }, 300_000);

  it('removes a stale postmaster.pid whose process is gone, and starts', async () => {
    const dataDir = aDataDir();
    const port = await freePort();
    const made = openDatabaseInProcess(dataDir, port);
    await readyUrl(made);
    expect(await closeNormally(made)).toBe(0);
    // A pid file as a power cut leaves it, naming a process that no longer exists.
    const gone = startNode(['-e', '0'], {});
    await gone.exited;
    writeFileSync(
      join(dataDir, 'postgres', 'postmaster.pid'),
      `${gone.child.pid}\n${join(dataDir, 'postgres')}\n0\n${port}\n\n127.0.0.1\n`,
    );

    const reopened = openDatabaseInProcess(dataDir, port);
    await readyUrl(reopened);
    expect(reopened.output()).toContain(
      `NOTICE Removing a stale postmaster.pid in ${join(dataDir, 'postgres')}: process ${gone.child.pid}`,
    );
    expect(await closeNormally(reopened)).toBe(0);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  }, 120_000);

  it('still refuses to start when another program holds the port, and leaves that program alone', async () => {
    const port = await freePort();
    const squatter: Server = await new Promise((done) => {
      const server = createServer().listen(port, '127.0.0.1', () => done(server));
    });
    try {
      const opener = openDatabaseInProcess(aDataDir(), port);
      const line = await opener.waitFor(/^(READY|FAILED) /);
      expect(line).toContain(`FAILED Port ${port} is already in use, so the embedded PostgreSQL cannot start.`);
      expect(await opener.exited).toBe(1);
      expect(squatter.listening).toBe(true);
    } finally {
      await new Promise((done) => squatter.close(done));
    }
  }, 120_000);
});

const IMPORT = `mutation($input: ImportResultsInput!) { importResults(input: $input) { valid job { id total } errors { line reason } } }`;

async function gql(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Json> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

async function login(url: string): Promise<string> {
  const { data, errors } = await gql(url, 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }', {
    input: { email: UPM_STAFF, password: DEMO_PASSWORD },
  });
  if (!data?.login) throw new Error(JSON.stringify(errors));
  return data.login.accessToken;
}

async function jobOf(url: string, id: string, token: string): Promise<Json> {
  const { data, errors } = await gql(
    url,
    'query($id: ID!) { importJob(id: $id) { status done failed total issued failures } }',
    { id },
    token,
  );
  if (!data?.importJob) throw new Error(JSON.stringify(errors));
  return data.importJob;
}

/** New learners enrolled in the offering, straight into the server's database as its own role. */
async function aCohort(db: Client): Promise<string[]> {
  const tag = randomBytes(3).toString('hex');
  const { rows } = await db.query('SELECT id FROM offering WHERE code = $1', [OFFERING]);
  await db.query(
    `INSERT INTO learner (given_name, family_name, email, country_code, sector)
     SELECT 'Crash', 'Learner ' || i, 'crash' || i || '-' || $1 || '@example.org', 'ES', 'PUBLIC' FROM generate_series(1, $2::int) i`,
    [tag, COHORT],
  );
  await db.query(
    `INSERT INTO enrolment (learner_id, offering_id) SELECT id, $1 FROM learner WHERE email LIKE 'crash%-' || $2 || '@example.org'`,
    [rows[0].id, tag],
  );
  return Array.from({ length: COHORT }, (_, i) => `crash${i + 1}-${tag}@example.org`);
}
