import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import { degreeAdmission } from '@magix/admissions';
import { audit, AuditAction } from '@magix/audit';
import { degreeBadge, heiFactsOf, issuerLogo } from '@magix/badges';
import { APP_CONFIG, AppConfig } from '@magix/config';
import { buildDegreeCredential, magixContextUrl, signCredentialJointly } from '@magix/credentials';
import { Clock, DomainEvents, notFound } from '@magix/common';
import { CredentialKind, credentialUrn, CredentialStatusService, IssuedCredential, StatusListService } from '@magix/issuance';
import { fullName, HolderIdentityService, Learner } from '@magix/learners';
import { IssuerIdentityService, SigningIdentity } from '@magix/organisations';
import { Programme } from '@magix/programme';
import { DegreeAward, DegreeAwardSource, Notification } from './pathway.entities';
import { PathwayProgressService } from './pathway-progress.service';
import { noReviewPending, notAdmittedToDegree, notEligible } from './pathways.errors';

/**
 * The joint degree: issued once per learner and programme when eligible, signed by the
 * coordinating HEI and each co-awarding partner; flagged for review (never silently revoked)
 * when a module it stacks is revoked later.
 */
@Injectable()
export class DegreeService implements OnModuleInit {
  private readonly logger = new Logger('Degrees');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly progress: PathwayProgressService,
    private readonly identities: IssuerIdentityService,
    private readonly holders: HolderIdentityService,
    private readonly statusLists: StatusListService,
    private readonly status: CredentialStatusService,
    private readonly events: DomainEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.events.on('credential.revoked', (manager, { credential }) => this.flagDegreesStackedFrom(manager, credential));
    this.events.on('credential.issued', (manager, { credential }) => this.awardAutomatically(manager, credential));
  }

  /**
   * DEGREE_AUTO_ISSUE: a module credential that completes the pathway brings the degree, in the
   * same transaction (it commits with the result, or not at all) but in a savepoint of its own:
   * a degree that cannot be issued is logged and never undoes the result.
   */
  private async awardAutomatically(manager: EntityManager, credential: IssuedCredential): Promise<void> {
    if (!this.config.degreeAutoIssue || credential.kind !== CredentialKind.MODULE || !credential.learnerId) return;
    const learnerId = credential.learnerId;
    await manager
      .transaction((savepoint) => this.issueIfEligible(learnerId, savepoint))
      .catch((error: unknown) =>
        this.logger.warn(`Automatic degree not issued: ${error instanceof Error ? error.message : String(error)}`),
      );
  }

  /** In its own transaction, or in a savepoint of `within`'s. */
  async issue(learnerId: string, actorUserId: string | null, within?: EntityManager): Promise<DegreeAward> {
    return (within ?? this.dataSource.manager).transaction(async (manager) => {
      // One degree per learner: concurrent requests queue on the learner row.
      const learner = await manager.findOne(Learner, { where: { id: learnerId }, lock: { mode: 'pessimistic_write' } });
      if (!learner) throw notFound('Learner');
      const existing = await manager.findOneBy(DegreeAward, { learnerId, supersededAt: IsNull() });
      // A degree in force is returned as is; a revoked one may be re-issued, as a new credential.
      const revoked = existing && (await manager.existsBy(IssuedCredential, { id: existing.credentialId, revokedAt: Not(IsNull()) }));
      if (existing && !revoked) return existing;
      const programme = await manager.findOne(Programme, { where: {}, order: { startsOn: 'ASC' } });
      if (!programme?.coordinatorId) throw notFound('Programme coordinator');
      // Admission is the gate: whatever the learner has earned, only an admitted degree student graduates.
      if (!(await degreeAdmission(manager, learnerId, programme.id))) throw notAdmittedToDegree();
      const evaluated = await this.progress.evaluate(manager, learnerId);
      if (!evaluated.progress.eligible) throw notEligible(evaluated.progress.reasons);
      if (existing) await manager.update(DegreeAward, { id: existing.id }, { supersededAt: this.clock.now() });

      const countedIds = new Set(evaluated.progress.counted.filter((c) => c.source === 'MODULE').map((c) => c.id));
      const stacked = evaluated.earned.filter((e) => countedIds.has(e.credentialId));
      const coAwarderIds = [...new Set([programme.coordinatorId, ...stacked.map((s) => s.providerId)])];
      // One after another: they share the transaction's connection, which runs one query at a time.
      const identities: SigningIdentity[] = [];
      for (const id of coAwarderIds) identities.push(await this.identities.signingIdentity(manager, id));
      const [coordinator, ...partners] = identities;
      const status = await this.statusLists.allocate(manager, programme.coordinatorId);
      const id = randomUUID();
      const issuedAt = this.clock.now();
      const profile = (i: (typeof identities)[number]) => ({
        did: i.key.did,
        name: i.organisation.name,
        countryCode: i.organisation.countryCode,
        url: i.organisation.website ?? undefined,
        image: issuerLogo(heiFactsOf(i.organisation)).dataUri,
      });
      const rules = evaluated.progress;
      const unsigned = buildDegreeCredential({
        contextUrl: magixContextUrl(this.config.publicUrl),
        credentialId: credentialUrn(id),
        issuedAt,
        issuer: profile(coordinator),
        coAwarders: identities.map(profile),
        recipient: { id: await this.holders.subjectDid(manager, learner), name: fullName(learner) },
        programme: {
          id: `${this.config.publicUrl}/programmes/${encodeURIComponent(programme.code)}`,
          code: programme.code,
          title: programme.title,
          description: programme.description,
          translations: programme.translations,
          totalEcts: programme.totalEcts,
          eqfLevel: 7,
          image: degreeBadge({
            code: programme.code,
            title: programme.title,
            ectsCredits: programme.totalEcts,
            eqfLevel: 7,
            awarders: identities.map((i) => heiFactsOf(i.organisation)),
          }).dataUri,
        },
        creditsEarned: rules.countedEcts,
        criteria: `${rules.requiredEcts} ECTS, including every mandatory module, from at least ${rules.partners.required} partner universities, within ${rules.timeLimit.months} months.`,
        stackedFrom: stacked.map((s) => ({ id: (JSON.parse(s.json) as { id: string }).id, json: s.json })),
        credentialStatus: status.entry,
      });
      const signed = await signCredentialJointly(
        unsigned,
        coordinator.key,
        partners.map((p) => ({ profile: profile(p), key: p.key })),
        issuedAt,
      );
      await manager.insert(IssuedCredential, {
        id,
        kind: CredentialKind.DEGREE,
        resultId: null,
        learnerId,
        issuerOrganisationId: programme.coordinatorId,
        issuerDid: coordinator.key.did,
        json: JSON.stringify(signed),
        issuedAt,
        validUntil: null,
        statusSetId: status.setId,
        statusIndex: status.index,
      });
      const award = manager.create(DegreeAward, {
        learnerId,
        programmeId: programme.id,
        pathwayRulesId: evaluated.rulesVersionId,
        credentialId: id,
        awardedAt: issuedAt,
        reviewRequired: false,
        supersededAt: null,
        replacesCredentialId: existing?.credentialId ?? null,
      });
      await manager.insert(DegreeAward, award);
      await manager.insert(
        DegreeAwardSource,
        stacked.map((s) => ({ degreeAwardId: award.id, credentialId: s.credentialId })),
      );
      await audit(manager, {
        action: AuditAction.DEGREE_AWARDED,
        actorUserId,
        entityType: 'credential',
        entityId: id,
        details: {
          learnerId,
          coAwarders: identities.map((i) => i.organisation.shortName),
          stacked: stacked.length,
          replaces: existing?.credentialId ?? null,
        },
      });
      return award;
    });
  }

  toReview(): Promise<DegreeAward[]> {
    return this.dataSource.getRepository(DegreeAward).find({ where: { reviewRequired: true }, order: { awardedAt: 'ASC' } });
  }

  /** For automatic awarding: issue when admitted and eligible, otherwise do nothing (issue checks both again). */
  async issueIfEligible(learnerId: string, manager: EntityManager = this.dataSource.manager): Promise<DegreeAward | null> {
    const programme = await manager.findOne(Programme, { where: {}, order: { startsOn: 'ASC' } });
    if (!programme || !(await degreeAdmission(manager, learnerId, programme.id))) return null;
    const evaluated = await this.progress.evaluate(manager, learnerId).catch(() => null);
    if (!evaluated?.progress.eligible) return null;
    return this.issue(learnerId, null, manager);
  }

  private async flagDegreesStackedFrom(manager: EntityManager, credential: IssuedCredential): Promise<void> {
    const sources = await manager.findBy(DegreeAwardSource, { credentialId: credential.id });
    if (sources.length === 0) return;
    const awards = await manager.findBy(DegreeAward, { id: In(sources.map((s) => s.degreeAwardId)), supersededAt: IsNull() });
    const reason = `Module credential ${credential.id} it was stacked from was revoked (${credential.revocationReason ?? 'no reason given'})`;
    for (const award of awards) {
      await manager.update(DegreeAward, { id: award.id }, { reviewRequired: true, reviewReason: reason });
      await manager.insert(Notification, {
        recipientRole: 'ADMIN',
        recipientId: null,
        subject: 'A degree needs review',
        body: `${reason}. Degree credential ${award.credentialId} stays valid until you decide.`,
      });
      await audit(manager, {
        action: AuditAction.DEGREE_FLAGGED,
        actorUserId: null,
        entityType: 'credential',
        entityId: award.credentialId,
        details: { reason },
      });
    }
  }

  /** The programme office decides: keep the degree, or revoke it. */
  async resolveReview(degreeAwardId: string, revoke: boolean, reason: string, actorUserId: string): Promise<DegreeAward> {
    return this.dataSource.transaction(async (manager) => {
      const award = await manager.findOne(DegreeAward, { where: { id: degreeAwardId }, lock: { mode: 'pessimistic_write' } });
      if (!award) throw notFound('Degree');
      if (!award.reviewRequired) throw noReviewPending();
      if (revoke) await this.status.revokeAsProgrammeOffice(manager, award.credentialId, reason, actorUserId);
      await manager.update(
        DegreeAward,
        { id: award.id },
        { reviewRequired: false, reviewReason: `${revoke ? 'Revoked' : 'Kept'}: ${reason}` },
      );
      await audit(manager, {
        action: AuditAction.DEGREE_REVIEWED,
        actorUserId,
        entityType: 'credential',
        entityId: award.credentialId,
        details: { revoke, reason },
      });
      return manager.findOneByOrFail(DegreeAward, { id: award.id });
    });
  }
}
