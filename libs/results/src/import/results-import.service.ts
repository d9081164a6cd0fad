import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, In, IsNull } from 'typeorm';
import { AccessService, Permission, Principal, principalOf, Role, User } from '@magix/auth';
import { audit, AuditAction } from '@magix/audit';
import { badInput, Clock, notFound } from '@magix/common';
import { LearningModule, moduleAsOffered, Offering } from '@magix/catalogue';
import { CredentialIssuanceService } from '@magix/issuance';
import { Organisation } from '@magix/organisations';
import { AssessmentResult } from '../assessment-result.entity';
import { GradingScale } from '../grading/grading-scale.entity';
import { sameResult } from '../result-rules';
import { ResultsService } from '../results.service';
import { CHUNK_SIZE, CHUNKS_IN_FLIGHT, ImportChunkWriter, ImportRow, RowFailure } from './import-chunk';
import { ImportJob } from './import-job.entity';
import { ImportLease } from './import-lease';
import { ImportQueue } from './import-queue';
import { ImportReport } from './import-report';
import { CsvRowCode, parseResultsCsv, RowError } from './results-csv';
import { ResultErrorCode } from '../results.errors';

type ResultFields = { grade: string; passed: boolean; assessedOn: string; creditsAwarded: number };

/**
 * The column where a row differs from the result already recorded, and what to do: naming only
 * the grade when the date differs would send staff looking for a grade error that is not there.
 */
export function differenceFromRecorded(recorded: ResultFields, row: ResultFields): [column: string, reason: string] {
  const columns: Array<[string, keyof ResultFields]> = [
    ['grade', 'grade'],
    ['assessed_on', 'assessedOn'],
    ['passed', 'passed'],
    ['credits', 'creditsAwarded'],
  ];
  const differing = columns.filter(([, field]) => recorded[field] !== row[field]);
  const said = differing.map(([column, field]) => `${column} ${String(recorded[field])} (the file says ${String(row[field])})`);
  return [
    differing[0]?.[0] ?? 'grade',
    `already recorded with ${said.join(', ')}: correct the recorded result with correctResult, or this row`,
  ];
}

/**
 * Bulk results from an HEI's student information system: the whole file is checked first (any
 * bad row → nothing recorded, every problem listed); then a background job records the results in
 * chunks (ImportChunkWriter: one transaction and a few statements each, the credentials signed on
 * worker threads), each credential issued exactly once. The same file again is the same job.
 */
@Injectable()
export class ResultsImportService implements OnModuleInit {
  private readonly logger = new Logger('Import');
  private readonly chunks: ImportChunkWriter;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly results: ResultsService,
    private readonly queue: ImportQueue,
    private readonly access: AccessService,
    private readonly clock: Clock,
    issuance: CredentialIssuanceService,
  ) {
    this.chunks = new ImportChunkWriter(dataSource, issuance, access, clock);
  }

  onModuleInit(): void {
    this.queue.register((id) => this.run(id));
  }

  async import(offeringCode: string, csv: string, dryRun: boolean, principal: Principal): Promise<ImportReport> {
    const { offering, module } = await this.offeringNamed(offeringCode);
    // Another HEI's offering answers as an absent one.
    await this.access.require({
      principal,
      permission: Permission.OFFERING_RECORD_RESULTS,
      ids: [offering.id],
      what: `Offering ${offeringCode}`,
    });
    const provider = await this.dataSource.getRepository(Organisation).findOneByOrFail({ id: module.providerId });
    const scale = provider.gradingScaleId
      ? await this.dataSource.getRepository(GradingScale).findOneBy({ id: provider.gradingScaleId })
      : null;
    // The check step: every row through the same result rules as recordResult (result-rules.ts).
    const { rows, errors } = parseResultsCsv(csv, {
      scale,
      moduleEcts: module.ectsCredits,
      offeringStartsOn: offering.startsOn,
      today: this.clock.today(),
    });

    // What the rows mean here: each learner enrolled in this offering, no different result recorded.
    const enrolments = await this.dataSource.query<Array<{ email: string; enrolment_id: string; status: string }>>(
      `SELECT lower(l.email) AS email, e.id AS enrolment_id, e.status FROM enrolment e JOIN learner l ON l.id = e.learner_id WHERE e.offering_id = $1`,
      [offering.id],
    );
    // A file records first attempts; resits and corrections have their own mutations.
    const recorded = new Map(
      (
        await this.dataSource.getRepository(AssessmentResult).findBy({
          enrolmentId: In(enrolments.map((e) => e.enrolment_id)),
          attempt: 1,
          supersededAt: IsNull(),
        })
      ).map((r) => [r.enrolmentId, r]),
    );
    const planned: Array<(typeof rows)[number] & { enrolmentId: string }> = [];
    let unchanged = 0;
    // By email once: a search per row is quadratic, seconds of event loop for a large cohort.
    const enrolmentOf = new Map<string, (typeof enrolments)[number]>();
    for (const e of enrolments) if (!enrolmentOf.has(e.email)) enrolmentOf.set(e.email, e);
    for (const row of rows) {
      const enrolment = enrolmentOf.get(row.email);
      const rowError = (column: string, reason: string, code: string): RowError => ({ line: row.line, column, reason, code });
      if (!enrolment) errors.push(rowError('email', `not enrolled in ${offeringCode}`, CsvRowCode.NOT_ENROLLED));
      else if (enrolment.status === 'WITHDRAWN')
        errors.push(rowError('email', 'withdrew from the offering', ResultErrorCode.ENROLMENT_WITHDRAWN));
      else {
        const existing = recorded.get(enrolment.enrolment_id);
        if (existing && sameResult(existing, row)) unchanged++;
        else if (existing) {
          const [column, reason] = differenceFromRecorded(existing, row);
          errors.push(rowError(column, reason, ResultErrorCode.RESULT_ALREADY_RECORDED));
        } else planned.push({ ...row, enrolmentId: enrolment.enrolment_id });
      }
    }
    errors.sort((a, b) => a.line - b.line);
    const lines = new Set([...rows.map((r) => r.line), ...errors.map((e) => e.line)]).size;
    const report = { valid: errors.length === 0, dryRun, rows: lines, toRecord: planned.length, unchanged, errors, job: null };
    if (!report.valid || dryRun) return report;

    const sha256 = createHash('sha256').update(csv).digest('hex');
    // The job, its audit line and its queue entry commit together: never a job that no worker will take.
    const job = await this.dataSource.transaction(async (manager) => {
      const inserted = await manager.query<Array<{ id: string }>>(
        `INSERT INTO import_job (offering_id, file_sha256, rows, total, created_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (offering_id, file_sha256) DO NOTHING RETURNING id`,
        [offering.id, sha256, JSON.stringify(planned), planned.length, principal.userId],
      );
      const stored = await manager.findOneByOrFail(ImportJob, { offeringId: offering.id, fileSha256: sha256 });
      if (inserted.length === 1) {
        await audit(manager, {
          action: AuditAction.RESULTS_IMPORTED,
          actorUserId: principal.userId,
          entityType: 'import_job',
          entityId: stored.id,
          details: { offering: offeringCode, rows: planned.length },
        });
        await this.queue.enqueue(stored.id, manager);
      }
      return stored;
    });
    return { ...report, job };
  }

  /**
   * Who imports from the command line, which has no login: the account named, or else the one
   * ISSUER account of the offering's HEI (with several, the operator must name one).
   */
  async importerFor(offeringCode: string, email?: string): Promise<User> {
    const { module } = await this.offeringNamed(offeringCode);
    const users = this.dataSource.getRepository(User);
    if (email) {
      const user = await users.createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getOne();
      if (!user) throw notFound(`Account ${email}`);
      return user;
    }
    const staff = await users.find({ where: { role: Role.ISSUER, organisationId: module.providerId }, order: { email: 'ASC' } });
    if (staff.length === 1) return staff[0];
    throw badInput(
      'as',
      staff.length === 0
        ? `No ISSUER account acts for the HEI of ${offeringCode}`
        : `Several accounts act for the HEI of ${offeringCode}; name one: ${staff.map((u) => u.email).join(', ')}`,
    );
  }

  async job(id: string, principal: Principal): Promise<ImportJob> {
    await this.access.require({ principal, permission: Permission.IMPORT_JOB_READ, ids: [id], what: 'Import' });
    return this.dataSource.getRepository(ImportJob).findOneByOrFail({ id });
  }

  private async offeringNamed(code: string): Promise<{ offering: Offering; module: LearningModule }> {
    const offering = await this.dataSource.getRepository(Offering).findOneBy({ code });
    if (!offering) throw notFound(`Offering ${code}`);
    const module = await moduleAsOffered(this.dataSource.manager, offering);
    return { offering, module };
  }

  /**
   * For the command line, while it follows an import: the job is a server's to run when a server
   * works the queue; when none does, this process starts working it, so the import still runs.
   */
  async runHereUnlessAServerDoes(job: ImportJob): Promise<boolean> {
    if (this.queue.isWorking || job.status === 'DONE' || job.status === 'FAILED') return false;
    if ((await this.queue.workersElsewhere()) > 0) return false;
    await this.queue.startWorking();
    return true;
  }

  /**
   * The job: the rows in chunks, each recorded and its credentials issued exactly once whatever
   * runs it how often. Under a lease, renewed while it runs: if
   * this process dies, the lease runs out and another process resumes (ImportQueue's sweeper).
   * Counters come from what is recorded, so a resumed run counts the rows an earlier run did.
   */
  private async run(id: string): Promise<void> {
    const lease = new ImportLease(this.dataSource, id, this.queue.leaseSeconds);
    const job = await lease.claim();
    if (!job) return; // finished, or another worker holds it
    const resumed = job.status === 'RUNNING';
    try {
      await lease.runWhileHeld(() => this.recordRows(job, lease));
    } catch (error) {
      await lease.release();
      throw error;
    }
    if (resumed) this.logger.log(`Import ${id}: resumed after an interrupted run`);
  }

  private async recordRows(job: ImportJob, lease: ImportLease): Promise<void> {
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: job.createdBy });
    const principal = principalOf(user);
    const enrolmentIds = job.rows.map((row) => row.enrolmentId);
    const recorded = new Map(
      (
        await this.dataSource.getRepository(AssessmentResult).findBy({ enrolmentId: In(enrolmentIds), attempt: 1, supersededAt: IsNull() })
      ).map((r) => [r.enrolmentId, r]),
    );
    const counters = { done: 0, failed: 0, failures: [] as string[] };
    // A resumed run goes over the rows an earlier run did without a word: no progress backwards.
    const resumeFrom = job.done;
    for (let at = 0; at < job.rows.length; at += CHUNK_SIZE * CHUNKS_IN_FLIGHT) {
      if (lease.lost) return;
      const chunks: ImportRow[][] = [];
      for (let c = at; c < Math.min(job.rows.length, at + CHUNK_SIZE * CHUNKS_IN_FLIGHT); c += CHUNK_SIZE)
        chunks.push(job.rows.slice(c, c + CHUNK_SIZE));
      // Recorded as the file says (by an earlier run of this import): nothing to do.
      const todo = chunks.map((chunk) =>
        chunk.filter((row) => {
          const prior = recorded.get(row.enrolmentId);
          return !(prior && sameResult(prior, row));
        }),
      );
      // Each its own transaction: one's statements run while the other's documents are signed.
      for (const failures of await Promise.all(todo.map((rows) => this.recordChunk(rows, principal))))
        for (const failure of failures) {
          counters.failed++;
          counters.failures.push(`line ${failure.line}: ${failure.reason}`);
        }
      counters.done += chunks.reduce((sum, chunk) => sum + chunk.length, 0);
      if (counters.done >= resumeFrom) await lease.progress(counters, enrolmentIds);
    }
    if (job.rows.length === 0) await lease.progress(counters, enrolmentIds);
    const { issued } = await lease.finish(counters, enrolmentIds);
    this.logger.log(`Import ${job.id}: ${counters.done} rows, ${issued} credentials held by its results, ${counters.failed} failed`);
  }

  /**
   * A chunk in one transaction; should that fail as a whole (nothing of it is then recorded), its
   * rows one by one through recordResult's path, so that one bad row fails alone, as it would there.
   */
  private async recordChunk(rows: ImportRow[], principal: Principal): Promise<RowFailure[]> {
    if (rows.length === 0) return [];
    try {
      return await this.chunks.record(rows, principal);
    } catch (error) {
      this.logger.warn(
        `A chunk of ${rows.length} rows failed (${error instanceof Error ? error.message : String(error)}); recording them one by one`,
      );
    }
    const failures: RowFailure[] = [];
    for (const row of rows) {
      try {
        const { enrolmentId, grade, passed, assessedOn, creditsAwarded } = row;
        await this.results.record({ enrolmentId, grade, passed, assessedOn, creditsAwarded }, principal);
      } catch (error) {
        failures.push({ line: row.line, reason: error instanceof Error ? error.message : String(error) });
      }
    }
    return failures;
  }
}
