import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService, Permission, Principal } from '@magix/auth';
import { Clock, notFound, Page, PageArgs, pageOf } from '@magix/common';
import { Offering } from '@magix/catalogue';
import { Learner } from '@magix/learners';
import { EnrolInput, EnrolmentFilter } from './dto/enrolment.inputs';
import { Enrolment, EnrolmentStatus } from './enrolment.entity';
import { freePlaces, offeringPlaceCounts } from './place-counts';
import { alreadyEnrolled, offeringEnded, offeringFull, prerequisitesMissing } from './enrolment.errors';

@Injectable()
export class EnrolmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  /** ADMIN sees all; ISSUER staff the enrolments in their HEI's offerings; a LEARNER their own. */
  async list(filter: EnrolmentFilter, page: PageArgs, principal: Principal): Promise<Page<Enrolment>> {
    const query = this.dataSource
      .getRepository(Enrolment)
      .createQueryBuilder('e')
      .orderBy('e.enrolledAt', 'DESC')
      .addOrderBy('e.id')
      .skip(page.offset)
      .take(page.limit);
    if (filter.offeringId) query.andWhere('e.offeringId = :offeringId', filter);
    if (filter.learnerId) query.andWhere('e.learnerId = :learnerId', filter);
    if (filter.status) query.andWhere('e.status = :status', filter);
    this.access.scope(query, 'e', principal, Permission.ENROLMENT_READ);
    return pageOf(await query.getManyAndCount(), page);
  }

  /** Staff enrol a learner in their HEI's offering (past runs too, to record results from their records). */
  async enrol(input: EnrolInput, principal: Principal): Promise<Enrolment> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.require({ principal, permission: Permission.OFFERING_MANAGE, ids: [input.offeringId], manager, what: 'Offering' });
      const offering = await this.lockOffering(manager, input.offeringId);
      return this.enrolLocked(manager, input.learnerId, offering);
    });
  }

  /** Places are counted under this lock, so concurrent enrolments and offers never overbook. */
  async lockOffering(manager: EntityManager, offeringId: string): Promise<Offering> {
    const offering = await manager.findOne(Offering, { where: { id: offeringId }, lock: { mode: 'pessimistic_write' } });
    if (!offering) throw notFound('Offering');
    return offering;
  }

  /**
   * The enrolment rules, on an offering the caller has locked: the learner exists, is not already
   * in, holds valid credentials for every prerequisite, and a place is free. `learnerFacing` also
   * refuses offerings that have ended; `takingOffer` is the application whose offered place is
   * being taken (its own offer does not count against it).
   */
  async enrolLocked(
    manager: EntityManager,
    learnerId: string,
    offering: Offering,
    options: { takingOffer?: string; learnerFacing?: boolean } = {},
  ): Promise<Enrolment> {
    if (!(await manager.existsBy(Learner, { id: learnerId }))) throw notFound('Learner');
    if (await manager.existsBy(Enrolment, { learnerId, offeringId: offering.id })) throw alreadyEnrolled();
    if (options.learnerFacing && offering.endsOn < this.clock.today()) throw offeringEnded(offering.endsOn);
    const missing = await this.missingPrerequisites(manager, offering.moduleId, learnerId);
    if (missing.length > 0) throw prerequisitesMissing(missing);
    const places = await offeringPlaceCounts(manager, offering, this.clock.now(), options.takingOffer);
    if (freePlaces(places) === 0) throw offeringFull(offering.capacity);
    const enrolment = manager.create(Enrolment, {
      learnerId,
      offeringId: offering.id,
      status: EnrolmentStatus.ENROLLED,
      enrolledAt: this.clock.now(),
    });
    await manager.insert(Enrolment, enrolment);
    return manager.findOneByOrFail(Enrolment, { id: enrolment.id });
  }

  /** The codes of the module's prerequisites the learner holds no valid credential for (also checked when a place is offered). */
  async missingPrerequisites(manager: EntityManager, moduleId: string, learnerId: string): Promise<string[]> {
    const missing = await manager.query<Array<{ code: string }>>(
      `SELECT m.code FROM module_prerequisite p JOIN module m ON m.id = p.prerequisite_id
        WHERE p.module_id = $1 AND NOT EXISTS (
          SELECT 1 FROM credential c JOIN assessment_result r ON r.id = c.result_id JOIN enrolment e ON e.id = r.enrolment_id JOIN offering o ON o.id = e.offering_id
           WHERE c.learner_id = $2 AND o.module_id = p.prerequisite_id AND c.revoked_at IS NULL AND c.suspended_at IS NULL
             AND (c.valid_until IS NULL OR c.valid_until > $3))
        ORDER BY m.code`,
      [moduleId, learnerId, this.clock.now()],
    );
    return missing.map((m) => m.code);
  }
}
