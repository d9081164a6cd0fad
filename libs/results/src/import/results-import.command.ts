import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Principal, principalOf } from '@magix/auth';
import { badInput, DomainError } from '@magix/common';
import { ImportJob } from './import-job.entity';
import { ImportReport, MAX_CSV_LENGTH } from './import-report';
import { progressBar } from './progress-bar';
import { ResultsImportService } from './results-import.service';

/** `results import FILE --offering CODE [--dry-run] [--as EMAIL] [--json]` */
export interface ResultsImportCommand {
  file: string;
  offeringCode: string;
  dryRun: boolean;
  /** The account that imports; by default the one ISSUER account of the offering's HEI. */
  as?: string;
  /** The report as JSON on stdout, for scripts. */
  json: boolean;
}

/** The answer goes to `out`; progress and refusals to `err`, progress redrawn in place on a terminal. */
export interface Terminal {
  out: { write(text: string): unknown };
  err: { write(text: string): unknown; isTTY?: boolean };
}

export const ExitCode = { DONE: 0, REFUSED: 1 } as const;

export { workImportsOnlyWhenNoServerDoes } from './import-queue';

const FINISHED = new Set(['DONE', 'FAILED']);

/**
 * The terminal's way into the same import as GraphQL `importResults`: check the whole file, then
 * follow the background job with a progress bar until every row is recorded.
 */
export async function runResultsImport(
  imports: ResultsImportService,
  command: ResultsImportCommand,
  terminal: Terminal,
  pollIntervalMs = 250,
): Promise<number> {
  // With --json, stdout carries the JSON alone.
  const say = (line: string) => {
    if (!command.json) terminal.out.write(`${line}\n`);
  };
  try {
    const csv = await readCsv(command.file);
    const importer = await imports.importerFor(command.offeringCode, command.as);
    const principal = principalOf(importer);
    const report = await imports.import(command.offeringCode, csv, command.dryRun, principal);
    say(`${basename(command.file)} for ${command.offeringCode}, checked as ${importer.email}`);
    say(
      `${count(report.rows, 'row')}: ${report.toRecord} to record, ${report.unchanged} already recorded, ${count(report.errors.length, 'error')}`,
    );

    let job: ImportJob | null = null;
    if (!report.valid) {
      say('Nothing recorded. Correct these rows and import the file again:');
      for (const error of report.errors) say(`  line ${error.line}, ${error.column}: ${error.reason}`);
    } else if (report.dryRun) {
      say('Dry run: nothing recorded.');
    } else if (report.toRecord === 0) {
      say('Nothing to record: every row is already recorded as this file says.');
    } else {
      job = await follow(imports, report.job!.id, principal, terminal, pollIntervalMs);
      const recorded = count(job.done - job.failed, 'result');
      say(`Job ${job.id}: ${recorded} recorded, ${count(job.issued, 'credential')} issued, ${job.failed} failed.`);
      for (const failure of job.failures) say(`  ${failure}`);
    }
    if (command.json) terminal.out.write(`${JSON.stringify(asJson(report, job), null, 2)}\n`);
    return report.valid && (!job || job.status === 'DONE') ? ExitCode.DONE : ExitCode.REFUSED;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    terminal.err.write(`${error.message} (${error.code})\n`);
    if (command.json)
      terminal.out.write(`${JSON.stringify({ error: { code: error.code, field: error.field, message: error.message } })}\n`);
    return ExitCode.REFUSED;
  }
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

async function readCsv(file: string): Promise<string> {
  const size = await stat(file).then(
    (s) => s.size,
    () => null,
  );
  if (size === null) throw badInput('file', `Cannot read ${file}`);
  if (size > MAX_CSV_LENGTH) throw badInput('file', `${file} is over ${MAX_CSV_LENGTH} bytes`);
  return readFile(file, 'utf8');
}

/**
 * Polls the job until it has finished. A server that works the queue runs it; when none does,
 * this process starts working the queue itself (and says so), so the import runs either way.
 */
async function follow(
  imports: ResultsImportService,
  jobId: string,
  principal: Principal,
  terminal: Terminal,
  pollIntervalMs: number,
): Promise<ImportJob> {
  const live = terminal.err.isTTY === true;
  let shown = '';
  for (;;) {
    const job = await imports.job(jobId, principal);
    if (await imports.runHereUnlessAServerDoes(job)) {
      terminal.err.write(`No server works the import queue: this command records the results itself.\n`);
      shown = '';
    }
    const bar = progressBar(job.done, job.total, job.failed);
    // On a terminal the bar is redrawn in place; in a log, one line per change.
    if (bar !== shown) terminal.err.write(live ? `\r\x1b[2K${bar}` : `${bar}\n`);
    shown = bar;
    if (FINISHED.has(job.status)) {
      if (live) terminal.err.write('\n');
      return job;
    }
    await sleep(pollIntervalMs);
  }
}

function asJson(report: ImportReport, job: ImportJob | null) {
  const finished = job ?? report.job;
  return {
    ...report,
    job: finished && {
      id: finished.id,
      status: finished.status,
      total: finished.total,
      done: finished.done,
      failed: finished.failed,
      issued: finished.issued,
      failures: finished.failures,
    },
  };
}
