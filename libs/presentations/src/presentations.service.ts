import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { AccessService, Permission, Principal } from '@magix/auth';
import { Clock } from '@magix/common';
import { audit, AuditAction } from '@magix/audit';
import { PresentationReport, signPresentation } from '@magix/credentials';
import { IssuedCredential, VerificationService } from '@magix/issuance';
import { HolderIdentityService, Learner } from '@magix/learners';
import { PresentCredentialsInput } from './dto/presentation.inputs';
import { PresentationChallenges } from './presentation-challenges';
import { PresentationRequest } from './presentation-request.entity';
import { challengeExpired, challengeUnknown, challengeUsed, domainMismatch, heldInWallet } from './presentations.errors';

const REQUEST_LIFETIME_MS = 60 * 60 * 1000;

/** Employers ask, learners present chosen credentials, anyone verifies. */
@Injectable()
export class PresentationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly holders: HolderIdentityService,
    private readonly verification: VerificationService,
    private readonly challenges: PresentationChallenges,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  async request(domain: string): Promise<PresentationRequest> {
    const repository = this.dataSource.getRepository(PresentationRequest);
    const request = repository.create({
      domain,
      challenge: randomBytes(24).toString('base64url'),
      expiresAt: new Date(this.clock.now().getTime() + REQUEST_LIFETIME_MS),
    });
    return repository.save(request);
  }

  /** Signs a presentation with the learner's platform-held key, for a request we issued. */
  async present(input: PresentCredentialsInput, principal: Principal): Promise<Record<string, unknown>> {
    const request = await this.dataSource.getRepository(PresentationRequest).findOneBy({ challenge: input.challenge });
    if (!request) throw challengeUnknown();
    if (request.expiresAt.getTime() < this.clock.now().getTime()) throw challengeExpired();
    if (request.usedAt) throw challengeUsed();
    if (request.domain !== input.domain) throw domainMismatch();
    await this.access.require({ principal, permission: Permission.CREDENTIAL_SHARE, ids: input.credentialIds, what: 'Credential' });
    const credentials = await this.dataSource.getRepository(IssuedCredential).findBy({ id: In(input.credentialIds) });
    const holder = await this.holders.platformKey(this.dataSource.manager, principal.learnerId!);
    const documents = credentials.map((c) => JSON.parse(c.json) as { credentialSubject?: { id?: string } });
    if (documents.some((d) => d.credentialSubject?.id !== holder.did)) throw heldInWallet();
    return signPresentation(documents, holder, { challenge: input.challenge, domain: input.domain });
  }

  /** Verifies against the verifier's challenge; one of our own requests must be unexpired and unused, and is then used up. */
  verify(presentation: unknown, challenge: string, domain?: string): Promise<PresentationReport> {
    return this.challenges.verifyOnce(challenge, domain, (forDomain) =>
      this.verification.presentation(presentation, { challenge, domain: forDomain }),
    );
  }

  async registerWallet(did: string, principal: Principal): Promise<Learner> {
    return this.dataSource.transaction(async (manager) => {
      await manager.update(Learner, { id: principal.learnerId! }, { walletDid: did });
      await audit(manager, {
        action: AuditAction.WALLET_REGISTERED,
        actorUserId: principal.userId,
        entityType: 'learner',
        entityId: principal.learnerId!,
        details: { did },
      });
      return manager.findOneByOrFail(Learner, { id: principal.learnerId! });
    });
  }
}
