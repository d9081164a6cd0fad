import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService, Permission, Principal } from '@magix/auth';
import { CredentialState } from '@magix/credentials';
import { audit, AuditAction } from '@magix/audit';
import { Clock, DomainEvents, notFound } from '@magix/common';
import { CredentialKind, IssuedCredential } from './credential.entity';
import { credentialRevoked, noStatusList, notYourCredential } from './issuance.errors';
import { StatusListService } from './status-list.service';

declare module '@magix/common' {
  interface DomainEventMap {
    /** A credential was revoked (never emitted twice for one credential). */
    'credential.revoked': { credential: IssuedCredential; reason: string; actorUserId: string };
  }
}

export enum StatusChange {
  REVOKE = 'REVOKE',
  SUSPEND = 'SUSPEND',
  REINSTATE = 'REINSTATE',
}

/**
 * Revocation (final), suspension and reinstatement by the issuing HEI. Each is one transaction on
 * a locked credential row: the record, the status list bit and the audit line change together,
 * and repeating a change that is already in effect changes nothing.
 */
@Injectable()
export class CredentialStatusService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly statusLists: StatusListService,
    private readonly access: AccessService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  change(id: string, change: StatusChange, reason: string, principal: Principal): Promise<IssuedCredential> {
    return this.dataSource.transaction(async (manager) => {
      // Another HEI's credential answers as an absent one: ids cannot be probed.
      await this.access.require({ principal, permission: Permission.CREDENTIAL_STATUS_MANAGE, ids: [id], manager, what: 'Credential' });
      const credential = await this.locked(manager, id);
      return this.changeLocked(manager, credential, change, reason, principal.userId);
    });
  }

  /** The programme office revokes a joint degree after review; only degrees are its to revoke. */
  async revokeAsProgrammeOffice(manager: EntityManager, id: string, reason: string, actorUserId: string): Promise<IssuedCredential> {
    const credential = await this.locked(manager, id);
    if (credential.kind !== CredentialKind.DEGREE) throw notYourCredential();
    return this.changeLocked(manager, credential, StatusChange.REVOKE, reason, actorUserId);
  }

  /** Revokes inside the caller's transaction, which has checked access (a corrected result's credential, superseded). */
  async revokeWithin(manager: EntityManager, id: string, reason: string, actorUserId: string): Promise<IssuedCredential> {
    return this.changeLocked(manager, await this.locked(manager, id), StatusChange.REVOKE, reason, actorUserId);
  }

  private async locked(manager: EntityManager, id: string): Promise<IssuedCredential> {
    const credential = await manager.findOne(IssuedCredential, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!credential) throw notFound('Credential');
    if (credential.statusSetId === null || credential.statusIndex === null) throw noStatusList();
    return credential;
  }

  private async changeLocked(
    manager: EntityManager,
    credential: IssuedCredential,
    change: StatusChange,
    reason: string,
    actorUserId: string,
  ): Promise<IssuedCredential> {
    const changed = await this.apply(manager, credential, change, reason);
    if (changed) {
      const action = {
        REVOKE: AuditAction.CREDENTIAL_REVOKED,
        SUSPEND: AuditAction.CREDENTIAL_SUSPENDED,
        REINSTATE: AuditAction.CREDENTIAL_REINSTATED,
      }[change];
      await audit(manager, { action, actorUserId, entityType: 'credential', entityId: credential.id, details: { reason } });
    }
    const updated = await manager.findOneByOrFail(IssuedCredential, { id: credential.id });
    if (changed && change === StatusChange.REVOKE)
      await this.events.emit(manager, 'credential.revoked', { credential: updated, reason, actorUserId });
    return updated;
  }

  /** Returns whether anything changed. */
  private async apply(manager: EntityManager, credential: IssuedCredential, change: StatusChange, reason: string): Promise<boolean> {
    const setId = credential.statusSetId!;
    const index = credential.statusIndex!;
    if (credential.revokedAt) {
      if (change === StatusChange.REVOKE) return false;
      throw credentialRevoked();
    }
    switch (change) {
      case StatusChange.REVOKE:
        await this.statusLists.setState(manager, setId, index, CredentialState.REVOKED);
        await manager.update(
          IssuedCredential,
          { id: credential.id },
          { revokedAt: this.clock.now(), revocationReason: reason, suspendedAt: null, suspensionReason: null },
        );
        return true;
      case StatusChange.SUSPEND:
        if (credential.suspendedAt) return false;
        await this.statusLists.setState(manager, setId, index, CredentialState.SUSPENDED);
        await manager.update(IssuedCredential, { id: credential.id }, { suspendedAt: this.clock.now(), suspensionReason: reason });
        return true;
      case StatusChange.REINSTATE:
        if (!credential.suspendedAt) return false;
        await this.statusLists.setState(manager, setId, index, CredentialState.VALID);
        await manager.update(IssuedCredential, { id: credential.id }, { suspendedAt: null, suspensionReason: null });
        return true;
    }
  }
}
