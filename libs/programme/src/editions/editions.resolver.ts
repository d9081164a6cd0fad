import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Principal, Role, Roles } from '@magix/auth';
import { GraphQLContext } from '@magix/common';
import { Edition, ProgrammeTarget } from '../programme.entities';
import { CreateEditionInput, UpdateEditionInput } from './dto/edition.inputs';
import { EditionsService } from './editions.service';

@Resolver(() => Edition)
export class EditionsResolver {
  constructor(private readonly editions: EditionsService) {}

  @Roles(Role.ADMIN)
  @Mutation(() => Edition, { description: 'Plan a new edition (PLANNED): dates, degree intake, targets. The programme office only' })
  createEdition(@Args('input') input: CreateEditionInput, @CurrentUser() user: Principal) {
    return this.editions.create(input, user);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Edition, { description: 'Change an edition’s code, dates, degree intake or targets. The programme office only' })
  updateEdition(@Args('input') input: UpdateEditionInput, @CurrentUser() user: Principal) {
    return this.editions.update(input, user);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Edition, {
    description: 'Open a PLANNED edition: everyone on the interest list is mailed once. Opening again changes nothing',
  })
  openEdition(@Args('editionId', { type: () => ID }) editionId: string, @CurrentUser() user: Principal) {
    return this.editions.open(editionId, user);
  }

  @ResolveField(() => [ProgrammeTarget], { description: 'This edition’s own targets (the programme-wide ones are Programme.targets)' })
  targets(@Parent() edition: Edition, @Context() context: GraphQLContext): Promise<ProgrammeTarget[]> {
    return context.loaders.manyBy(ProgrammeTarget, 'editionId', { metric: 'ASC' }).load(edition.id);
  }
}
