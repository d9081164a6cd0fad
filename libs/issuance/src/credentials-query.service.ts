import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal, Role } from '@magix/auth';
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
  ) {}

  /** The credential secured as VC-JOSE (application/vc+jwt) with the key that signed it. */
  async jwtOf(credential: IssuedCredential): Promise<string> {
    const key = await this.identities.keyByDid(credential.issuerDid);
    if (!key) throw new Error(`No key for ${credential.issuerDid}`);
    return signCredentialJwt(JSON.parse(credential.json) as Record<string, unknown>, key);
  }

  async mine(principal: Principal, page: PageArgs): Promise<Page<IssuedCredential>> {
    if (!principal.learnerId) throw forbidden('Only learners hold credentials');
    const found = await this.dataSource.getRepository(IssuedCredential).findAndCount({
      where: { learnerId: principal.learnerId },
      order: { issuedAt: 'DESC', id: 'ASC' },
      skip: page.offset,
      take: page.limit,
    });
    return pageOf(found, page);
  }

  async list(principal: Principal, page: PageArgs): Promise<Page<IssuedCredential>> {
    const found = await this.dataSource.getRepository(IssuedCredential).findAndCount({
      where: principal.role === Role.ADMIN ? {} : { issuerOrganisationId: this.organisationOf(principal) },
      order: { issuedAt: 'DESC', id: 'ASC' },
      skip: page.offset,
      take: page.limit,
    });
    return pageOf(found, page);
  }

  private organisationOf(principal: Principal): string {
    if (principal.role !== Role.ISSUER || !principal.organisationId)
      throw forbidden('Only HEI staff and the programme office list issued credentials');
    return principal.organisationId;
  }

  async one(id: string, principal: Principal): Promise<IssuedCredential> {
    const credential = await this.dataSource.getRepository(IssuedCredential).findOneBy({ id });
    if (!credential) throw notFound('Credential');
    const allowed =
      principal.role === Role.ADMIN ||
      (principal.role === Role.ISSUER && principal.organisationId === credential.issuerOrganisationId) ||
      (principal.role === Role.LEARNER && principal.learnerId === credential.learnerId);
    if (!allowed) throw forbidden('This credential is not yours to read');
    return credential;
  }
}
