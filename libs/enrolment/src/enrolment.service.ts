import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Not } from 'typeorm';
import { assertActsFor, Principal, Role } from '@magix/auth';
import { notFound, Page, PageArgs, pageOf } from '@magix/common';
import { LearningModule, Offering } from '@magix/catalogue';
import { Learner } from '@magix/learners';
import { EnrolInput, EnrolmentFilter } from './dto/enrolment.inputs';
import { Enrolment, EnrolmentStatus } from './enrolment.entity';
import { alreadyEnrolled, offeringFull } from './enrolment.errors';

@Injectable()
export class EnrolmentService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
    if (principal.role === Role.LEARNER) query.andWhere('e.learnerId = :self', { self: principal.learnerId });
    if (principal.role === Role.ISSUER) {
      query
        .innerJoin(Offering, 'o', 'o.id = e.offeringId')
        .innerJoin(LearningModule, 'm', 'm.id = o.moduleId')
        .andWhere('m.providerId = :org', { org: principal.organisationId });
    }
    return pageOf(await query.getManyAndCount(), page);
  }

  /** Places are counted under a lock on the offering, so concurrent enrolments never overbook. */
  async enrol(input: EnrolInput, principal: Principal): Promise<Enrolment> {
    return this.dataSource.transaction(async (manager) => {
      const offering = await manager.findOne(Offering, { where: { id: input.offeringId }, lock: { mode: 'pessimistic_write' } });
      if (!offering) throw notFound('Offering');
      const module = await manager.findOneByOrFail(LearningModule, { id: offering.moduleId });
      assertActsFor(principal, module.providerId, { adminAllowed: true });
      if (!(await manager.existsBy(Learner, { id: input.learnerId }))) throw notFound('Learner');
      if (await manager.existsBy(Enrolment, { learnerId: input.learnerId, offeringId: input.offeringId })) throw alreadyEnrolled();
      const taken = await manager.countBy(Enrolment, { offeringId: offering.id, status: Not(EnrolmentStatus.WITHDRAWN) });
      if (taken >= offering.capacity) throw offeringFull(offering.capacity);
      const enrolment = manager.create(Enrolment, { ...input, status: EnrolmentStatus.ENROLLED });
      await manager.insert(Enrolment, enrolment);
      return manager.findOneByOrFail(Enrolment, { id: enrolment.id });
    });
  }
}
