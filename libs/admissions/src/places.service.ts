import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, LessThan, Not } from 'typeorm';
import { AccessService, Permission, Principal, Role } from '@magix/auth';
import { audit, AuditAction } from '@magix/audit';
import { Clock, DomainEvents, forbidden, notFound } from '@magix/common';
import { APP_CONFIG, AppConfig } from '@magix/config';
import { Offering } from '@magix/catalogue';
import { EnrolmentService, EnrolmentStatus, offeringPlaceCounts } from '@magix/enrolment';
import { Learner } from '@magix/learners';
import { checkDegreeIntake, Edition } from '@magix/programme';
import { Application, ApplicationStatus, ReviewBatch } from './admission.entities';
import {
  cannotWithdraw,
  decisionNotSent,
  noOffer,
  notADegreeApplication,
  notAdmitted,
  offerExpired,
  registerAtUpm,
} from './admissions.errors';
import { degreePlaceCounts, isDegreeApplication, lockEdition } from './degree-intake';
import { SetDegreeIntakeInput } from './dto/admission.inputs';
import {
  addressedTo,
  degreeAdmittedLetter,
  degreeWelcomeLetter,
  ineligibleLetter,
  Letter,
  LetterLinks,
  offerExpiredLetter,
  placeOfferedLetter,
  Reader,
} from './letters';
import { OutboxService } from './outbox.service';
import { freePlaces, nextInLine, offerDeadline } from './places';

/**
 * Places in offerings and degree intakes: offers are taken, declined or expire; withdrawals free
 * places; a free place goes to the reserve list in order. Every step locks the offering (or the
 * edition) row first, so concurrent requests never double-book.
 */
@Injectable()
export class PlacesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly enrolments: EnrolmentService,
    private readonly outbox: OutboxService,
    private readonly access: AccessService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The links letters carry (settings: PUBLIC_URL, REGISTRATION_URL). */
  get links(): LetterLinks {
    return { publicUrl: this.config.publicUrl, registrationUrl: this.config.registrationUrl };
  }

  /** A degree admission is taken by registering at UPM, not here (as acceptOffer answers). */
  registrationUrlFor(application: Application): string | null {
    return application.status === ApplicationStatus.ACCEPTED && isDegreeApplication(application) ? this.config.registrationUrl : null;
  }

  onModuleInit(): void {
    // The office changed an intake through updateEdition: places added go to the reserve list, as here.
    this.events.on('edition.degree-intake-changed', async (manager, { editionId }) =>
      this.promoteDegree(manager, await lockEdition(manager, editionId)),
    );
  }

  /**
   * Takes an offered module place: the learner is enrolled. A degree place is not taken here: the
   * learner registers in UPM's official system and the programme office confirms it
   * (confirmDegreeRegistration), so a degree application answers REGISTER_AT_UPM, with the link.
   */
  async acceptOffer(applicationId: string, principal: Principal): Promise<Application> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const application = await this.ownApplication(manager, applicationId, principal);
      if (isDegreeApplication(application)) {
        // Already registered and confirmed: the answer is what it is, as for an enrolled module place.
        if (application.status === ApplicationStatus.ENROLLED) return { application, expired: false };
        if (application.status === ApplicationStatus.ACCEPTED) {
          await this.requireDecisionSent(manager, application);
          throw registerAtUpm(this.config.registrationUrl);
        }
        throw noOffer();
      }
      const offering = await this.enrolments.lockOffering(manager, application.offeringId!);
      const current = await manager.findOneByOrFail(Application, { id: applicationId });
      if (current.status === ApplicationStatus.ENROLLED) return { application: current, expired: false };
      // The same answer whoever noticed the expiry first: this call, or the minute's expiry job.
      if (current.status === ApplicationStatus.EXPIRED) throw offerExpired();
      if (current.status !== ApplicationStatus.ACCEPTED) throw noOffer();
      await this.requireDecisionSent(manager, current);
      if (current.offerExpiresAt && current.offerExpiresAt.getTime() < this.clock.now().getTime()) {
        await this.expire(manager, current, offering);
        return { application: current, expired: true };
      }
      await this.enrolments.enrolLocked(manager, current.learnerId, offering, { takingOffer: current.id, learnerFacing: true });
      await this.setStatus(manager, current, ApplicationStatus.ENROLLED);
      return { application: await manager.findOneByOrFail(Application, { id: applicationId }), expired: false };
    });
    // The expiry is committed (the place went on); only then tell the learner.
    if (outcome.expired) throw offerExpired();
    return outcome.application;
  }

  /** Declines an offered module place, or an admission to the degree: the place goes to the reserve list. */
  async decline(applicationId: string, principal: Principal): Promise<Application> {
    return this.dataSource.transaction(async (manager) => {
      const application = await this.ownApplication(manager, applicationId, principal);
      const degree = isDegreeApplication(application);
      const offering = degree ? null : await this.enrolments.lockOffering(manager, application.offeringId!);
      const edition = degree ? await lockEdition(manager, application.editionId!) : null;
      const current = await manager.findOneByOrFail(Application, { id: applicationId });
      if (current.status !== ApplicationStatus.ACCEPTED) throw noOffer();
      await this.requireDecisionSent(manager, current);
      await this.setStatus(manager, current, ApplicationStatus.DECLINED);
      if (offering) await this.promote(manager, offering);
      if (edition) await this.promoteDegree(manager, edition);
      return manager.findOneByOrFail(Application, { id: applicationId });
    });
  }

  /**
   * The programme office confirms that an admitted learner registered in UPM's official system:
   * the degree application is ENROLLED (still admitted: ADMITTED_TO_DEGREE), audited, and the
   * learner gets a welcome mail. Confirming again returns it unchanged and writes nothing.
   */
  async confirmDegreeRegistration(applicationId: string, principal: Principal): Promise<Application> {
    if (principal.role !== Role.ADMIN) throw forbidden('The programme office confirms a registration at UPM');
    return this.dataSource.transaction(async (manager) => {
      const application = await manager.findOneBy(Application, { id: applicationId });
      if (!application) throw notFound('Application');
      if (!isDegreeApplication(application)) throw notADegreeApplication();
      // Under the edition lock, as every change to its degree places: a decline or withdrawal cannot cross it.
      const edition = await lockEdition(manager, application.editionId!);
      const current = await manager.findOneByOrFail(Application, { id: applicationId });
      if (current.status === ApplicationStatus.ENROLLED) return current;
      if (current.status !== ApplicationStatus.ACCEPTED) throw notAdmitted(current.status);
      // Admitted in a batch still open: the learner has not had the letter to register with.
      await this.requireDecisionSent(manager, current);
      await this.setStatus(manager, current, ApplicationStatus.ENROLLED);
      await audit(manager, {
        action: AuditAction.DEGREE_REGISTRATION_CONFIRMED,
        actorUserId: principal.userId,
        entityType: 'application',
        entityId: current.id,
        details: { editionId: edition.id },
      });
      await this.notify(manager, current.learnerId, (reader) => degreeWelcomeLetter(reader, this.links, edition));
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
      const edition = !application.offeringId && application.editionId ? await lockEdition(manager, application.editionId) : null;
      const current = await manager.findOneByOrFail(Application, { id: applicationId });
      const live = [ApplicationStatus.SUBMITTED, ApplicationStatus.RESERVE, ApplicationStatus.ACCEPTED].includes(current.status);
      const beforeStart = offering !== null && offering.startsOn > this.clock.today();
      if (current.status === ApplicationStatus.ENROLLED && beforeStart) {
        // Stamped with the Clock's time, the one "before the start" was judged by (the trigger's now() is only a fallback).
        await manager.query(`UPDATE enrolment SET status = $3, withdrawn_at = $4 WHERE learner_id = $1 AND offering_id = $2`, [
          current.learnerId,
          offering.id,
          EnrolmentStatus.WITHDRAWN,
          this.clock.now(),
        ]);
      } else if (!live) {
        throw cannotWithdraw();
      }
      // Off the reserve list too: its rank goes, as on a promotion, and the others are ranked again below.
      await manager.update(
        Application,
        { id: current.id },
        { status: ApplicationStatus.WITHDRAWN, reserveRank: null, updatedAt: this.clock.now() },
      );
      await audit(manager, {
        action: AuditAction.APPLICATION_WITHDRAWN,
        actorUserId: principal.userId,
        entityType: 'application',
        entityId: current.id,
      });
      if (offering) await this.promote(manager, offering);
      if (edition) await this.promoteDegree(manager, edition);
      if (current.status === ApplicationStatus.RESERVE) await this.renumberReserve(manager, current);
      return manager.findOneByOrFail(Application, { id: applicationId });
    });
  }

  /** The programme office sets an intake's degree places and window; places added go to the reserve list. */
  async setDegreeIntake(input: SetDegreeIntakeInput, principal: Principal): Promise<Edition> {
    if (principal.role !== Role.ADMIN) throw forbidden('The programme office sets the degree intake');
    return this.dataSource.transaction(async (manager) => {
      const edition = await lockEdition(manager, input.editionId);
      // The one rule of an intake, shared with createEdition/updateEdition.
      checkDegreeIntake({ places: input.places, opensOn: input.opensOn ?? null, closesOn: input.closesOn ?? null }, edition.endsOn);
      await manager.update(
        Edition,
        { id: edition.id },
        { degreePlaces: input.places, degreeApplicationsOpenOn: input.opensOn ?? null, degreeApplicationsCloseOn: input.closesOn ?? null },
      );
      await audit(manager, {
        action: AuditAction.DEGREE_INTAKE_SET,
        actorUserId: principal.userId,
        entityType: 'edition',
        entityId: edition.id,
        details: { places: input.places, opensOn: input.opensOn ?? null, closesOn: input.closesOn ?? null },
      });
      const updated = await manager.findOneByOrFail(Edition, { id: edition.id });
      await this.promoteDegree(manager, updated);
      return updated;
    });
  }

  /**
   * Admits the reserve list of a degree intake into every free place, in order. A degree place is
   * not an offer to take (there is no enrolment behind it), so the learner is admitted at once.
   * Only reserves whose batch is closed (they were told) move; closing a batch calls this again.
   * The caller holds the edition lock.
   */
  async promoteDegree(manager: EntityManager, edition: Edition): Promise<void> {
    const places = freePlaces(await degreePlaceCounts(manager, edition));
    if (places === 0) return;
    const reserve = await manager
      .createQueryBuilder(Application, 'a')
      .innerJoin(ReviewBatch, 'b', 'b.id = a.batchId AND b.closedAt IS NOT NULL')
      .where('a.editionId = :editionId AND a.programmeId IS NOT NULL AND a.status = :status', {
        editionId: edition.id,
        status: ApplicationStatus.RESERVE,
      })
      .getMany();
    for (const next of nextInLine(reserve, places)) {
      await manager.update(
        Application,
        { id: next.id },
        { status: ApplicationStatus.ACCEPTED, reserveRank: null, updatedAt: this.clock.now() },
      );
      await this.notify(manager, next.learnerId, (reader) => degreeAdmittedLetter(reader, this.links, edition, true));
    }
    await this.renumberReserve(manager, { offeringId: null, editionId: edition.id });
  }

  /** Expired offers pass to the next on the reserve list. Safe to run from any number of processes. */
  async processExpiredOffers(now = this.clock.now()): Promise<number> {
    const expired = await this.dataSource.getRepository(Application).find({
      select: { id: true, offeringId: true },
      where: { status: ApplicationStatus.ACCEPTED, offerExpiresAt: LessThan(now), offeringId: Not(IsNull()) },
    });
    let count = 0;
    for (const { id, offeringId } of expired) {
      if (!offeringId) continue;
      await this.dataSource.transaction(async (manager) => {
        const offering = await this.enrolments.lockOffering(manager, offeringId);
        const current = await manager.findOneByOrFail(Application, { id });
        if (current.status !== ApplicationStatus.ACCEPTED || !current.offerExpiresAt || current.offerExpiresAt.getTime() >= now.getTime())
          return;
        await this.expire(manager, current, offering);
        count++;
      });
    }
    return count;
  }

  /**
   * Offers every free place to the reserve list, in order. The prerequisites are checked as each
   * offer goes out: an applicant who lacks one is not offered the place (INELIGIBLE, with a mail)
   * and the next in line is. The caller holds the offering lock.
   */
  async promote(manager: EntityManager, offering: Offering): Promise<void> {
    const now = this.clock.now();
    let places = freePlaces(await offeringPlaceCounts(manager, offering, now));
    if (places === 0) return;
    // As for degree intakes: only reserves who were told (their batch is closed) are offered a place.
    const reserve = await manager
      .createQueryBuilder(Application, 'a')
      .innerJoin(ReviewBatch, 'b', 'b.id = a.batchId AND b.closedAt IS NOT NULL')
      .where('a.offeringId = :offeringId AND a.status = :status', { offeringId: offering.id, status: ApplicationStatus.RESERVE })
      .getMany();
    for (const next of nextInLine(reserve, reserve.length)) {
      if (places === 0) break;
      if (await this.skipIfIneligible(manager, next, offering)) continue;
      const deadline = offerDeadline(now);
      await manager.update(
        Application,
        { id: next.id },
        { status: ApplicationStatus.ACCEPTED, offerExpiresAt: deadline, reserveRank: null, updatedAt: now },
      );
      await this.notify(manager, next.learnerId, (reader) => placeOfferedLetter(reader, this.links, offering, deadline, true));
      places--;
    }
    await this.renumberReserve(manager, { offeringId: offering.id, editionId: null });
  }

  /**
   * An applicant due a place in an offering whose prerequisites they do not hold is not offered
   * it: INELIGIBLE, told which module is missing. True when skipped. The caller holds the lock.
   */
  async skipIfIneligible(manager: EntityManager, application: Application, offering: Offering): Promise<boolean> {
    const missing = await this.enrolments.missingPrerequisites(manager, offering.moduleId, application.learnerId);
    if (missing.length === 0) return false;
    await manager.update(
      Application,
      { id: application.id },
      {
        status: ApplicationStatus.INELIGIBLE,
        reserveRank: null,
        offerExpiresAt: null,
        decisionReason: `Not offered: prerequisites missing (${missing.join(', ')})`,
        updatedAt: this.clock.now(),
      },
    );
    await audit(manager, {
      action: AuditAction.APPLICATION_DECIDED,
      actorUserId: null,
      entityType: 'application',
      entityId: application.id,
      details: { decision: ApplicationStatus.INELIGIBLE, missingPrerequisites: missing },
    });
    await this.notify(manager, application.learnerId, (reader) => ineligibleLetter(reader, this.links, offering, missing));
    return true;
  }

  /**
   * Ranks the reserve list of an offering (or of a degree intake) 1, 2, 3 … again, in the order
   * offers go out (nextInLine: rank, then who applied first), once someone has left it.
   */
  private async renumberReserve(manager: EntityManager, list: { offeringId: string | null; editionId: string | null }): Promise<void> {
    const [where, id] = list.offeringId
      ? ['offering_id = $1', list.offeringId]
      : ['edition_id = $1 AND programme_id IS NOT NULL', list.editionId];
    if (!id) return;
    await manager.query(
      `UPDATE application a SET reserve_rank = r.rank
         FROM (SELECT id, row_number() OVER (ORDER BY reserve_rank NULLS LAST, submitted_at, id)::int AS rank
                 FROM application WHERE ${where} AND status = 'RESERVE') r
        WHERE a.id = r.id AND a.reserve_rank IS DISTINCT FROM r.rank`,
      [id],
    );
  }

  private async expire(manager: EntityManager, application: Application, offering: Offering): Promise<void> {
    await this.setStatus(manager, application, ApplicationStatus.EXPIRED);
    const deadline = application.offerExpiresAt;
    await this.notify(manager, application.learnerId, (reader) => offerExpiredLetter(reader, this.links, offering, deadline));
    await this.promote(manager, offering);
  }

  /** Only the applicant acts on their application; anyone else's answers as absent. */
  private applicant(manager: EntityManager, applicationId: string, principal: Principal): Promise<void> {
    const ids = [applicationId];
    return this.access.require({ principal, permission: Permission.APPLICATION_APPLICANT, ids, manager, what: 'Application' });
  }

  private async ownApplication(manager: EntityManager, applicationId: string, principal: Principal): Promise<Application> {
    await this.applicant(manager, applicationId, principal);
    const application = await manager.findOneBy(Application, { id: applicationId });
    if (!application) throw notFound('Application');
    return application;
  }

  /**
   * A decision is sent when its review batch closes (the letters go then): until then nothing acts
   * on it, so the batch can close with the decision the applicant is told. No batch: nothing to wait for.
   */
  private async requireDecisionSent(manager: EntityManager, application: Application): Promise<void> {
    if (!application.batchId) return;
    const batch = await manager.findOneBy(ReviewBatch, { id: application.batchId });
    if (batch && !batch.closedAt) throw decisionNotSent();
  }

  private async setStatus(manager: EntityManager, application: Application, status: ApplicationStatus): Promise<void> {
    await manager.update(Application, { id: application.id }, { status, updatedAt: this.clock.now() });
  }

  /** A letter to the learner through the outbox, in this transaction; written for them (their language and time zone). */
  async notify(manager: EntityManager, learnerId: string, letter: Letter | ((reader: Reader) => Letter)): Promise<void> {
    const learner = await manager.findOneByOrFail(Learner, { id: learnerId });
    const { subject, body } = addressedTo(learner, typeof letter === 'function' ? letter(learner) : letter);
    await this.outbox.enqueue(manager, learner.email, subject, body);
  }
}
