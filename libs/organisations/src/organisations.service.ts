import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { assertAcceptablePassword, hashPassword, Role, User } from '@magix/auth';
import { definedOnly, notFound, Page, PageArgs, pageOf } from '@magix/common';
import { CreateOrganisationInput, CreateStaffAccountInput, OrganisationFilter } from './dto/organisation.inputs';
import { IssuerIdentityService } from './issuer-identity.service';
import { Organisation, OrganisationKind } from './organisation.entity';
import { emailTaken, organisationExists } from './organisations.errors';

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly identities: IssuerIdentityService,
  ) {}

  async list(filter: OrganisationFilter, page: PageArgs): Promise<Page<Organisation>> {
    const found = await this.dataSource.getRepository(Organisation).findAndCount({
      where: definedOnly({ kind: filter.kind, countryCode: filter.countryCode, consortiumMember: filter.consortiumMember }),
      order: { name: 'ASC' },
      skip: page.offset,
      take: page.limit,
    });
    return pageOf(found, page);
  }

  /** A consortium HEI gets its signing identity in the same transaction. */
  async create(input: CreateOrganisationInput, actorUserId: string | null): Promise<Organisation> {
    return this.dataSource.transaction(async (manager) => {
      const taken = await manager.existsBy(Organisation, { shortName: input.shortName });
      if (taken) throw organisationExists(input.shortName);
      const organisation = manager.create(Organisation, { ...input, website: input.website ?? null });
      await manager.insert(Organisation, organisation);
      if (organisation.kind === OrganisationKind.HEI && organisation.consortiumMember) {
        await this.identities.createIdentity(manager, organisation.id, actorUserId);
      }
      return organisation;
    });
  }

  /** An ISSUER account: staff who act for this organisation only. */
  async createStaffAccount(input: CreateStaffAccountInput): Promise<User> {
    assertAcceptablePassword('input.password', input.password, [input.email]);
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(Organisation, { id: input.organisationId }))) throw notFound('Organisation');
      const taken = await manager.createQueryBuilder(User, 'u').where('lower(u.email) = lower(:email)', input).getExists();
      if (taken) throw emailTaken(input.email);
      const user = manager.create(User, {
        email: input.email,
        passwordHash: await hashPassword(input.password),
        role: Role.ISSUER,
        organisationId: input.organisationId,
        learnerId: null,
      });
      await manager.insert(User, user);
      return manager.findOneByOrFail(User, { id: user.id });
    });
  }
}
