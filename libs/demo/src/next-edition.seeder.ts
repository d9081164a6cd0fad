import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Application,
  ApplicationsService,
  ApplicationStatus,
  Decision,
  DocumentKind,
  PlacesService,
  ReviewBatchesService,
} from '@magix/admissions';
import { hashPassword, Principal, Role, User } from '@magix/auth';
import { Clock } from '@magix/common';
import { InterestListMember, InterestListService, MembershipStatus } from '@magix/interest-list';
import { Learner } from '@magix/learners';
import { Edition, EditionsService, EditionState } from '@magix/programme';
import { demoCv } from './demo-cv';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD } from './demo-data';
import { demoDegreeApplicants, demoInterestList, demoNextEdition } from './next-edition-data';

const learnerPrincipal = (user: User): Principal => ({
  userId: user.id,
  role: Role.LEARNER,
  organisationId: null,
  learnerId: user.learnerId,
});

/**
 * The 2027-2028 edition, done as the office and the applicants would, through the services:
 * the interest list is joined and each member confirms the link of their confirmation mail; the office plans the edition (PLANNED) and opens it, so the list
 * is mailed; a one-day priority round lets two people from the list apply with their CV; a review
 * batch admits them; then the main round's window is set (it opens later, so today's degree
 * applications still go to 2026-2027). The first of them has registered at UPM and the office
 * confirms it (ENROLLED); the second is admitted, their registration still to be confirmed.
 * Each step is idempotent: an interrupted start completes on the next one.
 */
@Injectable()
export class NextEditionSeeder {
  private readonly logger = new Logger('Demo');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly editions: EditionsService,
    private readonly interestList: InterestListService,
    private readonly applications: ApplicationsService,
    private readonly batches: ReviewBatchesService,
    private readonly places: PlacesService,
    private readonly clock: Clock,
  ) {}

  async seed(): Promise<void> {
    const users = this.dataSource.getRepository(User);
    const office = await users.findOneByOrFail({ email: DEMO_ADMIN_EMAIL });
    const admin: Principal = { userId: office.id, role: Role.ADMIN, organisationId: null, learnerId: null };
    let edition = await this.dataSource.getRepository(Edition).findOneBy({ code: demoNextEdition.code });
    if (edition?.state !== EditionState.OPEN || (await this.applicantsMissing(edition))) edition = await this.admit(edition, admin);
    await this.confirmRegistration(edition, admin);
  }

  /** Plans and opens the edition, mails the interest list, and admits the applicants through a review batch. */
  private async admit(existing: Edition | null, admin: Principal): Promise<Edition> {
    let edition = existing;

    for (const person of demoInterestList) await this.joinAndConfirm(person);
    const { mainRound, targets, ...dates } = demoNextEdition;
    edition ??= await this.editions.create(
      {
        ...dates,
        programmeCode: 'MAGIX',
        degreeApplicationsOpenOn: mainRound.opensOn,
        degreeApplicationsCloseOn: mainRound.closesOn,
        targets,
      },
      admin,
    );
    edition = await this.editions.open(edition.id, admin);

    const today = this.clock.today();
    await this.editions.update({ editionId: edition.id, degreeApplicationsOpenOn: today, degreeApplicationsCloseOn: today }, admin);
    const submitted: Application[] = [];
    for (const applicant of demoDegreeApplicants) {
      const user = await this.account(applicant);
      const existing = await this.dataSource.getRepository(Application).findOneBy({ learnerId: user.learnerId!, editionId: edition.id });
      if (existing) continue;
      const application = await this.applications.apply(
        { editionId: edition.id, motivation: applicant.motivation, ...applicant.profile },
        learnerPrincipal(user),
      );
      const cv = await demoCv(`${applicant.givenName} ${applicant.familyName}`);
      const file = { originalname: 'cv.pdf', mimetype: 'application/pdf', size: cv.length, buffer: cv };
      await this.applications.upload(application.id, DocumentKind.CV, file, learnerPrincipal(user));
      submitted.push(application);
    }
    if (submitted.length > 0) {
      const batch = await this.batches.open(undefined, admin);
      const inBatch = await this.dataSource.getRepository(Application).findBy({ batchId: batch.id, status: ApplicationStatus.SUBMITTED });
      for (const application of inBatch) {
        await this.batches.decide(
          { batchId: batch.id, applicationId: application.id, decision: Decision.ACCEPTED, reason: 'Strong motivation and profile' },
          admin,
        );
      }
      await this.batches.close(batch.id, admin);
    }
    await this.editions.update(
      { editionId: edition.id, degreeApplicationsOpenOn: mainRound.opensOn, degreeApplicationsCloseOn: mainRound.closesOn },
      admin,
    );
    this.logger.log(`Demo edition ${edition.code} opened; ${submitted.length} degree applicants admitted`);
    return edition;
  }

  /**
   * Joins as the person would, gets the confirmation mail now (the join's job would send it
   * moments later and find it sent), and follows its link: confirmed before the opening.
   */
  private async joinAndConfirm(person: (typeof demoInterestList)[number]): Promise<void> {
    await this.interestList.join(person, 'demo');
    const members = this.dataSource.getRepository(InterestListMember);
    const find = () =>
      members.createQueryBuilder('m').where('lower(m.email) = :email', { email: person.email.toLowerCase() }).getOneOrFail();
    const joined = await find();
    if (joined.status === MembershipStatus.CONFIRMED) return;
    await this.interestList.sendConfirmation(joined.id);
    const { confirmToken } = await find();
    if (confirmToken) await this.interestList.confirm(confirmToken, 'demo');
  }

  /** The first applicant registered at UPM: the office confirms it, as it would (a repeat changes nothing). */
  private async confirmRegistration(edition: Edition, admin: Principal): Promise<void> {
    const [registered] = demoDegreeApplicants;
    const application = await this.dataSource
      .getRepository(Application)
      .createQueryBuilder('a')
      .innerJoin(Learner, 'l', 'l.id = a.learnerId')
      .where('a.editionId = :editionId AND lower(l.email) = :email', { editionId: edition.id, email: registered.email.toLowerCase() })
      .getOne();
    if (application?.status !== ApplicationStatus.ACCEPTED) return;
    await this.places.confirmDegreeRegistration(application.id, admin);
  }

  private async applicantsMissing(edition: Edition): Promise<boolean> {
    const admitted = await this.dataSource
      .getRepository(Application)
      .createQueryBuilder('a')
      .innerJoin(Learner, 'l', 'l.id = a.learnerId')
      .where('a.editionId = :editionId AND lower(l.email) IN (:...emails)', {
        editionId: edition.id,
        emails: demoDegreeApplicants.map((a) => a.email.toLowerCase()),
      })
      .getCount();
    return admitted < demoDegreeApplicants.length;
  }

  /** The applicant's learner record and account, as sign-up would leave them. */
  private async account(applicant: (typeof demoDegreeApplicants)[number]): Promise<User> {
    const users = this.dataSource.getRepository(User);
    const existing = await users.findOneBy({ email: applicant.email });
    if (existing) return existing;
    return this.dataSource.transaction(async (manager) => {
      const { profile: _profile, motivation: _motivation, ...fields } = applicant;
      const learner = await manager.save(manager.create(Learner, { ...fields, employerId: null }));
      const passwordHash = await hashPassword(DEMO_PASSWORD);
      return manager.save(
        manager.create(User, { email: learner.email, passwordHash, role: Role.LEARNER, organisationId: null, learnerId: learner.id }),
      );
    });
  }
}
