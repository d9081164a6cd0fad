import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Principal, Public, Role, Roles, User } from '@magix/auth';
import { GraphQLContext, PageArgs, Paginated } from '@magix/common';
import { CreateOrganisationInput, CreateStaffAccountInput, OrganisationFilter } from './dto/organisation.inputs';
import { IssuerKey } from './issuer-key.entity';
import { Organisation } from './organisation.entity';
import { OrganisationsService } from './organisations.service';

const OrganisationPage = Paginated(Organisation);

@Resolver(() => Organisation)
export class OrganisationsResolver {
  constructor(private readonly service: OrganisationsService) {}

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

  @ResolveField(() => String, { nullable: true, description: 'The DID this organisation signs credentials with' })
  async issuerDid(@Parent() organisation: Organisation, @Context() context: GraphQLContext): Promise<string | null> {
    const key = await context.loaders.oneBy(IssuerKey, 'organisationId', { active: true }).load(organisation.id);
    return key?.did ?? null;
  }
}
