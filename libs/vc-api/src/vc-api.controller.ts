import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { Response } from 'express';
import { CurrentUser, Principal, Public, Role, Roles } from '@magix/auth';
import { APP_CONFIG, AppConfig } from '@magix/config';
import { VC_JWT_MEDIA_TYPE } from '@magix/credentials';
import { CredentialsQueryService } from '@magix/issuance';
import { IssuerIdentityService } from '@magix/organisations';
import { CredentialIdPipe } from './credential-id.pipe';
import { openApiWithExamples } from './openapi-examples';
import { VcApiService } from './vc-api.service';

/**
 * W3C CCG Verifiable Credentials API. Verification answers 200 when verified and 422 (with the
 * same body) when not, so that standard clients and the W3C test suites read the verdict from
 * the status code.
 */
@Controller()
export class VcApiController {
  constructor(
    private readonly vcApi: VcApiService,
    private readonly credentials: CredentialsQueryService,
    private readonly issuers: IssuerIdentityService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('openapi.json')
  async openApi() {
    // One of this server's HEIs, so that the issue example works when pasted with its token.
    const issuer = (await this.issuers.registry()).find((entry) => entry.active && !entry.retiredAt);
    return openApiWithExamples(
      issuer ? { did: issuer.did, name: issuer.name, countryCode: issuer.countryCode } : null,
      this.config.publicUrl,
    );
  }

  @Get('credentials/:id')
  async credential(
    @Param('id', new CredentialIdPipe()) id: string,
    @Headers('accept') accept: string | undefined,
    @CurrentUser() user: Principal,
    @Res() response: Response,
  ): Promise<void> {
    // By the document's own id first (a submitted `id` is kept), then only if this user may read it.
    const credential = await this.credentials.one((await this.vcApi.findByDocumentId(id)).id, user);
    if (accept?.includes(VC_JWT_MEDIA_TYPE)) {
      response.type(VC_JWT_MEDIA_TYPE).send(await this.credentials.jwtOf(credential));
      return;
    }
    response.type('application/vc+ld+json').send(credential.json);
  }

  @Roles(Role.ISSUER)
  @Post('credentials/issue')
  @HttpCode(201)
  issue(@Body() body: unknown, @CurrentUser() user: Principal) {
    return this.vcApi.issue(body, user);
  }

  @Public()
  @Post('credentials/verify')
  async verifyCredential(@Body() body: unknown, @Res({ passthrough: true }) response: Response) {
    const result = await this.vcApi.verifyCredential(body);
    response.status(result.verified ? 200 : 422);
    return result;
  }

  @Public()
  @Post('presentations/verify')
  async verifyPresentation(@Body() body: unknown, @Res({ passthrough: true }) response: Response) {
    const result = await this.vcApi.verifyPresentation(body);
    response.status(result.verified ? 200 : 422);
    return result;
  }

  @Roles(Role.ISSUER)
  @Post('credentials/status')
  @HttpCode(200)
  updateStatus(@Body() body: unknown, @CurrentUser() user: Principal) {
    return this.vcApi.updateStatus(body, user);
  }
}
