import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService, Permission, Principal, Role } from '@magix/auth';
import { badInput, Clock, notFound } from '@magix/common';
import { LiftKeyCompromiseInput, ReportKeyCompromiseInput } from './dto/organisation.inputs';
import { IssuerIdentityService } from './issuer-identity.service';
import { IssuerKey } from './issuer-key.entity';
import { compromiseReported, notCompromised } from './organisations.errors';

/** Key rotation and compromise reports: by the HEI's own staff or the programme office. */
@Injectable()
export class SigningKeysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly identities: IssuerIdentityService,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  async rotate(organisationId: string, principal: Principal): Promise<IssuerKey> {
    await this.access.require({ principal, permission: Permission.ORGANISATION_ACT, ids: [organisationId], what: 'Organisation' });
    return this.dataSource.transaction((manager) => this.identities.rotate(manager, organisationId, principal.userId));
  }

  async reportCompromise(input: ReportKeyCompromiseInput, principal: Principal): Promise<IssuerKey> {
    return this.dataSource.transaction(async (manager) => {
      const key = await manager.findOne(IssuerKey, { where: { did: input.did }, lock: { mode: 'pessimistic_write' } });
      if (!key) throw notFound('Signing key');
      // Another HEI's key answers as an absent one.
      await this.access.require({ principal, permission: Permission.SIGNING_KEY_MANAGE, ids: [key.id], manager, what: 'Signing key' });
      if (input.compromisedFrom.getTime() > this.clock.now().getTime())
        throw badInput('input.compromisedFrom', 'compromisedFrom cannot be in the future');
      // Only the programme office moves a reported compromise later; staff may only widen it.
      if (principal.role !== Role.ADMIN && key.compromisedFrom && input.compromisedFrom.getTime() > key.compromisedFrom.getTime()) {
        throw compromiseReported(key.compromisedFrom);
      }
      await this.identities.reportCompromise(manager, key, input.compromisedFrom, input.reason, principal.userId);
      return manager.findOneByOrFail(IssuerKey, { id: key.id });
    });
  }

  /** The programme office withdraws a compromise report (the resolver allows ADMIN only); a rotated-out key stays retired. */
  async liftCompromise(input: LiftKeyCompromiseInput, principal: Principal): Promise<IssuerKey> {
    return this.dataSource.transaction(async (manager) => {
      const key = await manager.findOne(IssuerKey, { where: { did: input.did }, lock: { mode: 'pessimistic_write' } });
      if (!key) throw notFound('Signing key');
      if (!key.compromisedFrom) throw notCompromised();
      await this.identities.liftCompromise(manager, key, input.reason, principal.userId);
      return manager.findOneByOrFail(IssuerKey, { id: key.id });
    });
  }
}
