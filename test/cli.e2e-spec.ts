import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { APP_CONFIG, AppConfig } from '@magix/config';
import { ResultsImportService, runResultsImport, Terminal } from '@magix/results';
import { anEnrolledCohort, FAU_STAFF, UPM_STAFF } from './support/factories';
import { freePort } from './support/free-port';
import { startTestServer, TestServer } from './support/test-server';

const OFFERING = 'FAU-MLP-01-2026';
const ROOT = resolve(__dirname, '..');
const SAMPLE = join(ROOT, 'samples/results-FAU-MLP-01-2026.csv');
const SAMPLE_WITH_ERRORS = join(ROOT, 'samples/results-FAU-MLP-01-2026-with-errors.csv');

/** What a command wrote, as the operator would read it. */
function captured(): Terminal & { stdout: () => string; stderr: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out: { write: (text: string) => out.push(text) },
    err: { write: (text: string) => err.push(text), isTTY: false },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}

describe('command line: results import', () => {
  let server: TestServer;
  let imports: ResultsImportService;
  let cohortCsv: string;
  const dir = mkdtempSync(join(tmpdir(), 'magix-cli-'));
  const cohortFile = join(dir, 'cohort.csv');

  const run = async (options: { file?: string; dryRun?: boolean; as?: string; json?: boolean; offeringCode?: string } = {}) => {
    const terminal = captured();
    const code = await runResultsImport(
      imports,
      { file: cohortFile, offeringCode: OFFERING, dryRun: false, json: false, ...options },
      terminal,
      50,
    );
    return { code, stdout: terminal.stdout(), stderr: terminal.stderr() };
  };

  beforeAll(async () => {
    server = await startTestServer();
    imports = server.app.get(ResultsImportService);
    const cohort = await anEnrolledCohort(server, OFFERING, 40, 'DE');
    const grades = ['1.0', '1.3', '1.7', '2.0', '2.3', '2.7', '3.0', '3.3', '3.7', '4.0'];
    cohortCsv = ['email,grade,assessed_on', ...cohort.map((email, i) => `${email},${grades[i % 10]},2026-11-19`)].join('\n');
    writeFileSync(cohortFile, cohortCsv);
  });

  afterAll(() => server.close());

  it('lists every bad row of the shipped sample by line and column, and records nothing', async () => {
    const before = await server.count('assessment_result');
    const { code, stdout } = await run({ file: SAMPLE_WITH_ERRORS });
    expect(code).toBe(1);
    expect(stdout).toContain(`results-FAU-MLP-01-2026-with-errors.csv for ${OFFERING}, checked as ${FAU_STAFF}`);
    expect(stdout).toContain('4 rows: 0 to record, 1 already recorded, 3 errors');
    expect(stdout).toMatch(/line 3, grade: German university scale .* number from 1 to 5/);
    expect(stdout).toContain(`line 4, email: not enrolled in ${OFFERING}`);
    expect(stdout).toContain('line 5, assessed_on: must be a date as YYYY-MM-DD');
    expect(await server.count('assessment_result')).toBe(before);
  });

  it('dry-runs: says what would happen and records nothing', async () => {
    const before = await server.count('assessment_result');
    const { code, stdout } = await run({ dryRun: true });
    expect(code).toBe(0);
    expect(stdout).toContain('40 rows: 40 to record, 0 already recorded, 0 errors');
    expect(stdout).toContain('Dry run: nothing recorded.');
    expect(await server.count('assessment_result')).toBe(before);
  });

  it('records the cohort with a progress bar up to 40/40; the same file again records nothing', async () => {
    const before = await server.count('credential');
    const { code, stdout, stderr } = await run();
    expect(code).toBe(0);
    const bars = stderr.trimEnd().split('\n');
    expect(bars.at(-1)).toBe(`[${'█'.repeat(30)}] 100%  40/40`);
    const done = bars.map((bar) => Number(/(\d+)\/40/.exec(bar)![1]));
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(stdout).toMatch(/Job [0-9a-f-]{36}: 40 results recorded, 40 credentials issued, 0 failed\./);
    expect(await server.count('credential')).toBe(before + 40);

    const again = await run();
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('40 rows: 0 to record, 40 already recorded, 0 errors');
    expect(again.stdout).toContain('Nothing to record');
    expect(again.stderr).toBe('');
    expect(await server.count('credential')).toBe(before + 40);
  });

  it('answers in JSON for scripts', async () => {
    const { code, stdout } = await run({ dryRun: true, json: true });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ valid: true, dryRun: true, rows: 40, toRecord: 0, unchanged: 40, errors: [] });
  });

  it('answers a refusal in JSON too', async () => {
    const { code, stdout } = await run({ json: true, offeringCode: 'NO-SUCH-OFFERING' });
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual({ error: { code: 'NOT_FOUND', message: 'Offering NO-SUCH-OFFERING not found' } });
  });

  it.each([
    [{ as: UPM_STAFF }, 'Offering FAU-MLP-01-2026 not found (NOT_FOUND)'],
    [{ as: 'nobody@example.org' }, 'Account nobody@example.org not found (NOT_FOUND)'],
    [{ offeringCode: 'NO-SUCH-OFFERING' }, 'Offering NO-SUCH-OFFERING not found (NOT_FOUND)'],
    [{ file: join(dir, 'missing.csv') }, `Cannot read ${join(dir, 'missing.csv')} (BAD_USER_INPUT)`],
  ])('refuses %j with a clear reason and changes nothing', async (options, reason) => {
    const before = await server.count('assessment_result');
    const { code, stdout, stderr } = await run(options);
    expect(code).toBe(1);
    expect(stderr).toBe(`${reason}\n`);
    expect(stdout).toBe('');
    expect(await server.count('assessment_result')).toBe(before);
  });

  it('runs as the real command beside a running server, and the credential it issues verifies', async () => {
    const command = await cli(['results', 'import', SAMPLE, '--offering', OFFERING], {
      DATABASE_URL: server.databaseUrl,
      DATA_DIR: dir,
      MASTER_KEY: server.masterKey.toString('base64'),
      // The server's own address: credentials name their status list under it, whichever process signs.
      PUBLIC_URL: server.app.get<AppConfig>(APP_CONFIG).publicUrl,
    });
    expect(command.stderr).not.toMatch(/DeprecationWarning|Error/);
    expect({ code: command.code, stderr: command.code === 0 ? '' : command.stderr }).toEqual({ code: 0, stderr: '' });
    expect(command.stdout).toContain('3 rows: 1 to record, 2 already recorded, 0 errors');
    expect(command.stdout).toMatch(/1 result recorded, 1 credential issued, 0 failed/);
    expect(command.stderr.trimEnd().split('\n').at(-1)).toContain('100%  1/1');
    // A server works the queue: the job is the server's, as the README says, not the command's.
    expect(command.stderr).not.toContain('No server works the import queue');

    const { rows } = await server.db.query(
      `SELECT c.document FROM credential c JOIN learner l ON l.id = c.learner_id WHERE l.email = 'jonas.weber@uni.example' AND c.kind = 'MODULE'`,
    );
    expect(rows).toHaveLength(1);
    const { data } = await server.gql(
      'query($c: JSON!) { verifyCredential(credential: $c) { verified checks { name outcome message } } }',
      {
        c: JSON.parse(rows[0].document),
      },
    );
    expect(data.verifyCredential.verified).toBe(true);

    const usage = await cli(['results', 'import', SAMPLE], {}, { build: false });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('results import needs --offering CODE');
    expect(usage.stderr).toContain('Usage: npm run cli');
  }, 180_000);

  it('runs the job itself on its own database when no server works the queue, its log JSON on stderr and its answer JSON on stdout', async () => {
    // A DATA_DIR of its own and no DATABASE_URL, as an operator's first command on a new machine:
    // the command starts the embedded PostgreSQL, migrates, seeds and imports alone.
    const dataDir = mkdtempSync(join(tmpdir(), 'magix-cli-alone-'));
    chmodSync(dataDir, 0o755); // the embedded PostgreSQL runs as `postgres` when we are root
    const command = await cli(
      ['results', 'import', SAMPLE, '--offering', OFFERING, '--json'],
      { DATABASE_URL: '', DATA_DIR: dataDir, EMBEDDED_POSTGRES_PORT: String(await freePort()) },
      { build: false },
    );
    expect({ code: command.code, stderr: command.code === 0 ? '' : command.stderr }).toEqual({ code: 0, stderr: '' });
    // The answer: stdout is the JSON report alone, nothing logged into it.
    expect(JSON.parse(command.stdout)).toMatchObject({ valid: true, toRecord: 1, job: { status: 'DONE', done: 1, failed: 0, issued: 1 } });
    // The operator's messages stay plain text; every other line on stderr is a JSON log line, as the server's.
    const operatorMessages = /^(No server works the import queue: this command records the results itself\.|\[[█░]+\] +\d+%.*)$/;
    const logLines = command.stderr
      .split('\n')
      .filter((line) => line !== '' && !operatorMessages.test(line))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(command.stderr).toContain('No server works the import queue: this command records the results itself.');
    // A fresh database warns that it made the app's role: at warn, with its context, not Nest's console line.
    expect(logLines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        context: 'MAGIX',
        msg: expect.stringMatching(/^Created the database role magix /),
        pid: expect.any(Number),
      }),
    );
    // At the command's default level (warn), none of the start-up's info lines; no personal data.
    expect(logLines.filter((line) => !['warn', 'error', 'fatal'].includes(String(line.level)))).toEqual([]);
    expect(command.stderr).not.toMatch(/\[Nest\]|@|password_hash/);
  }, 180_000);

  it('asks which account imports when the HEI has several', async () => {
    await server.db.query(
      `INSERT INTO app_user (email, password_hash, role, organisation_id)
       SELECT 'second.registrar@fau.example', password_hash, role, organisation_id FROM app_user WHERE email = $1`,
      [FAU_STAFF],
    );
    const { code, stderr } = await run({ dryRun: true });
    expect(code).toBe(1);
    expect(stderr).toContain(`Several accounts act for the HEI of ${OFFERING}; name one: ${FAU_STAFF}, second.registrar@fau.example`);
    expect((await run({ dryRun: true, as: 'second.registrar@fau.example' })).code).toBe(0);
  });
});

/** `npm run cli -- ...` as an operator types it (building first, as the script does), or the built command alone. */
function cli(
  args: string[],
  env: Record<string, string> = {},
  { build = true } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const [program, ...programArgs] = build
      ? ['npm', 'run', '--silent', 'cli', '--', ...args]
      : ['node', 'dist/apps/api/src/cli/magix.js', ...args];
    const child = spawn(program, programArgs, {
      cwd: ROOT,
      env: { ...process.env, SEED_DEMO: 'true', ...env, NODE_OPTIONS: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', fail);
    child.once('close', (code) => done({ code, stdout, stderr }));
  });
}
