import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { audit, AuditAction } from '@magix/audit';
import { LearningModule } from '@magix/catalogue';
import { badInput, DomainEvents, notFound } from '@magix/common';
import { Organisation, OrganisationKind } from '@magix/organisations';
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
export class PathwayRulesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.events.on('edition.created', (manager, { editionId, actorUserId }) => this.carryForward(manager, editionId, actorUserId));
  }

  /**
   * A new edition starts with the rules of the latest edition before it (their last version), so
   * that its learners have rules from the first day; the office changes them with setPathwayRules.
   */
  private async carryForward(manager: EntityManager, editionId: string, actorUserId: string): Promise<void> {
    const [previous] = await manager.query<Array<{ rules: PathwayRules; editionId: string }>>(
      `SELECT v.rules, v.edition_id AS "editionId" FROM pathway_rules v JOIN edition e ON e.id = v.edition_id
        WHERE e.starts_on < (SELECT starts_on FROM edition WHERE id = $1)
        ORDER BY e.starts_on DESC, v.version DESC LIMIT 1`,
      [editionId],
    );
    if (!previous) return;
    const version = manager.create(PathwayRulesVersion, { editionId, version: 1, rules: previous.rules, createdBy: actorUserId });
    await manager.insert(PathwayRulesVersion, version);
    await audit(manager, {
      action: AuditAction.PATHWAY_RULES_SET,
      actorUserId,
      entityType: 'edition',
      entityId: editionId,
      details: { version: 1, carriedForwardFrom: previous.editionId },
    });
  }

  async catalogue(manager: EntityManager = this.dataSource.manager): Promise<Map<string, CatalogueModule>> {
    const modules = await manager.find(LearningModule);
    return new Map(
      modules.map((m) => [
        m.code,
        { code: m.code, ectsCredits: m.ectsCredits, eqfLevel: m.eqfLevel, providerId: m.providerId, retired: m.retiredAt !== null },
      ]),
    );
  }

  async set(editionId: string, rules: PathwayRules, actorUserId: string): Promise<PathwayRulesVersion> {
    return this.dataSource.transaction(async (manager) => {
      const edition = await manager.findOne(Edition, { where: { id: editionId }, lock: { mode: 'pessimistic_write' } });
      if (!edition) throw notFound('Edition');
      const problems = pathwayRuleProblems(rules, await this.catalogue(manager));
      if (problems.length > 0) throw contradictoryRules(problems);
      await this.assertDecidersAreHeis(manager, rules.recognitionDeciderIds ?? []);
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

  private async assertDecidersAreHeis(manager: EntityManager, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const heis = await manager.findBy(Organisation, { id: In(ids), kind: OrganisationKind.HEI, consortiumMember: true });
    const unknown = ids.filter((id) => !heis.some((h) => h.id === id));
    if (unknown.length > 0) throw badInput('input.rules.recognitionDeciderIds', `Not consortium HEIs: ${unknown.join(', ')}`);
  }

  latest(manager: EntityManager, editionId: string): Promise<PathwayRulesVersion | null> {
    return manager.findOne(PathwayRulesVersion, { where: { editionId }, order: { version: 'DESC' } });
  }

  async current(editionId: string): Promise<PathwayRulesVersion> {
    const latest = await this.latest(this.dataSource.manager, editionId);
    if (!latest) throw noPathwayRules();
    return latest;
  }

  /** A learner keeps the rules of the edition they started in: that of their first enrolment, else the latest. */
  async forLearner(manager: EntityManager, learnerId: string): Promise<LearnerRules> {
    // One definition, in SQL (migration 1764921600000), shared with the access rules.
    const [{ editionId }] = await manager.query<Array<{ editionId: string | null }>>('SELECT learner_rules_edition($1) AS "editionId"', [
      learnerId,
    ]);
    if (!editionId) throw noPathwayRules();
    const version = await this.latest(manager, editionId);
    if (!version) throw noPathwayRules();
    return { version, editionId };
  }
}
