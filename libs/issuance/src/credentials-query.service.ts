import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService, Permission, Principal, Role } from '@magix/auth';
import { forbidden, notFound, Page, PageArgs, pageOf } from '@magix/common';
import { signCredentialJwt } from '@magix/credentials';
import { IssuerIdentityService } from '@magix/organisations';
import { IssuedCredential } from './credential.entity';

/** Reads credentials for whoever may see them: the learner, the issuing HEI, the programme office. */
@Injectable()
export class CredentialsQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly identities: IssuerIdentityService,
    private readonly access: AccessService,
  ) {}

  /** The credential secured as VC-JOSE (application/vc+jwt) with the key that signed it. */
  async jwtOf(credential: IssuedCredential): Promise<string> {
    const key = await this.identities.keyByDid(credential.issuerDid);
    if (!key) throw new Error(`No key for ${credential.issuerDid}`);
    return signCredentialJwt(JSON.parse(credential.json) as Record<string, unknown>, key);
  }

  async mine(principal: Principal, page: PageArgs): Promise<Page<IssuedCredential>> {
    if (!principal.learnerId) throw forbidden('Only learners hold credentials');
    return this.page(principal, page);
  }

  async list(principal: Principal, page: PageArgs): Promise<Page<IssuedCredential>> {
    if (principal.role === Role.LEARNER) throw forbidden('Only HEI staff and the programme office list issued credentials');
    return this.page(principal, page);
  }

  /** The credentials the principal may read: a learner's own, an HEI's issued ones, or all. */
  private async page(principal: Principal, page: PageArgs): Promise<Page<IssuedCredential>> {
    const query = this.dataSource
      .getRepository(IssuedCredential)
      .createQueryBuilder('c')
      .orderBy('c.issuedAt', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .skip(page.offset)
      .take(page.limit);
    this.access.scope(query, 'c', principal, Permission.CREDENTIAL_READ);
    return pageOf(await query.getManyAndCount(), page);
  }

  /** One credential, for whoever may read it; anyone else's answers as absent. */
  async one(id: string, principal: Principal): Promise<IssuedCredential> {
    await this.access.require({ principal, permission: Permission.CREDENTIAL_READ, ids: [id], what: 'Credential' });
    const credential = await this.dataSource.getRepository(IssuedCredential).findOneBy({ id });
    if (!credential) throw notFound('Credential');
    return credential;
  }
}
