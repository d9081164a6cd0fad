import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, LessThan, Not } from 'typeorm';
import { AccessService, Permission, Principal } from '@magix/auth';
import { audit, AuditAction } from '@magix/audit';
import { notFound } from '@magix/common';
import { Offering } from '@magix/catalogue';
import { Enrolment, EnrolmentService, EnrolmentStatus } from '@magix/enrolment';
import { Learner } from '@magix/learners';
import { Application, ApplicationStatus } from './admission.entities';
import { cannotWithdraw, noOffer, offerExpired } from './admissions.errors';
import { OutboxService } from './outbox.service';
import { freePlaces, nextInLine, offerDeadline } from './places';

/**
 * Places in offerings: offers are taken, declined or expire; withdrawals free places; a free
 * place goes to the reserve list in order. Every step locks the offering row first, so
 * concurrent requests never double-book.
 */
@Injectable()
export class PlacesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly enrolments: EnrolmentService,
    private readonly outbox: OutboxService,
    private readonly access: AccessService,
  ) {}

  async acceptOffer(applicationId: string, principal: Principal): Promise<Application> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const application = await this.ownOffer(manager, applicationId, principal);
      const offering = await this.enrolments.lockOffering(manager, application.offeringId!);
      const current = await manager.findOneByOrFail(Application, { id: applicationId });
      if (current.status === ApplicationStatus.ENROLLED) return { application: current, expired: false };
      if (current.status !== ApplicationStatus.ACCEPTED) throw noOffer();
      if (current.offerExpiresAt && current.offerExpiresAt.getTime() < Date.now()) {
        await this.expire(manager, current, offering);
        return { application: current, expired: true };
      }
      const pending = await this.enrolments.pendingOffers(manager, offering.id, current.id);
      await this.enrolments.enrolLocked(manager, current.learnerId, offering, { pendingOffers: pending, learnerFacing: true });
      await this.setStatus(manager, current, ApplicationStatus.ENROLLED);
      return { application: await manager.findOneByOrFail(Application, { id: applicationId }), expired: false };
    });
    // The expiry is committed (the place went on); only then tell the learner.
    if (outcome.expired) throw offerExpired();
    return outcome.application;
  }

  async decline(applicationId: string, principal: Principal): Promise<Application> {
    return this.dataSource.transaction(async (manager) => {
      const application = await this.ownOffer(manager, applicationId, principal);
      const offering = await this.enrolments.lockOffering(manager, application.offeringId!);
      const current = await manager.findOneByOrFail(Application, { id: applicationId });
      if (current.status !== ApplicationStatus.ACCEPTED) throw noOffer();
      await this.setStatus(manager, current, ApplicationStatus.DECLINED);
      await this.promote(manager, offering);
      return manager.findOneByOrFail(Application, { id: applicationId });
    });
  }

  /** Withdraws a live application, or the enrolment it led to before the offering starts. */
  async withdraw(applicationId: string, principal: Principal): Promise<Application> {
    return this.dataSource.transaction(async (manager) => {
      await this.applicant(manager, applicationId, principal);
      const application = await manager.findOneBy(Application, { id: applicationId });
      if (!application) throw notFound('Application');
      const offering = application.offeringId ? await this.enrolments.lockOffering(manager, application.offeringId) : null;
      const current = await manager.findOneByOrFail(Application, { id: applicationId });
      const live = [ApplicationStatus.SUBMITTED, ApplicationStatus.RESERVE, ApplicationStatus.ACCEPTED].includes(current.status);
      const beforeStart = offering !== null && offering.startsOn > new Date().toISOString().slice(0, 10);
      if (current.status === ApplicationStatus.ENROLLED && beforeStart) {
        await manager.update(Enrolment, { learnerId: current.learnerId, offeringId: offering.id }, { status: EnrolmentStatus.WITHDRAWN });
      } else if (!live) {
        throw cannotWithdraw();
      }
      await this.setStatus(manager, current, ApplicationStatus.WITHDRAWN);
      await audit(manager, {
        action: AuditAction.APPLICATION_WITHDRAWN,
        actorUserId: principal.userId,
        entityType: 'application',
        entityId: current.id,
      });
      if (offering) await this.promote(manager, offering);
      return manager.findOneByOrFail(Application, { id: applicationId });
    });
  }

  /** Expired offers pass to the next on the reserve list. Safe to run from any number of processes. */
  async processExpiredOffers(): Promise<number> {
    const expired = await this.dataSource.getRepository(Application).find({
      select: { id: true, offeringId: true },
      where: { status: ApplicationStatus.ACCEPTED, offerExpiresAt: LessThan(new Date()), offeringId: Not(IsNull()) },
    });
    let count = 0;
    for (const { id, offeringId } of expired) {
      if (!offeringId) continue;
      await this.dataSource.transaction(async (manager) => {
        const offering = await this.enrolments.lockOffering(manager, offeringId);
        const current = await manager.findOneByOrFail(Application, { id });
        if (current.status !== ApplicationStatus.ACCEPTED || !current.offerExpiresAt || current.offerExpiresAt.getTime() >= Date.now())
          return;
        await this.expire(manager, current, offering);
        count++;
      });
    }
    return count;
  }

  /** Offers every free place to the reserve list, in order. The caller holds the offering lock. */
  async promote(manager: EntityManager, offering: Offering): Promise<void> {
    const enrolled = await manager.countBy(Enrolment, { offeringId: offering.id, status: Not(EnrolmentStatus.WITHDRAWN) });
    const pendingOffers = await this.enrolments.pendingOffers(manager, offering.id);
    const places = freePlaces({ capacity: offering.capacity, enrolled, pendingOffers });
    if (places === 0) return;
    const reserve = await manager.findBy(Application, { offeringId: offering.id, status: ApplicationStatus.RESERVE });
    for (const next of nextInLine(reserve, places)) {
      const deadline = offerDeadline(new Date());
      await manager.update(
        Application,
        { id: next.id },
        { status: ApplicationStatus.ACCEPTED, offerExpiresAt: deadline, reserveRank: null, updatedAt: new Date() },
      );
      await this.notify(
        manager,
        next.learnerId,
        `A place in ${offering.code} is yours`,
        `A place freed up in ${offering.code} and it is offered to you from the reserve list. Accept it before ${deadline.toISOString()}.`,
      );
    }
  }

  private async expire(manager: EntityManager, application: Application, offering: Offering): Promise<void> {
    await this.setStatus(manager, application, ApplicationStatus.EXPIRED);
    await this.notify(
      manager,
      application.learnerId,
      `Your offer in ${offering.code} has expired`,
      `The place offered to you in ${offering.code} was not taken in time and went to the next on the reserve list.`,
    );
    await this.promote(manager, offering);
  }

  /** Only the applicant acts on their application; anyone else's answers as absent. */
  private applicant(manager: EntityManager, applicationId: string, principal: Principal): Promise<void> {
    const ids = [applicationId];
    return this.access.require({ principal, permission: Permission.APPLICATION_APPLICANT, ids, manager, what: 'Application' });
  }

  private async ownOffer(manager: EntityManager, applicationId: string, principal: Principal): Promise<Application> {
    await this.applicant(manager, applicationId, principal);
    const application = await manager.findOneBy(Application, { id: applicationId });
    if (!application) throw notFound('Application');
    if (!application.offeringId) throw noOffer();
    return application;
  }

  private async setStatus(manager: EntityManager, application: Application, status: ApplicationStatus): Promise<void> {
    await manager.update(Application, { id: application.id }, { status, updatedAt: new Date() });
  }

  async notify(manager: EntityManager, learnerId: string, subject: string, body: string): Promise<void> {
    const learner = await manager.findOneByOrFail(Learner, { id: learnerId });
    await this.outbox.enqueue(manager, learner.email, subject, `Dear ${learner.givenName},\n\n${body}\n\nThe MAGIX programme office`);
  }
}
