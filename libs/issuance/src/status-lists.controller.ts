import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { Response } from 'express';
import { Public } from '@magix/auth';
import { StatusListService } from './status-list.service';

/** Signed BitstringStatusListCredentials at stable URLs, cacheable with ETags. */
@Controller('status-lists')
export class StatusListsController {
  constructor(private readonly statusLists: StatusListService) {}

  @Public()
  @Get(':id')
  async list(@Param('id') id: string, @Headers('if-none-match') ifNoneMatch: string | undefined, @Res() response: Response): Promise<void> {
    const { document, version } = await this.statusLists.signed(id);
    const etag = `"${id}.${version}"`;
    response.setHeader('ETag', etag);
    // Short: a revocation should reach verifiers within a minute.
    response.setHeader('Cache-Control', 'public, max-age=60, must-revalidate');
    if (ifNoneMatch === etag) {
      response.status(304).end();
      return;
    }
    response.type('application/vc+ld+json').send(document);
  }
}
