import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { hashPassword, Principal, Role, User } from '@magix/auth';
import { LearningModule, ModulePrerequisite, Offering } from '@magix/catalogue';
import { Enrolment, EnrolmentStatus } from '@magix/enrolment';
import { IssuedCredential } from '@magix/issuance';
import { Learner } from '@magix/learners';
import { IssuerIdentityService, Organisation, OrganisationKind } from '@magix/organisations';
import { Edition, Programme, ProgrammeTarget, TargetMetric } from '@magix/programme';
import { ResultsService } from '@magix/results';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD, demoEmployers, demoHeis, demoLearners, demoProgramme } from './demo-data';

export interface DemoAccount {
  email: string;
  role: Role;
  acts: string;
}

/**
 * Loads the demo programme on a database that has none. The catalogue and people go in one
 * transaction; results then go through the real recording path, which is idempotent, so a start
 * interrupted half-way completes on the next one.
 */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger('Demo');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly identities: IssuerIdentityService,
    private readonly results: ResultsService,
  ) {}

  async seed(): Promise<void> {
    const exists = await this.dataSource.getRepository(Programme).existsBy({ code: demoProgramme.code });
    if (!exists) {
      await this.dataSource.transaction((manager) => this.seedCatalogueAndPeople(manager));
      this.logger.log('Demo programme loaded');
    }
    await this.recordDemoResults();
  }

  accounts(): DemoAccount[] {
    return [
      { email: DEMO_ADMIN_EMAIL, role: Role.ADMIN, acts: 'programme office' },
      ...demoHeis.map((hei) => ({ email: hei.staffEmail, role: Role.ISSUER, acts: hei.name })),
      ...demoLearners.map((l) => ({
        email: l.email,
        role: Role.LEARNER,
        acts: `${l.givenName} ${l.familyName} (${l.sector.toLowerCase()} sector)`,
      })),
    ];
  }

  /** One issued demo credential, for a newcomer to paste into verifyCredential. */
  async sampleCredential(): Promise<IssuedCredential | null> {
    return this.dataSource.getRepository(IssuedCredential).findOne({ where: {}, order: { issuedAt: 'ASC' } });
  }

  private async seedCatalogueAndPeople(manager: EntityManager): Promise<void> {
    const { editions, targets, ...programmeFields } = demoProgramme;
    const programme = await manager.save(manager.create(Programme, programmeFields));
    const savedEditions = await manager.save(editions.map((e) => manager.create(Edition, { ...e, programmeId: programme.id })));
    await manager.save(
      Object.entries(targets).map(([metric, targetValue]) =>
        manager.create(ProgrammeTarget, { programmeId: programme.id, metric: metric as TargetMetric, targetValue }),
      ),
    );
    const edition = savedEditions[0];
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await manager.save(
      manager.create(User, { email: DEMO_ADMIN_EMAIL, passwordHash, role: Role.ADMIN, organisationId: null, learnerId: null }),
    );

    const modulesByCode = new Map<string, LearningModule>();
    for (const hei of demoHeis) {
      const organisation = await manager.save(
        manager.create(Organisation, {
          name: hei.name,
          shortName: hei.shortName,
          countryCode: hei.countryCode,
          kind: OrganisationKind.HEI,
          consortiumMember: true,
          website: hei.website,
        }),
      );
      await this.identities.createIdentity(manager, organisation.id, null);
      await manager.save(
        manager.create(User, { email: hei.staffEmail, passwordHash, role: Role.ISSUER, organisationId: organisation.id, learnerId: null }),
      );
      for (const { startsOn, endsOn, capacity, prerequisiteCodes, ...fields } of hei.modules) {
        const module = await manager.save(
          manager.create(LearningModule, { ...fields, providerId: organisation.id, qualityAssurance: hei.qualityAssurance }),
        );
        modulesByCode.set(module.code, module);
        for (const code of prerequisiteCodes ?? []) {
          await manager.insert(ModulePrerequisite, { moduleId: module.id, prerequisiteId: modulesByCode.get(code)!.id });
        }
        await manager.save(
          manager.create(Offering, {
            code: `${module.code}-${edition.code.slice(0, 4)}`,
            moduleId: module.id,
            editionId: edition.id,
            startsOn,
            endsOn,
            capacity,
          }),
        );
      }
    }

    const employers = new Map<string, Organisation>();
    for (const employer of demoEmployers) {
      employers.set(
        employer.shortName,
        await manager.save(manager.create(Organisation, { ...employer, consortiumMember: false, website: null })),
      );
    }
    for (const { enrolments, employer, ...fields } of demoLearners) {
      const learner = await manager.save(manager.create(Learner, { ...fields, employerId: employer ? employers.get(employer)!.id : null }));
      await manager.save(
        manager.create(User, { email: learner.email, passwordHash, role: Role.LEARNER, organisationId: null, learnerId: learner.id }),
      );
      for (const { module } of enrolments) {
        const offering = await manager.findOneByOrFail(Offering, { moduleId: modulesByCode.get(module)!.id });
        await manager.insert(Enrolment, { learnerId: learner.id, offeringId: offering.id, status: EnrolmentStatus.ENROLLED });
      }
    }
  }

  private async recordDemoResults(): Promise<void> {
    for (const learner of demoLearners) {
      for (const { module, result } of learner.enrolments) {
        if (!result) continue;
        const enrolment = await this.dataSource
          .createQueryBuilder(Enrolment, 'e')
          .innerJoin(Learner, 'l', 'l.id = e.learnerId')
          .innerJoin(Offering, 'o', 'o.id = e.offeringId')
          .innerJoin(LearningModule, 'm', 'm.id = o.moduleId')
          .where('lower(l.email) = lower(:email) AND m.code = :module', { email: learner.email, module })
          .getOneOrFail();
        const provider = demoHeis.find((hei) => hei.modules.some((m) => m.code === module))!;
        const staff = await this.dataSource.getRepository(User).findOneByOrFail({ email: provider.staffEmail });
        const principal: Principal = { userId: staff.id, role: Role.ISSUER, organisationId: staff.organisationId, learnerId: null };
        await this.results.record({ enrolmentId: enrolment.id, ...result }, principal);
      }
    }
  }
}
