import { Controller, Get, Param, Res } from '@nestjs/common';
import { Response } from 'express';
import { createHash } from 'node:crypto';
import { Public } from '@magix/auth';
import { BadgesService } from './badges.service';
import { BadgeImage } from './render';

/**
 * The badge images, public: the same pictures the credentials carry inline, for web pages and for
 * anyone who wants to show a module or an issuer. Unknown ones answer 404 in JSON (the app's error filter).
 */
@Controller('badges')
export class BadgesController {
  constructor(private readonly badges: BadgesService) {}

  /** `GET /badges/modules/UPM-AIG-01` (or `….png`): the module's badge. */
  @Public()
  @Get('modules/:code')
  async module(@Param('code') code: string, @Res() response: Response): Promise<void> {
    send(response, await this.badges.moduleBadgeByCode(code.replace(/\.png$/i, '')));
  }

  /** `GET /badges/issuers/<organisation id>` (or `….png`): the HEI's logo. */
  @Public()
  @Get('issuers/:organisationId')
  async issuer(@Param('organisationId') organisationId: string, @Res() response: Response): Promise<void> {
    send(response, await this.badges.issuerLogoById(organisationId.replace(/\.png$/i, '')));
  }
}

/** The image with a strong ETag: Express answers a matching If-None-Match with 304 and no body. */
function send(response: Response, image: BadgeImage): void {
  const digest = createHash('sha256').update(image.bytes).digest('base64url');
  response.setHeader('Cache-Control', 'public, max-age=3600');
  response.setHeader('ETag', `"${digest}"`);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.type(image.mediaType).send(image.bytes);
}
