import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '@magix/auth';
import { GraphQLContext, notFound } from '@magix/common';
import { Edition, Programme, ProgrammeTarget } from './programme.entities';

@Resolver(() => Programme)
export class ProgrammeResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Public()
  @Query(() => Programme, { description: 'The programme with its editions and targets' })
  async programme(@Args('code', { defaultValue: 'MAGIX' }) code: string): Promise<Programme> {
    const programme = await this.dataSource.getRepository(Programme).findOneBy({ code });
    if (!programme) throw notFound(`Programme ${code}`);
    return programme;
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
