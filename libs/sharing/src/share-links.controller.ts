import { Controller, Get, Param, Res } from '@nestjs/common';
import { Response } from 'express';
import { join } from 'node:path';
import { Public } from '@magix/auth';
import { DomainError } from '@magix/common';
import { certificatePdf, qrSvg } from './certificate-pdf';
import { credentialFacts } from './credential-facts';
import { linkErrorPage } from './share-page';
import { ShareLinksService } from './share-links.service';
import { webRoot } from './web-root';

/** The public side of share links: no account, the token in the path is the whole permission. */
@Controller('c')
export class ShareLinksController {
  private readonly verifyPage = join(webRoot(), 'verify.html');

  constructor(private readonly shareLinks: ShareLinksService) {}

  /** The verification page; its script loads ./credential.json and verifies it in front of the visitor. */
  @Public()
  @Get(':token')
  async page(@Param('token') token: string, @Res() response: Response): Promise<void> {
    try {
      await this.shareLinks.open(token);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      response.status(error.httpStatus).type('html').send(linkErrorPage(error));
      return;
    }
    response.setHeader('Cache-Control', 'no-store');
    response.sendFile(this.verifyPage);
  }

  @Public()
  @Get(':token/credential.json')
  async credential(@Param('token') token: string, @Res() response: Response): Promise<void> {
    const { credential } = await this.shareLinks.open(token);
    response.setHeader('Cache-Control', 'no-store');
    response.type('application/json').send(credential.json);
  }

  @Public()
  @Get(':token/qr.svg')
  async qr(@Param('token') token: string, @Res() response: Response): Promise<void> {
    const { link } = await this.shareLinks.open(token);
    response.type('image/svg+xml').send(await qrSvg(this.shareLinks.urlOf(link)));
  }

  @Public()
  @Get(':token/certificate.pdf')
  async certificate(@Param('token') token: string, @Res() response: Response): Promise<void> {
    const { link, credential } = await this.shareLinks.open(token);
    const facts = credentialFacts(JSON.parse(credential.json) as Record<string, unknown>);
    facts.scale = await this.shareLinks.gradeScale(facts.gradingScale);
    const pdf = await certificatePdf(facts, this.shareLinks.urlOf(link));
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Content-Disposition', `inline; filename="certificate-${credential.id}.pdf"`);
    response.type('application/pdf').send(pdf);
  }
}
