import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In } from 'typeorm';
import { AccessService, Permission, Principal } from '@magix/auth';
import { definedOnly, notFound, Page, PageArgs, pageOf } from '@magix/common';
import { Organisation, OrganisationKind } from '@magix/organisations';
import { Edition } from '@magix/programme';
import { LearningModule, ModulePrerequisite, ModuleVersion, Offering } from './catalogue.entities';
import {
  moduleCodeTaken,
  moduleRetired,
  offeringCodeTaken,
  offeringOutsideEdition,
  providerNotIssuingHei,
  unknownPrerequisites,
} from './catalogue.errors';
import { normalizedTranslations } from './translations/module-translation';
import { CreateModuleInput, CreateOfferingInput, ModuleFilter, OfferingFilter } from './dto/catalogue.inputs';

@Injectable()
export class CatalogueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async listModules(filter: ModuleFilter, page: PageArgs): Promise<Page<LearningModule>> {
    const query = this.dataSource
      .getRepository(LearningModule)
      .createQueryBuilder('m')
      .orderBy('m.code')
      .skip(page.offset)
      .take(page.limit);
    if (!filter.includeRetired) query.andWhere('m.retiredAt IS NULL');
    if (filter.providerId) query.andWhere('m.providerId = :providerId', filter);
    if (filter.eqfLevel) query.andWhere('m.eqfLevel = :eqfLevel', filter);
    if (filter.participationForm) query.andWhere('m.participationForm = :participationForm', filter);
    if (filter.language) query.andWhere('m.language = :language', filter);
    if (filter.search) {
      const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere(new Brackets((q) => q.where('m.code ILIKE :pattern', { pattern }).orWhere('m.title ILIKE :pattern', { pattern })));
    }
    return pageOf(await query.getManyAndCount(), page);
  }

  async moduleByCode(code: string): Promise<LearningModule> {
    const module = await this.dataSource.getRepository(LearningModule).findOneBy({ code });
    if (!module) throw notFound(`Module ${code}`);
    return module;
  }

  async listOfferings(filter: OfferingFilter, page: PageArgs): Promise<Page<Offering>> {
    const found = await this.dataSource.getRepository(Offering).findAndCount({
      where: definedOnly({ moduleId: filter.moduleId, editionId: filter.editionId }),
      order: { startsOn: 'ASC', code: 'ASC' },
      skip: page.offset,
      take: page.limit,
    });
    return pageOf(found, page);
  }

  async createModule(input: CreateModuleInput, principal: Principal): Promise<LearningModule> {
    const { prerequisiteCodes, translations: given, ...fields } = input;
    const translations = normalizedTranslations(given ?? [], fields.learningOutcomes.length, 'input.translations');
    return this.dataSource.transaction(async (manager) => {
      const ids = [input.providerId];
      await this.access.require({ principal, permission: Permission.ORGANISATION_ACT, ids, manager, what: 'Organisation' });
      const provider = await manager.findOneBy(Organisation, { id: input.providerId });
      if (!provider || provider.kind !== OrganisationKind.HEI || !provider.consortiumMember) throw providerNotIssuingHei();
      if (await manager.existsBy(LearningModule, { code: input.code })) throw moduleCodeTaken(input.code);
      const prerequisites = await manager.findBy(LearningModule, { code: In(prerequisiteCodes) });
      const missing = prerequisiteCodes.filter((code) => !prerequisites.some((p) => p.code === code));
      if (missing.length > 0) throw unknownPrerequisites(missing);
      const module = manager.create(LearningModule, { ...fields, translations, version: 1, retiredAt: null, retiredReason: null });
      await manager.insert(LearningModule, module);
      // Version 1 is written with the row (migration 1765526400000); it records who wrote it.
      await manager.update(ModuleVersion, { moduleId: module.id, version: 1 }, { createdBy: principal.userId });
      if (prerequisites.length > 0) {
        await manager.insert(
          ModulePrerequisite,
          prerequisites.map((p) => ({ moduleId: module.id, prerequisiteId: p.id })),
        );
      }
      return module;
    });
  }

  async createOffering(input: CreateOfferingInput, principal: Principal): Promise<Offering> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.require({ principal, permission: Permission.MODULE_MANAGE, ids: [input.moduleId], manager, what: 'Module' });
      const module = await manager.findOne(LearningModule, { where: { id: input.moduleId }, lock: { mode: 'pessimistic_read' } });
      if (!module) throw notFound('Module');
      if (module.retiredAt) throw moduleRetired(module.code);
      const edition = await manager.findOneBy(Edition, { id: input.editionId });
      if (!edition) throw notFound('Edition');
      if (input.endsOn < input.startsOn || input.startsOn < edition.startsOn || input.endsOn > edition.endsOn)
        throw offeringOutsideEdition();
      if (await manager.existsBy(Offering, { code: input.code })) throw offeringCodeTaken(input.code);
      // The offering teaches the version current now; later versions do not change it.
      const { id: moduleVersionId } = await manager.findOneByOrFail(ModuleVersion, { moduleId: module.id, version: module.version });
      const offering = manager.create(Offering, { ...input, moduleVersionId });
      await manager.insert(Offering, offering);
      // Read back: the database fills what the input left to its defaults (max_attempts).
      return manager.findOneByOrFail(Offering, { id: offering.id });
    });
  }
}
