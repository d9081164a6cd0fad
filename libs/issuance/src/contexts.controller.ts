import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '@magix/auth';
import { LEGACY_MAGIX_CONTEXT, MAGIX_CONTEXT_V2_TEXT, MAGIX_CONTEXT_V3_TEXT } from '@magix/credentials';

/**
 * Serves the MAGIX JSON-LD context at the URL its credentials name (`${PUBLIC_URL}/contexts/magix/v3`;
 * those issued before issue 14 name v2),
 * byte for byte what the issuer signed with, so that verifiers we did not write can load it. We never
 * fetch it ourselves: it is bundled.
 */
@Controller('contexts/magix')
export class ContextsController {
  @Public()
  @Get('v3')
  @Header('Content-Type', 'application/ld+json')
  @Header('Access-Control-Allow-Origin', '*')
  @Header('Cache-Control', 'public, max-age=31536000, immutable')
  magixContextV3(): string {
    return MAGIX_CONTEXT_V3_TEXT;
  }

  @Public()
  @Get('v2')
  @Header('Content-Type', 'application/ld+json')
  @Header('Access-Control-Allow-Origin', '*')
  @Header('Cache-Control', 'public, max-age=31536000, immutable')
  magixContext(): string {
    return MAGIX_CONTEXT_V2_TEXT;
  }

  /** The first context, for readers of credentials issued before issue 10 (they name another URL). */
  @Public()
  @Get('v1')
  @Header('Content-Type', 'application/ld+json')
  @Header('Access-Control-Allow-Origin', '*')
  @Header('Cache-Control', 'public, max-age=86400, immutable')
  legacyMagixContext() {
    return LEGACY_MAGIX_CONTEXT;
  }
}
