import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { AccessService, Permission, Principal } from '@magix/auth';
import { AuditAction, AuditEntry } from '@magix/audit';
import { moduleAsOffered, Offering } from '@magix/catalogue';
import { Clock, notFound } from '@magix/common';
import { Enrolment, EnrolmentStatus } from '@magix/enrolment';
import { CredentialIssuanceService, PassedModule } from '@magix/issuance';
import { Learner } from '@magix/learners';
import { Organisation } from '@magix/organisations';
import { AssessmentResult } from '../assessment-result.entity';
import { GradingScale } from '../grading/grading-scale.entity';
import { LockedEnrolment, rulesContext } from '../result-context';
import { CheckedResult, requireValidResult, sameResult } from '../result-rules';
import { enrolmentWithdrawn, resultAlreadyRecorded } from '../results.errors';
import { ResultRow } from './results-csv';

export type ImportRow = ResultRow & { enrolmentId: string };

/** Rows per transaction: large enough that the statements are few, small enough that a retry redoes little. */
export const CHUNK_SIZE = 100;
/**
 * Chunks recorded at once, each in its own transaction: while one waits for its documents to be
 * signed on the worker threads, the other's statements run (they lock disjoint enrolments, in id
 * order; positions are random picks, ON CONFLICT). Exactly once as before: each commits or not.
 */
export const CHUNKS_IN_FLIGHT = 2;

/** A row the chunk did not record, with the reason recordResult would give. */
export interface RowFailure {
  line: number;
  reason: string;
}

/**
 * Records a chunk of an import's first attempts in ONE transaction, as `ResultsService.record`
 * would record each (the same access rule, lock, validation and credential builder), with a
 * statement per step instead of per row: all enrolments locked at once, one INSERT of the
 * results, one of their audit entries, and the credentials through
 * `CredentialIssuanceService.issueForResults` (status positions in one statement, signed on the
 * worker threads). It commits all of the chunk or nothing; rows recorded already (by an earlier,
 * interrupted run) are skipped, and the unique indexes keep it exactly once regardless.
 */
export class ImportChunkWriter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly issuance: CredentialIssuanceService,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  record(rows: ImportRow[], principal: Principal): Promise<RowFailure[]> {
    return this.dataSource.transaction(async (manager) => {
      const failures: RowFailure[] = [];
      const allowed = await this.access.check({
        principal,
        permission: Permission.ENROLMENT_RECORD_RESULT,
        ids: rows.map((r) => r.enrolmentId),
        manager,
      });
      const locked = await this.lockEnrolments(manager, [...allowed]);
      const today = this.clock.today();
      const planned: Array<{ row: ImportRow; locked: LockedEnrolment; checked: CheckedResult }> = [];
      const seen = new Map<string, CheckedResult>();
      for (const row of rows) {
        const enrolment = locked.get(row.enrolmentId);
        try {
          // Another HEI's enrolment answers as if it did not exist.
          if (!enrolment) throw notFound('Enrolment');
          if (enrolment.enrolment.status === EnrolmentStatus.WITHDRAWN) throw enrolmentWithdrawn();
          const checked = requireValidResult(row, rulesContext(enrolment, today, 1));
          const recorded = enrolment.inForce.find((r) => r.attempt === 1) ?? seen.get(row.enrolmentId);
          if (recorded) {
            if (!sameResult(recorded, checked)) throw resultAlreadyRecorded();
            continue;
          }
          seen.set(row.enrolmentId, checked);
          planned.push({ row, locked: enrolment, checked });
        } catch (error) {
          failures.push({ line: row.line, reason: error instanceof Error ? error.message : String(error) });
        }
      }
      if (planned.length === 0) return failures;

      const results = planned.map(({ locked: l, checked }) =>
        manager.create(AssessmentResult, {
          ...checked,
          attempt: 1,
          gradingScale: l.scale?.code ?? null,
          enrolmentId: l.enrolment.id,
          assessorId: principal.userId,
        }),
      );
      await manager.insert(AssessmentResult, results);
      // The enrolment's status follows its latest attempt: this first one.
      for (const [passed, status] of [
        [true, EnrolmentStatus.COMPLETED],
        [false, EnrolmentStatus.FAILED],
      ] as const) {
        const ids = planned.filter((p) => p.checked.passed === passed).map((p) => p.locked.enrolment.id);
        if (ids.length > 0) await manager.update(Enrolment, { id: In(ids) }, { status });
      }
      await manager.insert(
        AuditEntry,
        planned.map(({ locked: l, checked }, i) => ({
          action: AuditAction.RESULT_RECORDED,
          actorUserId: principal.userId,
          entityType: 'assessment_result',
          entityId: results[i].id,
          details: { enrolmentId: l.enrolment.id, attempt: 1, grade: checked.grade, passed: checked.passed } as never,
        })),
      );

      const passing = planned.map((p, i) => ({ ...p, result: results[i] })).filter((p) => p.checked.passed);
      const learners = new Map(
        (await manager.findBy(Learner, { id: In(passing.map((p) => p.locked.enrolment.learnerId)) })).map((l) => [l.id, l]),
      );
      await this.issuance.issueForResults(
        manager,
        passing.map(({ locked: l, result }): PassedModule => ({
          gradingScale: l.scale?.name ?? null,
          resultId: result.id,
          learner: learners.get(l.enrolment.learnerId)!,
          module: l.module,
          grade: result.grade,
          creditsAwarded: result.creditsAwarded,
          assessedOn: result.assessedOn,
          actorUserId: principal.userId,
        })),
      );
      return failures;
    });
  }

  /**
   * `lockEnrolment` (result-context.ts) for many: the rows locked in one statement, in id order so
   * that concurrent chunks queue rather than deadlock; offering, module and scale read once each.
   */
  private async lockEnrolments(manager: EntityManager, ids: string[]): Promise<Map<string, LockedEnrolment>> {
    const locked = new Map<string, LockedEnrolment>();
    if (ids.length === 0) return locked;
    const enrolments = await manager.find(Enrolment, { where: { id: In(ids) }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
    const inForce = await manager.find(AssessmentResult, {
      where: { enrolmentId: In(ids), supersededAt: IsNull() },
      order: { attempt: 'ASC' },
    });
    const offerings = new Map<string, Omit<LockedEnrolment, 'enrolment' | 'inForce'>>();
    for (const enrolment of enrolments) {
      let shared = offerings.get(enrolment.offeringId);
      if (!shared) {
        const offering = await manager.findOneByOrFail(Offering, { id: enrolment.offeringId });
        const module = await moduleAsOffered(manager, offering);
        const organisation = await manager.findOneByOrFail(Organisation, { id: module.providerId });
        const scale = organisation.gradingScaleId ? await manager.findOneBy(GradingScale, { id: organisation.gradingScaleId }) : null;
        shared = { offering, module, scale, maxAttempts: offering.maxAttempts };
        offerings.set(enrolment.offeringId, shared);
      }
      locked.set(enrolment.id, { ...shared, enrolment, inForce: inForce.filter((r) => r.enrolmentId === enrolment.id) });
    }
    return locked;
  }
}
