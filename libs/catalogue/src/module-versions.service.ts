import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { audit, AuditAction } from '@magix/audit';
import { AccessService, Permission, Principal } from '@magix/auth';
import { Clock, notFound } from '@magix/common';
import { LearningModule, ModuleVersion, Offering } from './catalogue.entities';
import { moduleRetired } from './catalogue.errors';
import { RetireModuleInput, UpdateModuleInput } from './dto/module-version.inputs';
import { changedFields, descriptionOf } from './module-changes';
import { normalizedTranslations } from './translations/module-translation';

/**
 * The module as an offering teaches it: its identity (id, code, provider) with the descriptive
 * fields of the version the offering pinned. What results and credentials of that offering use.
 */
export async function moduleAsOffered(
  manager: EntityManager,
  offering: Pick<Offering, 'moduleId' | 'moduleVersionId'>,
): Promise<LearningModule> {
  const module = await manager.findOneByOrFail(LearningModule, { id: offering.moduleId });
  const pinned = await manager.findOneByOrFail(ModuleVersion, { id: offering.moduleVersionId, moduleId: offering.moduleId });
  return Object.assign(module, descriptionOf(pinned), { version: pinned.version });
}

/** Curriculum changes: a new version per update, retirement; both by the providing HEI or the office. */
@Injectable()
export class ModuleVersionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  async update(input: UpdateModuleInput, principal: Principal): Promise<LearningModule> {
    return this.dataSource.transaction(async (manager) => {
      const module = await this.lockManaged(manager, input.moduleId, principal);
      if (module.retiredAt) throw moduleRetired(module.code);
      // Translations left out are kept, so they must still match the outcomes (new ones included).
      const outcomeCount = (input.changes.learningOutcomes ?? module.learningOutcomes).length;
      const given = input.changes.translations;
      const translations = normalizedTranslations(given ?? module.translations, outcomeCount, 'input.changes.translations');
      const changed = changedFields(module, { ...input.changes, translations: given ? translations : undefined });
      if (Object.keys(changed).length === 0) return module;
      const version = module.version + 1;
      await manager.insert(ModuleVersion, {
        ...descriptionOf({ ...module, ...changed }),
        moduleId: module.id,
        version,
        reason: input.reason,
        createdBy: principal.userId,
      });
      await manager.update(LearningModule, { id: module.id }, { ...changed, version });
      await audit(manager, {
        action: AuditAction.MODULE_UPDATED,
        actorUserId: principal.userId,
        entityType: 'module',
        entityId: module.id,
        details: { code: module.code, version, fields: Object.keys(changed), reason: input.reason },
      });
      return manager.findOneByOrFail(LearningModule, { id: module.id });
    });
  }

  /** Retiring twice keeps the first retirement (its date and reason) and writes nothing. */
  async retire(input: RetireModuleInput, principal: Principal): Promise<LearningModule> {
    return this.dataSource.transaction(async (manager) => {
      const module = await this.lockManaged(manager, input.moduleId, principal);
      if (module.retiredAt) return module;
      await manager.update(LearningModule, { id: module.id }, { retiredAt: this.clock.now(), retiredReason: input.reason });
      await audit(manager, {
        action: AuditAction.MODULE_RETIRED,
        actorUserId: principal.userId,
        entityType: 'module',
        entityId: module.id,
        details: { code: module.code, version: module.version, reason: input.reason },
      });
      return manager.findOneByOrFail(LearningModule, { id: module.id });
    });
  }

  /** Another HEI's module answers as if it did not exist; the lock orders concurrent changes. */
  private async lockManaged(manager: EntityManager, moduleId: string, principal: Principal): Promise<LearningModule> {
    await this.access.require({ principal, permission: Permission.MODULE_MANAGE, ids: [moduleId], manager, what: 'Module' });
    const module = await manager.findOne(LearningModule, { where: { id: moduleId }, lock: { mode: 'pessimistic_write' } });
    if (!module) throw notFound('Module');
    return module;
  }
}
