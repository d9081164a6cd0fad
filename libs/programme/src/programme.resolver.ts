import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CurrentUser, Principal, Public, Role, Roles } from '@magix/auth';
import { GraphQLContext, notFound } from '@magix/common';
import { Edition, Programme, ProgrammeTarget } from './programme.entities';
import { SetProgrammeTranslationsInput } from './translations/programme-translation';
import { ProgrammeTranslationsService } from './translations/programme-translations.service';

@Resolver(() => Programme)
export class ProgrammeResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly translations: ProgrammeTranslationsService,
  ) {}

  @Public()
  @Query(() => Programme, { description: 'The programme with its editions and targets' })
  async programme(@Args('code', { defaultValue: 'MAGIX' }) code: string): Promise<Programme> {
    const programme = await this.dataSource.getRepository(Programme).findOneBy({ code });
    if (!programme) throw notFound(`Programme ${code}`);
    return programme;
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Programme, {
    description:
      'The programme’s title and description in other languages than English, replacing those set before; degrees issued from then on carry them. The programme office only',
  })
  setProgrammeTranslations(@Args('input') input: SetProgrammeTranslationsInput, @CurrentUser() user: Principal): Promise<Programme> {
    return this.translations.set(input, user);
  }

  @ResolveField(() => [Edition])
  editions(@Parent() programme: Programme, @Context() context: GraphQLContext): Promise<Edition[]> {
    return context.loaders.manyBy(Edition, 'programmeId', { startsOn: 'ASC' }).load(programme.id);
  }

  @ResolveField(() => [ProgrammeTarget], { description: 'The programme-wide targets (each edition’s own are Edition.targets)' })
  async targets(@Parent() programme: Programme, @Context() context: GraphQLContext): Promise<ProgrammeTarget[]> {
    const targets = await context.loaders.manyBy(ProgrammeTarget, 'programmeId', { metric: 'ASC' }).load(programme.id);
    return targets.filter((target) => target.editionId === null);
  }
}
