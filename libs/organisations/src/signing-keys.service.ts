import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { assertActsFor, Principal } from '@magix/auth';
import { badInput, notFound } from '@magix/common';
import { ReportKeyCompromiseInput } from './dto/organisation.inputs';
import { IssuerIdentityService } from './issuer-identity.service';
import { IssuerKey } from './issuer-key.entity';

/** Key rotation and compromise reports: by the HEI's own staff or the programme office. */
@Injectable()
export class SigningKeysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly identities: IssuerIdentityService,
  ) {}

  async rotate(organisationId: string, principal: Principal): Promise<IssuerKey> {
    assertActsFor(principal, organisationId, { adminAllowed: true });
    return this.dataSource.transaction((manager) => this.identities.rotate(manager, organisationId, principal.userId));
  }

  async reportCompromise(input: ReportKeyCompromiseInput, principal: Principal): Promise<IssuerKey> {
    return this.dataSource.transaction(async (manager) => {
      const key = await manager.findOne(IssuerKey, { where: { did: input.did }, lock: { mode: 'pessimistic_write' } });
      if (!key) throw notFound('Signing key');
      assertActsFor(principal, key.organisationId, { adminAllowed: true });
      if (input.compromisedFrom.getTime() > Date.now()) throw badInput('input.compromisedFrom', 'compromisedFrom cannot be in the future');
      await this.identities.reportCompromise(manager, key, input.compromisedFrom, input.reason, principal.userId);
      return manager.findOneByOrFail(IssuerKey, { id: key.id });
    });
  }
}
