import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, In, IsNull } from 'typeorm';
import { AuditEntry } from '@magix/audit';
import { AccessService, Permission, Principal } from '@magix/auth';
import { badInput, Clock, forbidden, notFound } from '@magix/common';
import { APP_CONFIG, AppConfig } from '@magix/config';
import { IssuedCredential } from '@magix/issuance';
import { GradingScale } from '@magix/results';
import { GradeScale } from './credential-facts';
import { ShareLink, ShareLinkState, shareLinkState } from './share-link.entity';
import { shareLinkExpired, shareLinkNotFound, shareLinkRevoked } from './sharing.errors';

/** 24 random bytes: 192 bits, 32 base64url characters. */
const TOKEN_BYTES = 24;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{22,64}$/;

// Written straight to the audit log: the shared AuditAction enum belongs to libs/audit.
enum SharingAuditAction {
  SHARE_LINK_CREATED = 'SHARE_LINK_CREATED',
  SHARE_LINK_REVOKED = 'SHARE_LINK_REVOKED',
}

export const newShareToken = () => randomBytes(TOKEN_BYTES).toString('base64url');

export interface SharedCredential {
  link: ShareLink;
  credential: IssuedCredential;
}

/** Learners share their own credentials; anyone holding an open link reads that one credential. */
@Injectable()
export class ShareLinksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  urlOf(link: Pick<ShareLink, 'token'>): string {
    return `${this.config.publicUrl}/c/${link.token}`;
  }

  async create(principal: Principal, credentialId: string, expiresAt: Date | null, now = this.clock.now()): Promise<ShareLink> {
    const learnerId = this.learnerOf(principal);
    if (expiresAt && expiresAt.getTime() <= now.getTime()) throw badInput('expiresAt', 'expiresAt must be in the future');
    return this.dataSource.transaction(async (manager) => {
      // Someone else's credential answers exactly as one that does not exist: ids cannot be probed.
      const ids = [credentialId];
      await this.access.require({ principal, permission: Permission.CREDENTIAL_SHARE, ids, manager, what: 'Credential' });
      if (!(await manager.existsBy(IssuedCredential, { id: credentialId }))) throw notFound('Credential');
      const link = await manager.save(manager.create(ShareLink, { token: newShareToken(), credentialId, learnerId, expiresAt }));
      await manager.insert(AuditEntry, {
        action: SharingAuditAction.SHARE_LINK_CREATED,
        actorUserId: principal.userId,
        entityType: 'share_link',
        entityId: link.id,
        details: { credentialId, ...(expiresAt ? { expiresAt: expiresAt.toISOString() } : {}) },
      });
      return link;
    });
  }

  async revoke(principal: Principal, id: string): Promise<ShareLink> {
    this.learnerOf(principal);
    return this.dataSource.transaction(async (manager) => {
      await this.access.require({ principal, permission: Permission.SHARE_LINK_MANAGE, ids: [id], manager, what: 'Share link' });
      const link = await manager.findOne(ShareLink, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!link) throw notFound('Share link');
      if (link.revokedAt) return link; // Revoking twice is harmless and changes nothing.
      link.revokedAt = this.clock.now();
      await manager.save(link);
      await manager.insert(AuditEntry, {
        action: SharingAuditAction.SHARE_LINK_REVOKED,
        actorUserId: principal.userId,
        entityType: 'share_link',
        entityId: link.id,
        details: { credentialId: link.credentialId },
      });
      return link;
    });
  }

  async mine(principal: Principal, credentialIds?: string[]): Promise<ShareLink[]> {
    const learnerId = this.learnerOf(principal);
    return this.dataSource.getRepository(ShareLink).find({
      where: credentialIds ? { learnerId, credentialId: In(credentialIds) } : { learnerId },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
  }

  /**
   * A standing link to the demo credential, printed at start so a newcomer can click straight to a
   * verdict. Reused across restarts (one open link per demo credential), never for real data.
   */
  async demoLink(credential: Pick<IssuedCredential, 'id' | 'learnerId'>): Promise<ShareLink | null> {
    if (!credential.learnerId) return null;
    const repository = this.dataSource.getRepository(ShareLink);
    const existing = await repository.findOne({
      where: { credentialId: credential.id, revokedAt: IsNull(), expiresAt: IsNull() },
      order: { createdAt: 'ASC' },
    });
    return (
      existing ??
      repository.save(
        repository.create({ token: newShareToken(), credentialId: credential.id, learnerId: credential.learnerId, expiresAt: null }),
      )
    );
  }

  /** The credential behind an open link; a typed 404 or 410 otherwise. */
  async open(token: string, now = this.clock.now()): Promise<SharedCredential> {
    if (!TOKEN_SHAPE.test(token)) throw shareLinkNotFound();
    const link = await this.dataSource.getRepository(ShareLink).findOneBy({ token });
    if (!link) throw shareLinkNotFound();
    switch (shareLinkState(link, now)) {
      case ShareLinkState.REVOKED:
        throw shareLinkRevoked();
      case ShareLinkState.EXPIRED:
        throw shareLinkExpired();
      case ShareLinkState.ACTIVE:
        break;
    }
    const credential = await this.dataSource.getRepository(IssuedCredential).findOneByOrFail({ id: link.credentialId });
    return { link, credential };
  }

  /** The grading scale a credential names (by its name, or its code), for the certificate; null if unknown. */
  async gradeScale(code: string | null): Promise<GradeScale | null> {
    if (!code) return null;
    return this.dataSource.getRepository(GradingScale).findOne({ where: [{ code }, { name: code }] });
  }

  private learnerOf(principal: Principal): string {
    if (!principal.learnerId) throw forbidden('Only learners share credentials');
    return principal.learnerId;
  }
}
