import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '@magix/auth';
import { MAGIX_CONTEXT } from '@magix/credentials';

/** Serves our JSON-LD context for verifiers that read it; we never fetch it ourselves. */
@Controller('contexts')
export class ContextsController {
  @Public()
  @Get('magix/v1')
  @Header('Content-Type', 'application/ld+json')
  @Header('Cache-Control', 'public, max-age=86400, immutable')
  magixContext() {
    return MAGIX_CONTEXT;
  }
}
