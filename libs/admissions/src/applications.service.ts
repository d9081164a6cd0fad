import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, QueryFailedError } from 'typeorm';
import { AccessService, Permission, Principal } from '@magix/auth';
import { badInput, Clock, forbidden, notFound, Page, PageArgs, pageOf } from '@magix/common';
import { Offering } from '@magix/catalogue';
import { Edition, EditionState, Programme } from '@magix/programme';
import { Application, ApplicationDocument, ApplicationDocumentInfo, ApplicationStatus, DocumentKind } from './admission.entities';
import { applicationsClosed, duplicateApplication, fileTooLarge, notAPdf } from './admissions.errors';
import { recordedProfile } from './applicant-profile';
import { checkApplicationPdf, CV_RULES, DocumentRules, MOTIVATION_RULES } from './cv-document';
import { degreeIntake, windowForPeople } from './degree-intake';
import { ApplicationFilter, ApplyInput } from './dto/admission.inputs';
import { offeringWindow, withinOfferingWindow } from './offering-window';

export const MAX_CV_BYTES = 2 * 1024 * 1024;

const RULES: Record<DocumentKind, DocumentRules> = { [DocumentKind.CV]: CV_RULES, [DocumentKind.MOTIVATION]: MOTIVATION_RULES };
const DEFAULT_NAME: Record<DocumentKind, string> = { [DocumentKind.CV]: 'cv.pdf', [DocumentKind.MOTIVATION]: 'motivation.pdf' };

export interface UploadedFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/** Applications and their documents: learners apply and follow; staff see those for their targets. */
@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  async apply(input: ApplyInput, principal: Principal): Promise<Application> {
    const today = this.clock.today();
    let programmeId: string | null = null;
    let editionId: string | null = null;
    if (input.offeringId && input.editionId) throw badInput('input.editionId', 'A module application names its offering only');
    if (input.offeringId) {
      const offering = await this.dataSource.getRepository(Offering).findOneBy({ id: input.offeringId });
      if (!offering) throw notFound('Offering');
      // As for degree applications: a PLANNED edition takes none; the interest list hears of it first.
      const edition = await this.dataSource.getRepository(Edition).findOneByOrFail({ id: offering.editionId });
      if (edition.state !== EditionState.OPEN)
        throw applicationsClosed(`applications to ${offering.code} open once the edition ${edition.code} is opened`);
      if (!withinOfferingWindow(offering, today)) {
        const { opensOn, closesOn } = offeringWindow(offering);
        throw applicationsClosed(`applications to ${offering.code} are taken ${windowForPeople(opensOn, closesOn)}`);
      }
    } else {
      const programme = await this.dataSource.getRepository(Programme).findOne({ where: {}, order: { startsOn: 'ASC' } });
      if (!programme) throw notFound('Programme');
      programmeId = programme.id;
      editionId = (await degreeIntake(this.dataSource.manager, programme.id, input.editionId, today)).id;
    }
    const profile = await recordedProfile(this.dataSource.manager, input);
    const repository = this.dataSource.getRepository(Application);
    const now = this.clock.now();
    try {
      return await repository.save(
        repository.create({
          learnerId: principal.learnerId!,
          offeringId: input.offeringId ?? null,
          programmeId,
          editionId,
          motivation: input.motivation?.trim() || null,
          ...profile,
          status: ApplicationStatus.SUBMITTED,
          submittedAt: now,
          updatedAt: now,
        }),
      );
    } catch (error) {
      // The partial unique index is the guarantee; a concurrent duplicate lands here too.
      if (error instanceof QueryFailedError && (error as QueryFailedError & { code?: string }).code === '23505')
        throw duplicateApplication();
      throw error;
    }
  }

  /** The CV (at most two pages) or the motivation letter (one page), replacing one uploaded before. */
  async upload(
    applicationId: string,
    kind: DocumentKind,
    file: UploadedFile | undefined,
    principal: Principal,
  ): Promise<ApplicationDocumentInfo> {
    const rules = RULES[kind];
    const application = await this.visible(applicationId, principal);
    if (application.learnerId !== principal.learnerId) throw forbidden('Only the applicant uploads their documents');
    if (!file || file.size === 0) throw notAPdf(rules.what);
    if (file.size > MAX_CV_BYTES) throw fileTooLarge(rules.what);
    // Checked by content, not by name or declared type: parsed as a PDF, see cv-document.ts.
    await checkApplicationPdf(file.buffer, rules);
    const info = {
      applicationId,
      kind,
      filename: file.originalname.replace(/[^\w.\- ]/g, '_').slice(0, 200) || DEFAULT_NAME[kind],
      contentType: 'application/pdf',
      sizeBytes: file.size,
      sha256: createHash('sha256').update(file.buffer).digest('hex'),
      uploadedAt: this.clock.now(),
    };
    await this.dataSource.getRepository(ApplicationDocument).upsert({ ...info, content: file.buffer }, ['applicationId', 'kind']);
    return info;
  }

  async document(applicationId: string, kind: DocumentKind, principal: Principal): Promise<ApplicationDocument> {
    await this.visible(applicationId, principal);
    const document = await this.dataSource
      .getRepository(ApplicationDocument)
      .createQueryBuilder('d')
      .addSelect('d.content')
      .where('d.applicationId = :applicationId AND d.kind = :kind', { applicationId, kind })
      .getOne();
    if (!document) throw notFound(kind === DocumentKind.CV ? 'CV' : 'Motivation letter');
    return document;
  }

  /** An application its reader may see: the applicant, the office, or the offering's HEI; else NOT_FOUND. */
  async visible(id: string, principal: Principal): Promise<Application> {
    await this.access.require({ principal, permission: Permission.APPLICATION_READ, ids: [id], what: 'Application' });
    const application = await this.dataSource.getRepository(Application).findOneBy({ id });
    if (!application) throw notFound('Application');
    return application;
  }

  async list(filter: ApplicationFilter, page: PageArgs, principal: Principal): Promise<Page<Application>> {
    const query = this.dataSource
      .getRepository(Application)
      .createQueryBuilder('a')
      .orderBy('a.submittedAt', 'DESC')
      .addOrderBy('a.id')
      .skip(page.offset)
      .take(page.limit);
    if (filter.status) query.andWhere('a.status = :status', filter);
    if (filter.offeringId) query.andWhere('a.offeringId = :offeringId', filter);
    if (filter.batchId) query.andWhere('a.batchId = :batchId', filter);
    if (filter.degreeSeeking !== undefined) query.andWhere(filter.degreeSeeking ? 'a.programmeId IS NOT NULL' : 'a.offeringId IS NOT NULL');
    // A degree application names its edition; a module application's edition is its offering's.
    if (filter.editionId)
      query.andWhere('(a.editionId = :editionId OR a.offeringId IN (SELECT id FROM offering WHERE edition_id = :editionId))', filter);
    if (filter.sector) query.andWhere('a.learnerId IN (SELECT id FROM learner WHERE sector = :sector)', filter);
    this.access.scope(query, 'a', principal, Permission.APPLICATION_READ);
    return pageOf(await query.getManyAndCount(), page);
  }
}
