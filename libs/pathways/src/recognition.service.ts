import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService, Permission, Principal, Role } from '@magix/auth';
import { audit, AuditAction } from '@magix/audit';
import { badInput, notFound, Page, PageArgs, pageOf } from '@magix/common';
import { CheckName, CheckOutcome, isRecord, Verdict } from '@magix/credentials';
import { VerificationService } from '@magix/issuance';
import { DecideRecognitionInput } from './dto/recognition.inputs';
import { Recognition, RecognitionStatus } from './pathway.entities';
import { PathwayRulesService } from './pathway-rules.service';
import {
  alreadyDecided,
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
  ) {}

  async submit(credential: unknown, principal: Principal): Promise<Recognition> {
    const text = typeof credential === 'string' ? credential : JSON.stringify(credential);
    if (Buffer.byteLength(text) > MAX_SUBMISSION_BYTES) throw badInput('credential', 'The credential is larger than 256 KB');
    const report = await this.verification.credential(credential);
    return this.dataSource.transaction(async (manager) => {
      const issuer = report.credential && isRecord(report.credential.issuer) ? report.credential.issuer.name : null;
      const recognition = manager.create(Recognition, {
        learnerId: principal.learnerId!,
        submittedCredential: text,
        verification: { verdict: report.verdict, securedWith: report.securedWith, checks: report.checks },
        verdict: report.verdict,
        title: titleOf(report.credential),
        issuerName: typeof issuer === 'string' ? issuer : null,
        status: RecognitionStatus.SUBMITTED,
        submittedAt: new Date(),
      });
      await manager.save(recognition);
      await audit(manager, {
        action: AuditAction.RECOGNITION_SUBMITTED,
        actorUserId: principal.userId,
        entityType: 'recognition',
        entityId: recognition.id,
        details: { verdict: report.verdict },
      });
      return recognition;
    });
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
          decidedAt: new Date(),
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
