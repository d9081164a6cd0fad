import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Principal, Public, Role, Roles, User } from '@magix/auth';
import { GraphQLContext, PageArgs, Paginated } from '@magix/common';
import {
  CreateOrganisationInput,
  CreateStaffAccountInput,
  LiftKeyCompromiseInput,
  OrganisationFilter,
  ReportKeyCompromiseInput,
} from './dto/organisation.inputs';
import { IssuerIdentityService } from './issuer-identity.service';
import { SigningKeysService } from './signing-keys.service';
import { TrustRegistryEntryType } from './trust-registry';
import { IssuerKey } from './issuer-key.entity';
import { Organisation } from './organisation.entity';
import { OrganisationsService } from './organisations.service';

const OrganisationPage = Paginated(Organisation);

@Resolver(() => Organisation)
export class OrganisationsResolver {
  constructor(
    private readonly service: OrganisationsService,
    private readonly keys: SigningKeysService,
    private readonly identities: IssuerIdentityService,
  ) {}

  @Public()
  @Query(() => [TrustRegistryEntryType], { description: 'The issuer DIDs the consortium trusts, with their validity windows' })
  async trustRegistry(): Promise<TrustRegistryEntryType[]> {
    const entries = await this.identities.registry();
    return entries.map((e) => ({ ...e, organisationName: e.name }));
  }

  @Roles(Role.ADMIN, Role.ISSUER)
  @Mutation(() => IssuerKey, { description: 'Retire the HEI’s signing key and sign with a new one from now on' })
  rotateSigningKey(@Args('organisationId', { type: () => ID }) organisationId: string, @CurrentUser() user: Principal) {
    return this.keys.rotate(organisationId, user);
  }

  @Roles(Role.ADMIN, Role.ISSUER)
  @Mutation(() => IssuerKey, {
    description:
      'Distrust what a key signed from a date on; an active key is also rotated. HEI staff may only report an earlier date than one already reported; the programme office may move it either way',
  })
  reportKeyCompromise(@Args('input') input: ReportKeyCompromiseInput, @CurrentUser() user: Principal) {
    return this.keys.reportCompromise(input, user);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => IssuerKey, {
    description: 'Withdraw a compromise report (programme office only): the key vouches again for what it signed',
  })
  liftKeyCompromise(@Args('input') input: LiftKeyCompromiseInput, @CurrentUser() user: Principal) {
    return this.keys.liftCompromise(input, user);
  }

  @Public()
  @Query(() => OrganisationPage, { description: 'The consortium and learners’ employers' })
  organisations(@Args() filter: OrganisationFilter, @Args() page: PageArgs) {
    return this.service.list(filter, page);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Organisation)
  createOrganisation(@Args('input') input: CreateOrganisationInput, @CurrentUser() user: Principal) {
    return this.service.create(input, user.userId);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => User, { description: 'An ISSUER account for staff of one organisation' })
  createStaffAccount(@Args('input') input: CreateStaffAccountInput) {
    return this.service.createStaffAccount(input);
  }

  @ResolveField(() => [IssuerKey], { description: 'Every signing key, current and retired' })
  signingKeys(@Parent() organisation: Organisation, @Context() context: GraphQLContext) {
    return context.loaders.manyBy(IssuerKey, 'organisationId', { validFrom: 'ASC' }).load(organisation.id);
  }

  @ResolveField(() => String, { nullable: true, description: 'The DID this organisation signs credentials with' })
  async issuerDid(@Parent() organisation: Organisation, @Context() context: GraphQLContext): Promise<string | null> {
    const key = await context.loaders.oneBy(IssuerKey, 'organisationId', { active: true }).load(organisation.id);
    return key?.did ?? null;
  }
}
