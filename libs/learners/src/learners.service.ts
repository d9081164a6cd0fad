import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService, hashPassword, Permission, Principal, Role, User } from '@magix/auth';
import { badInput, DomainError, notFound, Page, PageArgs, pageOf } from '@magix/common';
import { Organisation } from '@magix/organisations';
import { CreateLearnerInput, LearnerFilter } from './dto/learner.inputs';
import { Learner } from './learner.entity';

export const LEARNER_EMAIL_TAKEN = 'LEARNER_EMAIL_TAKEN';

@Injectable()
export class LearnersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /** ADMIN sees everyone; ISSUER staff the learners enrolled with their HEI; a LEARNER only self. */
  async list(filter: LearnerFilter, page: PageArgs, principal: Principal): Promise<Page<Learner>> {
    const query = this.dataSource
      .getRepository(Learner)
      .createQueryBuilder('l')
      .orderBy('l.familyName')
      .addOrderBy('l.givenName')
      .skip(page.offset)
      .take(page.limit);
    if (filter.sector) query.andWhere('l.sector = :sector', filter);
    if (filter.countryCode) query.andWhere('l.countryCode = :countryCode', filter);
    this.access.scope(query, 'l', principal, Permission.LEARNER_READ);
    return pageOf(await query.getManyAndCount(), page);
  }

  async self(principal: Principal): Promise<Learner> {
    const learner = principal.learnerId ? await this.dataSource.getRepository(Learner).findOneBy({ id: principal.learnerId }) : null;
    if (!learner) throw notFound('Learner profile');
    return learner;
  }

  async create(input: CreateLearnerInput): Promise<Learner> {
    const { password, ...fields } = input;
    return this.dataSource.transaction(async (manager) => {
      const taken = await manager.createQueryBuilder(Learner, 'l').where('lower(l.email) = lower(:email)', fields).getExists();
      if (taken) throw new DomainError(LEARNER_EMAIL_TAKEN, `A learner with the email ${fields.email} exists`, 'input.email', 409);
      if (fields.employerId && !(await manager.existsBy(Organisation, { id: fields.employerId }))) {
        throw badInput('input.employerId', 'No such organisation');
      }
      const learner = manager.create(Learner, { ...fields, employerId: fields.employerId ?? null });
      await manager.insert(Learner, learner);
      if (password) {
        await manager.insert(User, {
          email: fields.email,
          passwordHash: await hashPassword(password),
          role: Role.LEARNER,
          learnerId: learner.id,
          organisationId: null,
        });
      }
      return learner;
    });
  }
}
