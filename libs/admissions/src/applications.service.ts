import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, QueryFailedError } from 'typeorm';
import { AccessService, Permission, Principal } from '@magix/auth';
import { badInput, forbidden, notFound, Page, PageArgs, pageOf } from '@magix/common';
import { Offering } from '@magix/catalogue';
import { Programme } from '@magix/programme';
import { Application, ApplicationDocument, ApplicationDocumentInfo, ApplicationStatus } from './admission.entities';
import { applicationsClosed, duplicateApplication, fileTooLarge, notAPdf } from './admissions.errors';
import { checkCvPdf } from './cv-document';
import { degreeIntake } from './degree-intake';
import { ApplicationFilter, ApplyInput } from './dto/admission.inputs';

export const MAX_CV_BYTES = 2 * 1024 * 1024;

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
  ) {}

  async apply(input: ApplyInput, principal: Principal): Promise<Application> {
    const today = new Date().toISOString().slice(0, 10);
    let programmeId: string | null = null;
    let editionId: string | null = null;
    if (input.offeringId && input.editionId) throw badInput('input.editionId', 'A module application names its offering only');
    if (input.offeringId) {
      const offering = await this.dataSource.getRepository(Offering).findOneBy({ id: input.offeringId });
      if (!offering) throw notFound('Offering');
      const opens = offering.applicationsOpenOn ?? '0000-01-01';
      const closes = offering.applicationsCloseOn ?? offering.startsOn;
      if (today < opens || today > closes) throw applicationsClosed(`from ${opens} to ${closes}`);
    } else {
      const programme = await this.dataSource.getRepository(Programme).findOne({ where: {}, order: { startsOn: 'ASC' } });
      if (!programme) throw notFound('Programme');
      programmeId = programme.id;
      editionId = (await degreeIntake(this.dataSource.manager, programme.id, input.editionId, today)).id;
    }
    const repository = this.dataSource.getRepository(Application);
    try {
      return await repository.save(
        repository.create({
          learnerId: principal.learnerId!,
          offeringId: input.offeringId ?? null,
          programmeId,
          editionId,
          motivation: input.motivation.trim(),
          status: ApplicationStatus.SUBMITTED,
          submittedAt: new Date(),
          updatedAt: new Date(),
        }),
      );
    } catch (error) {
      // The partial unique index is the guarantee; a concurrent duplicate lands here too.
      if (error instanceof QueryFailedError && (error as QueryFailedError & { code?: string }).code === '23505')
        throw duplicateApplication();
      throw error;
    }
  }

  async uploadCv(applicationId: string, file: UploadedFile | undefined, principal: Principal): Promise<ApplicationDocumentInfo> {
    const application = await this.visible(applicationId, principal);
    if (application.learnerId !== principal.learnerId) throw forbidden('Only the applicant uploads their CV');
    if (!file || file.size === 0) throw notAPdf();
    if (file.size > MAX_CV_BYTES) throw fileTooLarge();
    // Checked by content, not by name or declared type: parsed as a PDF, see cv-document.ts.
    await checkCvPdf(file.buffer);
    const document = {
      applicationId,
      filename: file.originalname.replace(/[^\w.\- ]/g, '_').slice(0, 200) || 'cv.pdf',
      contentType: 'application/pdf',
      sizeBytes: file.size,
      sha256: createHash('sha256').update(file.buffer).digest('hex'),
      content: file.buffer,
      uploadedAt: new Date(),
    };
    await this.dataSource.getRepository(ApplicationDocument).upsert(document, ['applicationId']);
    return document;
  }

  async cv(applicationId: string, principal: Principal): Promise<ApplicationDocument> {
    await this.visible(applicationId, principal);
    const document = await this.dataSource
      .getRepository(ApplicationDocument)
      .createQueryBuilder('d')
      .addSelect('d.content')
      .where('d.applicationId = :applicationId', { applicationId })
      .getOne();
    if (!document) throw notFound('CV');
    return document;
  }

  async cvInfo(applicationId: string): Promise<ApplicationDocumentInfo | null> {
    return this.dataSource.getRepository(ApplicationDocument).findOneBy({ applicationId });
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
