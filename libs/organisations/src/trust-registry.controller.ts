import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '@magix/auth';
import { Clock } from '@magix/common';
import { IssuerIdentityService } from './issuer-identity.service';

/** The consortium's trust registry, published for verifiers that work without us. */
@Controller()
export class TrustRegistryController {
  constructor(
    private readonly identities: IssuerIdentityService,
    private readonly clock: Clock,
  ) {}

  @Public()
  @Get(['.well-known/magix-trust-registry.json', 'trust-registry'])
  @Header('Cache-Control', 'public, max-age=300')
  async registry() {
    const entries = await this.identities.registry();
    return {
      name: 'AI4Gov-X / MAGIX consortium trust registry',
      updated: this.clock.now().toISOString(),
      issuers: entries.map((entry) => ({
        did: entry.did,
        organisation: { name: entry.name, shortName: entry.organisationShortName, countryCode: entry.countryCode },
        active: entry.active,
        validFrom: entry.validFrom,
        validUntil: entry.retiredAt,
        compromisedFrom: entry.compromisedFrom,
      })),
    };
  }
}
