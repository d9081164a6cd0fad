/**
 * More than one process (issue 13.5): the same import path measured through one server process and
 * through two on one database. First `rows` new learners' results as one file to the first
 * process (its best case: one job, every chunk through its worker threads); then a new cohort of
 * as many as two files of half the rows, one to each process at the same moment (a job is worked
 * by one process, so two processes need two files). Timed from the mutations to every job's DONE;
 * the figure is credentials stored a second. Every stored credential of both runs is then
 * verified by the bare library.
 */
import { registerDeploymentContext } from '../libs/credentials/src';
import { assertBareVerifies, Credential } from './bare';
import { cohortCsv, enrolledCohort, gql, OFFERING, registrarToken } from './cohort';
import { BenchServer, sleep, startServer } from './server';

export interface TwoProcessesResult {
  rows: number;
  /** Credentials stored a second, the whole file through the first process. */
  oneProcess: number;
  /** The same with one file through each of two processes on the same database. */
  twoProcesses: number;
  /** How many stored credentials the bare library verified (all of both runs). */
  verifiedStored: number;
}

interface Job {
  status: string;
  failed: number;
  issued: number;
}

async function importThrough(targets: BenchServer[], owner: BenchServer, rows: number, token: string) {
  const { emails, tag } = await enrolledCohort(owner, rows);
  const share = Math.ceil(rows / targets.length);
  const parts = targets.map((_, i) => emails.slice(i * share, (i + 1) * share));
  const start = process.hrtime.bigint();
  const ids = await Promise.all(
    parts.map(async (part, i) => {
      const { importResults } = await gql<{ importResults: { job: { id: string } | null; errors: unknown[] } }>(
        targets[i],
        `mutation($input: ImportResultsInput!) { importResults(input: $input) { job { id } errors { line reason } } }`,
        { input: { offeringCode: OFFERING, csv: cohortCsv(part), dryRun: false } },
        token,
      );
      if (!importResults.job) throw new Error(`The import was refused: ${JSON.stringify(importResults.errors).slice(0, 500)}`);
      return importResults.job.id;
    }),
  );
  const jobs = await Promise.all(ids.map((id, i) => untilFinished(targets[i], id, token)));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const issued = jobs.reduce((sum, job) => sum + job.issued, 0);
  if (jobs.some((job) => job.status !== 'DONE' || job.failed > 0) || issued !== rows)
    throw new Error(`The imports did not issue ${rows} credentials: ${JSON.stringify(jobs)}`);
  const { rows: stored } = await owner.db.query<{ document: string }>(
    `SELECT c.document FROM credential c JOIN assessment_result r ON r.id = c.result_id JOIN enrolment e ON e.id = r.enrolment_id
       JOIN learner l ON l.id = e.learner_id WHERE l.email LIKE 'cohort%-' || $1 || '@example.org'`,
    [tag],
  );
  if (stored.length !== rows) throw new Error(`${stored.length} credentials stored for ${rows} rows`);
  return { perSecond: rows / seconds, documents: stored.map((s) => JSON.parse(s.document) as Credential) };
}

async function untilFinished(server: BenchServer, id: string, token: string): Promise<Job> {
  for (;;) {
    const { importJob } = await gql<{ importJob: Job }>(
      server,
      'query($id: ID!) { importJob(id: $id) { status failed issued } }',
      { id },
      token,
    );
    if (importJob.status === 'DONE' || importJob.status === 'FAILED') return importJob;
    await sleep(100);
  }
}

/** `first` is a running bench server; a second process is started on its database and stopped at the end. */
export async function twoProcessesBench(first: BenchServer, rows: number): Promise<TwoProcessesResult> {
  const second = await startServer({ beside: first });
  try {
    const token = await registrarToken(first);
    const one = await importThrough([first], first, rows, token);
    const two = await importThrough([first, second], first, rows, token);
    // Both processes name the one public URL, whose MAGIX context is resolved offline as there.
    registerDeploymentContext(first.shared.PUBLIC_URL);
    const all = [...one.documents, ...two.documents];
    await assertBareVerifies(all, 'credentials stored through one and two processes');
    return { rows, oneProcess: one.perSecond, twoProcesses: two.perSecond, verifiedStored: all.length };
  } finally {
    await second.stop();
  }
}
