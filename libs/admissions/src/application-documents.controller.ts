import { Controller, Get, HttpCode, Param, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Response } from 'express';
import { CurrentUser, Principal, Role, Roles } from '@magix/auth';
import { uuidParam } from '@magix/common';
import { fileTooLarge } from './admissions.errors';
import { ApplicationsService, MAX_CV_BYTES, UploadedFile as CvFile } from './applications.service';

/** The CV upload: multipart/form-data, field `file`, a PDF of at most 2 MB. */
@Controller('applications')
export class ApplicationDocumentsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Roles(Role.LEARNER)
  @Post(':id/cv')
  @HttpCode(201)
  // Multer stops reading one byte past the limit; the service still checks size and content.
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_CV_BYTES + 1, files: 1 } }))
  async upload(@Param('id', uuidParam()) id: string, @UploadedFile() file: CvFile | undefined, @CurrentUser() user: Principal) {
    if (file && file.size > MAX_CV_BYTES) throw fileTooLarge();
    return this.applications.uploadCv(id, file, user);
  }

  @Get(':id/cv')
  async download(@Param('id', uuidParam()) id: string, @CurrentUser() user: Principal, @Res() response: Response): Promise<void> {
    const cv = await this.applications.cv(id, user);
    response.setHeader('Content-Disposition', `attachment; filename="${cv.filename.replace(/"/g, '')}"`);
    response.setHeader('X-Content-SHA256', cv.sha256);
    response.type('application/pdf').send(cv.content);
  }
}
