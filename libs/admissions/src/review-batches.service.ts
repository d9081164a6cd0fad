import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AccessService, Permission, Principal, Role } from '@magix/auth';
import { audit, AuditAction } from '@magix/audit';
import { Clock, forbidden, notFound } from '@magix/common';
import { Offering } from '@magix/catalogue';
import { EnrolmentService, offeringPlaceCounts } from '@magix/enrolment';
import { Edition, Programme } from '@magix/programme';
import { Application, ApplicationDocument, ApplicationStatus, Decision, DocumentKind, ReviewBatch } from './admission.entities';
import {
  batchAlreadyOpen,
  batchClosed,
  capacityReached,
  cvRequired,
  motivationRequired,
  notDecidable,
  notInBatch,
  nothingToReview,
  undecided,
} from './admissions.errors';
import { degreePlaceCounts, lockEdition } from './degree-intake';
import { DecideApplicationInput } from './dto/admission.inputs';
import {
  AppliedFor,
  degreeAdmittedLetter,
  Letter,
  placeOfferedLetter,
  Reader,
  rejectedLetter,
  reserveLetter,
  withCommissionReason,
} from './letters';
import { freePlaces, offerDeadline } from './places';
import { PlacesService } from './places.service';

/** The decisions closing a batch sends: each of these gets its letter. */
const DECIDED = [ApplicationStatus.ACCEPTED, ApplicationStatus.RESERVE, ApplicationStatus.REJECTED];
/** What the commission may decide (again) while the batch is open; any other state is final (docs/admission.md). */
const DECIDABLE = [ApplicationStatus.SUBMITTED, ...DECIDED];

/**
 * The academic commission's review rounds: a batch takes every application submitted since the
 * last cut-off, each gets ACCEPTED, RESERVE (ranked) or REJECTED with a reason, and closing the
 * batch tells every applicant. The programme office reviews degree applications; an HEI's staff
 * review its own offerings.
 */
@Injectable()
export class ReviewBatchesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly enrolments: EnrolmentService,
    private readonly places: PlacesService,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  async open(offeringId: string | undefined, principal: Principal): Promise<ReviewBatch> {
    return this.dataSource.transaction(async (manager) => {
      const target = offeringId ? { offeringId } : { programmeId: await this.programmeId(manager) };
      if (offeringId) {
        await this.access.require({ principal, permission: Permission.OFFERING_MANAGE, ids: [offeringId], manager, what: 'Offering' });
      } else if (principal.role !== Role.ADMIN) {
        throw forbidden('The programme office reviews degree applications');
      }
      return (await this.openLocked(manager, target, principal.userId)).batch;
    });
  }

  /**
   * Opens a batch with every application submitted since the last cut-off, in the caller's
   * transaction: by a member of staff, or by the schedule (`openedBy` null, with its period).
   */
  async openLocked(
    manager: EntityManager,
    target: { offeringId: string } | { programmeId: string },
    openedBy: string | null,
    period?: { startsOn: string; endsOn: string },
  ): Promise<{ batch: ReviewBatch; applications: number }> {
    if (await manager.existsBy(ReviewBatch, { ...target, closedAt: IsNull() })) throw batchAlreadyOpen();
    const batch = manager.create(ReviewBatch, {
      ...target,
      openedBy,
      openedAt: this.clock.now(),
      periodStartsOn: period?.startsOn ?? null,
      periodEndsOn: period?.endsOn ?? null,
    });
    await manager.insert(ReviewBatch, batch);
    const taken = await manager
      .createQueryBuilder()
      .update(Application)
      .set({ batchId: batch.id, updatedAt: this.clock.now() })
      .where('status = :submitted AND batch_id IS NULL', { submitted: ApplicationStatus.SUBMITTED })
      .andWhere('offeringId' in target ? 'offering_id = :offeringId' : 'programme_id = :programmeId', target)
      .execute();
    if (!taken.affected) throw nothingToReview();
    await audit(manager, {
      action: AuditAction.REVIEW_BATCH_OPENED,
      actorUserId: openedBy,
      entityType: 'review_batch',
      entityId: batch.id,
      details: { applications: taken.affected, ...(period ? { scheduledFor: period.startsOn } : {}) },
    });
    return { batch, applications: taken.affected };
  }

  async decide(input: DecideApplicationInput, principal: Principal): Promise<Application> {
    return this.dataSource.transaction(async (manager) => {
      await this.reviews(manager, input.batchId, principal);
      const batch = await manager.findOne(ReviewBatch, { where: { id: input.batchId }, lock: { mode: 'pessimistic_read' } });
      if (!batch) throw notFound('Review batch');
      if (batch.closedAt) throw batchClosed();
      // Offering first, then the application: the same lock order as enrolments and offers.
      const offering = batch.offeringId ? await this.enrolments.lockOffering(manager, batch.offeringId) : null;
      // A degree application's intake is locked the same way, before the application row.
      const named = batch.offeringId ? null : await manager.findOneBy(Application, { id: input.applicationId });
      const edition = named?.editionId && named.batchId === batch.id ? await lockEdition(manager, named.editionId) : null;
      const application = await manager.findOne(Application, { where: { id: input.applicationId }, lock: { mode: 'pessimistic_write' } });
      if (!application || application.batchId !== batch.id) throw notInBatch();
      if (!DECIDABLE.includes(application.status)) throw notDecidable(application.status);
      let decision = input.decision;
      // The call for applications: no acceptance without a CV and a motivation (text or PDF).
      if (decision === Decision.ACCEPTED) await this.requireDocuments(manager, application);
      // Beyond the intake's degree places, an accepted applicant goes on the reserve list.
      if (edition && decision === Decision.ACCEPTED && application.status !== ApplicationStatus.ACCEPTED) {
        if (freePlaces(await degreePlaceCounts(manager, edition)) === 0) decision = Decision.RESERVE;
      }
      if (offering && input.decision === Decision.ACCEPTED && application.status !== ApplicationStatus.ACCEPTED) {
        if (freePlaces(await offeringPlaceCounts(manager, offering, this.clock.now())) === 0) throw capacityReached(offering.capacity);
      }
      const reserveRank = decision === Decision.RESERVE ? (input.reserveRank ?? (await this.nextRank(manager, batch, application))) : null;
      await manager.update(
        Application,
        { id: application.id },
        {
          status: decision as unknown as ApplicationStatus,
          reserveRank,
          decisionReason: input.reason,
          decidedBy: principal.userId,
          decidedAt: this.clock.now(),
          updatedAt: this.clock.now(),
        },
      );
      await audit(manager, {
        action: AuditAction.APPLICATION_DECIDED,
        actorUserId: principal.userId,
        entityType: 'application',
        entityId: application.id,
        details: { batchId: batch.id, decision, asked: input.decision, reason: input.reason, reserveRank },
      });
      // A place this application held (ACCEPTED before) and no longer holds goes to the reserve list.
      if (edition && application.status === ApplicationStatus.ACCEPTED && decision !== Decision.ACCEPTED)
        await this.places.promoteDegree(manager, edition);
      return manager.findOneByOrFail(Application, { id: application.id });
    });
  }

  /** Closes the batch and queues every applicant's decision. Closing twice changes nothing. */
  async close(batchId: string, principal: Principal): Promise<ReviewBatch> {
    return this.dataSource.transaction(async (manager) => {
      await this.reviews(manager, batchId, principal);
      const batch = await manager.findOne(ReviewBatch, { where: { id: batchId }, lock: { mode: 'pessimistic_write' } });
      if (!batch) throw notFound('Review batch');
      if (batch.closedAt) return batch;
      // Batch, then offering or intakes: the lock order of decide. Read under them, a withdrawal or
      // decline cannot change an application between this read and its letter.
      const offering = batch.offeringId ? await this.enrolments.lockOffering(manager, batch.offeringId) : null;
      if (!offering) for (const editionId of await this.intakesOf(manager, batch.id)) await lockEdition(manager, editionId);
      const applications = await manager.findBy(Application, { batchId });
      // Only SUBMITTED waits for the commission. WITHDRAWN is settled and gets no letter; ENROLLED,
      // DECLINED, EXPIRED and INELIGIBLE cannot arise in an open batch any more (acting on a decision
      // waits for its letter), but a batch left with them by older code must still close.
      const open = applications.filter((a) => a.status === ApplicationStatus.SUBMITTED);
      if (open.length > 0) throw undecided(open.length);
      const closedAt = this.clock.now();
      const editions = new Map<string, Edition>();
      for (const application of applications) {
        if (!DECIDED.includes(application.status)) continue;
        let letter: (reader: Reader) => Letter;
        const links = this.places.links;
        if (application.status === ApplicationStatus.ACCEPTED && offering) {
          // The place is offered now: to an applicant who holds its prerequisites, else the next in line.
          if (await this.places.skipIfIneligible(manager, application, offering)) continue;
          const deadline = offerDeadline(closedAt);
          await manager.update(Application, { id: application.id }, { offerExpiresAt: deadline });
          letter = (reader) => placeOfferedLetter(reader, links, offering, deadline, false);
        } else if (application.status === ApplicationStatus.ACCEPTED) {
          const editionId = application.editionId!;
          const edition = editions.get(editionId) ?? (await manager.findOneByOrFail(Edition, { id: editionId }));
          editions.set(editionId, edition);
          letter = (reader) => degreeAdmittedLetter(reader, links, edition, false);
        } else if (application.status === ApplicationStatus.RESERVE) {
          letter = (reader) => reserveLetter(reader, links, this.appliedFor(offering), application.reserveRank);
        } else {
          letter = (reader) => rejectedLetter(reader, links, this.appliedFor(offering));
        }
        await this.places.notify(manager, application.learnerId, (reader) =>
          withCommissionReason(reader, letter(reader), application.decisionReason),
        );
      }
      await manager.update(ReviewBatch, { id: batch.id }, { closedAt, closedBy: principal.userId });
      // A place freed while the batch was open (an applicant found ineligible, a withdrawal) goes to
      // the reserve list, this batch's included, now that it was told.
      if (offering) await this.places.promote(manager, offering);
      // A degree place freed while the batch was open goes to its reserve list, now that it was told.
      if (!offering)
        for (const editionId of await this.intakesOf(manager, batch.id))
          await this.places.promoteDegree(manager, await lockEdition(manager, editionId));
      await audit(manager, {
        action: AuditAction.REVIEW_BATCH_CLOSED,
        actorUserId: principal.userId,
        entityType: 'review_batch',
        entityId: batch.id,
        details: { applications: applications.length },
      });
      return manager.findOneByOrFail(ReviewBatch, { id: batch.id });
    });
  }

  /** The degree intakes (editions) of a batch's applications, in lock order. */
  private async intakesOf(manager: EntityManager, batchId: string): Promise<string[]> {
    const rows = await manager.query<Array<{ id: string }>>(
      'SELECT DISTINCT edition_id AS id FROM application WHERE batch_id = $1 AND programme_id IS NOT NULL AND edition_id IS NOT NULL ORDER BY 1',
      [batchId],
    );
    return rows.map((r) => r.id);
  }

  private appliedFor(offering: Offering | null): AppliedFor {
    return offering ? { offeringCode: offering.code } : 'degree';
  }

  /** An application is accepted only with its CV and a motivation, as text or as a one-page PDF. */
  private async requireDocuments(manager: EntityManager, application: Application): Promise<void> {
    const kinds = (await manager.findBy(ApplicationDocument, { applicationId: application.id })).map((d) => d.kind);
    if (!kinds.includes(DocumentKind.CV)) throw cvRequired();
    if (!application.motivation && !kinds.includes(DocumentKind.MOTIVATION)) throw motivationRequired();
  }

  /** The next rank on the reserve list of the offering, or of the degree intake (edition). */
  private async nextRank(manager: EntityManager, batch: ReviewBatch, application: Application): Promise<number> {
    const [where, id] = batch.offeringId
      ? ['offering_id = $1', batch.offeringId]
      : ['edition_id = $1 AND programme_id IS NOT NULL', application.editionId];
    const [{ rank }] = await manager.query<Array<{ rank: number }>>(
      `SELECT coalesce(max(reserve_rank), 0)::int + 1 AS rank FROM application WHERE ${where} AND status = 'RESERVE'`,
      [id],
    );
    return rank;
  }

  private async programmeId(manager: EntityManager): Promise<string> {
    const programme = await manager.findOne(Programme, { where: {}, order: { startsOn: 'ASC' } });
    if (!programme) throw notFound('Programme');
    return programme.id;
  }

  /** The programme office reviews degree applications; an offering's HEI its own. Others' batches answer as absent. */
  private reviews(manager: EntityManager, batchId: string, principal: Principal): Promise<void> {
    return this.access.require({ principal, permission: Permission.REVIEW_BATCH_MANAGE, ids: [batchId], manager, what: 'Review batch' });
  }
}
