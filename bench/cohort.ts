/**
 * A cohort through the real import path: `rows` learners enrolled in one offering (created in SQL:
 * preparing them is not what is measured), one CSV of their results sent to `importResults` as the
 * HEI's registrar, timed until the background job reports DONE. Then the stored documents are
 * verified with the bare library, and the bare library alone signs the same documents (issuer set
 * to the bench's own key, which is all it can sign for) for comparison.
 */
import { randomBytes } from 'node:crypto';
import { generateIssuerKey, registerDeploymentContext } from '../libs/credentials/src';
import { DEMO_PASSWORD } from '../libs/demo/src/demo-data';
import { assertBareVerifies, bareIssuer, Credential, sample } from './bare';
import { BenchServer, rssMb, sleep } from './server';

export const OFFERING = 'UPM-AIG-01-2026';
const REGISTRAR = 'registrar@upm.example';
/** As the import's end-to-end test: after the offering starts, before today. */
const ASSESSED_ON = '2026-11-10';
/** How many of the bare library's own signatures are checked (it is the yardstick, not the subject). */
const BARE_SAMPLE = 50;

export interface CohortResult {
  rows: number;
  /** From sending the CSV to the job's DONE. */
  seconds: number;
  /** The bare library signing as many documents, one after another on one thread. */
  bareSignSeconds: number;
  /** The server's largest resident memory while the import ran. */
  peakRssMb: number;
  /** How many stored credentials the bare library verified (all unless BENCH_COHORT_VERIFY). */
  verifiedStored: number;
}

interface GraphQLAnswer<T> {
  data?: T;
  errors?: Array<{ message: string }>;
}

export async function gql<T>(server: BenchServer, query: string, variables: object, token?: string): Promise<T> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const answer = (await response.json()) as GraphQLAnswer<T>;
  if (!answer.data || answer.errors?.length) throw new Error(`GraphQL failed: ${JSON.stringify(answer.errors ?? answer).slice(0, 500)}`);
  return answer.data;
}

/** `rows` new learners enrolled in the offering; their emails, in order. */
export async function enrolledCohort(server: BenchServer, rows: number): Promise<{ emails: string[]; tag: string }> {
  const tag = randomBytes(3).toString('hex');
  await server.db.query(
    `INSERT INTO learner (given_name, family_name, email, country_code, sector)
     SELECT 'Cohort', 'Learner ' || i, 'cohort' || i || '-' || $1 || '@example.org', 'ES', 'PUBLIC' FROM generate_series(1, $2::int) i`,
    [tag, rows],
  );
  await server.db.query(
    `INSERT INTO enrolment (learner_id, offering_id)
     SELECT l.id, o.id FROM learner l, offering o WHERE l.email LIKE 'cohort%-' || $1 || '@example.org' AND o.code = $2`,
    [tag, OFFERING],
  );
  return { emails: Array.from({ length: rows }, (_, i) => `cohort${i + 1}-${tag}@example.org`), tag };
}

/** The HEI registrar's access token (valid at every process that shares the JWT secret). */
export async function registrarToken(server: BenchServer): Promise<string> {
  const { login } = await gql<{ login: { accessToken: string } }>(
    server,
    'mutation($input: LoginInput!) { login(input: $input) { accessToken } }',
    { input: { email: REGISTRAR, password: DEMO_PASSWORD } },
  );
  return login.accessToken;
}

/** Their results, every one a pass: one credential a row. */
export const cohortCsv = (emails: string[]): string =>
  ['email,grade,assessed_on', ...emails.map((e, i) => `${e},${(5 + (i % 50) / 10).toFixed(1)},${ASSESSED_ON}`)].join('\n');

export async function cohortBench(server: BenchServer, rows: number, verifyCount: number): Promise<CohortResult> {
  const { emails, tag } = await enrolledCohort(server, rows);
  const token = await registrarToken(server);
  const csv = cohortCsv(emails);

  let peakRss = rssMb(server.pid);
  const start = process.hrtime.bigint();
  const { importResults } = await gql<{ importResults: { valid: boolean; job: { id: string } | null; errors: unknown[] } }>(
    server,
    `mutation($input: ImportResultsInput!) { importResults(input: $input) { valid job { id } errors { line column reason } } }`,
    { input: { offeringCode: OFFERING, csv, dryRun: false } },
    token,
  );
  if (!importResults.job) throw new Error(`The import was refused: ${JSON.stringify(importResults.errors).slice(0, 500)}`);
  interface Job {
    status: string;
    done: number;
    failed: number;
    total: number;
    issued: number;
  }
  let job: Job | undefined;
  for (;;) {
    ({ importJob: job } = await gql<{ importJob: Job }>(
      server,
      'query($id: ID!) { importJob(id: $id) { status done failed total issued } }',
      { id: importResults.job.id },
      token,
    ));
    peakRss = Math.max(peakRss, rssMb(server.pid));
    if (job.status === 'DONE' || job.status === 'FAILED') break;
    await sleep(100);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (job.status !== 'DONE' || job.failed > 0 || job.issued !== rows)
    throw new Error(`The import did not issue ${rows} credentials: ${JSON.stringify(job)}`);

  const { rows: stored } = await server.db.query<{ document: string }>(
    `SELECT c.document FROM credential c JOIN assessment_result r ON r.id = c.result_id JOIN enrolment e ON e.id = r.enrolment_id
       JOIN learner l ON l.id = e.learner_id WHERE l.email LIKE 'cohort%-' || $1 || '@example.org'`,
    [tag],
  );
  if (stored.length !== rows) throw new Error(`${stored.length} credentials stored for ${rows} rows`);
  const documents = stored.map((s) => JSON.parse(s.document) as Credential);
  // The server's credentials name its own MAGIX context (PUBLIC_URL): resolvable offline, as there.
  registerDeploymentContext(server.url);
  await assertBareVerifies(sample(documents, verifyCount), 'stored cohort credentials');

  // BENCH_COHORT_BARE=0 (bench:cohort only, while trying changes): no yardstick, no ratio.
  if (process.env.BENCH_COHORT_BARE === '0')
    return { rows, seconds, bareSignSeconds: Number.NaN, peakRssMb: peakRss, verifiedStored: Math.min(verifyCount, rows) };
  // The same documents, unsigned, for the bare library to sign with a key of its own.
  const key = await generateIssuerKey();
  const unsigned = documents.map((d) => {
    const { proof: _proof, ...rest } = d;
    return { ...rest, issuer: { ...(rest.issuer as object), id: key.did } };
  });
  const issue = await bareIssuer(key);
  for (const document of unsigned.slice(0, 20)) await issue(document); // warm-up, as the other measures
  const bareStart = process.hrtime.bigint();
  const bareSigned: Credential[] = [];
  for (const document of unsigned) bareSigned.push(await issue(document));
  const bareSignSeconds = Number(process.hrtime.bigint() - bareStart) / 1e9;
  await assertBareVerifies(sample(bareSigned, BARE_SAMPLE), 'credentials the bare library signed');
  return { rows, seconds, bareSignSeconds, peakRssMb: peakRss, verifiedStored: Math.min(verifyCount, rows) };
}
