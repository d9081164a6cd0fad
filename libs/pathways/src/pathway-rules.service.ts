import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { audit, AuditAction } from '@magix/audit';
import { LearningModule } from '@magix/catalogue';
import { notFound } from '@magix/common';
import { Edition } from '@magix/programme';
import { CatalogueModule, PathwayRules, pathwayRuleProblems } from './domain/pathway-rules';
import { PathwayRulesVersion } from './pathway.entities';
import { contradictoryRules, noPathwayRules } from './pathways.errors';

export interface LearnerRules {
  version: PathwayRulesVersion;
  editionId: string;
}

/** Degree rules per edition, versioned: each change is a new version; the latest applies. */
@Injectable()
export class PathwayRulesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async catalogue(manager: EntityManager = this.dataSource.manager): Promise<Map<string, CatalogueModule>> {
    const modules = await manager.find(LearningModule);
    return new Map(
      modules.map((m) => [m.code, { code: m.code, ectsCredits: m.ectsCredits, eqfLevel: m.eqfLevel, providerId: m.providerId }]),
    );
  }

  async set(editionId: string, rules: PathwayRules, actorUserId: string): Promise<PathwayRulesVersion> {
    return this.dataSource.transaction(async (manager) => {
      const edition = await manager.findOne(Edition, { where: { id: editionId }, lock: { mode: 'pessimistic_write' } });
      if (!edition) throw notFound('Edition');
      const problems = pathwayRuleProblems(rules, await this.catalogue(manager));
      if (problems.length > 0) throw contradictoryRules(problems);
      const latest = await this.latest(manager, editionId);
      const version = manager.create(PathwayRulesVersion, {
        editionId,
        version: (latest?.version ?? 0) + 1,
        rules: { ...rules },
        createdBy: actorUserId,
      });
      await manager.insert(PathwayRulesVersion, version);
      await audit(manager, {
        action: AuditAction.PATHWAY_RULES_SET,
        actorUserId,
        entityType: 'edition',
        entityId: editionId,
        details: { version: version.version },
      });
      return version;
    });
  }

  latest(manager: EntityManager, editionId: string): Promise<PathwayRulesVersion | null> {
    return manager.findOne(PathwayRulesVersion, { where: { editionId }, order: { version: 'DESC' } });
  }

  async current(editionId: string): Promise<PathwayRulesVersion> {
    const latest = await this.latest(this.dataSource.manager, editionId);
    if (!latest) throw noPathwayRules();
    return latest;
  }

  /** A learner keeps the rules of the edition they started in: that of their first enrolment. */
  async forLearner(manager: EntityManager, learnerId: string): Promise<LearnerRules> {
    const [first] = await manager.query<Array<{ edition_id: string }>>(
      `SELECT o.edition_id FROM enrolment e JOIN offering o ON o.id = e.offering_id
        WHERE e.learner_id = $1 ORDER BY o.starts_on, e.enrolled_at LIMIT 1`,
      [learnerId],
    );
    const editionId = first?.edition_id ?? (await manager.findOne(Edition, { where: {}, order: { startsOn: 'DESC' } }))?.id;
    if (!editionId) throw noPathwayRules();
    const version = await this.latest(manager, editionId);
    if (!version) throw noPathwayRules();
    return { version, editionId };
  }
}
