import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { hashPassword, Principal, Role, User } from '@magix/auth';
import { LearningModule, ModulePrerequisite, Offering } from '@magix/catalogue';
import { Enrolment, EnrolmentStatus } from '@magix/enrolment';
import { IssuedCredential } from '@magix/issuance';
import { Learner } from '@magix/learners';
import { IssuerIdentityService, Organisation, OrganisationKind } from '@magix/organisations';
import { Edition, EditionState, Programme, ProgrammeTarget, TargetMetric } from '@magix/programme';
import { ResultsService } from '@magix/results';
import { DegreeService, PathwayRulesVersion, Recognition, RecognitionService } from '@magix/pathways';
import { APP_CONFIG, AppConfig } from '@magix/config';
import { Clock } from '@magix/common';
import { buildModuleCredential, generateIssuerKey, magixContextUrl, signCredential } from '@magix/credentials';
import { randomUUID } from 'node:crypto';
import {
  DEMO_ADMIN_EMAIL,
  DEMO_PASSWORD,
  demoEmployers,
  demoHeis,
  demoLearners,
  demoPathwayRules,
  demoProgramme,
  lastYear,
} from './demo-data';
import { demoDegreeApplicants } from './next-edition-data';
import { NextEditionSeeder } from './next-edition.seeder';
import { demoModuleTranslations, demoProgrammeTranslations } from './demo-translations';

/** A MOOC certificate from a university outside the consortium, signed by its own did:key. */
async function outsideCredential(learner: Learner, contextUrl: string): Promise<Record<string, unknown>> {
  const key = await generateIssuerKey();
  return signCredential(
    buildModuleCredential({
      contextUrl,
      credentialId: `urn:uuid:${randomUUID()}`,
      issuedAt: new Date('2026-03-01T09:00:00Z'),
      issuer: { did: key.did, name: 'Universidad de Salamanca', countryCode: 'ES' },
      recipient: { id: `urn:uuid:${learner.id}`, name: `${learner.givenName} ${learner.familyName}`, email: learner.email },
      achievement: {
        id: 'https://online.usal.example/courses/open-data',
        code: 'USAL-OD',
        title: 'Open Data for Public Administrations',
        description: 'A MOOC on publishing and reusing open government data.',
        learningOutcomes: ['Publish a dataset following DCAT-AP'],
        ectsCredits: 4,
        eqfLevel: 7,
        workloadHours: 100,
        language: 'es',
        assessmentType: 'Online examination',
        participationForm: 'ONLINE',
        qualityAssurance: 'ANECA',
        prerequisites: [],
      },
      result: { grade: '8.8', creditsEarned: 4, assessedOn: '2026-02-20' },
    }),
    key,
  );
}

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
    private readonly degrees: DegreeService,
    private readonly recognitions: RecognitionService,
    private readonly nextEdition: NextEditionSeeder,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async seed(): Promise<void> {
    const exists = await this.dataSource.getRepository(Programme).existsBy({ code: demoProgramme.code });
    if (!exists) {
      await this.dataSource.transaction((manager) => this.seedCatalogueAndPeople(manager));
      this.logger.log('Demo programme loaded');
    }
    await this.recordDemoResults();
    await this.nextEdition.seed();
  }

  accounts(): DemoAccount[] {
    return [
      { email: DEMO_ADMIN_EMAIL, role: Role.ADMIN, acts: 'programme office' },
      ...demoHeis.map((hei) => ({ email: hei.staffEmail, role: Role.ISSUER, acts: hei.name })),
      // The 2027-2028 degree applicants sign in too: every learner the demo holds is listed.
      ...[...demoLearners, ...demoDegreeApplicants].map((l) => ({
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
    const { editions, targets, coordinator, ...programmeFields } = demoProgramme;
    const programme = await manager.save(manager.create(Programme, { ...programmeFields, translations: demoProgrammeTranslations }));
    // The editions that already run were opened before the platform: no interest list to tell.
    const savedEditions = await manager.save(
      editions.map((e) =>
        manager.create(Edition, { ...e, programmeId: programme.id, state: EditionState.OPEN, openedAt: new Date(e.startsOn) }),
      ),
    );
    await manager.save(
      Object.entries(targets).map(([metric, targetValue]) =>
        manager.create(ProgrammeTarget, { programmeId: programme.id, metric: metric as TargetMetric, targetValue }),
      ),
    );
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
      const [scale] = await manager.query<Array<{ id: string }>>('SELECT id FROM grading_scale WHERE code = $1', [hei.gradingScale]);
      await manager.update(Organisation, { id: organisation.id }, { gradingScaleId: scale.id });
      await manager.save(
        manager.create(User, { email: hei.staffEmail, passwordHash, role: Role.ISSUER, organisationId: organisation.id, learnerId: null }),
      );
      for (const { startsOn, endsOn, capacity, prerequisiteCodes, ...fields } of hei.modules) {
        const module = await manager.save(
          manager.create(LearningModule, {
            ...fields,
            providerId: organisation.id,
            qualityAssurance: hei.qualityAssurance,
            translations: demoModuleTranslations[fields.code] ?? [],
          }),
        );
        modulesByCode.set(module.code, module);
        for (const code of prerequisiteCodes ?? []) {
          await manager.insert(ModulePrerequisite, { moduleId: module.id, prerequisiteId: modulesByCode.get(code)!.id });
        }
        for (const edition of savedEditions) {
          // Module dates are the 2026-2027 ones; the earlier edition ran a year before.
          const shift = edition.code === '2025-2026' ? lastYear : (date: string) => date;
          const code = `${module.code}-${edition.code.slice(0, 4)}`;
          await manager.insert(Offering, {
            code,
            moduleId: module.id,
            editionId: edition.id,
            startsOn: shift(startsOn),
            endsOn: shift(endsOn),
            capacity,
          });
        }
      }
      if (hei.shortName === coordinator) await manager.update(Programme, { id: programme.id }, { coordinatorId: organisation.id });
    }
    for (const edition of savedEditions) {
      await manager.insert(PathwayRulesVersion, { editionId: edition.id, version: 1, rules: demoPathwayRules, createdBy: null });
    }

    const employers = new Map<string, Organisation>();
    for (const employer of demoEmployers) {
      employers.set(
        employer.shortName,
        await manager.save(manager.create(Organisation, { ...employer, consortiumMember: false, website: null })),
      );
    }
    for (const { enrolments, employer, graduate, recognition: _recognition, ...fields } of demoLearners) {
      const learner = await manager.save(manager.create(Learner, { ...fields, employerId: employer ? employers.get(employer)!.id : null }));
      // A graduate was admitted to the degree, in the intake of their first module.
      const intake = savedEditions.find((e) => e.code === (enrolments[0]?.edition ?? '2026-2027')) ?? savedEditions[0];
      if (graduate)
        await manager.query(
          `INSERT INTO application (learner_id, programme_id, edition_id, motivation, status, decision_reason, decided_at, submitted_at, updated_at)
           VALUES ($1, $2, $3, 'Admitted to the joint degree in the demo.', 'ACCEPTED', 'Admitted by the academic commission', $4, $4, $4)`,
          [learner.id, programme.id, intake.id, new Date(Date.parse(intake.startsOn) - 30 * 86_400_000)],
        );
      await manager.save(
        manager.create(User, { email: learner.email, passwordHash, role: Role.LEARNER, organisationId: null, learnerId: learner.id }),
      );
      for (const { module, edition = '2026-2027' } of enrolments) {
        const offering = await manager.findOneByOrFail(Offering, { code: `${module}-${edition.slice(0, 4)}` });
        // Enrolled two weeks before the start (or today, for what starts later).
        const enrolledAt = new Date(Math.min(Date.parse(offering.startsOn) - 14 * 86_400_000, this.clock.now().getTime()));
        await manager.insert(Enrolment, { learnerId: learner.id, offeringId: offering.id, status: EnrolmentStatus.ENROLLED, enrolledAt });
      }
    }
  }

  private async recordDemoResults(): Promise<void> {
    for (const learner of demoLearners) {
      for (const { module, edition = '2026-2027', result } of learner.enrolments) {
        if (!result) continue;
        const enrolment = await this.dataSource
          .createQueryBuilder(Enrolment, 'e')
          .innerJoin(Learner, 'l', 'l.id = e.learnerId')
          .innerJoin(Offering, 'o', 'o.id = e.offeringId')
          .where('lower(l.email) = lower(:email) AND o.code = :offering', {
            email: learner.email,
            offering: `${module}-${edition.slice(0, 4)}`,
          })
          .getOneOrFail();
        const provider = demoHeis.find((hei) => hei.modules.some((m) => m.code === module))!;
        const staff = await this.dataSource.getRepository(User).findOneByOrFail({ email: provider.staffEmail });
        const principal: Principal = { userId: staff.id, role: Role.ISSUER, organisationId: staff.organisationId, learnerId: null };
        await this.results.record({ enrolmentId: enrolment.id, ...result }, principal);
      }
      const record = await this.dataSource
        .getRepository(Learner)
        .createQueryBuilder('l')
        .where('lower(l.email) = lower(:email)', learner)
        .getOneOrFail();
      if (learner.graduate) await this.degrees.issue(record.id, null);
      if (learner.recognition && !(await this.dataSource.getRepository(Recognition).existsBy({ learnerId: record.id }))) {
        const account = await this.dataSource.getRepository(User).findOneByOrFail({ learnerId: record.id });
        await this.recognitions.submit(await outsideCredential(record, magixContextUrl(this.config.publicUrl)), {
          userId: account.id,
          role: Role.LEARNER,
          organisationId: null,
          learnerId: record.id,
        });
      }
    }
  }
}
