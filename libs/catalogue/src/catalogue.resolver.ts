import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Principal, Public, Role, Roles } from '@magix/auth';
import { GraphQLContext, PageArgs, Paginated } from '@magix/common';
import { Organisation } from '@magix/organisations';
import { Edition } from '@magix/programme';
import { LearningModule, ModulePrerequisite, ModuleVersion, Offering } from './catalogue.entities';
import { CatalogueService } from './catalogue.service';
import { RetireModuleInput, UpdateModuleInput } from './dto/module-version.inputs';
import { ModuleVersionsService } from './module-versions.service';
import { CreateModuleInput, CreateOfferingInput, ModuleFilter, OfferingFilter } from './dto/catalogue.inputs';

const ModulePage = Paginated(LearningModule);
const OfferingPage = Paginated(Offering);

@Resolver(() => LearningModule)
export class ModuleResolver {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly moduleVersions: ModuleVersionsService,
  ) {}

  @Public()
  @Query(() => ModulePage, { description: 'The module catalogue' })
  modules(@Args() filter: ModuleFilter, @Args() page: PageArgs) {
    return this.catalogue.listModules(filter, page);
  }

  @Public()
  @Query(() => LearningModule)
  module(@Args('code') code: string) {
    return this.catalogue.moduleByCode(code);
  }

  @Roles(Role.ADMIN, Role.ISSUER)
  @Mutation(() => LearningModule, { description: 'ISSUER staff create modules for their own HEI' })
  createModule(@Args('input') input: CreateModuleInput, @CurrentUser() user: Principal) {
    return this.catalogue.createModule(input, user);
  }

  @Roles(Role.ADMIN, Role.ISSUER)
  @Mutation(() => LearningModule, {
    description: 'A new version of the module (its HEI or the office); identical fields make none. Issued credentials keep theirs',
  })
  updateModule(@Args('input') input: UpdateModuleInput, @CurrentUser() user: Principal) {
    return this.moduleVersions.update(input, user);
  }

  @Roles(Role.ADMIN, Role.ISSUER)
  @Mutation(() => LearningModule, { description: 'No new offerings from now on; existing offerings and credentials keep working' })
  retireModule(@Args('input') input: RetireModuleInput, @CurrentUser() user: Principal) {
    return this.moduleVersions.retire(input, user);
  }

  @ResolveField(() => [ModuleVersion], { description: 'Every version, the first first' })
  versions(@Parent() module: LearningModule, @Context() context: GraphQLContext) {
    return context.loaders.manyBy(ModuleVersion, 'moduleId', { version: 'ASC' }).load(module.id);
  }

  @ResolveField(() => Organisation)
  provider(@Parent() module: LearningModule, @Context() context: GraphQLContext) {
    return context.loaders.byId(Organisation).load(module.providerId);
  }

  @ResolveField(() => [LearningModule], { description: 'Modules whose credential a learner must hold first' })
  async prerequisites(@Parent() module: LearningModule, @Context() context: GraphQLContext) {
    const links = await context.loaders.manyBy(ModulePrerequisite, 'moduleId').load(module.id);
    const modules = await context.loaders.byId(LearningModule).loadMany(links.map((link) => link.prerequisiteId));
    return modules.filter((m): m is LearningModule => m instanceof LearningModule);
  }
}

@Resolver(() => Offering)
export class OfferingResolver {
  constructor(private readonly catalogue: CatalogueService) {}

  @Public()
  @Query(() => OfferingPage)
  offerings(@Args() filter: OfferingFilter, @Args() page: PageArgs) {
    return this.catalogue.listOfferings(filter, page);
  }

  @Roles(Role.ADMIN, Role.ISSUER)
  @Mutation(() => Offering)
  createOffering(@Args('input') input: CreateOfferingInput, @CurrentUser() user: Principal) {
    return this.catalogue.createOffering(input, user);
  }

  @ResolveField(() => LearningModule)
  module(@Parent() offering: Offering, @Context() context: GraphQLContext) {
    return context.loaders.byId(LearningModule).load(offering.moduleId);
  }

  @ResolveField(() => ModuleVersion, { description: 'The version it teaches, current when it was created; its credentials state it' })
  async moduleVersion(@Parent() offering: Offering, @Context() context: GraphQLContext) {
    return context.loaders.byId(ModuleVersion).load(offering.moduleVersionId);
  }

  @ResolveField(() => Edition)
  edition(@Parent() offering: Offering, @Context() context: GraphQLContext) {
    return context.loaders.byId(Edition).load(offering.editionId);
  }
}
