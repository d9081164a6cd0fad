import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AccessService, Permission, Principal, Role } from '@magix/auth';
import { audit, AuditAction } from '@magix/audit';
import { forbidden, notFound } from '@magix/common';
import { Offering } from '@magix/catalogue';
import { EnrolmentService } from '@magix/enrolment';
import { Programme } from '@magix/programme';
import { Application, ApplicationStatus, Decision, ReviewBatch } from './admission.entities';
import { batchAlreadyOpen, batchClosed, capacityReached, notInBatch, nothingToReview, undecided } from './admissions.errors';
import { degreePlaceCounts, lockEdition } from './degree-intake';
import { DecideApplicationInput } from './dto/admission.inputs';
import { freePlaces, offerDeadline } from './places';
import { PlacesService } from './places.service';

const DECIDED = [ApplicationStatus.ACCEPTED, ApplicationStatus.RESERVE, ApplicationStatus.REJECTED];

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
  ) {}

  async open(offeringId: string | undefined, principal: Principal): Promise<ReviewBatch> {
    return this.dataSource.transaction(async (manager) => {
      const target = offeringId ? { offeringId } : { programmeId: await this.programmeId(manager) };
      if (offeringId) {
        await this.access.require({ principal, permission: Permission.OFFERING_MANAGE, ids: [offeringId], manager, what: 'Offering' });
      } else if (principal.role !== Role.ADMIN) {
        throw forbidden('The programme office reviews degree applications');
      }
      if (await manager.existsBy(ReviewBatch, { ...target, closedAt: IsNull() })) throw batchAlreadyOpen();
      const batch = manager.create(ReviewBatch, { ...target, openedBy: principal.userId, openedAt: new Date() });
      await manager.insert(ReviewBatch, batch);
      const taken = await manager
        .createQueryBuilder()
        .update(Application)
        .set({ batchId: batch.id, updatedAt: new Date() })
        .where('status = :submitted AND batch_id IS NULL', { submitted: ApplicationStatus.SUBMITTED })
        .andWhere(offeringId ? 'offering_id = :offeringId' : 'programme_id = :programmeId', target)
        .execute();
      if (!taken.affected) throw nothingToReview();
      await audit(manager, {
        action: AuditAction.REVIEW_BATCH_OPENED,
        actorUserId: principal.userId,
        entityType: 'review_batch',
        entityId: batch.id,
        details: { applications: taken.affected },
      });
      return batch;
    });
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
      let decision = input.decision;
      // Beyond the intake's degree places, an accepted applicant goes on the reserve list.
      if (edition && decision === Decision.ACCEPTED && application.status !== ApplicationStatus.ACCEPTED) {
        if (freePlaces(await degreePlaceCounts(manager, edition)) === 0) decision = Decision.RESERVE;
      }
      if (offering && input.decision === Decision.ACCEPTED && application.status !== ApplicationStatus.ACCEPTED) {
        const enrolled = await manager.query<Array<{ n: number }>>(
          "SELECT count(*)::int AS n FROM enrolment WHERE offering_id = $1 AND status <> 'WITHDRAWN'",
          [offering.id],
        );
        const accepted = await manager.countBy(Application, { offeringId: offering.id, status: ApplicationStatus.ACCEPTED });
        if (freePlaces({ capacity: offering.capacity, enrolled: enrolled[0].n, pendingOffers: accepted }) === 0)
          throw capacityReached(offering.capacity);
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
          decidedAt: new Date(),
          updatedAt: new Date(),
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
      const applications = await manager.findBy(Application, { batchId });
      const open = applications.filter((a) => !DECIDED.includes(a.status));
      if (open.length > 0) throw undecided(open.length);
      const closedAt = new Date();
      const offering = batch.offeringId ? await manager.findOneByOrFail(Offering, { id: batch.offeringId }) : null;
      const what = offering ? `the module offering ${offering.code}` : 'the MAGIX joint master’s programme';
      for (const application of applications) {
        let body: string;
        if (application.status === ApplicationStatus.ACCEPTED) {
          if (offering) {
            const deadline = offerDeadline(closedAt);
            await manager.update(Application, { id: application.id }, { offerExpiresAt: deadline });
            body = `Your application to ${what} is accepted. A place is yours: accept it before ${deadline.toISOString()}, then you are enrolled.`;
          } else {
            body = `Your application to ${what} is accepted. Welcome: you can now register for its modules.`;
          }
        } else if (application.status === ApplicationStatus.RESERVE) {
          body = `Your application to ${what} is on the reserve list, in place ${application.reserveRank}. If a place frees up, it is offered to you.`;
        } else {
          body = `Your application to ${what} was not accepted.`;
        }
        await this.places.notify(
          manager,
          application.learnerId,
          `Your application: ${application.status.toLowerCase()}`,
          `${body}\n\nThe commission’s reason: ${application.decisionReason}`,
        );
      }
      await manager.update(ReviewBatch, { id: batch.id }, { closedAt, closedBy: principal.userId });
      // A degree place freed while the batch was open goes to its reserve list, now that it was told.
      const intakes = [...new Set(applications.map((a) => a.editionId).filter((id): id is string => !offering && id !== null))];
      for (const editionId of intakes.sort()) await this.places.promoteDegree(manager, await lockEdition(manager, editionId));
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
