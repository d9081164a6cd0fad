import { Controller, Get, HttpCode, Param, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Response } from 'express';
import { CurrentUser, Principal, Role, Roles } from '@magix/auth';
import { uuidParam } from '@magix/common';
import { DocumentKind } from './admission.entities';
import { fileTooLarge } from './admissions.errors';
import { ApplicationsService, MAX_CV_BYTES, UploadedFile as PdfFile } from './applications.service';

// Multer stops reading one byte past the limit; the service still checks size and content.
const ONE_PDF = FileInterceptor('file', { limits: { fileSize: MAX_CV_BYTES + 1, files: 1 } });

/**
 * An application's documents: multipart/form-data, field `file`, a PDF of at most 2 MB. The CV
 * (`/cv`) has at most two pages; the motivation letter (`/motivation`) one.
 */
@Controller('applications')
export class ApplicationDocumentsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Roles(Role.LEARNER)
  @Post(':id/cv')
  @HttpCode(201)
  @UseInterceptors(ONE_PDF)
  async upload(@Param('id', uuidParam()) id: string, @UploadedFile() file: PdfFile | undefined, @CurrentUser() user: Principal) {
    if (file && file.size > MAX_CV_BYTES) throw fileTooLarge();
    return this.applications.upload(id, DocumentKind.CV, file, user);
  }

  @Get(':id/cv')
  async download(@Param('id', uuidParam()) id: string, @CurrentUser() user: Principal, @Res() response: Response): Promise<void> {
    await this.send(response, await this.applications.document(id, DocumentKind.CV, user));
  }

  @Roles(Role.LEARNER)
  @Post(':id/motivation')
  @HttpCode(201)
  @UseInterceptors(ONE_PDF)
  async uploadMotivation(@Param('id', uuidParam()) id: string, @UploadedFile() file: PdfFile | undefined, @CurrentUser() user: Principal) {
    if (file && file.size > MAX_CV_BYTES) throw fileTooLarge('The motivation letter');
    return this.applications.upload(id, DocumentKind.MOTIVATION, file, user);
  }

  @Get(':id/motivation')
  async downloadMotivation(@Param('id', uuidParam()) id: string, @CurrentUser() user: Principal, @Res() response: Response): Promise<void> {
    await this.send(response, await this.applications.document(id, DocumentKind.MOTIVATION, user));
  }

  private send(response: Response, document: { filename: string; sha256: string; content: Buffer }): Promise<void> {
    response.setHeader('Content-Disposition', `attachment; filename="${document.filename.replace(/"/g, '')}"`);
    response.setHeader('X-Content-SHA256', document.sha256);
    response.type('application/pdf').send(document.content);
    return Promise.resolve();
  }
}
