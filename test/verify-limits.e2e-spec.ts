import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { credentialLimitProblem } from '@magix/credentials';
import { checkOf, verify, VERIFY, demoModuleAndDegree } from './support/credentials';
import { freePort } from './support/free-port';
import { aFreshDatabase, Json, startTestServer, TestServer } from './support/test-server';

const ROOT = resolve(__dirname, '..');

async function post(url: string, path: string, body: unknown): Promise<{ status: number; body: Json }> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const response = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text });
  return { status: response.status, body: await response.json() };
}

/** JSON text nested `levels` deep at `description` (written out: JSON.stringify itself overflows on such input). */
const nestedJson = (levels: number): string => `${'{"description":'.repeat(levels)}"deep"${'}'.repeat(levels)}`;

describe('verification cost limits (finding 2: one request froze the server)', () => {
  let server: TestServer;
  let credential: Json;
  let degree: Json;

  beforeAll(async () => {
    server = await startTestServer();
    ({ credential, degree } = await demoModuleAndDegree(server));
  });

  afterAll(() => server.close());

  it('answers the credential carrying 1,000 copies of its proof with INVALID, naming the limit, on every interface', async () => {
    const attack = { ...credential, proof: Array(1000).fill(credential.proof[0]) };
    expect(JSON.stringify(attack).length).toBeGreaterThan(300_000);
    const rest = await post(server.url, '/credentials/verify', { verifiableCredential: attack });
    expect(rest.status).toBe(422);
    expect(rest.body.verified).toBe(false);
    expect(rest.body.errors).toContainEqual({
      name: 'dataModel',
      message: 'Over the verification limit of 8 proofs in one proof set (proofsPerSet): found 1,000',
    });
    const report = await verify(server, attack);
    expect(report.verdict).toBe('INVALID');
    expect(checkOf(report, 'DATA_MODEL')).toMatchObject({ outcome: 'FAILED', message: expect.stringContaining('(proofsPerSet)') });
    expect(checkOf(report, 'PROOF').outcome).toBe('NOT_CHECKED');
    // The same credential with its one proof is still fine.
    await expect(verify(server, credential)).resolves.toMatchObject({ verdict: 'VALID' });
  });

  it('refuses a credential naming __proto__ (as a key or an id) before JSON-LD sees it, and goes on verifying others', async () => {
    const asId = JSON.stringify({
      verifiableCredential: { ...credential, credentialSubject: { ...credential.credentialSubject, id: '__proto__' } },
    });
    const asKey = JSON.stringify({ verifiableCredential: credential }).replace(
      '"credentialSubject":{',
      '"credentialSubject":{"__proto__":{"id":"x"},',
    );
    for (const body of [asId, asKey]) {
      const rest = await post(server.url, '/credentials/verify', body);
      expect(rest.status).toBe(422);
      expect(rest.body.errors).toContainEqual({ name: 'dataModel', message: expect.stringContaining('"__proto__"') });
    }
    const report = await verify(server, JSON.parse(asId).verifiableCredential);
    expect(checkOf(report, 'DATA_MODEL')).toMatchObject({ outcome: 'FAILED', message: expect.stringContaining('mishandle') });
    await expect(verify(server, credential)).resolves.toMatchObject({ verdict: 'VALID' });
    await expect(verify(server, degree)).resolves.toMatchObject({ verdict: 'VALID' });
  });

  it('answers a presentation of 280 credentials with a failed data model naming the limit', async () => {
    const small = {
      '@context': credential['@context'],
      id: credential.id,
      type: credential.type,
      issuer: credential.issuer.id,
      validFrom: credential.validFrom,
      credentialSubject: { id: credential.credentialSubject.id },
      proof: credential.proof,
    };
    const presentation = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiablePresentation'],
      // Each one trimmed, so that 280 fit in the 1 MB body limit, as in the attack.
      verifiableCredential: Array(280).fill(small),
      proof: { ...credential.proof[0], proofPurpose: 'authentication', challenge: 'c-1' },
    };
    const rest = await post(server.url, '/presentations/verify', { verifiablePresentation: presentation, options: { challenge: 'c-1' } });
    expect(rest.status).toBe(422);
    expect(rest.body.presentationResult.verified).toBe(false);
    expect(rest.body.errors).toContainEqual({
      name: 'dataModel',
      message: 'Over the verification limit of 50 credentials in a presentation (credentialsPerPresentation): found 280',
    });
    const { data } = await server.gql(
      'query($p: JSON!) { verifyPresentation(presentation: $p, challenge: "c-1") { verified checks { name outcome message } } }',
      { p: presentation },
    );
    expect(data.verifyPresentation.verified).toBe(false);
    expect(data.verifyPresentation.checks[0]).toMatchObject({
      name: 'DATA_MODEL',
      outcome: 'FAILED',
      message: expect.stringContaining('(credentialsPerPresentation)'),
    });
  });

  it('refuses a presentation over the limit that holds enveloped credentials without opening them', async () => {
    const envelope = {
      '@context': 'https://www.w3.org/ns/credentials/v2',
      id: 'data:application/vc+jwt,eyJhbGciOiJFZERTQSJ9.e30.c2lnbmF0dXJl',
      type: 'EnvelopedVerifiableCredential',
    };
    const items = Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? credential : envelope));
    const rest = await post(server.url, '/presentations/verify', {
      verifiablePresentation: {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiablePresentation'],
        verifiableCredential: items,
      },
      options: { challenge: 'c-2' },
    });
    expect(rest.status).toBe(422);
    expect(rest.body.errors[0].message).toMatch(/\(credentialsPerPresentation\): found 60$/);
    expect(rest.body.credentialResults).toEqual([]);
  });

  it('answers a deeply nested credential with INVALID naming the nesting limit, not a stack overflow', async () => {
    const deep = JSON.stringify({ ...credential, description: '@' }).replace('"@"', nestedJson(10_000));
    const rest = await post(server.url, '/credentials/verify', `{"verifiableCredential":${deep}}`);
    expect(rest.status).toBe(422);
    expect(rest.body.errors).toContainEqual({
      name: 'dataModel',
      message: 'Over the verification limit of 32 levels of nesting (depth): found more than 32',
    });
    const { status, body } = await post(server.url, '/graphql', `{"query":${JSON.stringify(VERIFY)},"variables":{"credential":${deep}}}`);
    expect(status).toBe(200);
    expect(checkOf(body.data.verifyCredential, 'DATA_MODEL').message).toMatch(/\(depth\)/);
  });

  it('still verifies the genuine joint degree, its issuer’s proof and the endorsements of its co-awarders, as VALID', async () => {
    expect(degree.coAwardedBy.length).toBeGreaterThanOrEqual(4);
    expect(degree.endorsement.length).toBe(degree.coAwardedBy.length - 1);
    const report = await verify(server, degree);
    expect(report).toMatchObject({ verified: true, verdict: 'VALID' });
    expect(checkOf(report, 'PROOF').message).toMatch(/co-awarders match/);
    const rest = await post(server.url, '/credentials/verify', { verifiableCredential: degree });
    expect(rest.status).toBe(200);
  });
});

/** Per-thread CPU time (clock ticks, user + system) of a process, by thread id, from /proc. */
function cpuByThread(pid: number): Map<number, number> {
  const ticks = new Map<number, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks.set(Number(tid), Number(fields[11]) + Number(fields[12]));
    } catch {
      // a thread that ended between the listing and the read
    }
  }
  return ticks;
}

/** Runs a command to its end; its exit code and what it printed. */
function run(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: '' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', fail);
    child.once('close', (code) => done({ code, output }));
  });
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, tries = 300): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

describe('the built server verifies off its event loop', () => {
  let child: ChildProcess;
  let url: string;
  let credential: Json;

  beforeAll(async () => {
    // The server as shipped (built as npm start builds it: global setup did, before any suite), on a
    // fresh database of the test run's PostgreSQL. Never a rebuild here: it would empty dist/ under
    // the built servers another suite runs at the same time.
    const build = await run('node', ['scripts/build-if-stale.mjs', '--quiet']);
    if (build.code !== 0) throw new Error(`the build failed:\n${build.output.slice(-3000)}`);
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'magix-built-'));
    url = `http://127.0.0.1:${port}`;
    child = spawn('node', ['dist/apps/api/src/main.js'], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        DATABASE_URL: await aFreshDatabase(),
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: url,
        DATA_DIR: dataDir,
        SEED_DEMO: 'true',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // The server writes its demo credential once it listens.
    const demoFile = join(dataDir, 'demo-credential.json');
    credential = await until('the demo credential', () =>
      Promise.resolve(existsSync(demoFile) ? JSON.parse(readFileSync(demoFile, 'utf8')) : undefined),
    ).catch((error: Error) => {
      throw new Error(`${error.message}; the server wrote: ${stderr}`);
    });
  }, 240_000);

  afterAll(async () => {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    const stuck = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(stuck);
  });

  it('answers /health before any verification of a burst at the cost limit, and spends that work on other threads', async () => {
    const verifyOnce = (document: unknown) => post(url, '/credentials/verify', { verifiableCredential: document });
    // Warms both threads up, and shows they verify a genuine credential (the deployment's context included).
    for (const answer of await Promise.all([verifyOnce(credential), verifyOnce(credential)])) {
      expect(answer).toMatchObject({ status: 200, body: { verified: true } });
    }
    // As expensive as the limits allow: 8 proofs over some 2,000 values (16,000 canonicalized).
    const achievement = credential.credentialSubject.achievement;
    const alignment = Array.from({ length: 340 }, (_, i) => ({
      type: ['Alignment'],
      targetName: `t${i}`,
      targetUrl: `https://e.example/${i}`,
    }));
    const heavy = {
      ...credential,
      credentialSubject: { ...credential.credentialSubject, achievement: { ...achievement, alignment } },
      proof: Array(8).fill(credential.proof[0]),
    };
    expect(credentialLimitProblem(heavy)).toBeNull();
    const pid = child.pid!;
    const before = cpuByThread(pid);
    const order: string[] = [];
    const burst = Array.from({ length: 4 }, () =>
      verifyOnce(heavy).then((answer) => {
        order.push('verify');
        return answer;
      }),
    );
    await new Promise((r) => setTimeout(r, 150)); // the server takes the burst up
    const health = await fetch(`${url}/health`);
    order.push('health');
    expect(health.status).toBe(200);
    const answers = await Promise.all(burst);
    // Each was verified, not refused: its altered content fails every one of its proofs.
    for (const answer of answers) {
      expect(answer.status).toBe(422);
      expect(answer.body.errors).toContainEqual({ name: 'proof', message: expect.stringMatching(/^8 of 8 signatures do not match/) });
    }
    // On the event loop, the first verification would have held /health back until it was done.
    expect(order[0]).toBe('health');
    const after = cpuByThread(pid);
    const spent = (tid: number) => (after.get(tid) ?? 0) - (before.get(tid) ?? 0);
    const others = [...after.keys()].filter((tid) => tid !== pid).reduce((sum, tid) => sum + spent(tid), 0);
    // The canonicalization (some 5 s of CPU) was done by threads other than the main one.
    expect(others).toBeGreaterThan(2 * spent(pid));
  });
});
