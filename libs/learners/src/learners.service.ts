import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AccessService,
  ADDRESS_SIGNUP_POLICY,
  assertAcceptablePassword,
  hashPassword,
  Permission,
  Principal,
  Role,
  ThrottleService,
  User,
} from '@magix/auth';
import { badInput, DomainError, notFound, Page, PageArgs, pageOf } from '@magix/common';
import { Organisation } from '@magix/organisations';
import { CreateLearnerInput, LearnerFilter, RegisterLearnerInput } from './dto/learner.inputs';
import { Learner } from './learner.entity';

/** The same for an email of a learner, of staff or of the programme office: sign-up does not tell them apart. */
export const EMAIL_TAKEN = 'EMAIL_TAKEN';
const emailTaken = (email: string) => new DomainError(EMAIL_TAKEN, `An account with the email ${email} exists`, 'input.email', 409);
const UNIQUE_VIOLATION = '23505';

@Injectable()
export class LearnersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly throttle: ThrottleService,
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

  async setPreferredLanguage(principal: Principal, language: string): Promise<Learner> {
    const learner = await this.self(principal);
    await this.dataSource.getRepository(Learner).update({ id: learner.id }, { preferredLanguage: language });
    return { ...learner, preferredLanguage: language };
  }

  /** Public sign-up: throttled per client address, since each answer tells whether an email is taken. */
  async register(input: RegisterLearnerInput, clientAddress: string): Promise<Learner> {
    await this.throttle.hit(
      [{ policy: ADDRESS_SIGNUP_POLICY, subject: clientAddress }],
      'Too many sign-ups from this address: try again later',
    );
    return this.create(input);
  }

  async create(input: CreateLearnerInput): Promise<Learner> {
    const { password, ...fields } = input;
    if (password !== undefined) {
      assertAcceptablePassword('input.password', password, [fields.email, fields.givenName, fields.familyName]);
    }
    try {
      return await this.dataSource.transaction(async (manager) => {
        // Any account or learner record with the email, so that a staff email answers as a learner's does.
        const taken = await manager.query<unknown[]>(
          `SELECT 1 FROM learner WHERE lower(email) = lower($1) UNION ALL SELECT 1 FROM app_user WHERE lower(email) = lower($1) LIMIT 1`,
          [fields.email],
        );
        if (taken.length > 0) throw emailTaken(fields.email);
        if (fields.employerId && !(await manager.existsBy(Organisation, { id: fields.employerId }))) {
          throw badInput('input.employerId', 'No such organisation');
        }
        if (fields.timeZone !== undefined && !isTimeZone(fields.timeZone)) throw badInput('input.timeZone', 'Not an IANA time zone');
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
    } catch (error) {
      // A sign-up with the same email that committed between our check and our insert.
      if ((error as { code?: unknown }).code === UNIQUE_VIOLATION) throw emailTaken(fields.email);
      throw error;
    }
  }
}

/** An IANA zone the runtime knows (Intl refuses any other). */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
