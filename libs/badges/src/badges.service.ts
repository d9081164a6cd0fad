import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { LearningModule } from '@magix/catalogue';
import { notFound } from '@magix/common';
import { Organisation, OrganisationKind } from '@magix/organisations';
import { HeiFacts } from './hei';
import { issuerLogo } from './issuer-logo';
import { moduleBadge, ModuleBadgeFacts } from './module-badge';
import { BadgeImage } from './render';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The facts a HEI's images show, from its organisation record. */
export function heiFactsOf(organisation: Pick<Organisation, 'name' | 'shortName' | 'countryCode'>): HeiFacts {
  return { name: organisation.name, shortName: organisation.shortName, countryCode: organisation.countryCode };
}

/** The facts a module's badge shows, from its catalogue entry and its provider. */
export function moduleBadgeFactsOf(
  module: Pick<LearningModule, 'code' | 'title' | 'ectsCredits' | 'eqfLevel'>,
  provider: Pick<Organisation, 'name' | 'shortName' | 'countryCode'>,
): ModuleBadgeFacts {
  return {
    code: module.code,
    title: module.title,
    ectsCredits: module.ectsCredits,
    eqfLevel: module.eqfLevel,
    provider: heiFactsOf(provider),
  };
}

/** Reads modules and HEIs (read only) and draws their images (drawing memoises what it drew). */
@Injectable()
export class BadgesService {
  constructor(
    @InjectRepository(LearningModule) private readonly modules: Repository<LearningModule>,
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
  ) {}

  async moduleBadgeByCode(code: string): Promise<BadgeImage> {
    const module = await this.modules.findOneBy({ code });
    if (!module) throw notFound(`Module ${code}`);
    const provider = await this.organisations.findOneByOrFail({ id: module.providerId });
    return moduleBadge(moduleBadgeFactsOf(module, provider));
  }

  /** Only HEIs issue credentials, so only they have a logo here. */
  async issuerLogoById(organisationId: string): Promise<BadgeImage> {
    const organisation = UUID.test(organisationId) ? await this.organisations.findOneBy({ id: organisationId }) : null;
    if (!organisation || organisation.kind !== OrganisationKind.HEI) throw notFound(`Issuer ${organisationId}`);
    return issuerLogo(heiFactsOf(organisation));
  }
}
