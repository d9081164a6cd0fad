import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEMO_PASSWORD, DemoSeeder } from '@magix/demo';
import { ResultsImportService, runResultsImport } from '@magix/results';
import { ADMIN } from './support/factories';
import { Json, startTestServer, TestServer } from './support/test-server';

const ROOT = resolve(__dirname, '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** The README's text under a `## ` heading, up to the next one. */
const section = (heading: string) => README.split(/^## /m).find((part) => part.startsWith(`${heading}\n`)) ?? '';
/** The fenced blocks of a language in some README text. */
const blocks = (text: string, language: string) =>
  [...text.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);

/**
 * The README, followed as written against a fresh demo server: "Try it" command by command, then
 * the command-line samples, whose transcript must be what the command prints; and its demo figures.
 */
describe('the README, as a new user follows it', () => {
  let server: TestServer;
  const home = mkdtempSync(join(tmpdir(), 'magix-readme-'));

  /** A README shell block, run in a folder like the repository's, against this server (in this process: never block it). */
  const shell = (script: string) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      const child = spawn('bash', ['-e', '-c', script.replaceAll('http://localhost:3000', server.url)], { cwd: home });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code) => done({ code, stdout, stderr }));
    });
  const login = async (email: string) => server.login(email, DEMO_PASSWORD);

  beforeAll(async () => {
    server = await startTestServer();
    // What `npm start` writes beside the data.
    mkdirSync(join(home, '.data'));
    writeFileSync(join(home, '.data', 'demo-credential.json'), (await server.app.get(DemoSeeder).sampleCredential())!.json);
  });
  afterAll(() => server.close());

  it('states the demo’s figures and lists every demo learner, each of whom can sign in', async () => {
    const admin = await login(ADMIN);
    const { data } = await server.gql(
      '{ modules(limit: 100) { totalCount } learners(limit: 100) { totalCount items { email } } organisations { items { kind } } }',
      {},
      admin,
    );
    const employers = data.organisations.items.filter((o: Json) => o.kind !== 'HEI').length;
    expect(README).toContain(
      `${NUMBERS[data.modules.totalCount]} modules, ${NUMBERS[employers]} employers and ${NUMBERS[data.learners.totalCount]} learners`,
    );
    const table = section('Two commands');
    for (const { email } of data.learners.items as Array<{ email: string }>) {
      expect({ email, listed: table.includes(email) }).toEqual({ email, listed: true });
      await login(email);
    }
    // What `npm start` prints: the same accounts, every learner among them.
    const printed = server.app.get(DemoSeeder).accounts();
    expect(printed.map((a) => a.email).filter((email) => !table.includes(email))).toEqual([]);
    expect(printed.filter((a) => String(a.role) === 'LEARNER')).toHaveLength(data.learners.totalCount);
    const { rows } = await server.db.query<{ email: string; modules: string }>(
      `SELECT l.email, count(*) AS modules FROM credential c JOIN learner l ON l.id = c.learner_id WHERE c.kind = 'MODULE' GROUP BY l.email`,
    );
    const modules = Object.fromEntries(rows.map((r) => [r.email, NUMBERS[Number(r.modules)]]));
    expect(table).toMatch(
      new RegExp(`lucia\\.martin@madrid\\.example +\\| public sector, ${modules['lucia.martin@madrid.example']} module credentials`),
    );
    expect(table).toMatch(
      new RegExp(`marco\\.rossi@lombardia\\.example +\\| public sector, ${modules['marco.rossi@lombardia.example']} credentials`),
    );
    expect(table).toMatch(
      new RegExp(`pablo\\.ortega@hacienda\\.example +\\| public sector, half-way: ${modules['pablo.ortega@hacienda.example']} module`),
    );
    expect(table).toMatch(
      new RegExp(`ieva\\.berzina@vid\\.example +\\| public sector, the joint degree and its ${modules['ieva.berzina@vid.example']} module`),
    );
  });

  it('"Try it": the verify command, the GraphQL operations in order, then the VC-API commands', async () => {
    const tryIt = section('Try it');
    const [verify, vcApi] = blocks(tryIt, 'bash');
    const verified = await shell(verify);
    expect(verified.stderr).toBe('');
    expect(JSON.parse(verified.stdout).data.verifyCredential.verified).toBe(true);

    const [graphql] = blocks(tryIt, 'graphql');
    const operations = graphql.split(/^(?=query \{|mutation \{)/m).filter((part) => /^(query|mutation) \{/.test(part));
    const [signIn, enrolments, recordResult, myCredentials] = operations;
    const token = (await server.gql(signIn)).data.login.accessToken as string;
    const [, learner, offering] = /Take the id of (.+?)'s enrolment in (\S+?);/.exec(graphql)!;
    const listed = await server.gql(enrolments, {}, token);
    const enrolment = listed.data.enrolments.items.find(
      (e: Json) => `${e.learner.givenName} ${e.learner.familyName}` === learner && e.offering.code === offering,
    );
    expect(enrolment).toBeDefined();
    const recorded = await server.gql(recordResult.replace('"…"', `"${enrolment.id}"`), {}, token);
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data.recordResult.credential.document.type).toContain('OpenBadgeCredential');
    const [, learnerEmail] = /sign in as one, e\.g\. (\S+)\)/.exec(graphql)!;
    const mine = await server.gql(myCredentials, {}, await login(learnerEmail));
    expect(mine.data.myCredentials.items.length).toBeGreaterThan(0);

    const fetched = await shell(vcApi);
    expect({ code: fetched.code, stderr: fetched.stderr }).toEqual({ code: 0, stderr: '' });
    const issued = JSON.parse(readFileSync(join(home, '.data', 'issued.json'), 'utf8')).verifiableCredential;
    expect(issued.id).toMatch(/^urn:uuid:/);
    expect(JSON.parse(fetched.stdout)).toEqual(issued);
    // The body shown below the commands is the example the commands send, but for the DID.
    const [shown] = blocks(tryIt, 'json');
    const { data } = await server.gql('{ organisations(countryCode: "DE", kind: HEI) { items { issuerDid } } }');
    const withDid = JSON.parse(shown.replace('did:key:z6Mk…', data.organisations.items[0].issuerDid));
    const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as Json;
    expect(withDid).toEqual(document.paths['/credentials/issue'].post.requestBody.content['application/json'].examples.openBadge.value);
  });

  it('then the command-line samples print what the README shows', async () => {
    const console = blocks(README, 'console')[0];
    const runs = console.split(/^\$ /m).filter(Boolean);
    const imports = server.app.get(ResultsImportService);
    for (const run of runs) {
      const [command, ...expected] = run.trimEnd().split('\n');
      const args = command.split(' -- ')[1].split(' ');
      const out: string[] = [];
      const code = await runResultsImport(
        imports,
        { file: join(ROOT, args[2]), offeringCode: args[args.indexOf('--offering') + 1], dryRun: args.includes('--dry-run'), json: false },
        { out: { write: (text: string) => out.push(text) }, err: { write: () => undefined, isTTY: false } },
        50,
      );
      const printed = out.join('').trimEnd().split('\n');
      // The progress bar goes to stderr; a job's id is new each time.
      const shown = expected.filter((line) => !line.startsWith('[█')).map((line) => line.replace(/Job [0-9a-f-]{36}/, 'Job <id>'));
      expect({ command, printed: printed.map((line) => line.replace(/Job [0-9a-f-]{36}/, 'Job <id>')) }).toEqual({
        command,
        printed: shown,
      });
      expect(code).toBe(command.includes('with-errors') ? 1 : 0);
    }
  });
});
