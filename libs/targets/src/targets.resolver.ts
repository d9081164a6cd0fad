import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Role, Roles } from '@magix/auth';
import { TargetsService } from './targets.service';
import { ProgrammeTargets } from './targets.types';

@Resolver()
export class TargetsResolver {
  constructor(private readonly targets: TargetsService) {}

  @Roles(Role.ADMIN)
  @Query(() => ProgrammeTargets, { description: 'Graduates, module participants and the public-sector share against the targets, live' })
  programmeTargets(@Args('editionId', { type: () => ID, nullable: true }) editionId?: string) {
    return this.targets.programmeTargets(editionId ?? null);
  }
}
