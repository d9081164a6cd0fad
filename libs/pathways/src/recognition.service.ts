import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AccessService, Permission, Principal, Role } from '@magix/auth';
import { audit, AuditAction } from '@magix/audit';
import { badInput, Clock, notFound, Page, PageArgs, pageOf } from '@magix/common';
import { CheckName, CheckOutcome, isRecord, subjectIdsOf, Verdict, VerificationReport } from '@magix/credentials';
import { VerificationService } from '@magix/issuance';
import { HolderKey, Learner } from '@magix/learners';
import { DecideRecognitionInput } from './dto/recognition.inputs';
import { Recognition, RecognitionStatus } from './pathway.entities';
import { PathwayRulesService } from './pathway-rules.service';
import { achievementIdsOf, credentialKeyOf, holdingOf, LearnerIdentity, namesWallet, RecognitionHolding } from './recognition-ownership';
import {
  alreadyDecided,
  credentialAlreadySubmitted,
  moduleAlreadyHeld,
  moduleAlreadyRecognised,
  notYourCredential,
  overrideNotAllowed,
  overrideWithoutReason,
  nothingToOverride,
  recognitionCapExceeded,
  recognitionNeedsOverride,
  recognitionNotVerified,
} from './pathways.errors';

const MAX_SUBMISSION_BYTES = 256 * 1024;
// Outside credentials are not from our consortium: trust is the staff's decision, the rest must hold.
const MUST_PASS = [CheckName.DATA_MODEL, CheckName.PROOF, CheckName.VALIDITY_PERIOD];

function titleOf(credential: Record<string, unknown> | null): string {
  const subject = credential && isRecord(credential.credentialSubject) ? credential.credentialSubject : null;
  const achievement = subject && isRecord(subject.achievement) ? subject.achievement : null;
  const name = achievement?.name ?? credential?.name;
  return typeof name === 'string' ? name.slice(0, 300) : 'Untitled credential';
}

/** Recognition of prior learning: submitted and verified by the learner, decided by staff. */
@Injectable()
export class RecognitionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly verification: VerificationService,
    private readonly rules: PathwayRulesService,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  /**
   * Hands in a credential earned elsewhere, bare or inside a presentation. It must be the learner's
   * own (see `ownCredential`), never handed in before by anyone, and not for a module the learner
   * holds or has a request for; otherwise it is refused and nothing is written.
   */
  async submit(credential: unknown, principal: Principal, moduleCode?: string): Promise<Recognition> {
    const text = typeof credential === 'string' ? credential : JSON.stringify(credential);
    if (Buffer.byteLength(text) > MAX_SUBMISSION_BYTES) throw badInput('credential', 'The credential is larger than 256 KB');
    const learnerId = principal.learnerId!;
    const own = await this.ownCredential(credential, learnerId);
    const { report } = own;
    const proofVerified = report.checks.some((c) => c.name === CheckName.PROOF && c.outcome === CheckOutcome.PASSED);
    const credentialKey = credentialKeyOf(report.credential, own.text, proofVerified);
    const module = await this.moduleOf(report.credential, moduleCode);
    try {
      return await this.dataSource.transaction(async (manager) => {
        if (await manager.existsBy(Recognition, { credentialKey })) throw credentialAlreadySubmitted();
        if (module) await this.assertModuleOpen(manager, learnerId, module, moduleCode ? 'moduleCode' : 'credential');
        const issuer = report.credential && isRecord(report.credential.issuer) ? report.credential.issuer.name : null;
        const recognition = manager.create(Recognition, {
          learnerId,
          submittedCredential: own.text,
          verification: {
            verdict: report.verdict,
            securedWith: report.securedWith,
            checks: report.checks,
            ...(own.presentation ? { presentation: own.presentation } : {}),
          },
          verdict: report.verdict,
          title: titleOf(report.credential),
          issuerName: typeof issuer === 'string' ? issuer : null,
          status: RecognitionStatus.SUBMITTED,
          submittedAt: this.clock.now(),
          credentialKey,
          moduleCode: module,
          holding: own.holding,
        });
        await manager.save(recognition);
        await audit(manager, {
          action: AuditAction.RECOGNITION_SUBMITTED,
          actorUserId: principal.userId,
          entityType: 'recognition',
          entityId: recognition.id,
          details: { verdict: report.verdict, holding: own.holding, module },
        });
        return recognition;
      });
    } catch (error) {
      // A concurrent submission of the same credential or for the same module lost the race.
      const constraint = error instanceof QueryFailedError ? (error.driverError as { constraint?: string }).constraint : undefined;
      if (constraint === 'recognition_credential_once') throw credentialAlreadySubmitted();
      if (constraint === 'recognition_module_once' && module) throw moduleAlreadyRecognised(module);
      throw error;
    }
  }

  /**
   * The credential, verified, and how it is the learner's: its subject is the DID the platform holds
   * for them, or its OB identifier is their email; or it comes alone inside a presentation whose
   * proof, made for the challenge `<their learner id>` (any domain), is by a key that controls its
   * subject (the presentations' HOLDER check). A registered wallet DID is not proof by itself: it
   * is registered unproven, so its credentials come in a presentation the wallet signs.
   */
  private async ownCredential(
    input: unknown,
    learnerId: string,
  ): Promise<{ report: VerificationReport; text: string; holding: RecognitionHolding; presentation?: Record<string, unknown> }> {
    if (isRecord(input) && ([] as unknown[]).concat(input.type).includes('VerifiablePresentation')) {
      const presented = await this.verification.presentation(input, { challenge: learnerId });
      if (presented.credentials.length !== 1) throw badInput('credential', 'A presentation for recognition carries exactly one credential');
      const proof = presented.checks.find((c) => c.name === CheckName.PROOF);
      if (proof?.outcome !== CheckOutcome.PASSED)
        throw notYourCredential(`the presentation must be signed for the challenge ${learnerId} (${proof?.message ?? 'no proof'})`);
      const holder = presented.checks.find((c) => c.name === CheckName.HOLDER);
      if (holder?.outcome !== CheckOutcome.PASSED) throw notYourCredential(holder?.message ?? 'it names no subject');
      const dids = [
        ...presented.presentedBy,
        ...(presented.credentials[0].credential ? subjectIdsOf(presented.credentials[0].credential) : []),
      ];
      if (await this.anotherLearnersDid(learnerId, dids)) throw notYourCredential('it is another learner’s, presented by their key');
      const inner = ([] as unknown[]).concat(input.verifiableCredential)[0];
      return {
        report: presented.credentials[0],
        text: typeof inner === 'string' ? inner : JSON.stringify(inner),
        holding: RecognitionHolding.PRESENTATION,
        presentation: { presentedBy: presented.presentedBy, checks: presented.checks },
      };
    }
    const report = await this.verification.credential(input);
    if (!report.credential) throw notYourCredential('it is not a readable credential naming you as its subject');
    const identity = await this.identityOf(learnerId);
    const holding = holdingOf(report.credential, identity);
    // A subject that is another learner's DID is theirs, whatever email it also names.
    if (holding && (await this.anotherLearnersDid(learnerId, subjectIdsOf(report.credential))))
      throw notYourCredential('its subject is another learner’s DID');
    if (!holding) {
      throw notYourCredential(
        namesWallet(report.credential, identity)
          ? 'it names your wallet: hand it in as a presentation your wallet signs'
          : 'its subject is neither you (your DID) nor your email',
      );
    }
    return { report, text: typeof input === 'string' ? input : JSON.stringify(input), holding };
  }

  /** Whether any of the DIDs is another learner's (their platform key or their registered wallet). */
  private async anotherLearnersDid(learnerId: string, dids: string[]): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM learner WHERE id <> $1 AND wallet_did = ANY($2)
       UNION ALL SELECT 1 FROM holder_key WHERE learner_id <> $1 AND did = ANY($2) LIMIT 1`,
      [learnerId, dids],
    );
    return rows.length > 0;
  }

  private async identityOf(learnerId: string): Promise<LearnerIdentity> {
    const learner = await this.dataSource.getRepository(Learner).findOneByOrFail({ id: learnerId });
    const key = await this.dataSource.getRepository(HolderKey).findOneBy({ learnerId });
    return { platformDid: key?.did ?? null, walletDid: learner.walletDid, email: learner.email };
  }

  /** The MAGIX module the request is for: the one the credential's achievement names, or the one the request names. */
  private async moduleOf(credential: Record<string, unknown> | null, requested?: string): Promise<string | null> {
    let named: string | null = null;
    for (const id of credential ? achievementIdsOf(credential) : []) {
      named = (await this.verification.moduleNamed({ id }))?.code ?? null;
      if (named) break;
    }
    if (requested === undefined || requested === null) return named;
    if (requested.length > 64) throw badInput('moduleCode', 'A module code has at most 64 characters');
    const module = await this.verification.moduleNamed({ code: requested });
    if (!module) throw badInput('moduleCode', `No module ${requested}`);
    if (named && named !== module.code) throw badInput('moduleCode', `The credential is for ${named}`);
    return module.code;
  }

  /** The same achievement never counts twice: not for a module the learner holds, nor one already recognised or pending. */
  private async assertModuleOpen(manager: EntityManager, learnerId: string, code: string, field: string): Promise<void> {
    if (await this.holdsModule(manager, learnerId, code)) throw moduleAlreadyHeld(code, field);
    const pending = await manager.query<unknown[]>(
      "SELECT 1 FROM recognition WHERE learner_id = $1 AND module_code = $2 AND status <> 'REJECTED' LIMIT 1",
      [learnerId, code],
    );
    if (pending.length > 0) throw moduleAlreadyRecognised(code);
  }

  /** A valid (not revoked, suspended or expired) MAGIX credential for the module, as progress counts it. */
  private async holdsModule(manager: EntityManager, learnerId: string, code: string): Promise<boolean> {
    const held = await manager.query<unknown[]>(
      `SELECT 1 FROM credential c
         JOIN assessment_result r ON r.id = c.result_id
         JOIN enrolment e ON e.id = r.enrolment_id
         JOIN offering f ON f.id = e.offering_id
         JOIN module m ON m.id = f.module_id
        WHERE c.learner_id = $1 AND m.code = $2 AND c.kind = 'MODULE' AND c.revoked_at IS NULL AND c.suspended_at IS NULL
          AND (c.valid_until IS NULL OR c.valid_until > $3)
        LIMIT 1`,
      [learnerId, code, this.clock.now()],
    );
    return held.length > 0;
  }

  async list(principal: Principal, page: PageArgs, status?: RecognitionStatus): Promise<Page<Recognition>> {
    const query = this.dataSource
      .getRepository(Recognition)
      .createQueryBuilder('r')
      .orderBy('r.submittedAt', 'DESC')
      .addOrderBy('r.id')
      .skip(page.offset)
      .take(page.limit);
    if (status) query.andWhere('r.status = :status', { status });
    this.access.scope(query, 'r', principal, Permission.RECOGNITION_READ);
    return pageOf(await query.getManyAndCount(), page);
  }

  /**
   * The programme office, or the HEI the learner's degree rules name, decides; within the learner's
   * recognition cap, in a group their rules know. An INVALID verdict is approved only by the office's
   * recorded override; a failing signature, data model or validity period never.
   */
  async decide(input: DecideRecognitionInput, principal: Principal): Promise<Recognition> {
    if (input.overrideVerdict) {
      if (principal.role !== Role.ADMIN) throw overrideNotAllowed();
      if (!input.approve) throw badInput('input.overrideVerdict', 'Only an approval overrides a verdict');
      if (!input.overrideReason) throw overrideWithoutReason();
    }
    return this.dataSource.transaction(async (manager) => {
      await this.access.require({ principal, permission: Permission.RECOGNITION_DECIDE, ids: [input.id], manager, what: 'Recognition' });
      const recognition = await manager.findOne(Recognition, { where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!recognition) throw notFound('Recognition');
      if (recognition.status !== RecognitionStatus.SUBMITTED) throw alreadyDecided();
      const overridden = input.overrideVerdict === true;
      if (overridden && (recognition.verdict as Verdict) !== Verdict.INVALID) throw nothingToOverride(recognition.verdict);
      if (input.approve) {
        if (input.ectsGranted === undefined) throw badInput('input.ectsGranted', 'Say how many ECTS it counts for');
        const checks = (recognition.verification.checks ?? []) as Array<{ name: CheckName; outcome: CheckOutcome }>;
        const failing = checks.some((c) => MUST_PASS.includes(c.name) && c.outcome !== CheckOutcome.PASSED);
        if (failing || [Verdict.REVOKED, Verdict.SUSPENDED].includes(recognition.verdict as Verdict))
          throw recognitionNotVerified(recognition.verdict);
        if ((recognition.verdict as Verdict) === Verdict.INVALID && !overridden) throw recognitionNeedsOverride();
        // The learner may have earned the module since handing this in: it would count twice.
        if (recognition.moduleCode && (await this.holdsModule(manager, recognition.learnerId, recognition.moduleCode)))
          throw moduleAlreadyHeld(recognition.moduleCode, 'input.id');
        // Lock the learner's other recognitions so that two approvals cannot both fit under the cap.
        await manager.query('SELECT id FROM recognition WHERE learner_id = $1 FOR UPDATE', [recognition.learnerId]);
        const { version } = await this.rules.forLearner(manager, recognition.learnerId);
        const [{ granted }] = await manager.query<Array<{ granted: number }>>(
          "SELECT coalesce(sum(ects_granted), 0)::float AS granted FROM recognition WHERE learner_id = $1 AND status = 'APPROVED'",
          [recognition.learnerId],
        );
        if (granted + input.ectsGranted > version.rules.maxRecognitionEcts)
          throw recognitionCapExceeded(version.rules.maxRecognitionEcts, granted);
        if (input.groupName && !version.rules.electiveGroups.some((g) => g.name === input.groupName)) {
          throw badInput('input.groupName', `No elective group ${input.groupName} in the learner's rules`);
        }
      }
      await manager.update(
        Recognition,
        { id: recognition.id },
        {
          status: input.approve ? RecognitionStatus.APPROVED : RecognitionStatus.REJECTED,
          ectsGranted: input.approve ? input.ectsGranted! : null,
          groupName: input.approve ? (input.groupName ?? null) : null,
          decidedBy: principal.userId,
          decidedAt: this.clock.now(),
          decisionReason: input.reason,
          verdictOverridden: overridden,
          overrideReason: overridden ? input.overrideReason! : null,
        },
      );
      await audit(manager, {
        action: AuditAction.RECOGNITION_DECIDED,
        actorUserId: principal.userId,
        entityType: 'recognition',
        entityId: recognition.id,
        details: {
          approve: input.approve,
          ects: input.ectsGranted ?? null,
          group: input.groupName ?? null,
          reason: input.reason,
          verdict: recognition.verdict,
          ...(overridden ? { verdictOverridden: true, overrideReason: input.overrideReason } : {}),
        },
      });
      return manager.findOneByOrFail(Recognition, { id: recognition.id });
    });
  }
}
