import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_PASSWORD } from '@magix/demo';
import { ADMIN } from './support/factories';
import { freePort } from './support/free-port';
import { NodeProcess, ROOT, startNode } from './support/node-process';
import { Json } from './support/test-server';

const LEARNER = 'ieva.berzina@vid.example';
const WRONG_PASSWORD = 'not-Ieva-s-password-7f3a';
const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      args,
      { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: '', ...env } },
      (_error, stdout, stderr) => done({ code: child.exitCode, stdout, stderr }),
    );
  });
}

/** The lines of a JSON log; a line that is not one JSON object fails the test with the line itself. */
function jsonLines(text: string): Array<Record<string, unknown>> {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`Not a JSON log line: ${line}`);
      }
    });
}

/**
 * The built server as `npm start` runs it, on its own embedded PostgreSQL: what its log says (and
 * does not), and `npm run migration:run` beside it.
 */
describe('operations: the built server on its embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'magix-operations-'));
  chmodSync(dataDir, 0o755);
  const env: Record<string, string> = { DATA_DIR: dataDir, SEED_DEMO: 'true', LOG_LEVEL: 'trace' };
  let server: NodeProcess;
  let url: string;
  let stdout = '';
  let stderr = '';

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const json = async (response: Promise<Response> | Response): Promise<Json> => (await response).json();

  beforeAll(async () => {
    // As `npm start` does: a build only when the sources changed since the last one.
    const build = await run(['scripts/build-if-stale.mjs'], {});
    expect(build.code).toBe(0);
    const port = await freePort();
    env.EMBEDDED_POSTGRES_PORT = String(await freePort());
    url = `http://127.0.0.1:${port}`;
    server = startNode(['dist/apps/api/src/main.js'], { ...env, PORT: String(port), PUBLIC_URL: url });
    server.child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    server.child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await server.waitFor(/GraphQL API on/);
  }, 400_000);

  afterAll(async () => {
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  }, 60_000);

  it('logs one JSON object per line, each request under its id, and no e-mail, password, URL query or SQL parameter', async () => {
    const login = await post(
      '/graphql',
      { query: LOGIN, variables: { input: { email: LEARNER, password: DEMO_PASSWORD } } },
      { 'x-request-id': 'ops-login' },
    );
    expect(login.headers.get('x-request-id')).toBe('ops-login');
    expect((await json(login)).data.login.accessToken).toEqual(expect.any(String));
    const wrong = await post(
      '/graphql',
      { query: LOGIN, variables: { input: { email: LEARNER, password: WRONG_PASSWORD } } },
      { 'x-request-id': 'ops-wrong' },
    );
    expect((await json(wrong)).errors).toBeDefined();
    // An e-mail address the database already holds, as a GraphQL variable: refused on its unique key.
    const admin: string = (await json(post('/graphql', { query: LOGIN, variables: { input: { email: ADMIN, password: DEMO_PASSWORD } } })))
      .data.login.accessToken;
    const taken = await post(
      '/graphql',
      {
        query: 'mutation($input: CreateLearnerInput!) { createLearner(input: $input) { id } }',
        variables: {
          input: {
            givenName: 'Ieva',
            familyName: 'Bērziņa',
            email: LEARNER,
            countryCode: 'LV',
            sector: 'PUBLIC',
            password: WRONG_PASSWORD,
          },
        },
      },
      { 'x-request-id': 'ops-taken', authorization: `Bearer ${admin}` },
    );
    expect((await json(taken)).errors).toBeDefined();
    // The same address in a REST body and in a URL's query.
    await post('/interest-list', { email: LEARNER, givenName: 'Ieva' }, { 'x-request-id': 'ops-rest' });
    await fetch(`${url}/health?email=${encodeURIComponent(LEARNER)}`, { headers: { 'x-request-id': 'ops-query' } });
    // An id that could forge a log line is not taken: the answer and the log carry a UUID instead.
    const forged = await fetch(`${url}/health`, { headers: { 'x-request-id': 'x","level":"fatal' } });
    const replaced = forged.headers.get('x-request-id') ?? '';
    expect(replaced).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

    const ids = ['ops-login', 'ops-wrong', 'ops-taken', 'ops-rest', 'ops-query', replaced];
    const answered = () => jsonLines(stdout).filter((line) => line.msg === 'request completed');
    for (let waited = 0; ids.some((id) => !answered().some((line) => line.reqId === id)) && waited < 100; waited++) await sleep(100);

    const lines = jsonLines(stdout);
    for (const id of ids) expect(answered().find((line) => line.reqId === id)).toMatchObject({ req: { method: expect.any(String) } });
    // LOG_LEVEL=trace shows what info hides: health checks are logged at debug.
    expect(answered().find((line) => line.reqId === 'ops-query')).toMatchObject({
      level: 'debug',
      res: { statusCode: 200, route: '/health' },
    });
    // Every line about a request names it; every line has its level, time and message.
    for (const line of lines) {
      expect(line).toMatchObject({ level: expect.any(String), time: expect.any(String) });
      if ('req' in line || 'res' in line) expect(line.reqId).toEqual(expect.any(String));
    }
    expect(lines.length).toBeGreaterThan(20);
    for (const secret of [
      LEARNER,
      encodeURIComponent(LEARNER),
      DEMO_PASSWORD,
      WRONG_PASSWORD,
      'PARAMETERS',
      'authorization',
      admin,
      '"level":"fatal',
    ])
      expect(stdout).not.toContain(secret);
    // The demo's accounts and addresses, for the person at the terminal: plain text on stderr, once.
    expect(stderr.match(/Demo accounts \(password "magix-demo-2026"\)/g)).toHaveLength(1);
    expect(stderr).toContain(`Web pages: verify ${url}/verify`);
  });

  it('migration:run joins the running server’s embedded database and finds nothing to do', async () => {
    const migrate = await run(['dist/apps/api/src/cli/migrate.js'], env);
    expect({ code: migrate.code, stdout: migrate.stdout }).toEqual({ code: 0, stdout: 'The schema is up to date.\n' });
    // Its log, if any, is JSON on stderr.
    jsonLines(migrate.stderr);
    // The server still has its database.
    expect((await fetch(`${url}/health`)).status).toBe(200);
    // A log level it does not know stops it before it does anything, in one line.
    const refused = await run(['dist/apps/api/src/cli/migrate.js'], { ...env, LOG_LEVEL: 'loud' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent (got "loud")');
  }, 60_000);

  it('the command line logs as the server does, on stderr, even at trace; its JSON answer on stdout stays whole', async () => {
    const sample = join(ROOT, 'samples/results-FAU-MLP-01-2026.csv');
    const command = await run(
      ['dist/apps/api/src/cli/magix.js', 'results', 'import', sample, '--offering', 'FAU-MLP-01-2026', '--json'],
      env,
    );
    expect({ code: command.code, stderr: command.code === 0 ? '' : command.stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(command.stdout)).toMatchObject({ valid: true, rows: 3, errors: [] });
    // Beside the operator's progress bar, the log: JSON lines, Nest's own start-up among them at trace.
    const log = jsonLines(
      command.stderr
        .split('\n')
        .filter((line) => !/^\[[█░]+\] /.test(line))
        .join('\n'),
    );
    expect(log).toContainEqual(expect.objectContaining({ level: 'info', context: 'NestFactory', msg: 'Starting Nest application...' }));
    // The same redaction: the sample's learners, their e-mail addresses, are on no line.
    for (const email of ['marco.rossi@lombardia.example', 'anna.schmidt@datawerk.example', 'jonas.weber@uni.example'])
      expect(command.stderr).not.toContain(email);
  }, 120_000);
});
